"""What the sync and async clients share: configuration, pool ownership, per-call options."""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from typing import Any, Generic, Self, TypeVar

import httpx

from ._config import NOT_GIVEN, ClientOptions, _Unset, resolve_options
from ._errors import ClientValidationError
from ._logging import scrubber, setup_from_env
from ._polling import PollSchedule

HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)
TransportT = TypeVar("TransportT", httpx.BaseTransport, httpx.AsyncBaseTransport)
TimeoutArg = float | httpx.Timeout | None | _Unset
DEFAULT_MAX_RETRIES = 3
# Control-plane traffic is light; a small pool keeps sockets few without queueing.
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)


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


def http_client_kwargs(options: ClientOptions, verify: bool | str | ssl.SSLContext) -> dict[str, Any]:
    # Verification is on unless the caller passes verify=False (or a CA bundle / SSLContext) explicitly.
    if not isinstance(verify, bool | str | ssl.SSLContext):
        raise ClientValidationError("verify must be True, False, a CA bundle path or an ssl.SSLContext")
    return {"timeout": options.timeout, "verify": verify, "follow_redirects": False, "limits": DEFAULT_LIMITS}


class BaseClient(Generic[HttpT, TransportT]):
    """Construction and options shared by `Client` and `AsyncClient`.

    `api_key` defaults to `PINECONE_API_KEY`, `host` to `PINECONE_CONTROLLER_HOST` or
    https://api.pinecone.io. Every method also takes `timeout=` and `max_retries=` for that call.
    `http_client=` uses your own httpx client (never closed by this one); `transport=` a custom
    httpx transport (tests, proxies; never closed either). TLS verification is on unless `verify`
    says otherwise; plain `http://` is refused except on loopback or with `allow_insecure_http=True`.
    """

    _http: HttpT
    _owns_http: bool
    _options: ClientOptions

    def __init__(
        self,
        api_key: str | None = None,
        *,
        host: str | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        source_tag: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        http_client: HttpT | None = None,
        transport: TransportT | None = None,
        verify: bool | str | ssl.SSLContext = True,
        allow_insecure_http: bool = False,
        poll: PollSchedule | None = None,
    ) -> None:
        setup_from_env()
        self._options = resolve_options(
            api_key=api_key,
            host=host,
            timeout=timeout,
            max_retries=max_retries,
            source_tag=source_tag,
            extra_headers=extra_headers,
            allow_insecure_http=allow_insecure_http,
            poll=poll,
        )
        scrubber.add(self._options.api_key)
        if http_client is not None:
            if transport is not None or verify is not True:
                raise ClientValidationError("pass either http_client or transport/verify, not both")
            self._http, self._owns_http = http_client, False
        else:
            self._http, self._owns_http = self._make_http(transport, http_client_kwargs(self._options, verify)), True

    def _make_http(self, transport: TransportT | None, kwargs: dict[str, Any]) -> HttpT:
        raise NotImplementedError

    @property
    def options(self) -> ClientOptions:
        return self._options

    def _call_options(self, timeout: TimeoutArg, max_retries: int | _Unset) -> ClientOptions:
        return self._options.evolve(timeout=timeout, max_retries=max_retries)

    def _derive(self, timeout: TimeoutArg, max_retries: int | _Unset, extra_headers: Mapping[str, str] | None) -> Self:
        """A copy with other options on the same connection pool; the copy never closes the pool."""
        clone = object.__new__(type(self))
        clone._http = self._http
        clone._owns_http = False
        clone._options = self._options.evolve(timeout=timeout, max_retries=max_retries, extra_headers=extra_headers)
        return clone

    def __repr__(self) -> str:
        return f"{type(self).__name__}(host={self._options.host!r}, api_key=<redacted>)"


__all__ = ["NOT_GIVEN", "BaseClient", "TimeoutArg"]
