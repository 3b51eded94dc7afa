"""Argument checks the spec's tables cannot make, run before any I/O: Python-level shapes (a
string, a list of strings, an enum member of the generated enums) and the client's own options.

The spec's rules (name patterns and lengths, ranges, int32, enums, one-of) are checked from the
generated tables by `_schema_checks`; nothing here repeats a limit the spec states.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from enum import Enum
from typing import TypeVar

from ._errors import ClientValidationError

E = TypeVar("E", bound=Enum)


def non_empty_string(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ClientValidationError(f"{what} must be a non-empty string, got {value!r}")
    return value


def choice(value: object, enum: type[E], what: str) -> E:
    """One of the spec's enum values; the forward-compatible enums would otherwise accept anything."""
    allowed = [member.value for member in enum]
    raw = value.value if isinstance(value, Enum) else value
    if raw not in allowed:
        raise ClientValidationError(f"{what} must be one of {', '.join(map(str, allowed))}; got {value!r}")
    return enum(raw)


def string_list(values: object, what: str) -> list[str]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise ClientValidationError(f"{what} must be a list of strings")
    items = list(values)
    if not all(isinstance(item, str) for item in items):
        raise ClientValidationError(f"{what} must contain only strings")
    return items


def finite_or_none(value: object, what: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ClientValidationError(f"{what} must be a finite number of seconds, or None for no limit; got {value!r}")
    return float(value)
