"""Loopback servers that misbehave on purpose, where an httpx transport cannot fake the wire:
byte-by-byte dribbling, endless bodies, silence, and a recording "proxy". Each runs its handler in
a thread per connection and stops (closing every socket, joining every thread) on exit."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Self

Handler = Callable[[socket.socket, threading.Event], None]


class RawServer:
    """`with RawServer(handler) as server: ... server.url`; `handler(conn, stopping)` owns one
    connection; `stopping` is set when the server stops, so long handlers end promptly."""

    def __init__(self, handler: Handler) -> None:
        self._handler = handler
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        self.connections = 0
        self._acceptor = threading.Thread(target=self._accept, name="raw-server", daemon=True)

    @property
    def port(self) -> int:
        port: int = self._listener.getsockname()[1]
        return port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.connections += 1
                self._conns.append(conn)
                thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
                self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            self._handler(conn, self._stopping)
        with contextlib.suppress(OSError):
            conn.close()

    def __enter__(self) -> Self:
        self._acceptor.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stopping.set()
        self._acceptor.join()
        self._listener.close()
        with self._lock:
            for conn in self._conns:
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    conn.close()
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout=5)


def read_request(conn: socket.socket, stopping: threading.Event) -> bytes:
    """The request head (and whatever body came with it), or b"" if the peer went away."""
    conn.settimeout(0.1)
    data = b""
    while b"\r\n\r\n" not in data and not stopping.is_set():
        try:
            chunk = conn.recv(65536)
        except TimeoutError:
            continue
        if not chunk:
            return b""
        data += chunk
    return data


def response_bytes(status: int, body: bytes, content_type: str = "application/json") -> bytes:
    head = f"HTTP/1.1 {status} X\r\ncontent-type: {content_type}\r\ncontent-length: {len(body)}\r\n\r\n"
    return head.encode() + body


def dribble(payload: bytes, interval: float) -> Handler:
    """Answers every request with `payload`, one byte every `interval` seconds."""

    def handler(conn: socket.socket, stopping: threading.Event) -> None:
        while read_request(conn, stopping):
            for i in range(len(payload)):
                if stopping.wait(interval):
                    return
                conn.sendall(payload[i : i + 1])

    return handler


def silent(conn: socket.socket, stopping: threading.Event) -> None:
    """Reads the request and never answers."""
    read_request(conn, stopping)
    stopping.wait(60)


def endless(head: bytes, *, sent: list[int]) -> Handler:
    """Sends `head`, then zeros until the peer stops reading; counts the bytes it got out."""

    def handler(conn: socket.socket, stopping: threading.Event) -> None:
        if not read_request(conn, stopping):
            return
        conn.sendall(head)
        block = bytes(65536)
        conn.settimeout(2)
        while not stopping.is_set():
            try:
                conn.sendall(block)
            except OSError:
                return
            sent[0] += len(block)

    return handler


def canned(status: int, body: bytes) -> Handler:
    """Answers every request on the connection (keep-alive) with the same response."""
    answer = response_bytes(status, body)

    def handler(conn: socket.socket, stopping: threading.Event) -> None:
        while read_request(conn, stopping):
            conn.sendall(answer)

    return handler


@contextlib.contextmanager
def fast_server(body: bytes) -> Iterator[str]:
    """An asyncio HTTP/1.1 server with one canned 200 answer, keep-alive, on its own thread and
    loop: fast enough that thousands of concurrent client calls measure the client, not it."""
    answer = response_bytes(200, body)
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    holder: dict[str, object] = {}
    writers: set[asyncio.StreamWriter] = set()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writers.add(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                if length:
                    await reader.readexactly(length)
                writer.write(answer)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writers.discard(writer)
            writer.close()

    async def start() -> None:
        server = await asyncio.start_server(serve, "127.0.0.1", 0, backlog=4096)
        holder["server"] = server
        holder["port"] = server.sockets[0].getsockname()[1]
        ready.set()

    def run() -> None:
        loop.run_until_complete(start())
        loop.run_forever()

    thread = threading.Thread(target=run, name="fast-server", daemon=True)
    thread.start()
    ready.wait(10)
    try:
        yield f"http://127.0.0.1:{holder['port']}"
    finally:

        async def stop() -> None:
            server = holder["server"]
            assert isinstance(server, asyncio.Server)
            server.close()
            for writer in list(writers):
                writer.close()
            await server.wait_closed()

        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


def elapsed(start: float) -> float:
    return time.monotonic() - start
