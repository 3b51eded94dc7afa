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

    fast = _fast_decoder(typing.cast(type, model)) if msgspec is not None else None
    if fast is None:
        return reference

    def decode(body: bytes) -> T:
        try:
            result: T = fast(body)
            return result
        except Exception:  # the mirror refused it: the reference decides, and words the error
            return reference(body)

    return decode


# -- the mirror --------------------------------------------------------------------------------------
#
# A field's annotation says how the generated `from_dict` reads it; the mirror checks the same and no
# more (a list of scalars is not checked element by element there, so it is `Any` here), and each
# model gets a builder: straight-line code setting the attributes from the checked values, compiled
# once per model, as attrs compiles its own `__init__`.


class _NotMirrored(Exception):
    """A model whose `from_dict` the mirror cannot match exactly: the reference reads it."""


_SCALARS: dict[Any, Any] = {str: str, int: int, bool: bool, float: int | float}


@cache
def _fast_decoder(model: type) -> Callable[[bytes], Any] | None:
    try:
        struct, build = _mirror(_generated_base(model))
    except _NotMirrored:
        return None
    decode = msgspec.json.Decoder(struct).decode
    build_as = build(model)
    return lambda body: build_as(decode(body))


def _generated_base(model: type) -> type:
    """The generated class of a model or of an overlay subclass of it (same fields, same wire shape)."""
    for klass in model.__mro__:
        if klass.__module__.startswith("pinecone_control_api."):
            return klass
    raise _NotMirrored(model.__name__)


@cache
def _mirror(model: type) -> tuple[Any, Callable[[type], Callable[[Any], Any]]]:
    """The Struct type checking what `model.from_dict` checks, and a factory of builders (one per
    concrete class: the generated one or an overlay subclass)."""
    if not attrs.has(model):
        raise _NotMirrored(model.__name__)
    hints = typing.get_type_hints(model, vars(__import__(model.__module__, fromlist=["_"])))
    names = [f.name for f in attrs.fields(model) if f.name != "additional_properties"]
    known = getattr(__import__(model.__module__, fromlist=["_"]), "_KNOWN_KEYS", None)
    if known is None or set(names) != set(known) or hints.get("additional_properties") != dict[str, Any]:
        raise _NotMirrored(model.__name__)  # renamed wire keys or typed extra keys: not mirrored
    fields: list[tuple[str, Any, Any]] = []
    lines: list[str] = []
    env: dict[str, Any] = {"_new": object.__new__, "_UNSET": UNSET, "_MUNSET": msgspec.UNSET}
    for index, name in enumerate(names):
        optional, kind = _split_unset(hints[name])
        value_type, expression = _field(kind, "v", env, f"b{index}")
        if optional:
            fields.append((name, value_type | msgspec.UnsetType, msgspec.UNSET))
            lines.append(f"    v = s.{name}\n    o.{name} = _UNSET if v is _MUNSET else {expression}")
        else:
            fields.append((name, value_type, msgspec.NODEFAULT))
            lines.append(f"    v = s.{name}\n    o.{name} = {expression}")
    struct = msgspec.defstruct(
        f"{model.__name__}Mirror",
        [(n, t) if d is msgspec.NODEFAULT else (n, t, d) for n, t, d in fields],
        kw_only=True,  # required and optional fields in the models' order
        forbid_unknown_fields=True,  # an unknown key belongs in additional_properties: the reference's job
        gc=False,  # decoded values form no cycles
    )
    source = (
        "def build(s):\n    o = _new(cls)\n" + "\n".join(lines) + "\n    o.additional_properties = {}\n    return o\n"
    )

    def builder_for(cls: type) -> Callable[[Any], Any]:
        namespace = {**env, "cls": cls}
        exec(compile(source, f"<mirror of {cls.__qualname__}>", "exec"), namespace)
        return typing.cast("Callable[[Any], Any]", namespace["build"])

    return struct, builder_for


def _split_unset(annotation: Any) -> tuple[bool, Any]:
    """(optional, the annotation without `Unset`)."""
    args = typing.get_args(annotation)
    if isinstance(annotation, types.UnionType) and Unset in args:
        rest = tuple(a for a in args if a is not Unset)
        return True, rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007
    return False, annotation


def _field(kind: Any, value: str, env: dict[str, Any], slot: str) -> tuple[Any, str]:
    """(the mirror's type, an expression building the model's value from `value`)."""
    args = typing.get_args(kind)
    if (isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union) and type(None) in args:
        rest = tuple(a for a in args if a is not type(None))
        if len(rest) != 1:
            raise _NotMirrored(str(kind))
        inner_type, inner = _field(rest[0], value, env, slot)
        return inner_type | None, inner if inner == value else f"None if {value} is None else {inner}"
    if kind in _SCALARS:
        return _SCALARS[kind], value
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind, value  # msgspec decodes an enum by value, as `from_dict` does
    if typing.get_origin(kind) is list:
        (item,) = args
        if not attrs.has(item):
            return Any, value  # `from_dict` takes a list of scalars as it comes
        item_type = _nested(item, env, slot)
        return list[item_type], f"[{slot}(x) for x in {value}]"  # type: ignore[valid-type]
    if attrs.has(kind):
        return _nested(kind, env, slot), f"{slot}({value})"
    raise _NotMirrored(str(kind))


def _nested(model: type, env: dict[str, Any], slot: str) -> Any:
    """The mirror type of a nested model, its builder put in `env[slot]`."""
    try:
        nested_type, build = _mirror(model)
    except _NotMirrored:
        env[slot] = model.from_dict  # type: ignore[attr-defined]  # this part read by the reference; the rest stays fast
        return dict[str, Any]
    env[slot] = build(model)
    return nested_type
