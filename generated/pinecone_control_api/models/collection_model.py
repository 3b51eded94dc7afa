from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.collection_model_status import CollectionModelStatus
from ..types import UNSET, Unset, extra_keys_at_first_use

T = TypeVar("T", bound="CollectionModel")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "name",
        "status",
        "environment",
        "size",
        "dimension",
        "vector_count",
    )
)


@extra_keys_at_first_use
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
        name = src_dict["name"]
        if name.__class__ is not str:
            raise TypeError(f"CollectionModel.name must be a string, not {name.__class__.__name__}")

        _status = src_dict["status"]
        status: CollectionModelStatus
        try:
            status = _CollectionModelStatus_BY_VALUE[_status]  # type: ignore[assignment]
        except (KeyError, TypeError):
            status = CollectionModelStatus(_status)

        environment = src_dict["environment"]
        if environment.__class__ is not str:
            raise TypeError(f"CollectionModel.environment must be a string, not {environment.__class__.__name__}")

        size = src_dict.get("size", UNSET)
        if size is not UNSET and size.__class__ is not int:
            raise TypeError(f"CollectionModel.size must be an integer, not {size.__class__.__name__}")

        dimension = src_dict.get("dimension", UNSET)
        if dimension is not UNSET and dimension.__class__ is not int:
            raise TypeError(f"CollectionModel.dimension must be an integer, not {dimension.__class__.__name__}")

        vector_count = src_dict.get("vector_count", UNSET)
        if vector_count is not UNSET and vector_count.__class__ is not int:
            raise TypeError(f"CollectionModel.vector_count must be an integer, not {vector_count.__class__.__name__}")

        collection_model = _OBJECT_NEW(cls)
        collection_model.name = name
        collection_model.status = status
        collection_model.environment = environment
        collection_model.size = size
        collection_model.dimension = dimension
        collection_model.vector_count = vector_count
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) <= 3 or src_dict.keys() <= _KNOWN_KEYS):
            collection_model.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
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


# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_CollectionModelStatus_BY_VALUE = CollectionModelStatus._value2member_map_
