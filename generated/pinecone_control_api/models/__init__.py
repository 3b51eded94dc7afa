"""Contains all the data models used in inputs/outputs"""

from .collection_list import CollectionList
from .collection_model import CollectionModel
from .collection_model_status import CollectionModelStatus
from .configure_index_request import ConfigureIndexRequest
from .configure_index_request_spec import ConfigureIndexRequestSpec
from .configure_index_request_spec_pod import ConfigureIndexRequestSpecPod
from .create_collection_request import CreateCollectionRequest
from .create_index_request import CreateIndexRequest
from .create_index_request_metric import CreateIndexRequestMetric
from .deletion_protection import DeletionProtection
from .embed_request import EmbedRequest
from .embed_request_inputs_item import EmbedRequestInputsItem
from .embed_request_parameters import EmbedRequestParameters
from .embedding import Embedding
from .embeddings_list import EmbeddingsList
from .embeddings_list_usage import EmbeddingsListUsage
from .error_response import ErrorResponse
from .error_response_error import ErrorResponseError
from .error_response_error_code import ErrorResponseErrorCode
from .error_response_error_details import ErrorResponseErrorDetails
from .index_list import IndexList
from .index_model import IndexModel
from .index_model_metric import IndexModelMetric
from .index_model_spec import IndexModelSpec
from .index_model_status import IndexModelStatus
from .index_model_status_state import IndexModelStatusState
from .index_spec import IndexSpec
from .pod_spec import PodSpec
from .pod_spec_metadata_config import PodSpecMetadataConfig
from .serverless_spec import ServerlessSpec
from .serverless_spec_cloud import ServerlessSpecCloud

__all__ = (
    "CollectionList",
    "CollectionModel",
    "CollectionModelStatus",
    "ConfigureIndexRequest",
    "ConfigureIndexRequestSpec",
    "ConfigureIndexRequestSpecPod",
    "CreateCollectionRequest",
    "CreateIndexRequest",
    "CreateIndexRequestMetric",
    "DeletionProtection",
    "Embedding",
    "EmbeddingsList",
    "EmbeddingsListUsage",
    "EmbedRequest",
    "EmbedRequestInputsItem",
    "EmbedRequestParameters",
    "ErrorResponse",
    "ErrorResponseError",
    "ErrorResponseErrorCode",
    "ErrorResponseErrorDetails",
    "IndexList",
    "IndexModel",
    "IndexModelMetric",
    "IndexModelSpec",
    "IndexModelStatus",
    "IndexModelStatusState",
    "IndexSpec",
    "PodSpec",
    "PodSpecMetadataConfig",
    "ServerlessSpec",
    "ServerlessSpecCloud",
)
