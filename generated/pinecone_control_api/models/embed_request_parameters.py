from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, extra_keys_at_first_use

T = TypeVar("T", bound="EmbedRequestParameters")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "input_type",
        "truncate",
    )
)


@extra_keys_at_first_use
@_attrs_define
class EmbedRequestParameters:
    """Model-specific parameters.

    Attributes:
        input_type (str | Unset): Common property used to distinguish between types of data. Example: query.
        truncate (str | Unset): How to handle inputs longer than those supported by the model. If NONE, when the input
            exceeds the maximum input token length an error will be returned.

            Server default: `END`. Example: END.
    """

    input_type: str | Unset = UNSET
    truncate: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        input_type = self.input_type

        truncate = self.truncate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if input_type is not UNSET:
            field_dict["input_type"] = input_type
        if truncate is not UNSET:
            field_dict["truncate"] = truncate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        input_type = src_dict.get("input_type", UNSET)
        if input_type is not UNSET and input_type.__class__ is not str:
            raise TypeError(f"EmbedRequestParameters.input_type must be a string, not {input_type.__class__.__name__}")

        truncate = src_dict.get("truncate", UNSET)
        if truncate is not UNSET and truncate.__class__ is not str:
            raise TypeError(f"EmbedRequestParameters.truncate must be a string, not {truncate.__class__.__name__}")

        embed_request_parameters = _OBJECT_NEW(cls)
        embed_request_parameters.input_type = input_type
        embed_request_parameters.truncate = truncate
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 0 + ("input_type" in src_dict) + ("truncate" in src_dict)):
            embed_request_parameters.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return embed_request_parameters

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
