"""pinecone-control: a typed client for the Pinecone control-plane API.

from pinecone_control import Client, serverless_spec
with Client() as pc:                      # PINECONE_API_KEY from the environment
    pc.create_index("movies", 1536, serverless_spec("aws", "us-east-1"), wait_timeout=300)
"""

from pinecone_control_api import _provenance
from pinecone_control_api.models import (
    CollectionModel,
    DeletionProtection,
    EmbeddingsList,
    IndexModel,
    IndexSpec,
    PodSpec,
    ServerlessSpec,
)

from ._async_client import AsyncClient
from ._client import Client
from ._config import NOT_GIVEN, ClientOptions
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientValidationError,
    CollectionsNotSupportedError,
    ConflictError,
    DeletionProtectionError,
    IndexInitializationFailedError,
    InternalServerError,
    MissingValueError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    PineconeError,
    PreconditionFailedError,
    RateLimitError,
    ResponseValidationError,
    UnexpectedTerminationError,
    UnprocessableEntityError,
    WaitError,
    WaitTimeoutError,
)
from ._models import CollectionList, IndexList, require
from ._retry import RetryPolicy
from ._specs import pod_spec, serverless_spec
from ._version import __version__
from ._waiting import PollSchedule, WaitProgress

API_VERSION: str = _provenance.API_VERSION
"""The control-plane API version this client speaks (sent as X-Pinecone-Api-Version)."""

__all__ = [
    "API_VERSION",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ClientOptions",
    "ClientValidationError",
    "CollectionList",
    "CollectionModel",
    "CollectionsNotSupportedError",
    "ConflictError",
    "DeletionProtection",
    "DeletionProtectionError",
    "EmbeddingsList",
    "IndexInitializationFailedError",
    "IndexList",
    "IndexModel",
    "IndexSpec",
    "InternalServerError",
    "MissingValueError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PineconeError",
    "PodSpec",
    "PollSchedule",
    "PreconditionFailedError",
    "RateLimitError",
    "ResponseValidationError",
    "RetryPolicy",
    "ServerlessSpec",
    "UnexpectedTerminationError",
    "UnprocessableEntityError",
    "WaitError",
    "WaitProgress",
    "WaitTimeoutError",
    "__version__",
    "pod_spec",
    "require",
    "serverless_spec",
]
