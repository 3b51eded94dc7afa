"""Issue 10, the emulator items: its HTTP server and request parsing hold up against bad clients.
Requests httpx cannot send (chunked framing tricks, dribbled heads, lowercase methods) go over a
raw socket."""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import httpx
import pytest
from pinecone_control.testing import Emulator, EmulatorServer

KEY = "hardening-key"
SERVERLESS = {"serverless": {"cloud": "aws", "region": "us-east-1"}}


@pytest.fixture
def server() -> Iterator[EmulatorServer]:
    with EmulatorServer(Emulator(), request_timeout=0.5, idle_timeout=5.0) as running:
        yield running


def connect(server: EmulatorServer) -> socket.socket:
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    sock = socket.create_connection((host, int(port)), timeout=5)
    return sock


def read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (or 5 s of silence)."""
    chunks = []
    try:
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    except TimeoutError:
        pass
    return b"".join(chunks)


def create_body(name: str) -> bytes:
    return json.dumps({"name": name, "dimension": 8, "spec": SERVERLESS}).encode()


def test_chunked_body_is_decoded(server: EmulatorServer) -> None:
    body = create_body("chunky")
    chunks = b"".join(b"%x;ext=1\r\n%s\r\n" % (len(part), part) for part in (body[:10], body[10:]))
    with connect(server) as sock:
        sock.sendall(
            b"POST /indexes HTTP/1.1\r\nHost: x\r\nApi-Key: k\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunks + b"0\r\nX-Trailer: 1\r\n\r\n"
        )
        answer = read_all(sock)
    assert answer.startswith(b"HTTP/1.1 201 "), answer[:200]
    assert [r.operation for r in server.emulator.requests] == ["create_index"]


def test_a_chunked_body_is_never_read_as_the_next_request(server: EmulatorServer) -> None:
    """Request smuggling: a body hidden in chunked framing must not run as a second request."""
    smuggled = b"DELETE /indexes/victim HTTP/1.1\r\nHost: x\r\nApi-Key: k\r\n\r\n"
    with connect(server) as sock:
        sock.sendall(
            b"GET /indexes HTTP/1.1\r\nHost: x\r\nApi-Key: k\r\nTransfer-Encoding: chunked\r\n\r\n"
            + b"%x\r\n%s\r\n0\r\n\r\n" % (len(smuggled), smuggled)
        )
        sock.sendall(b"GET /collections HTTP/1.1\r\nHost: x\r\nApi-Key: k\r\nConnection: close\r\n\r\n")
        answer = read_all(sock)
    assert answer.count(b"HTTP/1.1 ") == 2, answer
    assert [r.operation for r in server.emulator.requests] == ["list_indexes", "list_collections"]


@pytest.mark.parametrize(
    "framing",
    [
        b"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",  # both: the classic smuggling vector
        b"Transfer-Encoding: gzip, chunked\r\n",  # a coding the server does not speak
        b"Content-Length: 5\r\nContent-Length: 6\r\n",  # disagreeing lengths
        b"Content-Length: -1\r\n",
    ],
    ids=["te-and-cl", "unknown-coding", "two-lengths", "negative-length"],
)
def test_ambiguous_framing_answers_4xx_or_501_and_closes(server: EmulatorServer, framing: bytes) -> None:
    with connect(server) as sock:
        sock.sendall(b"POST /indexes HTTP/1.1\r\nHost: x\r\nApi-Key: k\r\n" + framing + b"\r\n0\r\n\r\nGET /indexes")
        answer = read_all(sock)
    status = int(answer.split(b" ", 2)[1])
    assert status in (400, 501), answer
    assert answer.count(b"HTTP/1.1 ") == 1 and b"connection: close" in answer.lower()
    assert server.emulator.requests == []


def test_malformed_chunks_answer_400(server: EmulatorServer) -> None:
    with connect(server) as sock:
        sock.sendall(b"POST /indexes HTTP/1.1\r\nHost: x\r\nApi-Key: k\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
        answer = read_all(sock)
    assert answer.startswith(b"HTTP/1.1 400 "), answer


def _handler_threads() -> int:
    return sum(1 for thread in threading.enumerate() if thread.name.startswith("Thread-") and thread.daemon)


def test_a_dribbled_request_times_out_and_frees_its_thread(server: EmulatorServer) -> None:
    """Slowloris: one byte of the head every 50 ms; the server must hang up (its request_timeout is
    0.5 s) well before 200 bytes have been sent, and its handler thread must end."""
    before = _handler_threads()
    closed = False
    with connect(server) as sock:
        sock.sendall(b"GET /indexes HTTP/1.1\r\n")
        for byte in b"X-Slow: " + b"a" * 200:
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                closed = True
                break
            sock.settimeout(0.05)
            try:
                if sock.recv(1024) is not None:  # an answer (408) or EOF: the server hung up
                    closed = True
                    break
            except TimeoutError:
                continue
    assert closed, "the server kept a dribbled request open"
    for _ in range(100):
        if _handler_threads() <= before:
            break
        time.sleep(0.05)
    assert _handler_threads() <= before


def test_a_dribbled_body_times_out_with_408(server: EmulatorServer) -> None:
    with connect(server) as sock:
        sock.sendall(b"POST /indexes HTTP/1.1\r\nHost: x\r\nApi-Key: k\r\nContent-Length: 100\r\n\r\n{")
        answer = read_all(sock)
    assert answer.startswith(b"HTTP/1.1 408 "), answer


@pytest.mark.parametrize("method", [b"get", b"Get", b"G3T"])
def test_a_method_that_is_not_upper_case_is_refused(server: EmulatorServer, method: bytes) -> None:
    with connect(server) as sock:
        sock.sendall(method + b" /indexes HTTP/1.1\r\nHost: x\r\nApi-Key: k\r\n\r\n")
        answer = read_all(sock)
    assert answer.split(b" ", 2)[1] in (b"400", b"501"), answer
    assert server.emulator.requests == []


@pytest.mark.parametrize("operation", ["create_index", "configure_index", "create_collection", "embed"])
def test_deeply_nested_json_answers_4xx(server: EmulatorServer, operation: str) -> None:
    path, method = {
        "create_index": ("/indexes", "POST"),
        "configure_index": ("/indexes/x", "PATCH"),
        "create_collection": ("/collections", "POST"),
        "embed": ("/embed", "POST"),
    }[operation]
    for nested in (b"[" * 2000 + b"]" * 2000, b'{"a":' * 1500 + b"1" + b"}" * 1500, b"[" * 100_000):
        response = httpx.request(method, server.url + path, headers={"Api-Key": KEY}, content=nested)
        assert 400 <= response.status_code < 500, (response.status_code, response.text[:200])
        assert "recursion limit" in response.json()["error"]["message"] or response.status_code == 404


@pytest.mark.parametrize(
    ("pod", "field"),
    [
        ({"replicas": 10**2200, "shards": 10**2200}, "replicas"),
        ({"replicas": 2**31}, "replicas"),
        ({"shards": 2**31}, "shards"),
        ({"replicas": -(2**31) - 1}, "replicas"),
        ({"pods": 2**63}, "pods"),
    ],
)
def test_integers_outside_their_spec_format_are_refused_and_never_stored(pod: dict[str, Any], field: str) -> None:
    emulator = Emulator()
    spec = {"pod": {"environment": "us-east1-gcp", "pod_type": "p1.x1", **pod}}
    body = json.dumps({"name": "huge", "dimension": 8, "spec": spec}).encode()
    reply = emulator.handle("POST", "/indexes", {"Api-Key": KEY}, body)
    assert reply.status in (400, 422) and field.encode() in reply.body, reply.body[:300]
    assert emulator.handle("GET", "/indexes", {"Api-Key": KEY}, b"").status == 200
    assert json.loads(emulator.handle("GET", "/indexes", {"Api-Key": KEY}, b"").body) == {"indexes": []}


def test_integer_minimums_answer_400() -> None:
    emulator = Emulator()
    spec = {"pod": {"environment": "us-east1-gcp", "pod_type": "p1.x1", "replicas": 0}}
    body = json.dumps({"name": "z", "dimension": 8, "spec": spec}).encode()
    reply = emulator.handle("POST", "/indexes", {"Api-Key": KEY}, body)
    assert reply.status == 400 and b"replicas must be at least 1" in reply.body


def test_configure_refuses_an_int32_overflow() -> None:
    emulator = Emulator()
    spec = {"pod": {"environment": "us-east1-gcp", "pod_type": "p1.x1"}}
    body = json.dumps({"name": "p", "dimension": 8, "spec": spec}).encode()
    assert emulator.handle("POST", "/indexes", {"Api-Key": KEY}, body).status == 201
    patch = json.dumps({"spec": {"pod": {"replicas": 2**31}}}).encode()
    reply = emulator.handle("PATCH", "/indexes/p", {"Api-Key": KEY}, patch)
    assert reply.status == 422 and b"expected int32 for `replicas`" in reply.body
    described = json.loads(emulator.handle("GET", "/indexes/p", {"Api-Key": KEY}, b"").body)
    assert described["spec"]["pod"]["replicas"] == 1


def _lines_run(emulator: Emulator, body: bytes) -> int:
    """Python lines the emulator package executes to serve one request: work, counted, not timed."""
    package = str(Path(sys.modules[Emulator.__module__].__file__ or "").parent)
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(package) else None

    sys.settrace(tracer)
    try:
        reply = emulator.handle("POST", "/indexes", {"Api-Key": KEY}, body)
    finally:
        sys.settrace(None)
    assert reply.status == 201
    return count


def test_creating_many_indexes_costs_the_same_work_per_create() -> None:
    """Issue 10: 10k creates took 61 s (quadratic). The 2,000th create must do the work of the 10th."""
    emulator = Emulator()
    for n in range(9):
        emulator.handle("POST", "/indexes", {"Api-Key": KEY}, create_body(f"i{n:04}"))
    early = _lines_run(emulator, create_body("i0009"))
    for n in range(10, 1999):
        emulator.handle("POST", "/indexes", {"Api-Key": KEY}, create_body(f"i{n:04}"))
    late = _lines_run(emulator, create_body("i1999"))
    assert late <= early, (early, late)
