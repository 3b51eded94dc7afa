from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.collection_model_status import CollectionModelStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CollectionModel")


@_attrs_define
class CollectionModel:
    """The CollectionModel describes the configuration and status of a Pinecone collection.

    Attributes:
        name (str): The name of the collection. Example: example-collection.
        status (CollectionModelStatus): The status of the collection. Example: Initializing.
        environment (str): The environment where the collection is hosted. Example: us-east1-gcp.
        size (int | Unset): The size of the collection in bytes. Example: 10000000.
        dimension (int | Unset): The dimension of the vectors stored in each record held in the collection. Example:
            1536.
        vector_count (int | Unset): The number of records stored in the collection. Example: 120000.
    """

    name: str
    status: CollectionModelStatus
    environment: str
    size: int | Unset = UNSET
    dimension: int | Unset = UNSET
    vector_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        status = self.status.value

        environment = self.environment

        size = self.size

        dimension = self.dimension

        vector_count = self.vector_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "status": status,
                "environment": environment,
            }
        )
        if size is not UNSET:
            field_dict["size"] = size
        if dimension is not UNSET:
            field_dict["dimension"] = dimension
        if vector_count is not UNSET:
            field_dict["vector_count"] = vector_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        status = CollectionModelStatus(d.pop("status"))

        environment = d.pop("environment")

        size = d.pop("size", UNSET)

        dimension = d.pop("dimension", UNSET)

        vector_count = d.pop("vector_count", UNSET)

        collection_model = cls(
            name=name,
            status=status,
            environment=environment,
            size=size,
            dimension=dimension,
            vector_count=vector_count,
        )

        collection_model.additional_properties = d
        return collection_model

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
