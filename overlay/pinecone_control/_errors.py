"""The exception hierarchy: every failure this client reports is a `PineconeError`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from pinecone_control_api.models import ErrorResponse

# Pinecone's request id header; some proxies use the generic one.
_REQUEST_ID_HEADERS = ("x-pinecone-request-id", "x-request-id")
_BODY_PREVIEW = 500


class PineconeError(Exception):
    """Base class of every error raised by pinecone-control."""


class ClientValidationError(PineconeError, ValueError):
    """An argument was rejected before any request was sent."""


class APIConnectionError(PineconeError):
    """The request could not be completed: connection refused or reset, DNS, TLS, protocol."""

    def __init__(self, message: str, *, method: str, url: str) -> None:
        super().__init__(message)
        self.method = method
        self.url = url


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool)."""


class ClientClosedError(PineconeError, RuntimeError):
    """The client was closed (or closed while this call was in flight); nothing more is sent."""


class ResponseTooLargeError(PineconeError):
    """The answer's body was larger than `max_response_bytes`; reading stopped at the limit.
    Control-plane answers are small, so this means a broken proxy or server, not a big result."""

    def __init__(self, message: str, *, status_code: int, limit: int, headers: Mapping[str, str]) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.limit = limit
        self.headers = dict(headers)


class ResponseValidationError(PineconeError):
    """A success response whose body does not match the spec. `body` keeps the raw payload."""

    def __init__(self, message: str, *, status_code: int, body: bytes, headers: Mapping[str, str]) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.body = body
        self.headers = dict(headers)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class MissingValueError(PineconeError, LookupError):
    """An optional field that the code reading it needs is absent (see `require`)."""


class APIStatusError(PineconeError):
    """The API answered with a non-success status.

    Attributes: `status_code`; `code` and `message` from the error body (None/raw text when the body
    is not Pinecone's JSON error shape); `details`; `body` (raw bytes) and `text`; `headers`;
    `request_id`; `error_response`, the parsed generated `ErrorResponse` when the body matched it.
    """

    def __init__(self, response: httpx.Response, *, operation: str, hint: str | None = None) -> None:
        self.status_code = response.status_code
        self.body = response.content
        self.headers = dict(response.headers)
        self.request_id = next((response.headers[h] for h in _REQUEST_ID_HEADERS if h in response.headers), None)
        self.operation = operation
        self.error_response, self.code, self.message, self.details = _parse_error_body(response)
        self.hint = hint
        super().__init__(self._summary())

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def _summary(self) -> str:
        parts = [f"{self.operation}: HTTP {self.status_code}"]
        if self.code:
            parts.append(f"[{self.code}]")
        parts.append(self.message or "(no error message in the response body)")
        text = " ".join(parts)
        if self.hint:
            text += f" -- {self.hint}"
        if self.request_id:
            text += f" (request id {self.request_id})"
        return text


class BadRequestError(APIStatusError):
    """400: the request was invalid."""


class CollectionsNotSupportedError(BadRequestError):
    """400 on create_collection from a serverless index: serverless indexes have no collections."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or invalid."""


class PaymentRequiredError(APIStatusError):
    """402: the project's plan does not allow this."""


class PermissionDeniedError(APIStatusError):
    """403: forbidden, e.g. a quota would be exceeded."""


class DeletionProtectionError(PermissionDeniedError):
    """403 on delete_index: the index has deletion protection enabled."""


class NotFoundError(APIStatusError):
    """404: the index, collection, cloud or region does not exist."""


class ConflictError(APIStatusError):
    """409: a resource with this name already exists."""


class PreconditionFailedError(APIStatusError):
    """412: e.g. the index still has pending collections."""


class UnprocessableEntityError(APIStatusError):
    """422: the body could not be deserialised by the server."""


class RateLimitError(APIStatusError):
    """429: too many requests or a quota exceeded. `retry_after` is in seconds, when the server said."""

    def __init__(
        self, response: httpx.Response, *, operation: str, hint: str | None = None, retry_after: float | None = None
    ) -> None:
        self.retry_after = retry_after
        super().__init__(response, operation=operation, hint=hint)


class InternalServerError(APIStatusError):
    """5xx: the server failed."""


class WaitError(PineconeError):
    """Base class of the errors raised while waiting for an index or collection."""

    def __init__(self, message: str, *, name: str, last: Any = None) -> None:
        super().__init__(message)
        self.name = name
        self.last = last  # the last model seen, if any


class WaitTimeoutError(WaitError, TimeoutError):
    """The deadline passed before the resource reached the wanted state."""


class IndexInitializationFailedError(WaitError):
    """The index reached the InitializationFailed state."""


class UnexpectedTerminationError(WaitError):
    """The resource started Terminating while waiting for it to become ready."""


STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    412: PreconditionFailedError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_class_for(status: int) -> type[APIStatusError]:
    if status in STATUS_ERRORS:
        return STATUS_ERRORS[status]
    return InternalServerError if status >= 500 else APIStatusError


def _parse_error_body(
    response: httpx.Response,
) -> tuple[ErrorResponse | None, str | None, str | None, dict[str, Any] | None]:
    """Pinecone's `{"error": {"code", "message"}, "status"}` when present; raw text otherwise."""
    try:
        payload = response.json()
    except ValueError:
        payload = None
    if isinstance(payload, dict):
        error = payload.get("error")
        if isinstance(error, dict):
            code = error.get("code")
            message = error.get("message")
            details = error.get("details")
            from pinecone_control_api.models import ErrorResponse  # the models load on first use

            try:
                parsed: ErrorResponse | None = ErrorResponse.from_dict(payload)
            except (KeyError, TypeError, ValueError, AttributeError):
                parsed = None
            return (
                parsed,
                str(code) if code is not None else None,
                str(message) if message is not None else None,
                details if isinstance(details, dict) else None,
            )
        if isinstance(error, str):
            return None, None, error, None
        if isinstance(payload.get("message"), str):
            return None, None, payload["message"], None
    text = response.content.decode("utf-8", errors="replace").strip()
    if not text:
        return None, None, None, None
    if len(text) > _BODY_PREVIEW:
        text = text[:_BODY_PREVIEW] + "..."
    return None, None, text, None
