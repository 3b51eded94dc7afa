"""A fast control-plane stub for the benchmark: canned bodies, keep-alive, TCP_NODELAY, its own process.

    python bench/stub_server.py PORT_FILE [--indexes N] [--ready-after SECONDS]

Serves GET /indexes (N indexes), GET /indexes/{name}, POST /indexes (an index that turns Ready
after --ready-after seconds; describes then count as polls). Writes its port to PORT_FILE and
serves until terminated. Loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import sys
import time
from pathlib import Path
from typing import Any


def index(i: int, *, pod: bool, state: str = "Ready") -> dict[str, Any]:
    spec: dict[str, Any] = (
        {
            "pod": {
                "environment": "us-east1-gcp",
                "pod_type": "p1.x1",
                "pods": 1,
                "replicas": 1,
                "shards": 1,
                "metadata_config": {"indexed": ["genre", "year"]},
            }
        }
        if pod
        else {"serverless": {"cloud": "aws", "region": "us-east-1"}}
    )
    name = f"index-{i:03d}"
    return {
        "name": name,
        "dimension": 1536,
        "metric": "cosine",
        "host": f"{name}-c01b5b5.svc.us-east-1.pinecone.io",
        "deletion_protection": "disabled",
        "spec": spec,
        "status": {"ready": state == "Ready", "state": state},
    }


class Stub:
    def __init__(self, count: int, ready_after: float) -> None:
        indexes = [index(i, pod=i % 2 == 0) for i in range(count)]
        self.list_body = json.dumps({"indexes": indexes}).encode()
        self.describe = {f"/indexes/{ix['name']}": json.dumps(ix).encode() for ix in indexes}
        self.ready_after = ready_after
        self.created_at: float | None = None
        self.polls = 0
        self.seen_ready_at: float | None = None

    def answer(self, method: str, path: str) -> tuple[int, bytes]:
        if method == "GET" and path == "/indexes":
            return 200, self.list_body
        if method == "POST" and path == "/indexes":
            self.created_at, self.polls, self.seen_ready_at = time.monotonic(), 0, None
            return 201, json.dumps(index(999, pod=False, state="Initializing")).encode()
        if method == "GET" and path == "/indexes/index-999" and self.created_at is not None:
            self.polls += 1
            ready = time.monotonic() - self.created_at >= self.ready_after
            if ready and self.seen_ready_at is None:
                self.seen_ready_at = time.monotonic()
            return 200, json.dumps(index(999, pod=False, state="Ready" if ready else "Initializing")).encode()
        if method == "GET" and path == "/wait-stats":
            assert self.created_at is not None and self.seen_ready_at is not None
            lag = self.seen_ready_at - (self.created_at + self.ready_after)
            return 200, json.dumps({"polls": self.polls, "lag": lag}).encode()
        if method == "GET" and path in self.describe:
            return 200, self.describe[path]
        return 404, b'{"error":{"code":"NOT_FOUND","message":"not found"},"status":404}'

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.split(b"\r\n")
                method, path, _ = lines[0].decode().split(" ", 2)
                length = 0
                for line in lines[1:]:
                    if line[:15].lower() == b"content-length:":
                        length = int(line[15:])
                if length:
                    await reader.readexactly(length)
                status, body = self.answer(method, path)
                reason = {200: "OK", 201: "Created", 404: "Not Found"}[status]
                writer.write(
                    b"HTTP/1.1 %d %s\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n"
                    % (status, reason.encode(), len(body))
                    + body
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("port_file", type=Path)
    parser.add_argument("--indexes", type=int, default=100)
    parser.add_argument("--ready-after", type=float, default=1.0)
    args = parser.parse_args()
    stub = Stub(args.indexes, args.ready_after)
    server = await asyncio.start_server(stub.serve, "127.0.0.1", 0, backlog=2048)
    args.port_file.write_text(str(server.sockets[0].getsockname()[1]))
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
