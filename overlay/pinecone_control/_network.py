"""The client's own transport: where requests may go, and how long each attempt may take.

Three promises are kept here, below httpx, on every socket operation:

- **Attempt deadline.** httpx's timeouts bound each read; a server that dribbles a valid answer one
  byte a second never trips them. Every connect, read and write of an attempt gets at most what is
  left of the attempt's total deadline (a context variable, so threads and tasks each have their own).
- **Plain http goes only to loopback.** A client whose host is `http://` connects only to loopback
  addresses: the name is resolved at connect time and every address must be loopback (a
  `*.localhost` name pointed elsewhere by /etc/hosts is refused), and no proxy is ever used for it.
- **Proxies are chosen here, not by httpx's environment lookup**: HTTPS_PROXY / ALL_PROXY (and
  NO_PROXY) apply to https hosts only, and a proxy URL that cannot work is a `ClientValidationError`
  at construction that names the variable.

httpcore's network-backend interface (`httpcore.NetworkBackend`) is public; attaching one to the
pool httpx builds is not, so `_attach` checks the attribute and fails loudly if httpcore changes.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import os
import socket
import ssl
import time
import urllib.request
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

from ._errors import ClientValidationError

_attempt_end: ContextVar[float | None] = ContextVar("pinecone_control_attempt_end", default=None)

# Checked in this order; the lowercase spelling wins, as in curl and urllib.
PROXY_VARIABLES = ("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")


@contextlib.contextmanager
def attempt_deadline(seconds: float | None) -> Iterator[None]:
    """Every socket operation inside this block ends within `seconds` of its start."""
    token = _attempt_end.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _attempt_end.reset(token)


def attempt_time_left() -> float | None:
    end = _attempt_end.get()
    return None if end is None else end - time.monotonic()


def _clip(timeout: float | None, *, connecting: bool = False) -> float | None:
    left = attempt_time_left()
    if left is None:
        return timeout
    if left <= 0:
        kind = httpcore.ConnectTimeout if connecting else httpcore.ReadTimeout
        raise kind("the attempt's total deadline passed")
    return left if timeout is None else min(timeout, left)


def is_loopback_address(address: str) -> bool:
    try:
        return ipaddress.ip_address(address.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _loopback_addresses(infos: Iterable[tuple[Any, ...]], host: str) -> str:
    addresses = [str(info[4][0]) for info in infos]
    outside = [a for a in addresses if not is_loopback_address(a)]
    if not addresses or outside:
        raise httpcore.ConnectError(
            f"refusing plain http to {host!r}: it resolves to {', '.join(outside) or 'nothing'}, not a loopback "
            "address, and the API key would travel unencrypted (use https, or allow_insecure_http=True)"
        )
    return addresses[0]


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _clip(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _clip(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, _clip(timeout, connecting=True)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend, *, loopback_only: bool) -> None:
        self._inner = inner
        self._loopback_only = loopback_only

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _clip(timeout, connecting=True)
        if self._loopback_only:
            try:
                infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as exc:
                raise httpcore.ConnectError(str(exc)) from exc
            host = _loopback_addresses(infos, host)
        stream = self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _Stream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_unix_socket(path, _clip(timeout, connecting=True), socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, _clip(timeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, _clip(timeout))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        inner = await self._inner.start_tls(ssl_context, server_hostname, _clip(timeout, connecting=True))
        return _AsyncStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: httpcore.AsyncNetworkBackend, *, loopback_only: bool) -> None:
        self._inner = inner
        self._loopback_only = loopback_only

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = _clip(timeout, connecting=True)
        if self._loopback_only:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as exc:
                raise httpcore.ConnectError(str(exc)) from exc
            host = _loopback_addresses(infos, host)
        stream = await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _AsyncStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        inner = await self._inner.connect_unix_socket(path, _clip(timeout, connecting=True), socket_options)
        return _AsyncStream(inner)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def _attach(transport: Any, backend: Any) -> None:
    pool = getattr(transport, "_pool", None)
    if pool is None or not hasattr(pool, "_network_backend"):
        raise RuntimeError(
            "pinecone_control cannot attach its network backend to this httpx/httpcore version; "
            "install the versions pinned by the package"
        )
    backend_inner = pool._network_backend
    pool._network_backend = backend(backend_inner)


def env_proxy(url: httpx.URL, environ: dict[str, str] | os._Environ[str] = os.environ) -> httpx.Proxy | None:
    """The proxy the environment asks for `url` (https only), validated; None for none or NO_PROXY."""
    if url.scheme != "https":
        return None  # plain http (loopback only) never goes through a proxy
    for variable in PROXY_VARIABLES:
        value = environ.get(variable, "").strip()
        if value:
            break
    else:
        return None
    no_proxy = environ.get("no_proxy", environ.get("NO_PROXY", ""))
    bypass = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]  # public, not in typeshed
    if no_proxy and bypass(url.host, {"no": no_proxy}):
        return None
    if "://" not in value:
        value = "http://" + value  # curl's reading of a bare host:port
    try:
        proxy = httpx.Proxy(value)
        port = proxy.url.port
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise ClientValidationError(f"the proxy URL in ${variable} is not a valid URL: {exc}") from None
    if proxy.url.scheme in {"socks5", "socks5h"}:
        try:
            import socksio  # type: ignore[import-not-found, unused-ignore]  # noqa: F401
        except ImportError:
            raise ClientValidationError(
                f"${variable} names a SOCKS proxy, which needs the socksio package: pip install 'httpx[socks]'"
            ) from None
    elif proxy.url.scheme not in {"http", "https"}:
        raise ClientValidationError(
            f"${variable} has an unsupported proxy scheme {proxy.url.scheme!r}: use http://, https:// or socks5://"
        )
    if not proxy.url.host or (port is not None and not 0 < port < 65536):
        raise ClientValidationError(f"the proxy URL in ${variable} has no valid host and port")
    return proxy


def _build(
    cls: Any, backend: Any, verify: Any, limits: httpx.Limits, proxy: httpx.Proxy | None, loopback_only: bool
) -> Any:
    try:
        transport = cls(verify=verify, limits=limits, proxy=proxy)
    except (ImportError, ValueError, OSError, ssl.SSLError) as exc:
        raise ClientValidationError(f"cannot set up the connection: {exc}") from exc
    _attach(transport, lambda inner: backend(inner, loopback_only=loopback_only and proxy is None))
    return transport


def make_transport(
    *, verify: bool | str | ssl.SSLContext, limits: httpx.Limits, proxy: httpx.Proxy | None, loopback_only: bool
) -> httpx.HTTPTransport:
    transport: httpx.HTTPTransport = _build(httpx.HTTPTransport, _Backend, verify, limits, proxy, loopback_only)
    return transport


def make_async_transport(
    *, verify: bool | str | ssl.SSLContext, limits: httpx.Limits, proxy: httpx.Proxy | None, loopback_only: bool
) -> httpx.AsyncHTTPTransport:
    transport: httpx.AsyncHTTPTransport = _build(
        httpx.AsyncHTTPTransport, _AsyncBackend, verify, limits, proxy, loopback_only
    )
    return transport
