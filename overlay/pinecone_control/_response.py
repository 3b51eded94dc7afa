"""Turning the final outcome of a call into its result or a typed error."""

from __future__ import annotations

import contextlib
from typing import Any, TypeVar

import httpx

from . import _secrets
from ._calls import Call
from ._effects import Outcome, TooLarge
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    CollectionsNotSupportedError,
    DeletionProtectionError,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    error_class_for,
)
from ._masked_http import masked_request
from ._retry import parse_retry_after

T = TypeVar("T")

# Everything a generated `from_dict` (or the JSON decoder, on a body nested too deep) raises on a
# body that does not match the spec.
_PARSE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError, RecursionError)


def result_of(call: Call[T], outcome: Outcome, method: str, url: str) -> T:
    if isinstance(outcome, httpx.RequestError):
        raise connection_error(call, outcome, method, url) from outcome
    if isinstance(outcome, TooLarge):
        raise ResponseTooLargeError(
            f"{call.operation.name}: HTTP {outcome.status_code} response body is larger than {outcome.limit} "
            "bytes (max_response_bytes); reading stopped there",
            status_code=outcome.status_code,
            limit=outcome.limit,
            headers=outcome.headers,
        )
    if outcome.status_code in call.operation.success or 200 <= outcome.status_code < 300:
        return _parse_success(call, outcome)
    raise status_error(call, outcome)


def connection_error(call: Call[Any], exc: httpx.RequestError, method: str, url: str) -> APIConnectionError:
    _secrets.scrub_exception(exc)  # an httpx error may quote the key; it stays on as __cause__
    with contextlib.suppress(RuntimeError):  # httpx: "the request instance has not been set"
        exc.request = masked_request(exc.request)  # ... and carries the request with the key
    kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    what = "timed out" if kind is APITimeoutError else "failed"
    detail = str(exc) or type(exc).__name__
    return kind(f"{call.operation.name}: {method} {url} {what}: {detail}", method=method, url=url)


def budget_exhausted(call: Call[Any], method: str, url: str, spent: float) -> APITimeoutError:
    return APITimeoutError(
        f"{call.operation.name}: {method} {url} timed out: the call's time budget ran out after {spent:.1f}s "
        "(total_timeout, or the deadline of the wait it is part of)",
        method=method,
        url=url,
    )


def _parse_success(call: Call[T], response: httpx.Response) -> T:
    parse = call.operation.parse
    if parse is None:
        return None  # type: ignore[return-value]  # T is None for operations without a body
    try:
        return parse(response.content)  # one C pass with the `speedups` extra (_decoding)
    except _PARSE_ERRORS as exc:
        _secrets.scrub_exception(exc)
        raise ResponseValidationError(
            f"{call.operation.name}: HTTP {response.status_code} response does not match the spec "
            f"({type(exc).__name__}: {exc}); the raw body is on .body",
            status_code=response.status_code,
            body=response.content,
            headers=response.headers,
        ) from exc


def status_error(call: Call[Any], response: httpx.Response) -> APIStatusError:
    operation, name = call.operation, call.resource
    status = response.status_code
    # Hints read from the answer, not from which operation it was: a 403 on a DELETE that names
    # deletion protection, a 400 that says serverless indexes have no collections.
    if operation.method == "DELETE" and status == 403 and b"deletion protection" in response.content.lower():
        return DeletionProtectionError(
            response,
            operation=operation.name,
            hint=f"deletion protection is enabled for {name!r}; turn it off with "
            f"configure_index({name!r}, deletion_protection='disabled') and delete it again",
        )
    if status == 400 and _mentions_serverless(response) and b"collection" in response.content.lower():
        return CollectionsNotSupportedError(
            response,
            operation=operation.name,
            hint="serverless indexes do not support collections; only a pod-based index can be the source",
        )
    if status == 429:
        return RateLimitError(
            response, operation=operation.name, retry_after=parse_retry_after(response.headers.get("retry-after"))
        )
    return error_class_for(status)(response, operation=operation.name, subject=_subject(call, status))


def _subject(call: Call[Any], status: int) -> str | None:
    """The resource a 409 or 404 is about, named: "index 'movies' already exists". A 404 names it
    only when the path does (a create's 404 is about its cloud or region, not the new name)."""
    if call.resource is None or call.kind is None:
        return None
    if status == 409:
        return f"{call.kind} {call.resource!r} already exists"
    if status == 404 and call.addressed:
        return f"{call.kind} {call.resource!r} not found"
    return None


def _mentions_serverless(response: httpx.Response) -> bool:
    return b"serverless" in response.content.lower()
