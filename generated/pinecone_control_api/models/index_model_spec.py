from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
            pod = _PodSpec_from_dict(_pod)

        _serverless = src_dict.get("serverless", UNSET)
        serverless: ServerlessSpec | Unset
        if _serverless is UNSET:
            serverless = UNSET
        else:
            serverless = _ServerlessSpec_from_dict(_serverless)

        index_model_spec = _OBJECT_NEW(cls)
        index_model_spec.pod = pod
        index_model_spec.serverless = serverless
        if len(src_dict) == 0 + ("pod" in src_dict) + ("serverless" in src_dict):
            index_model_spec.additional_properties = {}
        else:
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
from ..models.serverless_spec import ServerlessSpec  # noqa: E402

# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_PodSpec_from_dict = PodSpec.from_dict
_ServerlessSpec_from_dict = ServerlessSpec.from_dict
