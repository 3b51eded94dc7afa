"""The emulator over real sockets: a threaded HTTP/1.1 server with keep-alive, on loopback."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

from ._emulator import Emulator

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
        length = int(self.headers.get("content-length") or 0)
        if length > _MAX_BODY:
            self.send_error(413)
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
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("content-length", str(len(reply.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

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
        self._thread = threading.Thread(target=self._server.serve_forever, name="pinecone-emulator", daemon=True)

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
