"""A success body's bytes to its generated model: one C pass when the `speedups` extra is installed.

The reference is `json.loads` then the generated `from_dict` (which checks every scalar's type,
every enum value and every required key). With msgspec installed (the `speedups` extra), a body is
decoded and checked in one C pass into a mirror of the model (`msgspec.Struct` types derived here
from the generated attrs classes), and the models are then built from the checked values without
checking again: about three times cheaper on a 100-index list.

The mirror only ever takes a fast path; it never decides. A body the mirror refuses (a wrong type,
an unknown enum value, a key the model does not name, which the reference keeps in
`additional_properties`, invalid or unusual JSON) goes to the reference, so every result and every
error is exactly the base install's (`tests/overlay/test_decoding.py` checks that on the fuzzer's
bodies). Nothing here names a model or a field: the mirror is read from the models' annotations.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

import attrs
from pinecone_control_api.types import UNSET, Unset

from ._errors import loads_bounded as _reference_loads

T = TypeVar("T")

try:
    import msgspec  # optional: the `speedups` extra
except ImportError:  # the base install: json + from_dict
    msgspec = None  # type: ignore[assignment]

DECODER = "json" if msgspec is None else "msgspec"


def loads_bounded(data: bytes | str, *, max_depth: int | None = None) -> Any:
    """`_errors.loads_bounded` (the reference), through msgspec's decoder when installed. msgspec
    keeps big integers exact like `json`; anything it refuses (NaN, a lone surrogate, UTF-16, a BOM,
    1e400, too deep) is decoded, or refused in its words, by the reference."""
    if msgspec is not None and max_depth is None and data.__class__ is bytes:
        try:
            return msgspec.json.decode(data)
        except Exception:  # DecodeError, RecursionError: the reference decides
            pass
    return _reference_loads(data, max_depth=max_depth)


def decoder(model: type[T]) -> Callable[[bytes], T]:
    """bytes -> `model`: the mirror's fast path when there is one, else json + `from_dict`."""
    from_dict: Callable[[Any], T] = model.from_dict  # type: ignore[attr-defined]

    def reference(body: bytes) -> T:
        return from_dict(loads_bounded(body))

    if msgspec is None:
        return reference
    fast: Callable[[bytes], Any] | None = None
    built = False

    def decode(body: bytes) -> T:
        nonlocal fast, built
        if not built:  # the mirror is built at the operation's first answer, not when the client loads
            fast, built = _fast_decoder(typing.cast(type, model)), True
        if fast is not None:
            try:
                result: T = fast(body)
                return result
            except Exception:  # the mirror refused it: the reference decides, and words the error
                pass
        return reference(body)

    return decode


# -- the mirror --------------------------------------------------------------------------------------
#
# A field's annotation says how the generated `from_dict` reads it; the mirror checks the same and no
# more (a list of scalars is not checked element by element there, so it is `Any` here). Each model
# gets a builder: straight-line code setting the attributes from the checked values, nested models
# built inline (a call per object costs as much as its fields), compiled once per model, as attrs
# compiles its own `__init__`.


class _NotMirrored(Exception):
    """A model whose `from_dict` the mirror cannot match exactly: the reference reads it."""


_SCALARS: dict[Any, Any] = {str: str, int: int, bool: bool, float: int | float}
_FREE_FORM: Any = dict[str, Any]  # a part the mirror leaves to `from_dict` (one object: compared by `is`)
_INLINE_DEPTH = 3  # nested models deeper than this are built by a call (and recursive ones stop)
_IN_PROGRESS: set[type] = set()


@cache
def _fast_decoder(model: type) -> Callable[[bytes], Any] | None:
    base = _generated_base(model)
    try:
        decode = msgspec.json.Decoder(_struct(base)).decode
        build = _builder(base, model)
    except _NotMirrored:
        return None
    return lambda body: build(decode(body))


def _generated_base(model: type) -> type:
    """The generated class of a model or of an overlay subclass of it (same fields, same wire shape)."""
    for klass in model.__mro__:
        if klass.__module__.startswith("pinecone_control_api."):
            return klass
    return model  # not generated: _fields_of decides whether it looks like a generated model


@cache
def _fields_of(model: type) -> tuple[tuple[str, bool, Any], ...]:
    """(name, optional, annotation without `Unset`) of each field a payload carries."""
    if not attrs.has(model):
        raise _NotMirrored(model.__name__)
    module = vars(__import__(model.__module__, fromlist=["_"]))
    hints = typing.get_type_hints(model, module)
    names = [f.name for f in attrs.fields(model) if f.name != "additional_properties"]
    known = module.get("_KNOWN_KEYS")
    if known is None or set(names) != set(known) or hints.get("additional_properties") != dict[str, Any]:
        raise _NotMirrored(model.__name__)  # renamed wire keys or typed extra keys: not mirrored
    return tuple((name, *_split_unset(hints[name])) for name in names)


@cache
def _struct(model: type) -> Any:
    """The Struct type checking what `model.from_dict` checks."""
    if model in _IN_PROGRESS:
        raise _NotMirrored(model.__name__)  # recursive: the reference reads it
    _IN_PROGRESS.add(model)
    try:
        fields = [
            # An absent optional field decodes straight to the models' own UNSET (msgspec checks
            # decoded values only, so the default need not match the type): nothing to map after.
            (name, _type(kind), UNSET) if optional else (name, _type(kind))
            for name, optional, kind in _fields_of(model)
        ]
    finally:
        _IN_PROGRESS.discard(model)
    return msgspec.defstruct(
        f"{model.__name__}Mirror",
        fields,
        kw_only=True,  # required and optional fields in the models' order
        forbid_unknown_fields=True,  # an unknown key belongs in additional_properties: the reference's job
        gc=False,  # decoded values form no cycles
    )


def _split_unset(annotation: Any) -> tuple[bool, Any]:
    """(optional, the annotation without `Unset`)."""
    args = typing.get_args(annotation)
    if isinstance(annotation, types.UnionType) and Unset in args:
        rest = tuple(a for a in args if a is not Unset)
        return True, rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007
    return False, annotation


def _nullable(kind: Any) -> Any | None:
    """The type inside `X | None`, or None when `kind` is not nullable."""
    args = typing.get_args(kind)
    if not ((isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union) and type(None) in args):
        return None
    rest = tuple(a for a in args if a is not type(None))
    if len(rest) != 1:
        raise _NotMirrored(str(kind))
    return rest[0]


def _is_models(kind: Any) -> bool:
    return typing.get_origin(kind) is list and attrs.has(typing.get_args(kind)[0])


def _type(kind: Any) -> Any:
    """The mirror's type for a field annotation."""
    inner = _nullable(kind)
    if inner is not None:
        return _type(inner) | None
    if kind in _SCALARS:
        return _SCALARS[kind]
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind  # msgspec decodes an enum by value, as `from_dict` does
    if _is_models(kind):
        return list[_model_type(typing.get_args(kind)[0])]  # type: ignore[misc]
    if typing.get_origin(kind) is list and all(arg in _SCALARS for arg in typing.get_args(kind)):
        return Any  # `from_dict` takes a list of scalars as it comes
    # Anything else (a list of a union of models, 2025-04's embeddings) is not mirrored: taken as
    # decoded, its items would stay dicts where `from_dict` builds models.
    if attrs.has(kind):
        return _model_type(kind)
    raise _NotMirrored(str(kind))


def _model_type(model: type) -> Any:
    try:
        return _struct(model)
    except _NotMirrored:
        return _FREE_FORM  # that part is read by its `from_dict`; the rest stays fast


@cache
def _builder(model: type, cls: type) -> Callable[[Any], Any]:
    """`build(struct) -> cls`, compiled from `model`'s fields (`cls`: it or an overlay subclass)."""
    emit = _Emitter({"_new": object.__new__, "_UNSET": UNSET, "cls": cls})
    emit.model(model, "s", "o", "cls", 1, 0)
    source = "def build(s):\n" + "\n".join(emit.lines) + "\n    return o\n"
    exec(compile(source, f"<mirror of {cls.__qualname__}>", "exec"), emit.env)
    return typing.cast("Callable[[Any], Any]", emit.env["build"])


class _Emitter:
    """Writes the statements that build a model from its mirror struct."""

    def __init__(self, env: dict[str, Any]) -> None:
        self.env = env
        self.lines: list[str] = []
        self._names = 0

    def _fresh(self, prefix: str) -> str:
        self._names += 1
        return f"{prefix}{self._names}"

    def _put(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)

    def _global(self, value: Any) -> str:
        name = self._fresh("_g")
        self.env[name] = value
        return name

    def model(self, model: type, src: str, var: str, cls: str, indent: int, depth: int) -> None:
        self._put(indent, f"{var} = _new({cls})")
        for name, optional, kind in _fields_of(model):
            if self._plain(kind):
                self._put(indent, f"{var}.{name} = {src}.{name}")  # the commonest case, in one store
                continue
            value = self._fresh("v")
            self._put(indent, f"{value} = {src}.{name}")
            if optional:
                self._put(indent, f"if {value} is _UNSET:")
                self._put(indent + 1, f"{var}.{name} = _UNSET")
                self._put(indent, "else:")
                self.value(kind, value, f"{var}.{name}", indent + 1, depth)
            else:
                self.value(kind, value, f"{var}.{name}", indent, depth)
        self._put(indent, f"{var}.additional_properties = {{}}")

    def value(self, kind: Any, src: str, target: str, indent: int, depth: int) -> None:
        inner = _nullable(kind)
        if inner is not None:
            self._put(indent, f"if {src} is None:")
            self._put(indent + 1, f"{target} = None")
            self._put(indent, "else:")
            self.value(inner, src, target, indent + 1, depth)
        elif _is_models(kind) and depth < _INLINE_DEPTH and _model_type(typing.get_args(kind)[0]) is not _FREE_FORM:
            items, item, add = self._fresh("l"), self._fresh("x"), self._fresh("a")
            self._put(indent, f"{items} = []")
            self._put(indent, f"{add} = {items}.append")
            self._put(indent, f"for {item} in {src}:")
            var = self._fresh("o")
            model = typing.get_args(kind)[0]
            self.model(model, item, var, self._global(model), indent + 1, depth + 1)
            self._put(indent + 1, f"{add}({var})")
            self._put(indent, f"{target} = {items}")
        elif _is_models(kind):
            build = self._call(typing.get_args(kind)[0])
            self._put(indent, f"{target} = [{build}(x) for x in {src}]")
        elif attrs.has(kind) and depth < _INLINE_DEPTH and _model_type(kind) is not _FREE_FORM:
            var = self._fresh("o")
            self.model(kind, src, var, self._global(kind), indent, depth + 1)
            self._put(indent, f"{target} = {var}")
        elif attrs.has(kind):
            self._put(indent, f"{target} = {self._call(kind)}({src})")
        else:
            self._put(indent, f"{target} = {src}")  # a scalar, an enum member, a list of scalars

    @staticmethod
    def _plain(kind: Any) -> bool:
        """Taken as decoded: a scalar, an enum member, a list of scalars."""
        if _nullable(kind) is not None or _is_models(kind):
            return False
        return not attrs.has(kind)

    def _call(self, model: type) -> str:
        """A global naming a function that builds `model` from its mirror value."""
        if _model_type(model) is _FREE_FORM:
            return self._global(model.from_dict)  # type: ignore[attr-defined]
        return self._global(_builder(model, model))
