from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_index_request_metric import CreateIndexRequestMetric
from ..models.deletion_protection import DeletionProtection
from ..types import UNSET, Unset, extra_keys_at_first_use

T = TypeVar("T", bound="CreateIndexRequest")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "name",
        "dimension",
        "spec",
        "metric",
        "deletion_protection",
    )
)


@extra_keys_at_first_use
@_attrs_define
class CreateIndexRequest:
    """The configuration needed to create a Pinecone index.

    Attributes:
        name (str): The name of the index. Resource name must be 1-45 characters long, start and end with an
            alphanumeric character, and consist only of lower case alphanumeric characters or '-'.
             Example: example-index.
        dimension (int): The dimensions of the vectors to be inserted in the index. Example: 1536.
        spec (IndexSpec): The spec object defines how the index should be deployed.

            For serverless indexes, you define only the [cloud and region](http://docs.pinecone.io/guides/index-data/create-
            an-index#cloud-regions) where the index should be hosted. For pod-based indexes, you define the
            [environment](http://docs.pinecone.io/guides/indexes/pods/understanding-pod-based-indexes#pod-environments)
            where the index should be hosted, the [pod type and
            size](http://docs.pinecone.io/guides/indexes/pods/understanding-pod-based-indexes#pod-types) to use, and other
            index characteristics.

            Exactly one of: `serverless` | `pod`.
        metric (CreateIndexRequestMetric | Unset): The distance metric to be used for similarity search. You can use
            'euclidean', 'cosine', or 'dotproduct'.

            Server default: `cosine`.
        deletion_protection (DeletionProtection | Unset): Whether [deletion
            protection](http://docs.pinecone.io/guides/manage-data/manage-indexes#configure-deletion-protection) is
            enabled/disabled for the index.

            Server default: `disabled`.
    """

    name: str
    dimension: int
    spec: IndexSpec
    metric: CreateIndexRequestMetric | Unset = UNSET
    deletion_protection: DeletionProtection | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        dimension = self.dimension

        spec = self.spec.to_dict()

        metric: str | Unset = UNSET
        if not isinstance(self.metric, Unset):
            metric = self.metric.value

        deletion_protection: str | Unset = UNSET
        if not isinstance(self.deletion_protection, Unset):
            deletion_protection = self.deletion_protection.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "dimension": dimension,
                "spec": spec,
            }
        )
        if metric is not UNSET:
            field_dict["metric"] = metric
        if deletion_protection is not UNSET:
            field_dict["deletion_protection"] = deletion_protection

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        name = src_dict["name"]
        if name.__class__ is not str:
            raise TypeError(f"CreateIndexRequest.name must be a string, not {name.__class__.__name__}")

        dimension = src_dict["dimension"]
        if dimension.__class__ is not int:
            raise TypeError(f"CreateIndexRequest.dimension must be an integer, not {dimension.__class__.__name__}")

        spec: IndexSpec = _IndexSpec_from_dict(src_dict["spec"])

        _metric = src_dict.get("metric", UNSET)
        metric: CreateIndexRequestMetric | Unset
        if _metric is UNSET:
            metric = UNSET
        else:
            try:
                metric = _CreateIndexRequestMetric_BY_VALUE[_metric]  # type: ignore[assignment]
            except (KeyError, TypeError):
                metric = CreateIndexRequestMetric(_metric)

        _deletion_protection = src_dict.get("deletion_protection", UNSET)
        deletion_protection: DeletionProtection | Unset
        if _deletion_protection is UNSET:
            deletion_protection = UNSET
        else:
            try:
                deletion_protection = _DeletionProtection_BY_VALUE[_deletion_protection]  # type: ignore[assignment]
            except (KeyError, TypeError):
                deletion_protection = DeletionProtection(_deletion_protection)

        create_index_request = _OBJECT_NEW(cls)
        create_index_request.name = name
        create_index_request.dimension = dimension
        create_index_request.spec = spec
        create_index_request.metric = metric
        create_index_request.deletion_protection = deletion_protection
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 3 + ("metric" in src_dict) + ("deletion_protection" in src_dict)):
            create_index_request.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return create_index_request

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

from ..models.index_spec import IndexSpec  # noqa: E402

# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_CreateIndexRequestMetric_BY_VALUE = CreateIndexRequestMetric._value2member_map_
_DeletionProtection_BY_VALUE = DeletionProtection._value2member_map_
_IndexSpec_from_dict = IndexSpec.from_dict
