from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, extra_keys_at_first_use

T = TypeVar("T", bound="PodSpecMetadataConfig")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(("indexed",))


@extra_keys_at_first_use
@_attrs_define
class PodSpecMetadataConfig:
    """Configuration for the behavior of Pinecone's internal metadata index. By default, all metadata is indexed; when
    `metadata_config` is present, only specified metadata fields are indexed. These configurations are only valid for
    use with pod-based indexes.

        Example:
            {'indexed': ['genre', 'title', 'imdb_rating']}

        Attributes:
            indexed (list[str] | Unset): By default, all metadata is indexed; to change this behavior, use this property to
                specify an array of metadata fields that should be indexed.
    """

    indexed: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        indexed: list[str] | Unset = UNSET
        if not isinstance(self.indexed, Unset):
            indexed = self.indexed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if indexed is not UNSET:
            field_dict["indexed"] = indexed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        indexed = src_dict.get("indexed", UNSET)

        pod_spec_metadata_config = _OBJECT_NEW(cls)
        pod_spec_metadata_config.indexed = indexed
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 0 + ("indexed" in src_dict)):
            pod_spec_metadata_config.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return pod_spec_metadata_config

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
