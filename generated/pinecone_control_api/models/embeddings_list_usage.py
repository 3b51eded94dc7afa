from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, extra_keys_at_first_use

T = TypeVar("T", bound="EmbeddingsListUsage")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(("total_tokens",))


@extra_keys_at_first_use
@_attrs_define
class EmbeddingsListUsage:
    """Usage statistics for the model inference.

    Attributes:
        total_tokens (int | Unset):  Example: 205.
    """

    total_tokens: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_tokens = self.total_tokens

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total_tokens is not UNSET:
            field_dict["total_tokens"] = total_tokens

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        total_tokens = src_dict.get("total_tokens", UNSET)
        if total_tokens is not UNSET and total_tokens.__class__ is not int:
            raise TypeError(
                f"EmbeddingsListUsage.total_tokens must be an integer, not {total_tokens.__class__.__name__}"
            )

        embeddings_list_usage = _OBJECT_NEW(cls)
        embeddings_list_usage.total_tokens = total_tokens
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 0 + ("total_tokens" in src_dict)):
            embeddings_list_usage.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return embeddings_list_usage

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
