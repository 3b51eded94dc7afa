from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deletion_protection import DeletionProtection
from ..models.index_model_metric import IndexModelMetric
from ..types import UNSET, Unset

T = TypeVar("T", bound="IndexModel")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "name",
        "dimension",
        "metric",
        "host",
        "spec",
        "status",
        "deletion_protection",
    )
)


@_attrs_define
class IndexModel:
    """The IndexModel describes the configuration and status of a Pinecone index.

    Attributes:
        name (str): The name of the index. Resource name must be 1-45 characters long, start and end with an
            alphanumeric character, and consist only of lower case alphanumeric characters or '-'.
             Example: example-index.
        dimension (int): The dimensions of the vectors to be inserted in the index. Example: 1536.
        metric (IndexModelMetric): The distance metric to be used for similarity search. You can use 'euclidean',
            'cosine', or 'dotproduct'.

            Server default: `cosine`.
        host (str): The URL address where the index is hosted. Example: semantic-search-c01b5b5.svc.us-
            west1-gcp.pinecone.io.
        spec (IndexModelSpec):  Example: {'pod': {'environment': 'us-east-1-aws', 'metadata_config': {'indexed':
            ['genre', 'title', 'imdb_rating']}, 'pod_type': 'p1.x1', 'pods': 1, 'replicas': 1, 'shards': 1}}.
        status (IndexModelStatus):  Example: {'ready': True, 'state': 'ScalingUpPodSize'}.
        deletion_protection (DeletionProtection | Unset): Whether [deletion
            protection](http://docs.pinecone.io/guides/manage-data/manage-indexes#configure-deletion-protection) is
            enabled/disabled for the index.

            Server default: `disabled`.
    """

    name: str
    dimension: int
    metric: IndexModelMetric
    host: str
    spec: IndexModelSpec
    status: IndexModelStatus
    deletion_protection: DeletionProtection | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        dimension = self.dimension

        metric = self.metric.value

        host = self.host

        spec = self.spec.to_dict()

        status = self.status.to_dict()

        deletion_protection: str | Unset = UNSET
        if not isinstance(self.deletion_protection, Unset):
            deletion_protection = self.deletion_protection.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "dimension": dimension,
                "metric": metric,
                "host": host,
                "spec": spec,
                "status": status,
            }
        )
        if deletion_protection is not UNSET:
            field_dict["deletion_protection"] = deletion_protection

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        name = src_dict["name"]
        if name.__class__ is not str:
            raise TypeError(f"IndexModel.name must be a string, not {name.__class__.__name__}")

        dimension = src_dict["dimension"]
        if dimension.__class__ is not int:
            raise TypeError(f"IndexModel.dimension must be an integer, not {dimension.__class__.__name__}")

        _metric = src_dict["metric"]
        metric: IndexModelMetric
        try:
            metric = _IndexModelMetric_BY_VALUE[_metric]  # type: ignore[assignment]
        except (KeyError, TypeError):
            metric = IndexModelMetric(_metric)

        host = src_dict["host"]
        if host.__class__ is not str:
            raise TypeError(f"IndexModel.host must be a string, not {host.__class__.__name__}")

        spec: IndexModelSpec = _IndexModelSpec_from_dict(src_dict["spec"])

        status: IndexModelStatus = _IndexModelStatus_from_dict(src_dict["status"])

        _deletion_protection = src_dict.get("deletion_protection", UNSET)
        deletion_protection: DeletionProtection | Unset
        if _deletion_protection is UNSET:
            deletion_protection = UNSET
        else:
            try:
                deletion_protection = _DeletionProtection_BY_VALUE[_deletion_protection]  # type: ignore[assignment]
            except (KeyError, TypeError):
                deletion_protection = DeletionProtection(_deletion_protection)

        index_model = _OBJECT_NEW(cls)
        index_model.name = name
        index_model.dimension = dimension
        index_model.metric = metric
        index_model.host = host
        index_model.spec = spec
        index_model.status = status
        index_model.deletion_protection = deletion_protection
        if len(src_dict) == 6 + ("deletion_protection" in src_dict):
            index_model.additional_properties = {}
        else:
            index_model.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return index_model

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


# Imported last: these models refer to each other, and by now this module's class exists.

from ..models.index_model_spec import IndexModelSpec  # noqa: E402
from ..models.index_model_status import IndexModelStatus  # noqa: E402

# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_DeletionProtection_BY_VALUE = DeletionProtection._value2member_map_
_IndexModelMetric_BY_VALUE = IndexModelMetric._value2member_map_
_IndexModelSpec_from_dict = IndexModelSpec.from_dict
_IndexModelStatus_from_dict = IndexModelStatus.from_dict
