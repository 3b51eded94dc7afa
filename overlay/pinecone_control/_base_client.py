"""What the sync and async clients share: configuration, pool ownership, per-call options."""

from __future__ import annotations

import functools
import ssl
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, cast

import httpx
from pinecone_control_api._facade import CallOptions

from . import _secrets
from ._client_cert import CertArg
from ._clock import AsyncClock, Clock
from ._config import (
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_TOTAL_TIMEOUT,
    NOT_GIVEN,
    ClientOptions,
    _Unset,
    redact_headers,
    resolve_options,
)
from ._connections import Pool, borrowed_loop_error
from ._errors import ClientClosedError, ClientValidationError
from ._lazy import lazy_module
from ._logging import setup_from_env
from ._network import check_proxy, env_proxy, ssl_context
from ._observe import AttemptHook, Observer
from ._reading import BodyTooLarge
from ._waiting import PollSchedule

if TYPE_CHECKING:
    from . import _flows as run
    from . import _provisioning as provisioning
    from ._effects import Outcome, Program, Send
    from ._waiting import ProgressCallback
else:
    run = lazy_module("pinecone_control._flows")  # the operations load at the first request
    provisioning = lazy_module("pinecone_control._provisioning")

HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)
TransportT = TypeVar("TransportT", httpx.BaseTransport, httpx.AsyncBaseTransport)
ClockT = TypeVar("ClockT", Clock, AsyncClock)
TimeoutArg = float | httpx.Timeout | None | _Unset
DEFAULT_MAX_RETRIES = 3
# Control-plane traffic is light; a small pool keeps sockets few without queueing.
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)
# Calls beyond this many queue in the client instead of piling onto httpcore's pool, whose
# bookkeeping collapses with thousands of waiters (1,000 concurrent calls timed out there).
DEFAULT_MAX_CONCURRENCY = 64


class _BorrowedTransport(httpx.BaseTransport):
    """A caller's transport: used, never closed by us."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self._inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._inner.handle_request(request)

    def close(self) -> None:
        pass


class _BorrowedAsyncTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self._inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        pass


@functools.lru_cache(maxsize=1024)
def parsed_url(url: str) -> httpx.URL:
    """`url` as httpx parses it, once: httpx parses a URL string on every request (~8 us), a
    client sends the same few URLs again and again, and an `httpx.URL` is immutable."""
    return httpx.URL(url)


def _check_verify(verify: object) -> None:
    # Verification is on unless the caller passes verify=False (or a CA bundle / SSLContext) explicitly.
    if not isinstance(verify, bool | str | ssl.SSLContext):
        raise ClientValidationError("verify must be True, False, a CA bundle path or an ssl.SSLContext")


def _check_concurrency(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ClientValidationError(f"max_concurrency must be a positive integer, got {value!r}")
    return value


def _choose_proxy(url: httpx.URL, proxy: object, allow_insecure_http: bool) -> httpx.Proxy | None:
    """`proxy=` if given, else the environment's (https hosts only). Plain http to loopback is never
    proxied: a proxy would carry the key in clear off this machine, so asking for one is an error."""
    if proxy is None:
        return env_proxy(url)
    chosen = check_proxy(proxy, "proxy=")
    if url.scheme == "http" and not allow_insecure_http:
        raise ClientValidationError(
            "proxy= with a plain http host would send the API key in clear to the proxy: use an https host "
            "(or allow_insecure_http=True if that is really intended)"
        )
    return chosen


def reject_wait_timeout_misnamed(method: str, timeout: object) -> None:
    """Waits take `wait_timeout` (the deadline of the whole wait); every other method's `timeout` is
    the HTTP timeout of one attempt. A `timeout=` on a wait is almost surely meant as its deadline,
    so it is refused with the right name rather than read as something else (typed `Never`, so
    mypy flags it too)."""
    if not isinstance(timeout, _Unset):
        raise TypeError(
            f"{method}() takes wait_timeout= (seconds for the whole wait, None for no deadline), not timeout=; "
            f"e.g. {method}(name, wait_timeout={timeout!r}). The HTTP timeout of each describe it sends is "
            "the client's: pc.with_options(timeout=...)."
        )


class BaseClient(Generic[HttpT, TransportT, ClockT]):
    """Construction and options shared by `Client` and `AsyncClient`.

    `api_key` defaults to `PINECONE_API_KEY`, `host` to `PINECONE_CONTROLLER_HOST` or
    https://api.pinecone.io. `timeout` bounds each attempt (httpx's per-phase limits, and the whole
    attempt by the largest of them); `total_timeout` the whole call, retries included (both also via
    `with_options`). Every method that sends a request also takes `timeout=` and `max_retries=` for
    that call; waits take `wait_timeout=` instead (a `timeout=` there is a `TypeError` naming it).
    `http_client=` uses your own httpx client (never closed by this one); `transport=` a custom
    httpx transport (tests, never closed either). TLS verification is on unless `verify=False`;
    `verify` also takes a CA bundle path (file or directory) or an `ssl.SSLContext`, and `cert` a
    client certificate (a PEM path, or `(certfile, keyfile[, password])`; an encrypted key without
    its password is a `ClientValidationError`, never a terminal prompt). `proxy` (a URL or an
    `httpx.Proxy`) overrides `HTTPS_PROXY`/`ALL_PROXY`; proxies apply to https hosts only. Plain `http://` goes only to
    loopback addresses, never through a proxy, unless `allow_insecure_http=True`. At most
    `max_concurrency` requests are in flight at once; more calls queue. `clock` supplies time (tests,
    virtual time). `on_attempt` is called with an `AttemptInfo` after every HTTP attempt (metrics,
    tracing); an exception it raises is logged and ignored.
    """

    _pool: Pool[HttpT]
    _owns_http: bool
    _options: ClientOptions
    _clock: ClockT
    _closed: bool

    def __init__(
        self,
        api_key: str | None = None,
        *,
        host: str | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        source_tag: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        http_client: HttpT | None = None,
        transport: TransportT | None = None,
        verify: bool | str | ssl.SSLContext = True,
        cert: CertArg | None = None,
        proxy: str | httpx.Proxy | None = None,
        allow_insecure_http: bool = False,
        poll: PollSchedule | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        clock: ClockT | None = None,
        on_attempt: AttemptHook | None = None,
    ) -> None:
        setup_from_env()
        self._clock = clock if clock is not None else self._default_clock()
        self._options = resolve_options(
            api_key=api_key,
            host=host,
            timeout=timeout,
            max_retries=max_retries,
            source_tag=source_tag,
            extra_headers=extra_headers,
            allow_insecure_http=allow_insecure_http,
            poll=poll,
            total_timeout=total_timeout,
            max_response_bytes=max_response_bytes,
            now=self._clock.now,
            on_attempt=on_attempt,
        )
        self._closed = False
        self._proxy_shown: str | None = None
        # What our own pool sends by default (None: a caller's http_client, whose defaults are its own).
        self._pool_headers: dict[str, str] | None = None
        self._pool_timeout: httpx.Timeout | None = None
        # Our own transport bounds every socket operation by the attempt deadline (`_network`);
        # a caller's transport or http_client does not, so the async driver bounds it as a whole.
        self._sockets_bounded = False
        size = _check_concurrency(max_concurrency)
        _check_verify(verify)
        url = httpx.URL(self._options.host)
        if http_client is not None:
            if transport is not None or verify is not True or proxy is not None or cert is not None:
                raise ClientValidationError(
                    "pass either http_client or transport/verify/proxy/cert, not both: "
                    "an http_client brings its own TLS and proxy settings"
                )
            if url.scheme == "http" and not allow_insecure_http:
                # Its proxies and transports are its own: we cannot promise plain http stays on loopback.
                raise ClientValidationError(
                    "a plain http host with your own http_client needs allow_insecure_http=True: the client "
                    "cannot check where your http_client sends the API key"
                )
            self._pool, self._owns_http = Pool(http_client, lambda: self._new_limiter(size), None), False
            return
        # Our own pool carries the client's headers, so a call whose headers are exactly these
        # passes none and httpx does not normalise and merge them again on every request.
        self._pool_headers = self._options.headers()
        self._pool_timeout = self._options.timeout
        kwargs: dict[str, Any] = {
            "headers": self._pool_headers,
            "timeout": self._options.timeout,
            "follow_redirects": False,
            # Proxies come from _choose_proxy (https only); httpx's own environment lookup would
            # also send plain-http requests through a proxy.
            "trust_env": False,
        }
        if transport is not None:
            if proxy is not None or cert is not None:
                raise ClientValidationError(
                    "proxy= and cert= configure the client's own transport; with transport= set them on yours"
                )
            self._own_pool(size, lambda: self._make_http(transport, None, None, False, kwargs))
            return
        chosen = _choose_proxy(url, proxy, allow_insecure_http)
        if chosen is not None:
            self._proxy_shown = str(chosen.url)  # httpx.Proxy keeps `user:pass@` out of it, in `auth`
            if chosen.auth is not None:
                _secrets.register(chosen.auth[1])
        context = ssl_context(verify, cert)
        loopback_only = url.scheme == "http" and not allow_insecure_http
        self._own_pool(size, lambda: self._make_http(None, context, chosen, loopback_only, kwargs))
        self._sockets_bounded = True

    def _own_pool(self, size: int, new_http: Callable[[], HttpT]) -> None:
        # `new_http` again makes the same pool: a forked child (or, async, a new loop) gets its own.
        self._pool = Pool(new_http(), lambda: self._new_limiter(size), new_http)
        self._owns_http = True

    def _default_clock(self) -> ClockT:
        raise NotImplementedError

    def _new_limiter(self, size: int) -> Any:
        raise NotImplementedError

    # Set by each client: its httpx client class, the wrapper of a caller's transport, and the
    # factory of its own transport (`_network`).
    _httpx: Callable[..., Any]
    _borrowed: Callable[[Any], Any]
    _own_transport: Callable[..., Any]

    def _make_http(
        self,
        transport: TransportT | None,
        context: ssl.SSLContext | None,
        proxy: httpx.Proxy | None,
        loopback_only: bool,
        kwargs: dict[str, Any],
    ) -> HttpT:
        if transport is not None:
            return cast("HttpT", self._httpx(transport=self._borrowed(transport), **kwargs))
        assert context is not None  # built whenever no transport is given
        own = self._own_transport(context=context, limits=DEFAULT_LIMITS, proxy=proxy, loopback_only=loopback_only)
        return cast("HttpT", self._httpx(transport=own, **kwargs))

    @property
    def options(self) -> ClientOptions:
        return self._options

    @property
    def _http(self) -> HttpT:
        """The httpx client requests go through now (a forked child's differs from its parent's)."""
        return self._pool.http

    def _build_request(self, send: Send) -> httpx.Request:
        """The request of `send`, built by the pool (`build_request` is sync on both httpx clients):
        what httpx's `stream()` does, without its context manager, and without handing httpx again
        the URL string, headers and timeout it already has parsed or holds as its defaults."""
        return self._pool.http.build_request(
            send.method,
            parsed_url(send.url),
            headers=self._headers_to_send(send.headers),
            content=send.content,
            timeout=self._timeout_to_send(send.timeout),
        )

    def _headers_to_send(self, headers: dict[str, str]) -> dict[str, str] | None:
        """What httpx must add to its pool's default headers for a request: nothing when they are
        the pool's own (the common case), else all of them (a derived client's extra headers)."""
        return None if headers == self._pool_headers else headers

    def _timeout_to_send(self, timeout: httpx.Timeout) -> httpx.Timeout | httpx._client.UseClientDefault:
        """The pool's own timeout is not passed (httpx would copy it into a new object per request)."""
        return httpx.USE_CLIENT_DEFAULT if timeout is self._pool_timeout else timeout

    def _attempt_failed(self, exc: Exception) -> Outcome:
        """What an attempt that raised `exc` comes to, for both drivers: a body over the limit or a
        transport error is the attempt's outcome (the request loop decides on retries); httpx's
        RuntimeError is a closed client, or (the caller's async http_client) a loop it does not belong to."""
        if isinstance(exc, BodyTooLarge):
            return exc.outcome
        if isinstance(exc, httpx.RequestError):
            return exc
        if isinstance(exc, TimeoutError):  # async: the budget's own timer, around a caller's transport
            return httpx.ReadTimeout("the attempt's total deadline passed")
        self._check_open()
        if self._pool.borrowed and "event loop" in str(exc).lower():
            raise borrowed_loop_error() from exc
        raise ClientClosedError(f"{type(self).__name__} could not send: {exc}") from exc

    def _check_open(self) -> None:
        if self._closed or self._pool.http.is_closed:
            raise ClientClosedError(f"{type(self).__name__} is closed; create a new one")

    def _call_options(
        self, timeout: TimeoutArg, max_retries: int | _Unset, total_timeout: float | _Unset | None = NOT_GIVEN
    ) -> ClientOptions:
        return self._options.evolve(timeout=timeout, max_retries=max_retries, total_timeout=total_timeout)

    # -- the programs behind every method: built here once, run by each client's own driver ------

    def with_options(
        self,
        *,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | _Unset = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        total_timeout: float | _Unset | None = NOT_GIVEN,
    ) -> Self:
        """A client with other options sharing this one's connection pool; this one is unchanged.

        Args:
            timeout: per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: retry budget per call.
            extra_headers: headers added to every request (printable ASCII).
            total_timeout: time budget per call, retries included (None: no budget).
        """
        return self._derive(timeout, max_retries, extra_headers, total_timeout)

    def _invocation(self, operation: str, arguments: dict[str, Any], options: CallOptions) -> Program[Any]:
        """An operation of the spec (a generated facade method)."""
        call_options = self._call_options(options.timeout, options.max_retries, options.total_timeout)
        progress = cast("ProgressCallback | None", options.on_progress)
        return run.invoke(
            call_options, operation, arguments, options.wait_timeout, progress, missing_ok=options.missing_ok
        )

    def _convenience(
        self,
        method: str,
        action: str,
        operation: str,
        arguments: dict[str, Any],
        options: CallOptions,
        apply: bool = False,
    ) -> Program[Any]:
        """A generated convenience (`_surface.py`): `has` (one describe), `wait:<goal>` (a standalone
        wait polling `operation`), or `ensure` (`operation` is the create)."""
        progress = cast("ProgressCallback | None", options.on_progress)
        if action == "has":
            return run.has(self._call_options(options.timeout, options.max_retries), operation, arguments)
        if action.startswith("wait:"):
            reject_wait_timeout_misnamed(method, options.timeout)
            goal = action.removeprefix("wait:")
            return run.wait_for(self._options, operation, goal, arguments, options.wait_timeout, progress)
        call_options = self._call_options(options.timeout, options.max_retries, options.total_timeout)
        return provisioning.ensure(
            call_options, operation, arguments, apply=apply, wait_timeout=options.wait_timeout, on_progress=progress
        )

    def _derive(
        self,
        timeout: TimeoutArg,
        max_retries: int | _Unset,
        extra_headers: Mapping[str, str] | None,
        total_timeout: float | _Unset | None = NOT_GIVEN,
    ) -> Self:
        """A copy with other options on the same connection pool and limiter (the same `Pool`, so a
        replacement made after a fork serves both); it never closes the pool."""
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone._owns_http = False
        clone._closed = False
        clone._options = self._options.evolve(
            timeout=timeout, max_retries=max_retries, extra_headers=extra_headers, total_timeout=total_timeout
        )
        return clone

    def _observing(self, observer: Observer) -> Self:
        """A copy on the same pool whose attempts `observer` watches (a raw response's record)."""
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone._owns_http = False
        clone._options = self._options.observed(observer)
        return clone

    def __repr__(self) -> str:
        # Every option that `with_options` or the constructor can change; never the key.
        o = self._options
        parts = [
            f"host={_secrets.redact_url(o.host)!r}",
            "api_key=<redacted>",
            f"timeout={o.timeout!r}",
            f"total_timeout={o.total_timeout!r}",
            f"max_retries={o.retry.max_retries!r}",
        ]
        if self._proxy_shown is not None:
            parts.append(f"proxy={self._proxy_shown!r}")
        if o.max_response_bytes != DEFAULT_MAX_RESPONSE_BYTES:
            parts.append(f"max_response_bytes={o.max_response_bytes!r}")
        if o.source_tag:
            parts.append(f"source_tag={o.source_tag!r}")
        if o.extra_headers:
            parts.append(f"extra_headers={redact_headers(o.extra_headers)!r}")
        if self._closed:
            parts.append("closed")
        return f"{type(self).__name__}({', '.join(parts)})"


__all__ = ["NOT_GIVEN", "BaseClient", "TimeoutArg", "reject_wait_timeout_misnamed"]
