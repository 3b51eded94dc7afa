"""The emulator over real sockets: a threaded HTTP/1.1 server with keep-alive, on loopback."""

from __future__ import annotations

import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

from ._emulator import Emulator
from ._wire import Reply, error_reply

_MAX_BODY = 16 * 1024 * 1024


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    server: _Server
    server_version = "pinecone-control-emulator"
    sys_version = ""

    def setup(self) -> None:
        super().setup()
        # Small responses must not wait for the peer's delayed ACK (Nagle): measure the API, not TCP.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the emulator keeps its own request log

    def _serve(self) -> None:
        emulator = self.server.emulator
        try:
            length = int(self.headers.get("content-length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= _MAX_BODY:
            self.close_connection = True
            self._write(error_reply(400 if length < 0 else 413, "INVALID_ARGUMENT", "Bad content-length."), reset=False)
            return
        body = self.rfile.read(length) if length else b""
        exchange = emulator.process(self.command, self.path, dict(self.headers.items()), body)
        if exchange.delay:
            time.sleep(exchange.delay)
        reply = exchange.reply
        if reply is None:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        try:
            self._write(reply, reset=exchange.reset)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up first (its read timeout): nothing to tell it

    def _write(self, reply: Reply, *, reset: bool) -> None:
        head = [f"HTTP/1.1 {reply.status} {self.responses.get(reply.status, ('',))[0]}"]
        head += [f"{name}: {value}" for name, value in reply.headers.items()]
        head += [f"content-length: {len(reply.body)}", f"date: {self.date_time_string()}", "", ""]
        raw = "\r\n".join(head).encode("latin-1") + (b"" if self.command == "HEAD" else reply.body)
        if reset:
            # Half of what the answer would be (headers included when there is no body), then a
            # TCP RST (linger 0), as a crashing peer sends, not an orderly FIN.
            cut = len(raw) - len(reply.body) // 2 if reply.body else len(head[0])
            self.wfile.write(raw[:cut])
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        self.wfile.write(raw)

    def __getattr__(self, name: str) -> Any:
        # http.server looks up `do_<METHOD>`: route every method, so an undeclared one (TRACE, QUERY,
        # ...) gets the API's 405 with `Allow`, not http.server's 501.
        if name.startswith("do_"):
            return self._serve
        raise AttributeError(name)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self, address: tuple[str, int], emulator: Emulator) -> None:
        self.emulator = emulator
        super().__init__(address, _Handler)


class EmulatorServer:
    """`with EmulatorServer(emulator) as server: Client(host=server.url, ...)`. Port 0 picks a free one."""

    def __init__(self, emulator: Emulator | None = None, host: str = "127.0.0.1", port: int = 0) -> None:
        self.emulator = emulator or Emulator()
        self._server = _Server((host, port), self.emulator)
        # A short poll interval: stop() returns within 50 ms (tests start and stop many servers).
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="pinecone-emulator", daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}"

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join()
        self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
