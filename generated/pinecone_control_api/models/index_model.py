from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deletion_protection import DeletionProtection
from ..models.index_model_metric import IndexModelMetric
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.index_model_spec import IndexModelSpec
    from ..models.index_model_status import IndexModelStatus


T = TypeVar("T", bound="IndexModel")


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
        from ..models.index_model_spec import IndexModelSpec  # noqa: PLC0415
        from ..models.index_model_status import IndexModelStatus  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        dimension = d.pop("dimension")

        metric = IndexModelMetric(d.pop("metric"))

        host = d.pop("host")

        spec = IndexModelSpec.from_dict(d.pop("spec"))

        status = IndexModelStatus.from_dict(d.pop("status"))

        _deletion_protection = d.pop("deletion_protection", UNSET)
        deletion_protection: DeletionProtection | Unset
        if isinstance(_deletion_protection, Unset):
            deletion_protection = UNSET
        else:
            deletion_protection = DeletionProtection(_deletion_protection)

        index_model = cls(
            name=name,
            dimension=dimension,
            metric=metric,
            host=host,
            spec=spec,
            status=status,
            deletion_protection=deletion_protection,
        )

        index_model.additional_properties = d
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
