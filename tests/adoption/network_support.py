"""A real TLS server (certificates from a throwaway `trustme` CA) and a real forwarding CONNECT
proxy, both on 127.0.0.1; each stops its sockets and threads on exit (built on `RawServer`)."""

from __future__ import annotations

import contextlib
import selectors
import socket
import ssl
import threading
from types import TracebackType
from typing import Any, Self

import trustme

from ..hardening.servers import RawServer, read_request, response_bytes

LIST_BODY = b'{"indexes":[]}'


class TlsServer:
    """Answers every request with an empty index list over TLS. With `client_ca`, a client
    certificate signed by it is required; `peers` records each client certificate's common name."""

    def __init__(self, ca: trustme.CA, *, client_ca: trustme.CA | None = None) -> None:
        self._context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1", "localhost").configure_cert(self._context)
        if client_ca is not None:
            client_ca.configure_trust(self._context)
            self._context.verify_mode = ssl.CERT_REQUIRED
        self.requests: list[bytes] = []
        self.peers: list[str] = []
        self.handshake_failures = 0
        self._raw = RawServer(self._handle)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self._raw.port}"

    @property
    def port(self) -> int:
        return self._raw.port

    def _handle(self, conn: socket.socket, stopping: threading.Event) -> None:
        conn.settimeout(5)
        try:
            tls = self._context.wrap_socket(conn, server_side=True)
        except (ssl.SSLError, OSError):
            self.handshake_failures += 1
            return
        with tls:
            peer = tls.getpeercert()
            if peer:
                subject: Any = peer["subject"]  # ((("commonName", "x"),), ...)
                names = [str(value) for rdn in subject for key, value in rdn if key == "commonName"]
                self.peers.extend(names)
            while request := read_request(tls, stopping):
                self.requests.append(request)
                tls.sendall(response_bytes(200, LIST_BODY))

    def __enter__(self) -> Self:
        self._raw.__enter__()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._raw.__exit__(exc_type, exc, tb)


class ConnectProxy:
    """A forwarding proxy: answers `CONNECT 127.0.0.1:port` with 200 and relays bytes both ways.
    Only loopback targets are dialled. `requests` holds each CONNECT head as received."""

    def __init__(self) -> None:
        self.requests: list[bytes] = []
        self._raw = RawServer(self._handle)

    @property
    def url(self) -> str:
        return self._raw.url

    def _handle(self, conn: socket.socket, stopping: threading.Event) -> None:
        head = read_request(conn, stopping)
        if not head:
            return
        self.requests.append(head)
        method, target, _ = head.split(b"\r\n", 1)[0].decode("ascii").split(" ", 2)
        host, _, port = target.rpartition(":")
        if method != "CONNECT" or host not in {"127.0.0.1", "localhost"}:
            conn.sendall(b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n")
            return
        with socket.create_connection((host, int(port)), timeout=5) as upstream:
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            _relay(conn, upstream, stopping)

    def __enter__(self) -> Self:
        self._raw.__enter__()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._raw.__exit__(exc_type, exc, tb)


def _relay(a: socket.socket, b: socket.socket, stopping: threading.Event) -> None:
    a.setblocking(False)
    b.setblocking(False)
    with selectors.DefaultSelector() as selector:
        selector.register(a, selectors.EVENT_READ, b)
        selector.register(b, selectors.EVENT_READ, a)
        while not stopping.is_set():
            for key, _ in selector.select(timeout=0.1):
                source: socket.socket = key.fileobj  # type: ignore[assignment]
                target: socket.socket = key.data
                try:
                    data = source.recv(65536)
                except BlockingIOError:
                    continue
                if not data:
                    return
                target.setblocking(True)
                with contextlib.suppress(OSError):
                    target.sendall(data)
                target.setblocking(False)


def dribbling_proxy(sent: list[int], total: int, interval: float) -> RawServer:
    """Answers a CONNECT with an endless-looking header, one byte every `interval` seconds, up to
    `total` bytes; `sent[0]` counts what went out before the client hung up."""

    def handler(conn: socket.socket, stopping: threading.Event) -> None:
        if not read_request(conn, stopping):
            return
        payload = (b"HTTP/1.1 200 Connection established\r\nX-Slow: " + b"a" * total)[:total]
        for i in range(total):
            if stopping.wait(interval):
                return
            conn.sendall(payload[i : i + 1])
            sent[0] += 1

    return RawServer(handler)
