"""The emulator over real sockets: a threaded HTTP/1.1 server with keep-alive, on loopback.

Hardened like a production front door, since other people's tests point misbehaving clients at it:
a request's head and body must arrive within `request_timeout` of its first byte (slowloris), an
idle keep-alive connection is closed after `idle_timeout`, `Transfer-Encoding: chunked` bodies are
decoded (never left on the wire to be read as the next request), conflicting framing answers 400 and
closes, and a method that is not an upper-case token answers 400.
"""

from __future__ import annotations

import io
import re
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

from ._actions import Emulated
from ._wire import Reply, error_reply

_MAX_BODY = 16 * 1024 * 1024
_METHOD_RE = re.compile(r"[A-Z]+")  # methods are case-sensitive (RFC 9110 9.1); `get` is not GET
_CHUNK_SIZE_RE = re.compile(rb"[0-9A-Fa-f]{1,8}")


class _Framing(Exception):
    """The request's framing cannot be trusted: answer `reply` and close the connection."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.status)
        self.reply = reply


def _bad(status: int, message: str) -> _Framing:
    return _Framing(error_reply(status, "INVALID_ARGUMENT", message))


class _DeadlineReader(io.RawIOBase):
    """The socket as a raw stream whose reads share one deadline per request.

    A per-recv timeout is not enough: a peer sending one byte just inside it holds the thread
    forever. Waiting for a request's first byte uses `idle`; from that byte on, the whole head and
    body must arrive within `total`."""

    def __init__(self, sock: socket.socket, idle: float, total: float) -> None:
        self._sock, self._idle, self._total = sock, idle, total
        self._deadline: float | None = None

    def readable(self) -> bool:
        return True

    def next_request(self) -> None:
        self._deadline = None

    def readinto(self, buffer: Any) -> int:
        if self._deadline is None:
            timeout = self._idle
        else:
            timeout = self._deadline - time.monotonic()
            if timeout <= 0:
                raise TimeoutError("request not received in time")
        self._sock.settimeout(timeout)
        count = self._sock.recv_into(buffer)
        if count and self._deadline is None:
            self._deadline = time.monotonic() + self._total
        return count


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    server: _Server
    server_version = "pinecone-control-emulator"
    sys_version = ""

    def setup(self) -> None:
        super().setup()
        # Small responses must not wait for the peer's delayed ACK (Nagle): measure the API, not TCP.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._reader = _DeadlineReader(self.connection, self.server.idle_timeout, self.server.request_timeout)
        self.rfile = io.BufferedReader(self._reader)

    def handle_one_request(self) -> None:
        self._reader.next_request()
        super().handle_one_request()

    def log_message(self, format: str, *args: object) -> None:
        pass  # the emulator keeps its own request log

    def _serve(self) -> None:
        try:
            body = self._read_body()
        except _Framing as framing:
            self.close_connection = True
            self._send(framing.reply, reset=False)
            return
        except TimeoutError:
            self.close_connection = True
            self._send(error_reply(408, "REQUEST_TIMEOUT", "Request not received in time."), reset=False)
            return
        self.connection.settimeout(self.server.idle_timeout)  # for writing the answer
        action = self.server.emulator.process(self.command, self.path, dict(self.headers.items()), body)
        if action.delay:
            time.sleep(action.delay)  # wall seconds: the peer's socket timeouts are wall time
        if action.drop or action.reply is None:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self._send(action.reply, reset=action.reset, dribble=action.dribble)

    def _read_body(self) -> bytes:
        if not _METHOD_RE.fullmatch(self.command):
            raise _bad(400, f"Invalid method {self.command!r}: methods are case-sensitive upper-case tokens.")
        lengths = self.headers.get_all("content-length") or []
        codings = ",".join(self.headers.get_all("transfer-encoding") or [])
        if codings:
            if lengths:  # RFC 9112 6.3: both framings at once is how requests are smuggled
                raise _bad(400, "Both Transfer-Encoding and Content-Length are present.")
            if [c.strip().lower() for c in codings.split(",")] != ["chunked"]:
                raise _bad(501, f"Unsupported transfer coding {codings!r}: only chunked is supported.")
            return self._read_chunked()
        if len(set(lengths)) > 1 or not all(value.strip().isdigit() for value in lengths):
            raise _bad(400, "Bad content-length.")
        length = int(lengths[0]) if lengths else 0
        if length > _MAX_BODY:
            raise _bad(413, "Request body too large.")
        body = self.rfile.read(length) if length else b""
        if len(body) < length:
            raise TimeoutError("the body ended early")
        return body

    def _read_chunked(self) -> bytes:
        parts: list[bytes] = []
        size_total = 0
        while True:
            line = self.rfile.readline(1024)
            if not line.endswith(b"\n"):
                raise _bad(400, "Malformed chunk size line.")
            digits = line.split(b";", 1)[0].strip()
            if not _CHUNK_SIZE_RE.fullmatch(digits):
                raise _bad(400, "Malformed chunk size.")
            size = int(digits, 16)
            if size == 0:
                break
            size_total += size
            if size_total > _MAX_BODY:
                raise _bad(413, "Request body too large.")
            chunk = self.rfile.read(size)
            if len(chunk) < size or self.rfile.read(2) != b"\r\n":
                raise _bad(400, "Malformed chunk.")
            parts.append(chunk)
        for _ in range(100):  # trailer fields, then the empty line
            trailer = self.rfile.readline(8192)
            if trailer in (b"\r\n", b"\n"):
                return b"".join(parts)
            if not trailer.endswith(b"\n"):
                break
        raise _bad(400, "Malformed chunked trailer.")

    def _send(self, reply: Reply, *, reset: bool, dribble: float = 0.0) -> None:
        try:
            self._write(reply, reset=reset, dribble=dribble)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True  # the client gave up first (its read timeout): nothing to tell it

    def _write(self, reply: Reply, *, reset: bool, dribble: float = 0.0) -> None:
        head = [f"HTTP/1.1 {reply.status} {self.responses.get(reply.status, ('',))[0]}"]
        head += [f"{name}: {value}" for name, value in reply.headers.items()]
        if self.close_connection:
            head.append("connection: close")
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
        if dribble:
            self.close_connection = True  # the peer gives up part-way; never reuse the connection
            for index in range(len(raw)):
                if self.server.stopping.wait(dribble):
                    return
                self.wfile.write(raw[index : index + 1])
                self.wfile.flush()
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

    def __init__(
        self, address: tuple[str, int], emulator: Emulated, *, request_timeout: float, idle_timeout: float
    ) -> None:
        self.emulator = emulator
        self.request_timeout = request_timeout
        self.idle_timeout = idle_timeout
        self.stopping = threading.Event()  # ends long answers (dribbling) when the server stops
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A peer that hangs up mid-answer (a client's deadline, a size limit) is normal here.
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class HttpServer:
    """`with HttpServer(emulator) as server: Client(host=server.url, ...)`. Port 0 picks a free one.

    `request_timeout`: seconds from a request's first byte to its last (head and body);
    `idle_timeout`: seconds a keep-alive connection may wait for its next request."""

    def __init__(
        self,
        emulator: Emulated,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        request_timeout: float = 10.0,
        idle_timeout: float = 60.0,
    ) -> None:
        self.emulator = emulator
        self._server = _Server((host, port), self.emulator, request_timeout=request_timeout, idle_timeout=idle_timeout)
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
        self._server.stopping.set()
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
