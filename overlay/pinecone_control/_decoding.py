"""A success body's bytes to its generated model: one C pass through the generated msgspec mirror.

The reference is `json.loads` then the generated `from_dict` (which checks every scalar's type,
every enum value and every required key). By default a body is decoded and checked in one C pass
into the generated mirror of its model (`pinecone_control_api._mirror`, written by `make generate`
from the models themselves), and the model is then built from the checked values without checking
again: on a 100-index list 102 µs against the reference's 380 with the garbage collector on, 100
against 284 with it paused (`bench/gc_share.py`; README "Performance" explains the difference).

The mirror only ever takes a fast path; it never decides. A body the mirror refuses (a wrong type,
an unknown enum value, a key the model does not name, which the reference keeps in
`additional_properties`, invalid or unusual JSON) goes to the reference, so every result and every
error is exactly the reference's (`tests/overlay/test_decoding.py` checks that on the fuzzer's
bodies). Nothing here names a model or a field.

`PINECONE_CONTROL_DECODER=reference` (read at import) runs the reference alone: for differential
tests and `make bench`. msgspec is imported at the first decode, not with the client.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from types import ModuleType
from typing import Any, TypeVar

from ._errors import ClientValidationError
from ._errors import loads_bounded as _reference_loads

T = TypeVar("T")

_CHOICES = ("msgspec", "reference")
_CHOSEN = os.environ.get("PINECONE_CONTROL_DECODER", "msgspec").strip().lower() or "msgspec"
if _CHOSEN not in _CHOICES:
    raise ClientValidationError(f"PINECONE_CONTROL_DECODER={_CHOSEN!r}: expected one of {', '.join(_CHOICES)}")
DECODER = "json" if _CHOSEN == "reference" else "msgspec"  # which decoder success bodies go through


def loads_bounded(data: bytes | str, *, max_depth: int | None = None) -> Any:
    """`_errors.loads_bounded` (the reference), through msgspec's decoder by default. msgspec keeps
    big integers exact like `json`; anything it refuses (NaN, a lone surrogate, UTF-16, a BOM, 1e400,
    too deep) is decoded, or refused in its words, by the reference."""
    if DECODER == "msgspec" and max_depth is None and data.__class__ is bytes:
        try:
            return _msgspec().json.decode(data)
        except Exception:  # DecodeError, RecursionError: the reference decides
            pass
    return _reference_loads(data, max_depth=max_depth)


def decoder(model: type[T]) -> Callable[[bytes], T]:
    """bytes -> `model`: the generated mirror's fast path, the reference when it refuses."""
    from_dict: Callable[[Any], T] = model.from_dict  # type: ignore[attr-defined]
    name = model.__name__

    def reference(body: bytes) -> T:
        return from_dict(loads_bounded(body))

    fast: Callable[[bytes], T] | None = None

    def decode(body: bytes) -> T:
        nonlocal fast
        if DECODER != "msgspec":
            return reference(body)
        if fast is None:  # the mirror is loaded at the operation's first answer, not with the client
            fast = fast_decoder(name) or reference
        try:
            return fast(body)
        except Exception:  # the mirror refused it: the reference decides, and words the error
            return reference(body)

    return decode


def fast_decoder(model: str) -> Callable[[bytes], Any] | None:
    """The generated mirror's decoder of success model `model` (by class name), which raises on
    anything it does not take; None for a model that is no operation's success answer."""
    decoders: dict[str, Callable[[bytes], Any]] = _mirror().DECODERS
    return decoders.get(model)


@cache
def _msgspec() -> ModuleType:
    import msgspec

    return msgspec


@cache
def _mirror() -> ModuleType:
    from pinecone_control_api import _mirror as mirror

    return mirror
