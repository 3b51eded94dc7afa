"""msgspec mirrors of the success models and their builders (see `pinecone_control._decoding`).

Written by openapi/codegen/mirror_module.py; do not edit.
"""

from collections.abc import Callable
from typing import Any

import msgspec

from .models.collection_list import CollectionList
from .models.collection_model import CollectionModel
from .models.collection_model_status import CollectionModelStatus
from .models.deletion_protection import DeletionProtection
from .models.embedding import Embedding
from .models.embeddings_list import EmbeddingsList
from .models.embeddings_list_usage import EmbeddingsListUsage
from .models.index_list import IndexList
from .models.index_model import IndexModel
from .models.index_model_metric import IndexModelMetric
from .models.index_model_spec import IndexModelSpec
from .models.index_model_status import IndexModelStatus
from .models.index_model_status_state import IndexModelStatusState
from .models.pod_spec import PodSpec
from .models.pod_spec_metadata_config import PodSpecMetadataConfig
from .models.serverless_spec import ServerlessSpec
from .models.serverless_spec_cloud import ServerlessSpecCloud
from .types import UNSET

_new = object.__new__  # attrs classes define no __new__: the models' own construction
_UNSET: Any = UNSET  # an absent optional field decodes to it (msgspec checks decoded values only)


class _CollectionModelMirror(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    """What `CollectionModel.from_dict` checks (schema `CollectionModel`)."""

    name: str
    status: CollectionModelStatus
    environment: str
    size: int = _UNSET
    dimension: int = _UNSET
    vector_count: int = _UNSET


class _CollectionListMirror(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    """What `CollectionList.from_dict` checks (schema `CollectionList`)."""

    collections: list[_CollectionModelMirror] = _UNSET


class _EmbeddingMirror(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    """What `Embedding.from_dict` checks (schema `Embedding`)."""

    values: Any = _UNSET


class _EmbeddingsListUsageMirror(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    """What `EmbeddingsListUsage.from_dict` checks (schema `usage`)."""

    total_tokens: int = _UNSET


class _EmbeddingsListMirror(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    """What `EmbeddingsList.from_dict` checks (schema `EmbeddingsList`)."""

    model: str = _UNSET
    data: list[_EmbeddingMirror] = _UNSET
    usage: _EmbeddingsListUsageMirror = _UNSET


class _PodSpecMetadataConfigMirror(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    """What `PodSpecMetadataConfig.from_dict` checks (schema `metadata_config`)."""

    indexed: Any = _UNSET


class _PodSpecMirror(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    """What `PodSpec.from_dict` checks (schema `PodSpec`)."""

    environment: str
    pod_type: str
    replicas: int = _UNSET
    shards: int = _UNSET
    pods: int = _UNSET
    metadata_config: _PodSpecMetadataConfigMirror = _UNSET
    source_collection: str = _UNSET


class _ServerlessSpecMirror(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    """What `ServerlessSpec.from_dict` checks (schema `ServerlessSpec`)."""

    cloud: ServerlessSpecCloud
    region: str


class _IndexModelSpecMirror(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    """What `IndexModelSpec.from_dict` checks (schema `spec`)."""

    pod: _PodSpecMirror = _UNSET
    serverless: _ServerlessSpecMirror = _UNSET


class _IndexModelStatusMirror(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    """What `IndexModelStatus.from_dict` checks (schema `status`)."""

    ready: bool
    state: IndexModelStatusState


class _IndexModelMirror(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    """What `IndexModel.from_dict` checks (schema `IndexModel`)."""

    name: str
    dimension: int
    metric: IndexModelMetric
    host: str
    spec: _IndexModelSpecMirror
    status: _IndexModelStatusMirror
    deletion_protection: DeletionProtection = _UNSET


class _IndexListMirror(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    """What `IndexList.from_dict` checks (schema `IndexList`)."""

    indexes: list[_IndexModelMirror] = _UNSET


def _build_CollectionList(s: Any) -> CollectionList:
    o = _new(CollectionList)
    v1 = s.collections
    if v1 is _UNSET:
        o.collections = _UNSET
    else:
        l2: list[Any] = []
        a4 = l2.append
        for x3 in v1:
            o5 = _new(CollectionModel)
            o5.name = x3.name
            o5.status = x3.status
            o5.environment = x3.environment
            o5.size = x3.size
            o5.dimension = x3.dimension
            o5.vector_count = x3.vector_count
            a4(o5)
        o.collections = l2
    return o


def _build_CollectionModel(s: Any) -> CollectionModel:
    o = _new(CollectionModel)
    o.name = s.name
    o.status = s.status
    o.environment = s.environment
    o.size = s.size
    o.dimension = s.dimension
    o.vector_count = s.vector_count
    return o


def _build_EmbeddingsList(s: Any) -> EmbeddingsList:
    o = _new(EmbeddingsList)
    o.model = s.model
    v6 = s.data
    if v6 is _UNSET:
        o.data = _UNSET
    else:
        l7: list[Any] = []
        a9 = l7.append
        for x8 in v6:
            o10 = _new(Embedding)
            o10.values = x8.values
            a9(o10)
        o.data = l7
    v11 = s.usage
    if v11 is _UNSET:
        o.usage = _UNSET
    else:
        o12 = _new(EmbeddingsListUsage)
        o12.total_tokens = v11.total_tokens
        o.usage = o12
    return o


def _build_IndexList(s: Any) -> IndexList:
    o = _new(IndexList)
    v13 = s.indexes
    if v13 is _UNSET:
        o.indexes = _UNSET
    else:
        l14: list[Any] = []
        a16 = l14.append
        for x15 in v13:
            o17 = _new(IndexModel)
            o17.name = x15.name
            o17.dimension = x15.dimension
            o17.metric = x15.metric
            o17.host = x15.host
            v18 = x15.spec
            o19 = _new(IndexModelSpec)
            v20 = v18.pod
            if v20 is _UNSET:
                o19.pod = _UNSET
            else:
                o21 = _new(PodSpec)
                o21.environment = v20.environment
                o21.pod_type = v20.pod_type
                o21.replicas = v20.replicas
                o21.shards = v20.shards
                o21.pods = v20.pods
                v22 = v20.metadata_config
                if v22 is _UNSET:
                    o21.metadata_config = _UNSET
                else:
                    o21.metadata_config = _build_PodSpecMetadataConfig(v22)
                o21.source_collection = v20.source_collection
                o19.pod = o21
            v23 = v18.serverless
            if v23 is _UNSET:
                o19.serverless = _UNSET
            else:
                o24 = _new(ServerlessSpec)
                o24.cloud = v23.cloud
                o24.region = v23.region
                o19.serverless = o24
            o17.spec = o19
            v25 = x15.status
            o26 = _new(IndexModelStatus)
            o26.ready = v25.ready
            o26.state = v25.state
            o17.status = o26
            o17.deletion_protection = x15.deletion_protection
            a16(o17)
        o.indexes = l14
    return o


def _build_PodSpecMetadataConfig(s: Any) -> PodSpecMetadataConfig:
    o = _new(PodSpecMetadataConfig)
    o.indexed = s.indexed
    return o


def _build_IndexModel(s: Any) -> IndexModel:
    o = _new(IndexModel)
    o.name = s.name
    o.dimension = s.dimension
    o.metric = s.metric
    o.host = s.host
    v27 = s.spec
    o28 = _new(IndexModelSpec)
    v29 = v27.pod
    if v29 is _UNSET:
        o28.pod = _UNSET
    else:
        o30 = _new(PodSpec)
        o30.environment = v29.environment
        o30.pod_type = v29.pod_type
        o30.replicas = v29.replicas
        o30.shards = v29.shards
        o30.pods = v29.pods
        v31 = v29.metadata_config
        if v31 is _UNSET:
            o30.metadata_config = _UNSET
        else:
            o32 = _new(PodSpecMetadataConfig)
            o32.indexed = v31.indexed
            o30.metadata_config = o32
        o30.source_collection = v29.source_collection
        o28.pod = o30
    v33 = v27.serverless
    if v33 is _UNSET:
        o28.serverless = _UNSET
    else:
        o34 = _new(ServerlessSpec)
        o34.cloud = v33.cloud
        o34.region = v33.region
        o28.serverless = o34
    o.spec = o28
    v35 = s.status
    o36 = _new(IndexModelStatus)
    o36.ready = v35.ready
    o36.state = v35.state
    o.status = o36
    o.deletion_protection = s.deletion_protection
    return o


_decode_CollectionList = msgspec.json.Decoder(_CollectionListMirror).decode


def decode_CollectionList(body: bytes) -> CollectionList:
    return _build_CollectionList(_decode_CollectionList(body))


_decode_CollectionModel = msgspec.json.Decoder(_CollectionModelMirror).decode


def decode_CollectionModel(body: bytes) -> CollectionModel:
    return _build_CollectionModel(_decode_CollectionModel(body))


_decode_EmbeddingsList = msgspec.json.Decoder(_EmbeddingsListMirror).decode


def decode_EmbeddingsList(body: bytes) -> EmbeddingsList:
    return _build_EmbeddingsList(_decode_EmbeddingsList(body))


_decode_IndexList = msgspec.json.Decoder(_IndexListMirror).decode


def decode_IndexList(body: bytes) -> IndexList:
    return _build_IndexList(_decode_IndexList(body))


_decode_IndexModel = msgspec.json.Decoder(_IndexModelMirror).decode


def decode_IndexModel(body: bytes) -> IndexModel:
    return _build_IndexModel(_decode_IndexModel(body))


DECODERS: dict[str, Callable[[bytes], Any]] = {
    "CollectionList": decode_CollectionList,
    "CollectionModel": decode_CollectionModel,
    "EmbeddingsList": decode_EmbeddingsList,
    "IndexList": decode_IndexList,
    "IndexModel": decode_IndexModel,
}
