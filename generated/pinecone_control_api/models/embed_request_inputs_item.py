from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, extra_keys_at_first_use

T = TypeVar("T", bound="EmbedRequestInputsItem")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(("text",))


@extra_keys_at_first_use
@_attrs_define
class EmbedRequestInputsItem:
    """
    Attributes:
        text (str | Unset):  Example: The quick brown fox jumps over the lazy dog..
    """

    text: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        text = src_dict.get("text", UNSET)
        if text is not UNSET and text.__class__ is not str:
            raise TypeError(f"EmbedRequestInputsItem.text must be a string, not {text.__class__.__name__}")

        embed_request_inputs_item = _OBJECT_NEW(cls)
        embed_request_inputs_item.text = text
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 0 + ("text" in src_dict)):
            embed_request_inputs_item.additional_properties = {
                k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS
            }
        return embed_request_inputs_item

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
