from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pod_spec import PodSpec
    from ..models.serverless_spec import ServerlessSpec


T = TypeVar("T", bound="IndexModelSpec")


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
        from ..models.pod_spec import PodSpec  # noqa: PLC0415
        from ..models.serverless_spec import ServerlessSpec  # noqa: PLC0415

        d = dict(src_dict)
        _pod = d.pop("pod", UNSET)
        pod: PodSpec | Unset
        if isinstance(_pod, Unset):
            pod = UNSET
        else:
            pod = PodSpec.from_dict(_pod)

        _serverless = d.pop("serverless", UNSET)
        serverless: ServerlessSpec | Unset
        if isinstance(_serverless, Unset):
            serverless = UNSET
        else:
            serverless = ServerlessSpec.from_dict(_serverless)

        index_model_spec = cls(
            pod=pod,
            serverless=serverless,
        )

        index_model_spec.additional_properties = d
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
