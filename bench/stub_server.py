"""A fast control-plane stub for the benchmark: canned bodies, keep-alive, TCP_NODELAY, its own process.

    python bench/stub_server.py PORT_FILE [--indexes N] [--ready-after SECONDS]

Serves the answers of `canned.Canned`, in the shapes of the API version each request names
(`X-Pinecone-Api-Version`). Writes its port to PORT_FILE and serves until terminated. Loopback only.

A bare `asyncio.Protocol`: no stream objects, no per-request coroutine, whole answers prebuilt and
cached. The streams server it replaces spent most of a describe's time in its own bookkeeping, so
both async contenders measured the stub (about 150 calls/s); this one answers several thousand
requests a second on one core, so the clients are the bottleneck.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from canned import OLD_API, Canned

_REASONS = {200: b"OK", 201: b"Created", 404: b"Not Found"}
_END = b"\r\n\r\n"


def _response(status: int, body: bytes) -> bytes:
    head = b"HTTP/1.1 %d %s\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n"
    return head % (status, _REASONS[status], len(body)) + body


class Http(asyncio.Protocol):
    def __init__(self, canned: Canned, cache: dict[tuple[bytes, bytes, bytes], bytes]) -> None:
        self._canned = canned
        self._cache = cache  # answers that never change: GETs of the listed indexes
        self._buffer = b""
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        transport.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        buffer = self._buffer + data if self._buffer else data
        out = []
        while True:
            end = buffer.find(_END)
            if end < 0:
                break
            head = buffer[:end]
            length, api = 0, b""
            lines = head.split(b"\r\n")
            for line in lines[1:]:
                name, _, value = line.partition(b":")
                name = name.lower()
                if name == b"content-length":
                    length = int(value)
                elif name == b"x-pinecone-api-version":
                    api = value.strip()
            if len(buffer) < end + 4 + length:
                break  # the body is still on its way
            buffer = buffer[end + 4 + length :]
            method, path, _ = lines[0].split(b" ", 2)
            out.append(self._answer(method, path, api))
        self._buffer = buffer
        if out and self._transport is not None:
            self._transport.write(b"".join(out))

    def _answer(self, method: bytes, path: bytes, api: bytes) -> bytes:
        key = (method, path, api)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        request = method.decode(), path.decode(), api.decode() or OLD_API
        answer = _response(*self._canned.answer(*request))
        if self._canned.is_fixed(*request):
            self._cache[key] = answer
        return answer

    def connection_lost(self, exc: Exception | None) -> None:
        self._transport = None


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("port_file", type=Path)
    parser.add_argument("--indexes", type=int, default=100)
    parser.add_argument("--ready-after", type=float, default=1.0)
    args = parser.parse_args()
    canned = Canned(args.indexes, args.ready_after)
    cache: dict[tuple[bytes, bytes, bytes], bytes] = {}
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: Http(canned, cache), "127.0.0.1", 0, backlog=4096)
    args.port_file.write_text(str(server.sockets[0].getsockname()[1]))
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
