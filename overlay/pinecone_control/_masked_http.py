"""Copies of httpx objects the package hands out, with their credentials masked.

A raw response's `http_response.request`, and the request on an httpx error chained under an
`APIConnectionError`, are made to be logged, pickled and attached to tickets; httpx masks only
`Authorization` in a headers repr, and nothing in `headers["api-key"]` or a pickle. The copies
carry `<redacted>` for the credential headers and for a URL password; the objects that were sent
are left alone (a caller's transport may keep and read them).
"""

from __future__ import annotations

import contextlib
from typing import TypeVar

import httpx

from . import _secrets

T = TypeVar("T")
_MASK = _secrets.REDACTED.encode()


def masked_request(request: httpx.Request) -> httpx.Request:
    masked = _shallow_copy(request)
    masked.headers = _masked_headers(request.headers)
    if request.url.password is not None:  # a host with user:password@ (httpx sends it as Basic auth)
        masked.url = request.url.copy_with(username=request.url.username, password=_secrets.REDACTED)
    return masked


def masked_response(response: httpx.Response) -> httpx.Response:
    """`response` with its request (and a redirect's `next_request`) masked; body and headers as received."""
    masked = _shallow_copy(response)
    masked.request = masked_request(response.request)
    # The body is read; httpx's stream wrapper would lead back to the original response and request.
    with contextlib.suppress(httpx.ResponseNotRead):
        masked.stream = httpx.ByteStream(response.content)
    if response.next_request is not None:
        masked.next_request = masked_request(response.next_request)
    return masked


def _masked_headers(headers: httpx.Headers) -> httpx.Headers:
    return httpx.Headers(
        [
            (
                name,
                _MASK if name.lower().decode("latin-1") in _secrets.SENSITIVE_HEADERS else _secrets.scrub_bytes(value),
            )
            for name, value in headers.raw
        ],
        encoding=headers.encoding,
    )


def _shallow_copy(obj: T) -> T:
    """The same attributes, stream and extensions included: `copy.copy` goes through httpx's
    pickling hooks, which drop both."""
    copy: T = object.__new__(type(obj))
    copy.__dict__.update(obj.__dict__)
    return copy
