from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, extra_keys_at_first_use

T = TypeVar("T", bound="IndexModelSpec")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "pod",
        "serverless",
    )
)


@extra_keys_at_first_use
@_attrs_define
class IndexModelSpec:
    """
    Example:
        {'pod': {'environment': 'us-east-1-aws', 'metadata_config': {'indexed': ['genre', 'title', 'imdb_rating']},
            'pod_type': 'p1.x1', 'pods': 1, 'replicas': 1, 'shards': 1}}

    Attributes:
        pod (PodSpec | Unset): Configuration needed to deploy a pod-based index. Example: {'environment': 'us-
            east1-gcp', 'metadata_config': {'indexed': ['genre', 'title', 'imdb_rating']}, 'pod_type': 'p1.x1', 'pods': 1,
            'replicas': 1, 'shards': 1, 'source_collection': 'movie-embeddings'}.
        serverless (ServerlessSpec | Unset): Configuration needed to deploy a serverless index.
    """

    pod: PodSpec | Unset = UNSET
    serverless: ServerlessSpec | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pod: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pod, Unset):
            pod = self.pod.to_dict()

        serverless: dict[str, Any] | Unset = UNSET
        if not isinstance(self.serverless, Unset):
            serverless = self.serverless.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pod is not UNSET:
            field_dict["pod"] = pod
        if serverless is not UNSET:
            field_dict["serverless"] = serverless

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        _pod = src_dict.get("pod", UNSET)
        pod: PodSpec | Unset
        if _pod is UNSET:
            pod = UNSET
        else:
            pod__environment = _pod["environment"]
            if pod__environment.__class__ is not str:
                raise TypeError(f"PodSpec.environment must be a string, not {pod__environment.__class__.__name__}")

            pod__pod_type = _pod["pod_type"]
            if pod__pod_type.__class__ is not str:
                raise TypeError(f"PodSpec.pod_type must be a string, not {pod__pod_type.__class__.__name__}")

            pod__replicas = _pod.get("replicas", UNSET)
            if pod__replicas is not UNSET and pod__replicas.__class__ is not int:
                raise TypeError(f"PodSpec.replicas must be an integer, not {pod__replicas.__class__.__name__}")

            pod__shards = _pod.get("shards", UNSET)
            if pod__shards is not UNSET and pod__shards.__class__ is not int:
                raise TypeError(f"PodSpec.shards must be an integer, not {pod__shards.__class__.__name__}")

            pod__pods = _pod.get("pods", UNSET)
            if pod__pods is not UNSET and pod__pods.__class__ is not int:
                raise TypeError(f"PodSpec.pods must be an integer, not {pod__pods.__class__.__name__}")

            _pod__metadata_config = _pod.get("metadata_config", UNSET)
            pod__metadata_config: PodSpecMetadataConfig | Unset
            if _pod__metadata_config is UNSET:
                pod__metadata_config = UNSET
            else:
                pod__metadata_config__indexed = _pod__metadata_config.get("indexed", UNSET)

                pod__metadata_config = _OBJECT_NEW(PodSpecMetadataConfig)
                pod__metadata_config.indexed = pod__metadata_config__indexed
                if not (
                    len(_pod__metadata_config) == 0 + ("indexed" in _pod__metadata_config)
                ):  # else made at first use
                    pod__metadata_config.additional_properties = {
                        k: v for k, v in _pod__metadata_config.items() if k not in _PodSpecMetadataConfig_KNOWN_KEYS
                    }

            pod__source_collection = _pod.get("source_collection", UNSET)
            if pod__source_collection is not UNSET and pod__source_collection.__class__ is not str:
                raise TypeError(
                    f"PodSpec.source_collection must be a string, not {pod__source_collection.__class__.__name__}"
                )

            pod = _OBJECT_NEW(PodSpec)
            pod.environment = pod__environment
            pod.pod_type = pod__pod_type
            pod.replicas = pod__replicas
            pod.shards = pod__shards
            pod.pods = pod__pods
            pod.metadata_config = pod__metadata_config
            pod.source_collection = pod__source_collection
            if not (len(_pod) <= 2 or _pod.keys() <= _PodSpec_KNOWN_KEYS):  # else made at first use
                pod.additional_properties = {k: v for k, v in _pod.items() if k not in _PodSpec_KNOWN_KEYS}

        _serverless = src_dict.get("serverless", UNSET)
        serverless: ServerlessSpec | Unset
        if _serverless is UNSET:
            serverless = UNSET
        else:
            _serverless__cloud = _serverless["cloud"]
            serverless__cloud: ServerlessSpecCloud
            try:
                serverless__cloud = _ServerlessSpecCloud_BY_VALUE[_serverless__cloud]  # type: ignore[assignment]
            except (KeyError, TypeError):
                serverless__cloud = ServerlessSpecCloud(_serverless__cloud)

            serverless__region = _serverless["region"]
            if serverless__region.__class__ is not str:
                raise TypeError(f"ServerlessSpec.region must be a string, not {serverless__region.__class__.__name__}")

            serverless = _OBJECT_NEW(ServerlessSpec)
            serverless.cloud = serverless__cloud
            serverless.region = serverless__region
            if not (len(_serverless) == 2):  # else made at first use
                serverless.additional_properties = {
                    k: v for k, v in _serverless.items() if k not in _ServerlessSpec_KNOWN_KEYS
                }

        index_model_spec = _OBJECT_NEW(cls)
        index_model_spec.pod = pod
        index_model_spec.serverless = serverless
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 0 + ("pod" in src_dict) + ("serverless" in src_dict)):
            index_model_spec.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return index_model_spec

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

from ..models.pod_spec import PodSpec  # noqa: E402

# What the models built inline (see `from_dict`) are made of.
from ..models.pod_spec_metadata_config import PodSpecMetadataConfig  # noqa: E402
from ..models.serverless_spec import ServerlessSpec  # noqa: E402
from ..models.serverless_spec_cloud import ServerlessSpecCloud  # noqa: E402

# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_ServerlessSpecCloud_BY_VALUE = ServerlessSpecCloud._value2member_map_
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
