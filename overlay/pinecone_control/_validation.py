"""Argument checks derived from the 2024-07 spec, run before any I/O.

A name that fails here could not name a real resource, and some would change the request's path
(`"."` or `".."` are path segments): nothing invalid reaches the network.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from enum import Enum
from typing import TypeVar

from ._errors import ClientValidationError

# Spec: "1-45 characters long, start and end with an alphanumeric character, and consist only of
# lower case alphanumeric characters or '-'".
_NAME_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,43}[a-z0-9])?")
NAME_MAX = 45
DIMENSION_MIN, DIMENSION_MAX = 1, 20000
# Spec: "One of s1, p1, or p2 appended with . and one of x1, x2, x4, or x8". Checked by shape, so a
# pod type Pinecone adds later is the server's call, not ours.
_POD_TYPE_RE = re.compile(r"[a-z][a-z0-9]*\.x[0-9]+")

E = TypeVar("E", bound=Enum)


def resource_name(value: object, what: str = "name") -> str:
    if not isinstance(value, str):
        raise ClientValidationError(f"{what} must be a string, not {type(value).__name__}")
    if not _NAME_RE.fullmatch(value):
        raise ClientValidationError(
            f"{what} {value!r} is invalid: it must be 1-{NAME_MAX} characters of lowercase letters, digits "
            "or '-', starting and ending with a letter or digit"
        )
    return value


def integer(value: object, what: str, minimum: int, maximum: int | None = None) -> int:
    # bool is an int subclass; True as a dimension is a bug, not 1.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ClientValidationError(f"{what} must be an integer, not {type(value).__name__}")
    if value < minimum or (maximum is not None and value > maximum):
        bounds = f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
        raise ClientValidationError(f"{what} must be {bounds}, got {value}")
    return value


def dimension(value: object) -> int:
    return integer(value, "dimension", DIMENSION_MIN, DIMENSION_MAX)


def non_empty_string(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ClientValidationError(f"{what} must be a non-empty string, got {value!r}")
    return value


def pod_type(value: object) -> str:
    if not isinstance(value, str) or not _POD_TYPE_RE.fullmatch(value):
        raise ClientValidationError(
            f"pod_type {value!r} is invalid: expected a pod type such as 's1.x1', 'p1.x2' or 'p2.x8'"
        )
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
