"""Bounded in memory and in concurrency: oversize answers are refused while they stream in, and
one AsyncClient carries thousands of concurrent calls by queueing them."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from typing import Any

import httpx
import pinecone_control as pc
import pytest

from ..support import Api
from .servers import RawServer, endless, fast_server
from .test_data_loss import index_payload

KIND = ["sync", "async"]
GIB = 1 << 30


def make(kind: str, **options: Any) -> Api:
    options.setdefault("api_key", "k")
    return Api(pc.Client(**options) if kind == "sync" else pc.AsyncClient(**options))


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize("framing", ["content-length", "chunked"])
def test_an_oversize_body_is_refused_while_it_streams(kind: str, framing: str) -> None:
    sent = [0]
    if framing == "content-length":
        head = f"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {GIB}\r\n\r\n".encode()
    else:
        head = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n"
    handler = endless(head, sent=sent) if framing == "content-length" else _chunked_zeros(sent)
    with RawServer(handler) as server:
        api = make(kind, host=server.url, max_retries=0, max_response_bytes=1 << 20)
        with pytest.raises(pc.ResponseTooLargeError) as info:
            api.list_indexes()
        api.close()
    assert info.value.limit == 1 << 20 and info.value.status_code == 200
    # It stopped reading near the limit (socket buffers hold a few MiB), not at 1 GiB.
    assert sent[0] < 64 << 20


def _chunked_zeros(sent: list[int]) -> Any:
    import socket

    from .servers import read_request

    def handler(conn: socket.socket, stopping: threading.Event) -> None:
        if not read_request(conn, stopping):
            return
        conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n")
        chunk = b"10000\r\n" + bytes(65536) + b"\r\n"
        conn.settimeout(2)
        while not stopping.is_set() and sent[0] < GIB:
            try:
                conn.sendall(chunk)
            except OSError:
                return
            sent[0] += 65536

    return handler


def test_max_response_bytes_is_checked() -> None:
    with pytest.raises(pc.ClientValidationError):
        pc.Client(api_key="k", max_response_bytes=10)


@pytest.mark.parametrize("kind", KIND)
def test_a_body_within_the_limit_is_read_whole(kind: str) -> None:
    payload = {"indexes": [index_payload(f"i{n}", "Ready") for n in range(200)]}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=payload))
    api = make(kind, host="https://api.test", transport=transport)
    assert len(api.list_indexes()) == 200
    api.close()


@pytest.mark.parametrize("count", [1_000])  # 10,000 runs in `make bench` (about 40 s here)
def test_thousands_of_concurrent_async_calls_all_succeed(count: int) -> None:
    body = json.dumps(index_payload("x", "Ready")).encode()

    async def run(url: str) -> list[Any]:
        async with pc.AsyncClient(api_key="k", host=url) as client:
            return await asyncio.gather(*(client.describe_index("x") for _ in range(count)), return_exceptions=True)

    with fast_server(body) as url:
        results = asyncio.run(run(url))
    failures = [r for r in results if isinstance(r, BaseException)]
    assert failures == [], f"{len(failures)} of {count} failed, e.g. {failures[:1]!r}"
    assert all(r.name == "x" for r in results)


def test_a_sync_client_queues_calls_beyond_max_concurrency() -> None:
    """Six threads, two slots: never more than two requests reach the transport at once, the rest
    wait their turn and every call succeeds."""
    body = json.dumps(index_payload("x", "Ready")).encode()
    lock = threading.Lock()
    state = {"in_flight": 0, "most": 0, "started": 0}
    two_in, release = threading.Event(), threading.Event()

    def answer(request: httpx.Request) -> httpx.Response:
        with lock:
            state["in_flight"] += 1
            state["most"] = max(state["most"], state["in_flight"])
            if state["in_flight"] == 2:
                two_in.set()
        release.wait(10)  # a safety net only: released as soon as the others have queued
        with lock:
            state["in_flight"] -= 1
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    client = pc.Client(api_key="k", host="https://api.test", transport=httpx.MockTransport(answer), max_concurrency=2)
    results: list[Any] = []

    def call() -> None:
        with lock:
            state["started"] += 1
        results.append(client.describe_index("x"))

    threads = [threading.Thread(target=call) for _ in range(6)]
    for thread in threads:
        thread.start()
    assert two_in.wait(10)
    while state["started"] < 6:
        time.sleep(0.001)
    time.sleep(0.05)  # let the four others reach the limiter (a broken one lets them through)
    release.set()
    for thread in threads:
        thread.join()
    client.close()
    assert state["most"] == 2
    assert [r.name for r in results] == ["x"] * 6


@pytest.mark.parametrize("kind", KIND)
def test_a_compressed_body_is_read_decoded(kind: str) -> None:
    import gzip

    payload = json.dumps({"indexes": [index_payload("x", "Ready")]}).encode()
    answer = gzip.compress(payload)
    headers = {"content-encoding": "gzip", "content-type": "application/json"}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=answer, headers=headers))
    api = make(kind, host="https://api.test", transport=transport)
    assert api.list_indexes().names() == ["x"]
    api.close()
