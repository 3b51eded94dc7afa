"""The client's own transport: where requests may go, and how long each attempt may take.

Three promises are kept here, below httpx, on every socket operation:

- **Attempt deadline.** httpx's timeouts bound each read; a server that dribbles a valid answer one
  byte a second never trips them. Every connect, read and write of an attempt gets at most what is
  left of the attempt's total deadline (a context variable, so threads and tasks each have their own).
- **Plain http goes only to loopback.** A client whose host is `http://` connects only to loopback
  addresses: the name is resolved at connect time and every address must be loopback (a
  `*.localhost` name pointed elsewhere by /etc/hosts is refused), and no proxy is ever used for it.
- **Proxies are chosen here, not by httpx's environment lookup**: `proxy=` first, else HTTPS_PROXY /
  ALL_PROXY (and NO_PROXY), for https hosts only; a proxy URL that cannot work is a
  `ClientValidationError` at construction that names where it came from (`proxy=` or the variable).
- **TLS settings are built here** (`ssl_context`): a CA bundle path, an `ssl.SSLContext`, client
  certificates (`cert=`), each checked at construction; the default bundle file (certifi's, or
  `$SSL_CERT_FILE`) is read and checked then, and parsed at the first handshake (`_default_trust`).

httpcore's network-backend interface (`httpcore.NetworkBackend`) is public; attaching one to the
pool httpx builds is not, so `_attach` checks the attribute and fails loudly if httpcore changes.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import ssl
import time
from collections.abc import Iterable
from contextvars import ContextVar, Token
from typing import Any

import httpcore
import httpx

from ._client_cert import load_client_cert
from ._default_trust import default_bundle, default_context
from ._errors import ClientValidationError
from ._typed_url import parse_typed_url

_attempt_end: ContextVar[float | None] = ContextVar("pinecone_control_attempt_end", default=None)

# Checked in this order; the lowercase spelling wins, as in curl and urllib.
PROXY_VARIABLES = ("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")


def start_attempt(seconds: float | None) -> Token[float | None]:
    """Every socket operation from here until `end_attempt(token)` ends within `seconds` of now.
    Two plain calls rather than a context manager: this runs on every request (~1 us less)."""
    return _attempt_end.set(None if seconds is None else time.monotonic() + seconds)


def end_attempt(token: Token[float | None]) -> None:
    _attempt_end.reset(token)


def attempt_time_left() -> float | None:
    end = _attempt_end.get()
    return None if end is None else end - time.monotonic()


def _clip(timeout: float | None, *, connecting: bool = False) -> float | None:
    end = _attempt_end.get()  # attempt_time_left(), inlined: this runs on every socket read and write
    if end is None:
        return timeout
    left = end - time.monotonic()
    if left <= 0:
        kind = httpcore.ConnectTimeout if connecting else httpcore.ReadTimeout
        raise kind("the attempt's total deadline passed")
    return left if timeout is None or left < timeout else timeout


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
        if buffer:  # httpcore writes an empty end of message after a GET: nothing to send or bound
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

    # httpcore's anyio backend maps anyio's errors but lets a TLS alert arriving after the handshake
    # (TLS 1.3: "certificate required" when no client certificate was sent) escape as a raw
    # `ssl.SSLError`; the sync backend reports it as a read error, and so do we.
    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            return await self._inner.read(max_bytes, _clip(timeout))
        except ssl.SSLError as exc:
            raise httpcore.ReadError(str(exc)) from exc

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:  # httpcore writes an empty end of message after a GET: nothing to send or bound
            return
        try:
            await self._inner.write(buffer, _clip(timeout))
        except ssl.SSLError as exc:
            raise httpcore.WriteError(str(exc)) from exc

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
            import asyncio  # only async clients get here

            try:
                # Bounded here: the async driver sets no timer of its own around our transport.
                async with asyncio.timeout(timeout):
                    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except TimeoutError as exc:
                raise httpcore.ConnectTimeout("resolving the host took longer than the attempt allows") from exc
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
    import urllib.request  # only when a proxy variable is set: it costs ~10 ms to import

    bypass = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]  # public, not in typeshed
    if no_proxy and bypass(url.host, {"no": no_proxy}):
        return None
    return check_proxy(value, f"${variable}")


def check_proxy(value: object, source: str) -> httpx.Proxy:
    """`value` (a URL string or an `httpx.Proxy`) as a proxy that can work; a ClientValidationError
    naming `source` (`proxy=` or the environment variable) otherwise."""
    if isinstance(value, str):
        value = value.strip()
        if "://" not in value:
            value = "http://" + value  # curl's reading of a bare host:port
    elif not isinstance(value, httpx.Proxy):
        raise ClientValidationError(
            f"{source} must be a proxy URL string or an httpx.Proxy, got {type(value).__name__}"
        )
    proxy = (
        value if isinstance(value, httpx.Proxy) else parse_typed_url(value, httpx.Proxy, f"the proxy URL in {source}")
    )
    port = proxy.url.port
    if proxy.url.scheme in {"socks5", "socks5h"}:
        import importlib.util  # only for a SOCKS proxy: kept off the cold start

        if importlib.util.find_spec("socksio") is None:  # httpx's optional SOCKS support
            raise ClientValidationError(
                f"{source} names a SOCKS proxy, which needs the socksio package: pip install 'httpx[socks]'"
            )
    elif proxy.url.scheme not in {"http", "https"}:
        raise ClientValidationError(
            f"{source} has an unsupported proxy scheme {proxy.url.scheme!r}: use http://, https:// or socks5://"
        )
    if not proxy.url.host or (port is not None and not 0 < port < 65536):
        raise ClientValidationError(f"the proxy URL in {source} has no valid host and port")
    return proxy


def ssl_context(verify: object, cert: object) -> ssl.SSLContext:
    """The TLS context of our own transport, built here rather than by httpx (whose `verify=<path>`
    and `cert=` are deprecated): a CA bundle file or directory, a context of the caller's, or the
    default (`SSL_CERT_FILE` / `SSL_CERT_DIR` when set, else certifi's bundle, as httpx does), plus
    an optional client certificate. Every problem is a ClientValidationError naming the argument."""
    if isinstance(verify, ssl.SSLContext):
        if cert is not None:
            raise ClientValidationError(
                "cert= cannot be added to your own ssl.SSLContext (it would be changed for everyone using it): "
                "call context.load_cert_chain(certfile, keyfile) yourself, or pass verify as a CA bundle path"
            )
        return verify
    try:
        bundle = default_bundle() if verify is True else None
        if bundle is not None:
            context: ssl.SSLContext = default_context(*bundle)  # read at the first handshake
        elif isinstance(verify, bool):
            context = httpx.create_ssl_context(verify=verify, trust_env=True)
        elif isinstance(verify, str):
            if not os.path.exists(verify):
                raise ClientValidationError(f"verify={verify!r}: no CA bundle file or directory there")
            is_dir = os.path.isdir(verify)
            context = ssl.create_default_context(cafile=None if is_dir else verify, capath=verify if is_dir else None)
        else:
            raise ClientValidationError("verify must be True, False, a CA bundle path or an ssl.SSLContext")
    except (OSError, ssl.SSLError) as exc:
        source = f"verify={verify!r}"
        if verify is True:  # the bundle came from the environment (httpx reads these two)
            source = next((f"${v}" for v in ("SSL_CERT_FILE", "SSL_CERT_DIR") if os.environ.get(v)), source)
        raise ClientValidationError(f"{source}: cannot load the CA bundle: {exc}") from None
    if cert is not None:
        load_client_cert(context, cert)
    return context


def _build(
    cls: Any,
    backend: Any,
    context: ssl.SSLContext,
    limits: httpx.Limits,
    proxy: httpx.Proxy | None,
    loopback_only: bool,
) -> Any:
    try:
        transport = cls(verify=context, limits=limits, proxy=proxy)
    except (ImportError, ValueError, OSError, ssl.SSLError) as exc:
        raise ClientValidationError(f"cannot set up the connection: {exc}") from exc
    # A proxied pool (httpcore's HTTPProxy / SOCKSProxy) dials through the same backend, so the
    # attempt deadline bounds the proxy connection and the tunnel too.
    _attach(transport, lambda inner: backend(inner, loopback_only=loopback_only and proxy is None))
    return transport


def make_transport(
    *, context: ssl.SSLContext, limits: httpx.Limits, proxy: httpx.Proxy | None, loopback_only: bool
) -> httpx.HTTPTransport:
    transport: httpx.HTTPTransport = _build(httpx.HTTPTransport, _Backend, context, limits, proxy, loopback_only)
    return transport


def make_async_transport(
    *, context: ssl.SSLContext, limits: httpx.Limits, proxy: httpx.Proxy | None, loopback_only: bool
) -> httpx.AsyncHTTPTransport:
    transport: httpx.AsyncHTTPTransport = _build(
        httpx.AsyncHTTPTransport, _AsyncBackend, context, limits, proxy, loopback_only
    )
    return transport
