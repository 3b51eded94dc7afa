"""`_mirror.py`: msgspec mirrors of the success models, and the builders that make models of them.

The reference reading of a success body is `json.loads` then the generated `from_dict` (which checks
every scalar's type, every enum value and every required key). The mirror checks the same in one C
pass (`msgspec.json.Decoder` of a `msgspec.Struct` per model), then a builder sets the model's
attributes from the checked values without checking again. The rules a mirror follows:

- it may refuse more than `from_dict` (an unknown key, which `from_dict` keeps in
  `additional_properties`; an unknown enum value): the overlay then hands the body to the reference,
  so every result and every error stays the reference's;
- it never accepts what `from_dict` refuses, and what it accepts it builds exactly as `from_dict`
  does (same types, same values, same `UNSET`s).

A part the fast path does not build itself is read by the reference's own code for it: a union of
models by the generated try-each-branch rule over the branches' `from_dict`, a model whose extra
keys hold models by its `from_dict`. Anything else this module does not know fails the generation,
naming the schema and the property, so a spec bump finds out at `make generate`, not at run time.

Runs in a child interpreter (`generate.py`) that imports the freshly generated package: the field
types are the generated models' own annotations, the wire names the generator's parse of the spec.
"""

from __future__ import annotations

import argparse
import datetime
import enum
import importlib
import json
import sys
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import attrs

HEADER = '''"""msgspec mirrors of the success models and their builders (see `pinecone_control._decoding`).

Written by openapi/codegen/mirror_module.py; do not edit.
"""
'''
INLINE_DEPTH = 3  # nested models deeper than this are built by a call (and recursive ones never inline)
SCALARS: dict[Any, str] = {str: "str", int: "int", bool: "bool", float: "int | float"}  # float: 1 stays 1


class MirrorError(Exception):
    """A shape of the spec the mirror does not know how to match exactly."""


# -- what each field is -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    kind: str  # scalar, enum, model, map, delegated, list, union, nullable, datetime, raw
    cls: Any = None  # the Python type (scalar, enum, model class)
    items: tuple[Node, ...] = ()  # list: (item,); nullable: (inner,); union: one per branch


@dataclass(frozen=True)
class Prop:
    name: str  # the attribute
    wire: str  # the JSON key
    optional: bool
    node: Node


@dataclass
class Model:
    cls: type
    schema: str
    props: tuple[Prop, ...]


@dataclass
class Mirror:
    package: str
    wire_names: dict[str, dict[str, str]]  # class name -> attribute -> JSON key
    schemas: dict[str, str]  # class name -> schema name
    models: dict[type, Model] = field(default_factory=dict)
    kinds: dict[type, str] = field(default_factory=dict)  # struct, map or delegated
    in_progress: set[type] = field(default_factory=set)

    @property
    def unset(self) -> type:
        unset: type = importlib.import_module(f"{self.package}.types").Unset
        return unset

    def where(self, cls: type, prop: str | None = None) -> str:
        schema = self.schemas.get(cls.__name__, cls.__name__)
        return f"schema `{schema}` (class {cls.__name__})" + (f", property `{prop}`" if prop else "")

    def model_kind(self, cls: type) -> str:
        """How a model is mirrored: `struct` (fields checked by msgspec), `map` (only extra keys,
        taken as decoded, as `from_dict` takes them), `delegated` (read by its `from_dict`)."""
        if cls in self.kinds:
            return self.kinds[cls]
        if cls in self.in_progress:
            return "delegated"  # recursive: the inner occurrence is read by its from_dict
        self.in_progress.add(cls)
        try:
            kind = self._classify(cls)
        finally:
            self.in_progress.discard(cls)
        self.kinds[cls] = kind
        return kind

    def _classify(self, cls: type) -> str:
        module = importlib.import_module(cls.__module__)
        hints = typing.get_type_hints(cls, vars(module))
        names = [f.name for f in attrs.fields(cls) if f.name != "additional_properties"]
        extra_type = hints.get("additional_properties")
        wires = self.wire_names.get(cls.__name__)
        if wires is None or set(wires) != set(names):
            raise MirrorError(
                f"{self.where(cls)}: the generator's properties {sorted(wires or ())} are not the fields {names}"
            )
        if extra_type is not None:
            known = getattr(module, "_KNOWN_KEYS", None)
            if known is None or set(known) != set(wires.values()):
                raise MirrorError(f"{self.where(cls)}: _KNOWN_KEYS does not list the properties' keys")
            value = typing.get_args(extra_type)[1] if typing.get_origin(extra_type) is dict else None
            plain = value is Any or value in SCALARS  # taken as they come by `from_dict` too
            if not plain:
                if value is None or not (attrs.has(value) or typing.get_origin(value) is list):
                    raise MirrorError(f"{self.where(cls)}: extra keys of type {extra_type} are not mirrored")
                return "delegated"  # its from_dict builds each extra key's value
            if not names:
                return "map"
        props = tuple(
            Prop(name, wires[name], optional, self.node(cls, wires[name], kind))
            for name, (optional, kind) in ((n, _split_unset(hints[n], self.unset)) for n in names)
        )
        self.models[cls] = Model(cls, self.schemas.get(cls.__name__, cls.__name__), props)
        return "struct"

    def node(self, owner: type, prop: str, kind: Any) -> Node:
        args = typing.get_args(kind)
        if _is_union(kind) and type(None) in args:
            rest = tuple(a for a in args if a is not type(None))
            inner = self.node(owner, prop, rest[0] if len(rest) == 1 else typing.Union[rest])  # noqa: UP007
            return inner if inner.kind == "raw" else Node("nullable", items=(inner,))
        if kind in SCALARS:
            return Node("scalar", kind)
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return Node("enum", kind)  # msgspec decodes an enum by value, as `from_dict` does
        if kind is datetime.datetime:
            return Node("datetime")  # a string, then `fromisoformat`, as `from_dict` does
        if kind is Any:
            return Node("raw")
        if attrs.has(kind):
            return Node(self.model_kind(kind), kind)
        if _is_union(kind) and all(attrs.has(a) for a in args):
            return Node("union", items=tuple(Node("model", a) for a in args))
        if _is_union(kind) and _all_scalar(kind):
            return Node("raw")  # `from_dict` casts a union of plain values: no check
        if typing.get_origin(kind) is list and len(args) == 1:
            if args[0] in SCALARS:
                return Node("raw")  # `from_dict` casts a list of plain values as a whole: no check
            if _is_union(args[0]) and _all_scalar(args[0]):
                return Node("array")  # `from_dict` copies it item by item (so it must be a list), casting each
            return Node("list", items=(self.node(owner, prop, args[0]),))
        raise MirrorError(f"{self.where(owner, prop)}: a value of type {kind} is not mirrored")


def _is_union(kind: Any) -> bool:
    return isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union


def _all_scalar(kind: Any) -> bool:
    return all(a in SCALARS for a in typing.get_args(kind))


def _split_unset(annotation: Any, unset: type) -> tuple[bool, Any]:
    """(optional, the annotation without `Unset`)."""
    args = typing.get_args(annotation)
    if _is_union(annotation) and unset in args:
        rest = tuple(a for a in args if a is not unset)
        return True, rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007
    return False, annotation


# -- the module's text --------------------------------------------------------------------------------


class Writer:
    def __init__(self, mirror: Mirror) -> None:
        self.mirror = mirror
        self.imports: dict[str, set[str]] = {}
        self.structs: list[str] = []
        self.struct_done: set[type] = set()
        self.functions: dict[str, list[str]] = {}
        self.builders_wanted: list[type] = []
        self.unions: dict[tuple[type, ...], str] = {}
        self.uses_datetime = False
        self._names = 0

    def name_of(self, cls: type) -> str:
        relative = cls.__module__.removeprefix(self.mirror.package)
        self.imports.setdefault(relative, set()).add(cls.__name__)
        return cls.__name__

    def fresh(self, prefix: str) -> str:
        self._names += 1
        return f"{prefix}{self._names}"

    # -- structs

    def struct(self, cls: type) -> str:
        name = f"_{cls.__name__}Mirror"
        if cls in self.struct_done:
            return name
        self.struct_done.add(cls)
        model = self.mirror.models[cls]
        lines = [
            f"class {name}(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):",
            f'    """What `{self.name_of(cls)}.from_dict` checks (schema `{model.schema}`)."""',
            "",
        ]
        for prop in model.props:
            annotation = self.type_of(prop.node)
            default = []
            if prop.wire != prop.name:
                default.append(f"name={json.dumps(prop.wire)}")
            if prop.optional:
                default.append("default=_UNSET")  # absent: the models' own UNSET, nothing to map after
            if prop.wire != prop.name:
                lines.append(f"    {prop.name}: {annotation} = msgspec.field({', '.join(default)})")
            elif prop.optional:
                lines.append(f"    {prop.name}: {annotation} = _UNSET")
            else:
                lines.append(f"    {prop.name}: {annotation}")
        self.structs.append("\n".join(lines))
        return name

    def type_of(self, node: Node) -> str:
        if node.kind == "scalar":
            return SCALARS[node.cls]
        if node.kind == "enum":
            return self.name_of(node.cls)
        if node.kind == "struct":
            return self.struct(node.cls)
        if node.kind == "map":
            return "dict[str, Any]"
        if node.kind == "datetime":
            return "str"
        if node.kind == "array":
            return "list[Any]"
        if node.kind == "list":
            return f"list[{self.type_of(node.items[0])}]"
        if node.kind == "nullable":
            return f"{self.type_of(node.items[0])} | None"
        return "Any"  # raw, delegated, union

    # -- builders

    def builder(self, cls: type) -> str:
        name = f"_build_{cls.__name__}"
        if name not in self.functions:
            self.functions[name] = []  # reserved first: a recursive model calls itself
            lines = [f"def {name}(s: Any) -> {self.name_of(cls)}:"]
            self.model(cls, "s", "o", 1, 0, lines)
            lines.append("    return o")
            self.functions[name] = lines
        return name

    def model(self, cls: type, src: str, var: str, indent: int, depth: int, out: list[str]) -> None:
        pad = "    " * indent
        model = self.mirror.models[cls]
        out.append(f"{pad}{var} = _new({self.name_of(cls)})")
        for prop in model.props:
            target = f"{var}.{prop.name}"
            if _plain(prop.node):
                out.append(f"{pad}{target} = {src}.{prop.name}")  # the commonest case, one store
                continue
            value = self.fresh("v")
            out.append(f"{pad}{value} = {src}.{prop.name}")
            if prop.optional:
                out.append(f"{pad}if {value} is _UNSET:")
                out.append(f"{pad}    {target} = _UNSET")
                out.append(f"{pad}else:")
                self.value(prop.node, value, target, indent + 1, depth, out)
            else:
                self.value(prop.node, value, target, indent, depth, out)
        # `additional_properties` is not set: the mirror refuses extra keys, and the model makes its
        # empty dict at first use (`types.extra_keys_at_first_use`).

    def value(self, node: Node, src: str, target: str, indent: int, depth: int, out: list[str]) -> None:
        pad = "    " * indent
        kind = node.kind
        if kind == "nullable":
            out.append(f"{pad}if {src} is None:")
            out.append(f"{pad}    {target} = None")
            out.append(f"{pad}else:")
            self.value(node.items[0], src, target, indent + 1, depth, out)
        elif kind == "list":
            items, item, add = self.fresh("l"), self.fresh("x"), self.fresh("a")
            out.append(f"{pad}{items}: list[Any] = []")
            out.append(f"{pad}{add} = {items}.append")
            out.append(f"{pad}for {item} in {src}:")
            inner = node.items[0]
            if inner.kind == "struct" and depth < INLINE_DEPTH:  # built in place, appended as it is
                built = self.fresh("o")
                self.model(inner.cls, item, built, indent + 1, depth + 1, out)
            else:
                built = self.fresh("b")
                self.value(inner, item, built, indent + 1, depth, out)
            out.append(f"{pad}    {add}({built})")
            out.append(f"{pad}{target} = {items}")
        elif kind == "struct" and depth < INLINE_DEPTH:
            var = self.fresh("o")
            self.model(node.cls, src, var, indent, depth + 1, out)
            out.append(f"{pad}{target} = {var}")
        elif kind == "struct":
            out.append(f"{pad}{target} = {self.builder(node.cls)}({src})")
        elif kind == "map":
            var = self.fresh("o")
            out.append(f"{pad}{var} = _new({self.name_of(node.cls)})")
            out.append(f"{pad}{var}.additional_properties = {src}")  # a fresh dict: nothing else holds it
            out.append(f"{pad}{target} = {var}")
        elif kind == "delegated":
            out.append(f"{pad}{target} = {self.name_of(node.cls)}.from_dict({src})")
        elif kind == "union":
            out.append(f"{pad}{target} = {self.union([n.cls for n in node.items])}({src})")
        elif kind == "datetime":
            self.uses_datetime = True
            out.append(f"{pad}{target} = datetime.datetime.fromisoformat({src})")
        else:
            out.append(f"{pad}{target} = {src}")  # scalar, enum member, raw, array (a fresh list)

    def union(self, branches: list[type]) -> str:
        """The generated `from_dict`'s own rule for a union of models: each branch's `from_dict` in
        order, the first that does not raise wins."""
        key = tuple(branches)
        if key in self.unions:
            return self.unions[key]
        name = self.unions[key] = f"_union_{len(self.unions) + 1}"
        names = [self.name_of(b) for b in branches]
        lines = [f"def {name}(data: Any) -> {' | '.join(names)}:"]
        for branch in names[:-1]:
            lines += [
                "    try:",
                "        if not isinstance(data, dict):",
                "            raise TypeError()",
                f"        return {branch}.from_dict(data)",
                "    except (TypeError, ValueError, AttributeError, KeyError):",
                "        pass",
            ]
        lines += [
            "    if not isinstance(data, dict):",
            "        raise TypeError()",
            f"    return {names[-1]}.from_dict(data)",
        ]
        self.functions[name] = lines
        return name

    def decoder(self, cls: type) -> tuple[str, list[str]]:
        """`decode_<Model>(body) -> Model` for a success model."""
        model = self.name_of(cls)
        kind = self.mirror.model_kind(cls)
        if kind == "struct":
            struct, build = self.struct(cls), self.builder(cls)
            return model, [
                f"_decode_{model} = msgspec.json.Decoder({struct}).decode",
                "",
                "",
                f"def decode_{model}(body: bytes) -> {model}:",
                f"    return {build}(_decode_{model}(body))",
            ]
        if kind == "map":
            return model, [
                f"_decode_{model} = msgspec.json.Decoder(dict[str, Any]).decode",
                "",
                "",
                f"def decode_{model}(body: bytes) -> {model}:",
                f"    o = _new({model})",
                f"    o.additional_properties = _decode_{model}(body)",
                "    return o",
            ]
        raise MirrorError(f"{self.mirror.where(cls)}: a success model must be mirrored, not read by from_dict")


def _plain(node: Node) -> bool:
    return node.kind in {"scalar", "enum", "raw", "array"}


def render(mirror: Mirror, success: list[type]) -> str:
    writer = Writer(mirror)
    decoders = [writer.decoder(cls) for cls in sorted(set(success), key=lambda c: c.__name__)]
    imports = ["import datetime"] if writer.uses_datetime else []
    imports += ["from collections.abc import Callable", "from typing import Any", "", "import msgspec", ""]
    imports += [f"from {module} import {', '.join(sorted(names))}" for module, names in sorted(writer.imports.items())]
    parts = [
        HEADER,
        "\n".join([*imports, "from .types import UNSET"]),
        "_new = object.__new__  # attrs classes define no __new__: the models' own construction\n"
        "_UNSET: Any = UNSET  # an absent optional field decodes to it (msgspec checks decoded values only)",
        *writer.structs,
        *("\n".join(lines) for lines in writer.functions.values()),
        *("\n".join(lines) for _, lines in decoders),
        "DECODERS: dict[str, Callable[[bytes], Any]] = {\n"
        + "".join(f'    "{model}": decode_{model},\n' for model, _ in decoders)
        + "}",
    ]
    return "\n\n\n".join(parts) + "\n"


# -- the child interpreter ----------------------------------------------------------------------------


def _models(package: str, names: list[str]) -> Iterator[type]:
    models = importlib.import_module(f"{package}.models")
    for name in names:
        yield getattr(models, name)


def _generator_names(spec_file: Path, config_file: Path) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    from .operation_metadata import generator_data

    wires: dict[str, dict[str, str]] = {}
    schemas: dict[str, str] = {}
    for model in generator_data(spec_file, config_file).models:
        properties = [*(model.required_properties or []), *(model.optional_properties or [])]
        wires[model.class_info.name] = {str(p.python_name): _text(p.name) for p in properties}
        # A component schema's name (its reference's last part), or an inline schema's property name.
        schemas[model.class_info.name] = _text(model.name).rsplit("/", 1)[-1]
    return wires, schemas


def _text(value: Any) -> str:
    """The generator keeps names read from the document as `UntrustedString`s."""
    return str(getattr(value, "_value", value))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="print the generated package's _mirror.py")
    parser.add_argument("--package", required=True)
    parser.add_argument("--spec", type=Path, required=True)
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--models", required=True, help="the success models, comma-separated")
    args = parser.parse_args(argv)
    wires, schemas = _generator_names(args.spec, args.config)
    mirror = Mirror(args.package, wires, schemas)
    try:
        sys.stdout.write(render(mirror, list(_models(args.package, [m for m in args.models.split(",") if m]))))
    except MirrorError as exc:
        print(f"the msgspec mirror cannot match {exc}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
