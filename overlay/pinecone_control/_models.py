"""Reading optional model fields. (The list results' `names()`, `len()` and iteration are generated
into the list models themselves: openapi/templates/model.py.jinja.)"""

from __future__ import annotations

from typing import TypeVar

from pinecone_control_api.types import Unset

from ._errors import MissingValueError

T = TypeVar("T")


def require(value: T | Unset, what: str = "value") -> T:
    """The value of an optional model field, typed without `Unset`; `MissingValueError` if absent.

    The spec makes most response fields optional (every field of `EmbeddingsList`, for one), so
    the generated models type them `X | Unset`: `require(result.data, "data")` reads one safely."""
    if isinstance(value, Unset):
        raise MissingValueError(f"{what} is not set in the response")
    return value
