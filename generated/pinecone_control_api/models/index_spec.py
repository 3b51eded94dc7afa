from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IndexSpec")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__


@_attrs_define
class IndexSpec:
    """The spec object defines how the index should be deployed.

    For serverless indexes, you define only the [cloud and region](http://docs.pinecone.io/guides/index-data/create-an-
    index#cloud-regions) where the index should be hosted. For pod-based indexes, you define the
    [environment](http://docs.pinecone.io/guides/indexes/pods/understanding-pod-based-indexes#pod-environments) where
    the index should be hosted, the [pod type and size](http://docs.pinecone.io/guides/indexes/pods/understanding-pod-
    based-indexes#pod-types) to use, and other index characteristics.

    Exactly one of: `serverless` | `pod`.

        Attributes:
            serverless (ServerlessSpec | Unset): Configuration needed to deploy a serverless index.
            pod (PodSpec | Unset): Configuration needed to deploy a pod-based index. Example: {'environment': 'us-
                east1-gcp', 'metadata_config': {'indexed': ['genre', 'title', 'imdb_rating']}, 'pod_type': 'p1.x1', 'pods': 1,
                'replicas': 1, 'shards': 1, 'source_collection': 'movie-embeddings'}.
    """

    serverless: ServerlessSpec | Unset = UNSET
    pod: PodSpec | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        serverless: dict[str, Any] | Unset = UNSET
        if not isinstance(self.serverless, Unset):
            serverless = self.serverless.to_dict()

        pod: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pod, Unset):
            pod = self.pod.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if serverless is not UNSET:
            field_dict["serverless"] = serverless
        if pod is not UNSET:
            field_dict["pod"] = pod

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        _serverless = src_dict.get("serverless", UNSET)
        serverless: ServerlessSpec | Unset
        if _serverless is UNSET:
            serverless = UNSET
        else:
            serverless = _ServerlessSpec_from_dict(_serverless)

        _pod = src_dict.get("pod", UNSET)
        pod: PodSpec | Unset
        if _pod is UNSET:
            pod = UNSET
        else:
            pod = _PodSpec_from_dict(_pod)

        index_spec = _OBJECT_NEW(cls)
        index_spec.serverless = serverless
        index_spec.pod = pod
        return index_spec


# Imported last: these models refer to each other, and by now this module's class exists.

from ..models.pod_spec import PodSpec  # noqa: E402
from ..models.serverless_spec import ServerlessSpec  # noqa: E402

# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_PodSpec_from_dict = PodSpec.from_dict
_ServerlessSpec_from_dict = ServerlessSpec.from_dict
