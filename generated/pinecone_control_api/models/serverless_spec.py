from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.serverless_spec_cloud import ServerlessSpecCloud

T = TypeVar("T", bound="ServerlessSpec")


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
        d = dict(src_dict)
        cloud = ServerlessSpecCloud(d.pop("cloud"))

        region = d.pop("region")

        serverless_spec = cls(
            cloud=cloud,
            region=region,
        )

        serverless_spec.additional_properties = d
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
