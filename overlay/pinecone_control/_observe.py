"""Watching attempts: the `on_attempt` hook, OpenTelemetry spans, and the record a raw response
is built from. The request loop (`_flows.request`) calls `begin` before each attempt and `end`
after it; everything here is told the time, it never reads a clock itself."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from ._effects import Outcome, TooLarge
from ._logging import logger

REQUEST_ID_HEADERS = ("x-pinecone-request-id", "x-request-id")


@dataclass(frozen=True, slots=True)
class AttemptInfo:
    """One HTTP attempt of a call, as `Client(on_attempt=...)` sees it.

    Attributes:
        operation: the spec's operation id (`describe_index`).
        method: the HTTP method (`GET`).
        url: the request URL, any password in it redacted.
        attempt: 1 for the first attempt, 2 for the first retry, ...
        status_code: the answer's status, or None when no answer came.
        error_type: the error's type name when no answer came (`ConnectTimeout`,
            `ReadError`), `ResponseTooLargeError` for a body over the limit, else None.
        elapsed: seconds the attempt took, on the client's clock.
        retry_delay: seconds until the next attempt, or None when this one was the last.
        request_id: the answer's `x-pinecone-request-id`, if any.
    """

    operation: str
    method: str
    url: str
    attempt: int
    status_code: int | None
    error_type: str | None
    elapsed: float
    retry_delay: float | None
    request_id: str | None

    @property
    def outcome(self) -> str:
        """The status as text (`"200"`), or the error's type name."""
        return str(self.status_code) if self.error_type is None else str(self.error_type)


AttemptHook = Callable[[AttemptInfo], object]


def request_id(headers: httpx.Headers) -> str | None:
    return next((headers[h] for h in REQUEST_ID_HEADERS if h in headers), None)


class Record:
    """What one method call saw, for its raw response: the last answer, attempts, time."""

    __slots__ = ("attempts", "response", "too_large")

    def __init__(self) -> None:
        self.attempts = 0
        self.response: httpx.Response | None = None
        self.too_large: TooLarge | None = None


class Observer:
    """The per-client (or per-call, for a raw response) observers of attempts. Immutable; a raw
    response gets a copy with its own `Record`."""

    __slots__ = ("hook", "record")

    def __init__(self, hook: AttemptHook | None = None, record: Record | None = None) -> None:
        self.hook = hook
        self.record = record

    def recording(self, record: Record) -> Observer:
        return Observer(self.hook, record)

    def begin(self, method: str, url: str, retries: int) -> Any:
        """Called just before an attempt is sent; returns what `end` needs (the span, if any)."""
        return _start_span(method, url, retries)

    def abandon(self, span: Any, exc: BaseException) -> None:
        """The attempt was interrupted (a closed client, a cancelled task): end its span."""
        if span is not None:
            # The driver closes the program as an error passes through it: that error is the cause.
            cause = exc.__context__ if isinstance(exc, GeneratorExit) and exc.__context__ is not None else exc
            span.set_attribute("error.type", f"{type(cause).__module__}.{type(cause).__qualname__}")
            if _otel is not None:
                span.set_status(_otel.error_status)
            span.end()

    def end(
        self,
        span: Any,
        operation: str,
        method: str,
        url: str,
        retries: int,
        outcome: Outcome,
        elapsed: float,
        delay: float | None,
    ) -> None:
        """Called after an attempt, with its outcome and whether (and when) it will be retried."""
        if span is None and self.record is None and self.hook is None:
            return  # nobody is watching: no header lookups on the hot path
        status, error, rid = _described(outcome)
        if span is not None:
            _end_span(span, status, error, outcome)
        if self.record is not None:
            self.record.attempts += 1
            if isinstance(outcome, httpx.Response):
                self.record.response = outcome
        if self.hook is not None:
            info = AttemptInfo(operation, method, url, retries + 1, status, error, elapsed, delay, rid)
            try:
                result = self.hook(info)
            except Exception:  # an observer must never change the call it observes
                logger.exception("%s: the on_attempt hook raised; ignored", operation)
            else:
                if result is not None and inspect.iscoroutine(result):
                    _refuse_coroutine(operation, result)


def _refuse_coroutine(operation: str, coroutine: Any) -> None:
    # A callable the constructor could not tell was async (a lambda returning a coroutine): its
    # coroutine would never run. Closed, so Python warns nothing, and said once per attempt.
    coroutine.close()
    logger.error(
        "%s: the on_attempt hook returned a coroutine, which is never awaited; use a plain function "
        "(schedule async work from it with create_task)",
        operation,
    )


NOBODY = Observer()
"""A client without a hook still traces, when OpenTelemetry is installed."""


def _described(outcome: Outcome) -> tuple[int | None, str | None, str | None]:
    if isinstance(outcome, httpx.Response):
        return outcome.status_code, None, request_id(outcome.headers)
    if isinstance(outcome, TooLarge):
        return outcome.status_code, "ResponseTooLargeError", request_id(outcome.headers)
    return None, type(outcome).__name__, None


# -- OpenTelemetry (the `otel` extra): loaded at the first attempt, never at import ---------------


class _Otel:
    """What spans need from `opentelemetry-api`, looked up once."""

    def __init__(self, tracer: Any, client_kind: Any, error_status: Any) -> None:
        self.tracer, self.client_kind, self.error_status = tracer, client_kind, error_status


_otel: _Otel | None = None
_looked = False


def _get_otel() -> _Otel | None:
    global _otel, _looked
    if not _looked:
        _looked = True
        try:
            from opentelemetry import trace
            from opentelemetry.trace import SpanKind, Status, StatusCode
        except ImportError:
            return None
        from ._version import __version__

        # A proxy tracer: it follows whichever provider the application sets, even later.
        tracer = trace.get_tracer("pinecone_control", __version__)
        _otel = _Otel(tracer, SpanKind.CLIENT, Status(StatusCode.ERROR))
    return _otel


def _start_span(method: str, url: str, retries: int) -> Any:
    otel = _get_otel()
    if otel is None:
        return None
    address, port = _server(url.partition("://")[2].partition("/")[0], url.startswith("https:"))
    # HTTP client semantic conventions: name `{METHOD}`, attributes known before sending.
    attributes: dict[str, str | int] = {
        "http.request.method": method,
        "url.full": url,
        "server.address": address,
        "server.port": port,
    }
    if retries:
        attributes["http.request.resend_count"] = retries
    span = otel.tracer.start_span(method, kind=otel.client_kind, attributes=attributes)
    # No provider set, or sampled out: a span that records nothing needs no status, attributes or
    # end, so `end` can skip reading the answer's headers.
    return span if span.is_recording() else None


@functools.lru_cache(maxsize=64)
def _server(authority: str, https: bool) -> tuple[str, int]:
    """`server.address` and `server.port` of a URL's authority (a client talks to one host: parsed once)."""
    url = httpx.URL(f"{'https' if https else 'http'}://{authority}")
    return url.host, url.port or (443 if https else 80)


def _end_span(span: Any, status: int | None, error: str | None, outcome: Outcome) -> None:
    try:
        if status is not None:
            span.set_attribute("http.response.status_code", status)
        # error.type: the exception's full type name when no answer came, else the status of a 4xx/5xx.
        kind = error if error is not None else (str(status) if status is not None and status >= 400 else None)
        if kind is not None:
            if isinstance(outcome, httpx.RequestError):
                kind = f"{type(outcome).__module__}.{type(outcome).__qualname__}"
            span.set_attribute("error.type", kind)
            if _otel is not None:
                span.set_status(_otel.error_status)
    finally:
        span.end()
