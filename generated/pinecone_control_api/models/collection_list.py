from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, extra_keys_at_first_use

T = TypeVar("T", bound="CollectionList")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(("collections",))


@extra_keys_at_first_use
@_attrs_define
class CollectionList:
    """The list of collections that exist in the project.

    Attributes:
        collections (list[CollectionModel] | Unset):
    """

    collections: list[CollectionModel] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        collections: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.collections, Unset):
            collections = []
            for collections_item_data in self.collections:
                collections_item = collections_item_data.to_dict()
                collections.append(collections_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if collections is not UNSET:
            field_dict["collections"] = collections

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        _collections = src_dict.get("collections", UNSET)
        collections: list[CollectionModel] | Unset
        if _collections is UNSET:
            collections = UNSET
        else:
            collections = [_CollectionModel_from_dict(item) for item in _collections]

        collection_list = _OBJECT_NEW(cls)
        collection_list.collections = collections
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 0 + ("collections" in src_dict)):
            collection_list.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return collection_list

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

    def __len__(self) -> int:
        """How many items the list holds (0 when the answer has none)."""
        return 0 if isinstance(self.collections, Unset) else len(self.collections)

    def __iter__(self) -> Iterator[CollectionModel]:
        """The items, in the answer's order."""
        return iter(() if isinstance(self.collections, Unset) else self.collections)

    def names(self) -> list[str]:
        """Each item's `name`, in order."""
        return [item.name for item in self]


# Imported last: these models refer to each other, and by now this module's class exists.

from ..models.collection_model import CollectionModel  # noqa: E402

# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_CollectionModel_from_dict = CollectionModel.from_dict
