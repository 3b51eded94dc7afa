from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.serverless_spec_cloud import ServerlessSpecCloud
from ..types import extra_keys_at_first_use

T = TypeVar("T", bound="ServerlessSpec")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "cloud",
        "region",
    )
)


@extra_keys_at_first_use
@_attrs_define
class ServerlessSpec:
    """Configuration needed to deploy a serverless index.

    Attributes:
        cloud (ServerlessSpecCloud): The public cloud where you would like your index hosted. Example: aws.
        region (str): The region where you would like your index to be created.  Example: us-east-1.
    """

    cloud: ServerlessSpecCloud
    region: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cloud = self.cloud.value

        region = self.region

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cloud": cloud,
                "region": region,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        _cloud = src_dict["cloud"]
        cloud: ServerlessSpecCloud
        try:
            cloud = _ServerlessSpecCloud_BY_VALUE[_cloud]  # type: ignore[assignment]
        except (KeyError, TypeError):
            cloud = ServerlessSpecCloud(_cloud)

        region = src_dict["region"]
        if region.__class__ is not str:
            raise TypeError(f"ServerlessSpec.region must be a string, not {region.__class__.__name__}")

        serverless_spec = _OBJECT_NEW(cls)
        serverless_spec.cloud = cloud
        serverless_spec.region = region
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 2):
            serverless_spec.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return serverless_spec

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


# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_ServerlessSpecCloud_BY_VALUE = ServerlessSpecCloud._value2member_map_
