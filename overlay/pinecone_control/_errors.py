"""The exception hierarchy: every failure this client reports is a `PineconeError`.

Two promises hold for every class here: each text an error carries (`str`, `repr`, `args`,
`message`, `body`/`text`, `headers`, `url`) passes through `_secrets` scrubbing when the error is
built, and every error survives pickling (e.g. across a process pool) as itself.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import httpx

from . import _secrets

if TYPE_CHECKING:
    from pinecone_control_api.models import ErrorResponse

# Pinecone's request id header; some proxies use the generic one.
_REQUEST_ID_HEADERS = ("x-pinecone-request-id", "x-request-id")
_BODY_PREVIEW = 500
# Pinecone's error bodies are three levels deep; anything far deeper is not one of them.
_MAX_ERROR_BODY_DEPTH = 64


class PineconeError(Exception):
    """Base class of every error raised by pinecone-control."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(_safe_text(a) if isinstance(a, str) else a for a in args))

    def __reduce__(self) -> tuple[Any, ...]:
        # The default (`cls(*args)` then the state) cannot call constructors that take a response or
        # keyword-only arguments; rebuild without calling `__init__` instead.
        return _rebuild, (type(self), self.args, self.__dict__)


def _safe_text(text: str) -> str:
    """`text` scrubbed of secrets and encodable as UTF-8: a lone surrogate (a JSON `\\udc00` escape
    in a body) becomes a visible `\\udc00`, instead of failing whoever logs or prints the error."""
    text = _secrets.scrub(text)
    if not text.isascii():
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def _rebuild(cls: type[PineconeError], args: tuple[Any, ...], state: dict[str, Any]) -> PineconeError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ClientValidationError(PineconeError, ValueError):
    """An argument was rejected before any request was sent."""


class APIConnectionError(PineconeError):
    """The request could not be completed: connection refused or reset, DNS, TLS, protocol."""

    def __init__(self, message: str, *, method: str, url: str) -> None:
        super().__init__(message)
        self.method = _safe_text(method)
        self.url = _secrets.redact_url(url)


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool)."""


class ClientClosedError(PineconeError, RuntimeError):
    """The client was closed (or closed while this call was in flight); nothing more is sent."""


class ForkedClientError(PineconeError, RuntimeError):
    """A client built on your own `http_client` was used in a forked child process. That pool's
    connections are the parent's: a request on one would read the parent's answer. Build the
    http_client and the client in the child (a client's own pool is renewed in the child by itself)."""


class EventLoopMismatchError(PineconeError, RuntimeError):
    """An `AsyncClient` was used from an event loop other than the one its connections belong to,
    while that loop is still open (another thread's loop, or a second loop at once). Neither httpx
    nor this client supports that: create one AsyncClient per event loop. (A loop that has closed,
    as each `asyncio.run` does at its end, is no obstacle: the next loop gets a fresh pool.)"""


class ResponseTooLargeError(PineconeError):
    """The answer's body was larger than `max_response_bytes`; reading stopped at the limit.
    Control-plane answers are small, so this means a broken proxy or server, not a big result."""

    def __init__(self, message: str, *, status_code: int, limit: int, headers: Mapping[str, str]) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.limit = limit
        self.headers = _secrets.redact_headers(headers)


class ResponseValidationError(PineconeError):
    """A success response whose body does not match the spec. `body` keeps the raw payload."""

    def __init__(self, message: str, *, status_code: int, body: bytes, headers: Mapping[str, str]) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.body = _secrets.scrub_bytes(body)
        self.headers = _secrets.redact_headers(headers)

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

    def __init__(
        self, response: httpx.Response, *, operation: str, hint: str | None = None, subject: str | None = None
    ) -> None:
        self.status_code = response.status_code
        self.headers = _secrets.redact_headers(response.headers)
        self.request_id = next((self.headers[h] for h in _REQUEST_ID_HEADERS if h in self.headers), None)
        self.operation = operation
        self.body, self.error_response, self.code, self.message, self.details = _parse_error_body(response.content)
        self.hint = _safe_text(hint) if hint else hint
        # What the status says about the named resource ("index 'movies' already exists"), if anything.
        self.subject = _safe_text(subject) if subject else subject
        super().__init__(self._summary())  # scrubbed there, like every PineconeError message

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def _summary(self) -> str:
        parts = [f"{self.operation}: HTTP {self.status_code}"]
        if self.code:
            parts.append(f"[{self.code}]")
        parts.append(self.message or "(no error message in the response body)")
        text = " ".join(parts)
        if self.subject:
            text = f"{self.operation}: {self.subject} ({text.removeprefix(self.operation + ': ')})"
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
        self,
        response: httpx.Response,
        *,
        operation: str,
        hint: str | None = None,
        retry_after: float | None = None,
        subject: str | None = None,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(response, operation=operation, hint=hint, subject=subject)


class InternalServerError(APIStatusError):
    """5xx: the server failed."""


class Difference(NamedTuple):
    """One field whose configuration differs: its body path (`spec.pod.replicas`), the value asked
    for, the value the resource has (None when it has none), and whether `configure_*` can change it."""

    field: str
    wanted: Any
    actual: Any
    changeable: bool


class ConfigurationDriftError(PineconeError):
    """`ensure_*`: the resource exists with another configuration than the one asked for.

    `differences` lists every field that differs; `current` is the resource as described. Nothing
    was changed (with `apply=True`, only when every difference is changeable does anything change).
    """

    def __init__(self, message: str, *, name: str, differences: tuple[Difference, ...], current: Any) -> None:
        super().__init__(message)
        self.name = _safe_text(name)
        self.differences = tuple(
            d._replace(wanted=_scrubbed_value(d.wanted), actual=_scrubbed_value(d.actual)) for d in differences
        )
        self.current = current


def _scrubbed_value(value: Any) -> Any:
    """A compared value as it may be kept on an error: strings scrubbed like every other text."""
    if isinstance(value, list):
        return [_scrubbed_value(item) for item in value]
    return _safe_text(value) if isinstance(value, str) else value


class WaitError(PineconeError):
    """Base class of the errors raised while waiting for an index or collection."""

    def __init__(self, message: str, *, name: str, last: Any = None) -> None:
        super().__init__(message)
        self.name = _safe_text(name)
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
    # Only 5xx is a server failure; a status outside 1xx-5xx (600, 999) is just an unexpected status.
    return InternalServerError if 500 <= status <= 599 else APIStatusError


class BodyDecodeError(PineconeError, ValueError):
    """A body that is not JSON this client can use: invalid syntax or encoding, or nested too deeply.

    A `ValueError`, so parsers that map `ValueError` to their own error (a success body to
    `ResponseValidationError`) handle it with the rest.
    """


def loads_bounded(data: bytes | str, *, max_depth: int | None = None) -> Any:
    """`json.loads`, with every failure a `BodyDecodeError`: invalid JSON or UTF-8/16/32, and nesting
    deeper than the interpreter's recursion limit (json raises RecursionError) or than `max_depth`."""
    try:
        value = json.loads(data)
    except RecursionError:
        raise BodyDecodeError("the JSON body is nested too deeply to parse") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError; neither quotes the body
        raise BodyDecodeError(f"the body is not valid JSON: {exc}") from None
    if max_depth is not None and _deeper_than(value, max_depth):
        raise BodyDecodeError(f"the JSON body is nested deeper than {max_depth} levels")
    return value


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether containers nest more than `limit` levels; iterative, so any depth is safe to check."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def _scrubbed_payload(body: bytes) -> tuple[bytes, Any]:
    """The body with secrets masked, and its JSON value (None when it is not usable JSON).

    The raw bytes are masked first; a secret the server spelled with JSON escapes (`\\u002d`)
    only shows once decoded, and then the body is re-serialised from the masked value.
    """
    body = _secrets.scrub_bytes(body)
    try:
        payload = loads_bounded(body, max_depth=_MAX_ERROR_BODY_DEPTH)
    except BodyDecodeError:
        return body, None
    text = json.dumps(payload, ensure_ascii=False)
    if _secrets.contains_secret(text):
        try:
            payload = json.loads(_secrets.scrub(text))
        except ValueError:  # a secret spanning JSON syntax: keep only the masked text
            return _secrets.scrub(text).encode("utf-8", "backslashreplace"), None
        body = json.dumps(payload).encode()
    return body, payload


def _parse_error_body(
    content: bytes,
) -> tuple[bytes, ErrorResponse | None, str | None, str | None, dict[str, Any] | None]:
    """(scrubbed body, parsed ErrorResponse, code, message, details): Pinecone's
    `{"error": {"code", "message"}, "status"}` when present; a preview of the raw text otherwise."""
    body, payload = _scrubbed_payload(content)
    if isinstance(payload, dict):
        error = payload.get("error")
        if isinstance(error, dict):
            code = error.get("code")
            message = error.get("message")
            details = error.get("details")
            from pinecone_control_api.models import ErrorResponse  # the models load on first use

            try:
                parsed: ErrorResponse | None = ErrorResponse.from_dict(payload)
            except (KeyError, TypeError, ValueError, AttributeError, IndexError):
                parsed = None
            return (
                body,
                parsed,
                _safe_text(str(code)) if code is not None else None,
                _safe_text(str(message)) if message is not None else None,
                details if isinstance(details, dict) else None,
            )
        if isinstance(error, str):
            return body, None, None, _safe_text(error), None
        if isinstance(payload.get("message"), str):
            return body, None, None, _safe_text(payload["message"]), None
    text = body.decode("utf-8", errors="replace").strip()
    if not text:
        return body, None, None, None, None
    if len(text) > _BODY_PREVIEW:
        text = text[:_BODY_PREVIEW] + "..."
    return body, None, None, _safe_text(text), None
