from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deletion_protection import DeletionProtection
from ..models.index_model_metric import IndexModelMetric
from ..types import UNSET, Unset, extra_keys_at_first_use

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


@extra_keys_at_first_use
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

        _spec = src_dict["spec"]
        spec: IndexModelSpec
        _spec__pod = _spec.get("pod", UNSET)
        spec__pod: PodSpec | Unset
        if _spec__pod is UNSET:
            spec__pod = UNSET
        else:
            spec__pod__environment = _spec__pod["environment"]
            if spec__pod__environment.__class__ is not str:
                raise TypeError(
                    f"PodSpec.environment must be a string, not {spec__pod__environment.__class__.__name__}"
                )

            spec__pod__pod_type = _spec__pod["pod_type"]
            if spec__pod__pod_type.__class__ is not str:
                raise TypeError(f"PodSpec.pod_type must be a string, not {spec__pod__pod_type.__class__.__name__}")

            spec__pod__replicas = _spec__pod.get("replicas", UNSET)
            if spec__pod__replicas is not UNSET and spec__pod__replicas.__class__ is not int:
                raise TypeError(f"PodSpec.replicas must be an integer, not {spec__pod__replicas.__class__.__name__}")

            spec__pod__shards = _spec__pod.get("shards", UNSET)
            if spec__pod__shards is not UNSET and spec__pod__shards.__class__ is not int:
                raise TypeError(f"PodSpec.shards must be an integer, not {spec__pod__shards.__class__.__name__}")

            spec__pod__pods = _spec__pod.get("pods", UNSET)
            if spec__pod__pods is not UNSET and spec__pod__pods.__class__ is not int:
                raise TypeError(f"PodSpec.pods must be an integer, not {spec__pod__pods.__class__.__name__}")

            _spec__pod__metadata_config = _spec__pod.get("metadata_config", UNSET)
            spec__pod__metadata_config: PodSpecMetadataConfig | Unset
            if _spec__pod__metadata_config is UNSET:
                spec__pod__metadata_config = UNSET
            else:
                spec__pod__metadata_config__indexed = _spec__pod__metadata_config.get("indexed", UNSET)

                spec__pod__metadata_config = _OBJECT_NEW(PodSpecMetadataConfig)
                spec__pod__metadata_config.indexed = spec__pod__metadata_config__indexed
                if not (
                    len(_spec__pod__metadata_config) == 0 + ("indexed" in _spec__pod__metadata_config)
                ):  # else made at first use
                    spec__pod__metadata_config.additional_properties = {
                        k: v
                        for k, v in _spec__pod__metadata_config.items()
                        if k not in _PodSpecMetadataConfig_KNOWN_KEYS
                    }

            spec__pod__source_collection = _spec__pod.get("source_collection", UNSET)
            if spec__pod__source_collection is not UNSET and spec__pod__source_collection.__class__ is not str:
                raise TypeError(
                    f"PodSpec.source_collection must be a string, not {spec__pod__source_collection.__class__.__name__}"
                )

            spec__pod = _OBJECT_NEW(PodSpec)
            spec__pod.environment = spec__pod__environment
            spec__pod.pod_type = spec__pod__pod_type
            spec__pod.replicas = spec__pod__replicas
            spec__pod.shards = spec__pod__shards
            spec__pod.pods = spec__pod__pods
            spec__pod.metadata_config = spec__pod__metadata_config
            spec__pod.source_collection = spec__pod__source_collection
            if not (len(_spec__pod) <= 2 or _spec__pod.keys() <= _PodSpec_KNOWN_KEYS):  # else made at first use
                spec__pod.additional_properties = {k: v for k, v in _spec__pod.items() if k not in _PodSpec_KNOWN_KEYS}

        _spec__serverless = _spec.get("serverless", UNSET)
        spec__serverless: ServerlessSpec | Unset
        if _spec__serverless is UNSET:
            spec__serverless = UNSET
        else:
            _spec__serverless__cloud = _spec__serverless["cloud"]
            spec__serverless__cloud: ServerlessSpecCloud
            try:
                spec__serverless__cloud = _ServerlessSpecCloud_BY_VALUE[_spec__serverless__cloud]  # type: ignore[assignment]
            except (KeyError, TypeError):
                spec__serverless__cloud = ServerlessSpecCloud(_spec__serverless__cloud)

            spec__serverless__region = _spec__serverless["region"]
            if spec__serverless__region.__class__ is not str:
                raise TypeError(
                    f"ServerlessSpec.region must be a string, not {spec__serverless__region.__class__.__name__}"
                )

            spec__serverless = _OBJECT_NEW(ServerlessSpec)
            spec__serverless.cloud = spec__serverless__cloud
            spec__serverless.region = spec__serverless__region
            if not (len(_spec__serverless) == 2):  # else made at first use
                spec__serverless.additional_properties = {
                    k: v for k, v in _spec__serverless.items() if k not in _ServerlessSpec_KNOWN_KEYS
                }

        spec = _OBJECT_NEW(IndexModelSpec)
        spec.pod = spec__pod
        spec.serverless = spec__serverless
        if not (len(_spec) == 0 + ("pod" in _spec) + ("serverless" in _spec)):  # else made at first use
            spec.additional_properties = {k: v for k, v in _spec.items() if k not in _IndexModelSpec_KNOWN_KEYS}

        _status = src_dict["status"]
        status: IndexModelStatus
        status__ready = _status["ready"]
        if status__ready.__class__ is not bool:
            raise TypeError(f"IndexModelStatus.ready must be a boolean, not {status__ready.__class__.__name__}")

        _status__state = _status["state"]
        status__state: IndexModelStatusState
        try:
            status__state = _IndexModelStatusState_BY_VALUE[_status__state]  # type: ignore[assignment]
        except (KeyError, TypeError):
            status__state = IndexModelStatusState(_status__state)

        status = _OBJECT_NEW(IndexModelStatus)
        status.ready = status__ready
        status.state = status__state
        if not (len(_status) == 2):  # else made at first use
            status.additional_properties = {k: v for k, v in _status.items() if k not in _IndexModelStatus_KNOWN_KEYS}

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
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 6 + ("deletion_protection" in src_dict)):
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

# What the models built inline (see `from_dict`) are made of.
from ..models.index_model_status_state import IndexModelStatusState  # noqa: E402
from ..models.pod_spec import PodSpec  # noqa: E402
from ..models.pod_spec_metadata_config import PodSpecMetadataConfig  # noqa: E402
from ..models.serverless_spec import ServerlessSpec  # noqa: E402
from ..models.serverless_spec_cloud import ServerlessSpecCloud  # noqa: E402

# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_DeletionProtection_BY_VALUE = DeletionProtection._value2member_map_
_IndexModelMetric_BY_VALUE = IndexModelMetric._value2member_map_
_IndexModelStatusState_BY_VALUE = IndexModelStatusState._value2member_map_
_ServerlessSpecCloud_BY_VALUE = ServerlessSpecCloud._value2member_map_
_IndexModelSpec_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "pod",
        "serverless",
    )
)
_IndexModelStatus_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "ready",
        "state",
    )
)
_PodSpec_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "environment",
        "pod_type",
        "replicas",
        "shards",
        "pods",
        "metadata_config",
        "source_collection",
    )
)
_PodSpecMetadataConfig_KNOWN_KEYS: frozenset[str] = frozenset(("indexed",))
_ServerlessSpec_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "cloud",
        "region",
    )
)
