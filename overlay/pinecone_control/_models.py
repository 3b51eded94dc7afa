"""Conveniences on the generated list models; same fields, same wire shape."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, Protocol, TypeVar

from attrs import define
from pinecone_control_api.models import CollectionList as _CollectionList
from pinecone_control_api.models import CollectionModel, IndexModel
from pinecone_control_api.models import IndexList as _IndexList
from pinecone_control_api.types import Unset

from ._errors import MissingValueError


class _Named(Protocol):
    @property
    def name(self) -> str: ...


M = TypeVar("M", bound=_Named)
T = TypeVar("T")


def require(value: T | Unset, what: str = "value") -> T:
    """The value of an optional model field, typed without `Unset`; `MissingValueError` if absent.

    The spec makes most response fields optional (every field of `EmbeddingsList`, for one), so
    the generated models type them `X | Unset`: `require(result.data, "data")` reads one safely."""
    if isinstance(value, Unset):
        raise MissingValueError(f"{what} is not set in the response")
    return value


class _Listing(Generic[M]):
    """`names()`, `len()` and iteration over a list model's items."""

    __slots__ = ()

    def _items(self) -> list[M]:
        raise NotImplementedError

    def names(self) -> list[str]:
        return [item.name for item in self._items()]

    def __len__(self) -> int:
        return len(self._items())

    def __iter__(self) -> Iterator[M]:
        return iter(self._items())


@define
class IndexList(_IndexList, _Listing[IndexModel]):
    """The generated `IndexList`, plus `names()`, `len()` and iteration."""

    def _items(self) -> list[IndexModel]:
        return [] if isinstance(self.indexes, Unset) else self.indexes


@define
class CollectionList(_CollectionList, _Listing[CollectionModel]):
    """The generated `CollectionList`, plus `names()`, `len()` and iteration."""

    def _items(self) -> list[CollectionModel]:
        return [] if isinstance(self.collections, Unset) else self.collections


# The list results with conveniences; any other response model is the generated class itself.
RESULT_MODELS: dict[str, type[IndexList] | type[CollectionList]] = {
    "IndexList": IndexList,
    "CollectionList": CollectionList,
}
