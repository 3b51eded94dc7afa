from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, extra_keys_at_first_use

T = TypeVar("T", bound="PodSpec")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(
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


@extra_keys_at_first_use
@_attrs_define
class PodSpec:
    """Configuration needed to deploy a pod-based index.

    Example:
        {'environment': 'us-east1-gcp', 'metadata_config': {'indexed': ['genre', 'title', 'imdb_rating']}, 'pod_type':
            'p1.x1', 'pods': 1, 'replicas': 1, 'shards': 1, 'source_collection': 'movie-embeddings'}

    Attributes:
        environment (str): The environment where the index is hosted. Example: us-east1-gcp.
        pod_type (str): The type of pod to use. One of `s1`, `p1`, or `p2` appended with `.` and one of `x1`, `x2`,
            `x4`, or `x8`.

            Server default: `p1.x1`.
        replicas (int | Unset): The number of replicas. Replicas duplicate your index. They provide higher availability
            and throughput. Replicas can be scaled up or down as your needs change.

            Server default: `1`.
        shards (int | Unset): The number of shards. Shards split your data across multiple pods so you can fit more data
            into an index.

            Server default: `1`.
        pods (int | Unset): The number of pods to be used in the index. This should be equal to `shards` x `replicas`.'

            Server default: `1`. Example: 1.
        metadata_config (PodSpecMetadataConfig | Unset): Configuration for the behavior of Pinecone's internal metadata
            index. By default, all metadata is indexed; when `metadata_config` is present, only specified metadata fields
            are indexed. These configurations are only valid for use with pod-based indexes. Example: {'indexed': ['genre',
            'title', 'imdb_rating']}.
        source_collection (str | Unset): The name of the collection to be used as the source for the index. Example:
            movie-embeddings.
    """

    environment: str
    pod_type: str
    replicas: int | Unset = UNSET
    shards: int | Unset = UNSET
    pods: int | Unset = UNSET
    metadata_config: PodSpecMetadataConfig | Unset = UNSET
    source_collection: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        environment = self.environment

        pod_type = self.pod_type

        replicas = self.replicas

        shards = self.shards

        pods = self.pods

        metadata_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata_config, Unset):
            metadata_config = self.metadata_config.to_dict()

        source_collection = self.source_collection

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "environment": environment,
                "pod_type": pod_type,
            }
        )
        if replicas is not UNSET:
            field_dict["replicas"] = replicas
        if shards is not UNSET:
            field_dict["shards"] = shards
        if pods is not UNSET:
            field_dict["pods"] = pods
        if metadata_config is not UNSET:
            field_dict["metadata_config"] = metadata_config
        if source_collection is not UNSET:
            field_dict["source_collection"] = source_collection

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        environment = src_dict["environment"]
        if environment.__class__ is not str:
            raise TypeError(f"PodSpec.environment must be a string, not {environment.__class__.__name__}")

        pod_type = src_dict["pod_type"]
        if pod_type.__class__ is not str:
            raise TypeError(f"PodSpec.pod_type must be a string, not {pod_type.__class__.__name__}")

        replicas = src_dict.get("replicas", UNSET)
        if replicas is not UNSET and replicas.__class__ is not int:
            raise TypeError(f"PodSpec.replicas must be an integer, not {replicas.__class__.__name__}")

        shards = src_dict.get("shards", UNSET)
        if shards is not UNSET and shards.__class__ is not int:
            raise TypeError(f"PodSpec.shards must be an integer, not {shards.__class__.__name__}")

        pods = src_dict.get("pods", UNSET)
        if pods is not UNSET and pods.__class__ is not int:
            raise TypeError(f"PodSpec.pods must be an integer, not {pods.__class__.__name__}")

        _metadata_config = src_dict.get("metadata_config", UNSET)
        metadata_config: PodSpecMetadataConfig | Unset
        if _metadata_config is UNSET:
            metadata_config = UNSET
        else:
            metadata_config__indexed = _metadata_config.get("indexed", UNSET)

            metadata_config = _OBJECT_NEW(PodSpecMetadataConfig)
            metadata_config.indexed = metadata_config__indexed
            if not (len(_metadata_config) == 0 + ("indexed" in _metadata_config)):  # else made at first use
                metadata_config.additional_properties = {
                    k: v for k, v in _metadata_config.items() if k not in _PodSpecMetadataConfig_KNOWN_KEYS
                }

        source_collection = src_dict.get("source_collection", UNSET)
        if source_collection is not UNSET and source_collection.__class__ is not str:
            raise TypeError(f"PodSpec.source_collection must be a string, not {source_collection.__class__.__name__}")

        pod_spec = _OBJECT_NEW(cls)
        pod_spec.environment = environment
        pod_spec.pod_type = pod_type
        pod_spec.replicas = replicas
        pod_spec.shards = shards
        pod_spec.pods = pods
        pod_spec.metadata_config = metadata_config
        pod_spec.source_collection = source_collection
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) <= 2 or src_dict.keys() <= _KNOWN_KEYS):
            pod_spec.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return pod_spec

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

from ..models.pod_spec_metadata_config import PodSpecMetadataConfig  # noqa: E402

# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_PodSpecMetadataConfig_KNOWN_KEYS: frozenset[str] = frozenset(("indexed",))
