"""JSON decoding of success bodies: a C decoder when the `speedups` extra installed one.

`orjson` (the `speedups` extra) decodes a 100-index list about twice as fast as `json`. It is only
a fast path: a body it refuses (not UTF-8, NaN, nesting past its limit, invalid JSON) or would
read differently (an integer beyond 64 bits) is decoded by `_errors.loads_bounded`, the
reference, so results and errors are exactly those of the base install.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._errors import loads_bounded as _reference

_fast: Callable[[bytes | str], Any] | None
try:
    from orjson import loads as _fast  # optional: the `speedups` extra
except ImportError:  # the base install: the standard library only
    _fast = None

DECODER = "json" if _fast is None else "orjson"

# orjson turns an integer beyond 64 bits into a float without a word; `json` keeps it exact. Such a
# body has a run of 19 or more digits somewhere: those bodies go to the reference (one C pass over
# the body, a fifth of what orjson saves on it).
_DIGITS_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")
_LONG_NUMBER = b"0" * 19


def loads_bounded(data: bytes | str, *, max_depth: int | None = None) -> Any:
    """`_errors.loads_bounded`, faster when orjson is installed."""
    if (
        _fast is not None
        and max_depth is None
        and data.__class__ is bytes
        and _LONG_NUMBER not in data.translate(_DIGITS_TO_ZERO)
    ):
        try:
            return _fast(data)
        except ValueError:  # orjson.JSONDecodeError: let the reference decide, and word the error
            pass
    return _reference(data, max_depth=max_depth)
