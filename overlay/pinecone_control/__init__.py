"""pinecone-control: a typed client for the Pinecone control-plane API.

    from pinecone_control import Client, serverless_spec
    with Client() as pc:                      # PINECONE_API_KEY from the environment
        pc.create_index("movies", dimension=1536, spec=serverless_spec("aws", "us-east-1"), wait_timeout=300)

Importing this package and constructing a `Client` loads little beyond httpx: the async client,
the generated models and the operation logic load on first use (PEP 562), which keeps cold starts
of CLIs and serverless functions close to `import httpx; httpx.Client()`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pinecone_control_api import _provenance, _surface

from ._client import Client
from ._clock import AsyncClock, Clock
from ._config import NOT_GIVEN, ClientOptions
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ClientValidationError,
    CollectionsNotSupportedError,
    ConfigurationDriftError,
    ConflictError,
    DeletionProtectionError,
    Difference,
    EventLoopMismatchError,
    ForkedClientError,
    IndexInitializationFailedError,
    InternalServerError,
    MissingValueError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    PineconeError,
    PreconditionFailedError,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    UnexpectedTerminationError,
    UnprocessableEntityError,
    WaitError,
    WaitTimeoutError,
)
from ._observe import AttemptInfo
from ._retry import RetryPolicy
from ._version import __version__
from ._waiting import PollSchedule, WaitProgress

if TYPE_CHECKING:
    # The models the public methods name, the status enums and the deployment builders: generated
    # from the spec, so a bump renames or adds them without a line here (lazily resolved at run time).
    from pinecone_control_api._exports import *  # noqa: F403
    from pinecone_control_api.types import UNSET, Unset

    from ._async_client import AsyncClient
    from ._models import require
    from ._raw import RawResponse

API_VERSION: str = _provenance.API_VERSION
"""The control-plane API version this client speaks (sent as X-Pinecone-Api-Version)."""

_LAZY: dict[str, str] = {
    "AsyncClient": "pinecone_control._async_client",
    "RawResponse": "pinecone_control._raw",
    "require": "pinecone_control._models",
    # The generator's marker of an absent field: `X | Unset` in every optional model field.
    "UNSET": "pinecone_control_api.types",
    "Unset": "pinecone_control_api.types",
    **dict.fromkeys(_surface.MODELS, "pinecone_control_api.models"),
    # The builders are generated; importing `_deployment` gives them the spec's checks.
    **dict.fromkeys(_surface.BUILDERS, "pinecone_control._deployment"),
}


def _show_errors_here() -> None:
    """Tracebacks and reprs name each error by the path users import it from
    (`pinecone_control.NotFoundError`, not `pinecone_control._errors.NotFoundError`). Pickle finds a
    class by `__module__` + `__qualname__`, and each one is importable from here, so pickling holds."""
    for name in __all__:
        value = globals().get(name)
        if isinstance(value, type) and issubclass(value, PineconeError):
            value.__module__ = __name__


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(_LAZY[name])
    value = getattr(_surface if name in _surface.BUILDERS else module, name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "API_VERSION",
    "NOT_GIVEN",
    "UNSET",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "AsyncClock",
    "AttemptInfo",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ClientClosedError",
    "ClientOptions",
    "ClientValidationError",
    "Clock",
    "CollectionsNotSupportedError",
    "ConfigurationDriftError",
    "ConflictError",
    "DeletionProtectionError",
    "Difference",
    "EventLoopMismatchError",
    "ForkedClientError",
    "IndexInitializationFailedError",
    "InternalServerError",
    "MissingValueError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PineconeError",
    "PollSchedule",
    "PreconditionFailedError",
    "RateLimitError",
    "RawResponse",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "RetryPolicy",
    "UnexpectedTerminationError",
    "UnprocessableEntityError",
    "Unset",
    "WaitError",
    "WaitProgress",
    "WaitTimeoutError",
    "__version__",
    "require",
]
# The generated part: every model the methods name, and the deployment builders (`_exports.py`).
__all__ += [*_surface.MODELS, *_surface.BUILDERS]

_show_errors_here()
