"""The fault matrix: every operation, sync and async, against the emulator's real HTTP server on
127.0.0.1, under each fault. Each cell asserts the outcome (a result, or the specific error with
status and raw body kept) and how many requests the server saw."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
import pinecone_control as pc
import pytest
from pinecone_control.testing import Emulator, EmulatorServer, Timings

from ..support import Api

KEY = "fault-matrix-key"
MAX_RETRIES = 2
READ_TIMEOUT = 0.5  # the read-timeout fault delays 3x this; other requests take ~1 ms
HTML = "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"
LARGE = 3000
NESTED = b"[" * 50_000 + b"]" * 50_000
SMALL_LIMIT = 64 * 1024  # max_response_bytes for the oversize fault


@dataclass(frozen=True)
class Operation:
    name: str
    call: Callable[[Api], Any]
    success: int
    body: str | None  # the success body's model, None for 202 without a body
    idempotent: bool = True
    settles: bool = False  # an unknown outcome is settled by describing (deletes)


OPERATIONS = [
    Operation("list_indexes", lambda api: api.list_indexes(), 200, "IndexList"),
    Operation(
        "create_index",
        lambda api: api.create_index("fresh", dimension=8, spec=pc.serverless_spec("aws", "us-east-1")),
        201,
        "IndexModel",
        idempotent=False,
    ),
    Operation("describe_index", lambda api: api.describe_index("movies"), 200, "IndexModel"),
    Operation("delete_index", lambda api: api.delete_index("victim"), 202, None, idempotent=False, settles=True),
    Operation("configure_index", lambda api: api.configure_index("pods", replicas=2), 202, "IndexModel"),
    Operation("list_collections", lambda api: api.list_collections(), 200, "CollectionList"),
    Operation(
        "create_collection",
        lambda api: api.create_collection("fresh-snap", source="pods"),
        201,
        "CollectionModel",
        idempotent=False,
    ),
    Operation("describe_collection", lambda api: api.describe_collection("snap"), 200, "CollectionModel"),
    Operation(
        "delete_collection",
        lambda api: api.delete_collection("old-snap"),
        202,
        None,
        idempotent=False,
        settles=True,
    ),
    Operation(
        "embed",
        lambda api: api.embed(model="multilingual-e5-large", inputs=["hi"], input_type="query"),
        200,
        "EmbeddingsList",
    ),
]


def seed(emulator: Emulator) -> None:
    with emulator.client(api_key=KEY) as client:
        client.create_index("movies", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"), wait_timeout=5)
        client.create_index("victim", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"), wait_timeout=5)
        client.create_index("pods", dimension=8, spec=pc.pod_spec("us-east1-gcp", "p1.x1"), wait_timeout=5)
        client.create_collection("snap", source="pods", wait_timeout=5)
        client.create_collection("old-snap", source="pods", wait_timeout=5)
    emulator.requests.clear()


# -- body mutations, per success model ----------------------------------------------------------


def _with_unknown_enum(model: str, payload: Any) -> Any:
    if model == "IndexModel":
        return {**payload, "status": {**payload["status"], "state": "Disabled"}}
    if model == "IndexList":
        return {"indexes": [_with_unknown_enum("IndexModel", i) for i in payload["indexes"]]}
    if model == "CollectionModel":
        return {**payload, "status": "Archived"}
    if model == "CollectionList":
        return {"collections": [_with_unknown_enum("CollectionModel", c) for c in payload["collections"]]}
    raise AssertionError(model)


def _without_required(model: str, payload: Any) -> Any:
    if model == "IndexModel":
        return {k: v for k, v in payload.items() if k != "host"}
    if model == "IndexList":
        return {"indexes": [_without_required("IndexModel", payload["indexes"][0])]}
    if model == "CollectionModel":
        return {k: v for k, v in payload.items() if k != "environment"}
    if model == "CollectionList":
        return {"collections": [_without_required("CollectionModel", payload["collections"][0])]}
    raise AssertionError(model)


def _large(model: str, payload: Any) -> Any:
    key = "indexes" if model == "IndexList" else "collections"
    item = payload[key][0]
    return {key: [{**item, "name": f"item-{n}"} for n in range(LARGE)]}


# -- the faults ---------------------------------------------------------------------------------

Outcome = type[BaseException] | None  # None: the call succeeds


@dataclass(frozen=True)
class Expect:
    outcome: Outcome
    requests: int  # as the server saw them
    check: Callable[[Any], None] | None = None  # on the result or the error


@dataclass(frozen=True)
class Fault:
    name: str
    applies: Callable[[Operation], bool]
    arrange: Callable[[Emulator, Operation], None]
    expect: Callable[[Operation], Expect]
    client: Mapping[str, Any] = field(default_factory=dict)  # extra client options
    env: Mapping[str, str] = field(default_factory=dict)  # environment for the client's construction
    closed: bool = False  # the client is closed before the call


def _retried(op: Operation, *, then_ok: bool, error: type[BaseException], acted: bool = False) -> Expect:
    """A retryable failure: idempotent operations retry (then succeed, or exhaust the budget).
    Creates and deletes are never resent after the request left; a delete settles the unknown
    outcome by describing, so it succeeds exactly when the server `acted` before the failure."""
    if not op.idempotent:
        return Expect(None if op.settles and acted else error, 1)
    return Expect(None, 2) if then_ok else Expect(error, 1 + MAX_RETRIES)


def _raw_body_kept(body: bytes) -> Callable[[Any], None]:
    def check(error: Any) -> None:
        assert error.body == body

    return check


def _status_once(status: int) -> Fault:
    return Fault(
        f"{status} once, then success",
        lambda op: True,
        lambda e, op: e.faults.fail_next(1, status, operation=op.name),
        lambda op: _retried(op, then_ok=True, error=pc.InternalServerError),
    )


def _status_always(status: int) -> Fault:
    return Fault(
        f"{status} persistently",
        lambda op: True,
        lambda e, op: e.faults.fail_next(50, status, operation=op.name),
        lambda op: _retried(op, then_ok=False, error=pc.InternalServerError),
    )


def _http_date(seconds: float) -> str:
    return email.utils.formatdate(time.time() + seconds, usegmt=True)


def _hook(mutate: Callable[[str, Any], Any]) -> Callable[[Emulator, Operation], None]:
    def arrange(emulator: Emulator, op: Operation) -> None:
        def hook(operation: str, status: int, payload: Any) -> Any:
            return mutate(op.body or "", payload) if operation == op.name and status < 300 else payload

        emulator.response_hook = hook

    return arrange


def _is_large(result: Any) -> None:
    assert len(result) == LARGE


def _keeps_extra(result: Any) -> None:
    assert result["brand_new_field"] == {"added": "later"}


FAULTS = [
    Fault("connection refused", lambda op: True, lambda e, op: None, lambda op: Expect(pc.APIConnectionError, 0)),
    Fault(
        "connection reset mid-response",
        lambda op: True,
        lambda e, op: e.faults.reset_next(1, operation=op.name),
        lambda op: _retried(op, then_ok=True, error=pc.APIConnectionError, acted=True),
    ),
    Fault(
        "read timeout",
        lambda op: True,
        lambda e, op: e.faults.delay_next(1, 3 * READ_TIMEOUT, operation=op.name),
        lambda op: _retried(op, then_ok=True, error=pc.APITimeoutError, acted=True),
    ),
    *(_status_once(status) for status in (500, 502, 503, 504)),
    *(_status_always(status) for status in (500, 502, 503, 504)),
    Fault(
        "429 with Retry-After seconds",
        lambda op: True,
        lambda e, op: e.faults.fail_next(1, 429, retry_after=2, operation=op.name),
        lambda op: Expect(None, 2),
    ),
    Fault(
        "429 with Retry-After HTTP date",
        lambda op: True,
        lambda e, op: e.faults.fail_next(1, 429, retry_after=_http_date(3), operation=op.name),
        lambda op: Expect(None, 2),
    ),
    Fault(
        "HTML error page from a proxy (502)",
        lambda op: True,
        lambda e, op: e.faults.fail_next(50, 502, HTML, content_type="text/html", operation=op.name),
        lambda op: Expect(
            pc.InternalServerError, 1 + MAX_RETRIES if op.idempotent else 1, _raw_body_kept(HTML.encode())
        ),
    ),
    Fault(
        "empty success body",
        lambda op: True,
        lambda e, op: e.faults.fail_next(1, op.success, b"", content_type="application/json", operation=op.name),
        lambda op: Expect(pc.ResponseValidationError if op.body else None, 1, _raw_body_kept(b"") if op.body else None),
    ),
    Fault(
        "truncated JSON",
        lambda op: op.body is not None,
        lambda e, op: e.faults.fail_next(
            1, op.success, b'{"indexes": [{"name": "trunc', operation=op.name, content_type="application/json"
        ),
        lambda op: Expect(pc.ResponseValidationError, 1, _raw_body_kept(b'{"indexes": [{"name": "trunc')),
    ),
    Fault(
        "wrong content type",
        lambda op: op.body is not None,
        lambda e, op: e.faults.retype_next(1, "text/plain; charset=latin-1", operation=op.name),
        lambda op: Expect(None, 1),
    ),
    Fault(
        "unknown enum value",
        lambda op: op.body in {"IndexModel", "IndexList", "CollectionModel", "CollectionList"},
        _hook(_with_unknown_enum),
        lambda op: Expect(None, 1),
    ),
    Fault(
        "unknown extra field",
        lambda op: op.body is not None,
        _hook(lambda model, payload: {**payload, "brand_new_field": {"added": "later"}}),
        lambda op: Expect(None, 1, _keeps_extra),
    ),
    Fault(
        "required field missing",
        lambda op: op.body in {"IndexModel", "IndexList", "CollectionModel", "CollectionList"},
        _hook(_without_required),
        lambda op: Expect(pc.ResponseValidationError, 1),
    ),
    Fault(
        f"very large list ({LARGE} items)",
        lambda op: op.body in {"IndexList", "CollectionList"},
        _hook(_large),
        lambda op: Expect(None, 1, _is_large),
    ),
]


def _no_body_ok(op: Operation, error: type[BaseException], body: bytes) -> Expect:
    """A success body the spec does not have (202 deletes) is never read; others must parse."""
    return Expect(error, 1, _raw_body_kept(body)) if op.body else Expect(None, 1)


FAULTS += [
    Fault(
        "oversize body (streamed, refused at max_response_bytes)",
        lambda op: True,
        lambda e, op: e.faults.fail_next(
            1, op.success, b"[" + b" " * (4 * SMALL_LIMIT) + b"]", content_type="application/json", operation=op.name
        ),
        lambda op: Expect(pc.ResponseTooLargeError, 1),
        client={"max_response_bytes": SMALL_LIMIT},
    ),
    Fault(
        "deeply nested JSON success body",
        lambda op: True,
        lambda e, op: e.faults.fail_next(1, op.success, NESTED, content_type="application/json", operation=op.name),
        lambda op: _no_body_ok(op, pc.ResponseValidationError, NESTED),
    ),
    Fault(
        "success body not UTF-8",
        lambda op: True,
        lambda e, op: e.faults.fail_next(
            1, op.success, b'\xff\xfe{"\xc3(": 1}', content_type="application/json", operation=op.name
        ),
        lambda op: _no_body_ok(op, pc.ResponseValidationError, b'\xff\xfe{"\xc3(": 1}'),
    ),
    Fault(
        "answer slower than total_timeout",
        lambda op: True,
        lambda e, op: e.faults.delay_next(1, 4 * READ_TIMEOUT, operation=op.name),
        # One attempt fills the budget: nothing is retried; a delete (which the server carried out
        # before the delay) is settled by describing.
        lambda op: Expect(None if op.settles else pc.APITimeoutError, 1),
        client={"timeout": 10.0, "total_timeout": READ_TIMEOUT},
    ),
    Fault(
        "answer dribbled a byte at a time (each read on time, the attempt not)",
        lambda op: True,
        lambda e, op: e.faults.dribble_next(1, 0.02, operation=op.name),
        # The attempt's deadline cuts it off; then as any lost answer (the request took effect).
        lambda op: _retried(op, then_ok=True, error=pc.APITimeoutError, acted=True),
        client={"timeout": 0.3},
    ),
    Fault(
        "client closed before the call",
        lambda op: True,
        lambda e, op: None,
        lambda op: Expect(pc.ClientClosedError, 0),
        closed=True,
    ),
    Fault(
        "proxy variables set (plain http on loopback ignores them)",
        lambda op: True,
        lambda e, op: None,
        lambda op: Expect(None, 1),
        env={
            "HTTP_PROXY": "http://127.0.0.1:9",
            "ALL_PROXY": "http://127.0.0.1:9",
            "HTTPS_PROXY": "http://127.0.0.1:9",
        },
    ),
]

CELLS = [(fault, op) for fault in FAULTS for op in OPERATIONS if fault.applies(op)]


@pytest.fixture(scope="module")
def server() -> Iterator[EmulatorServer]:
    with Emulator(api_keys={KEY}, timings=Timings.instant()).serve() as running:
        yield running


def _client_for(kind: str, host: str, extra: Mapping[str, Any]) -> Api:
    options: dict[str, Any] = {
        "api_key": KEY,
        "host": host,
        "max_retries": MAX_RETRIES,
        "timeout": httpx.Timeout(READ_TIMEOUT, connect=2.0),
        **extra,
    }
    return Api(pc.Client(**options) if kind == "sync" else pc.AsyncClient(**options))


def _closed_port() -> str:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def test_matrix_size() -> None:
    print(
        f"\nfault matrix: {len(FAULTS)} faults x {len(OPERATIONS)} operations -> {len(CELLS)} applicable cells, "
        f"x 2 clients (sync, async) = {2 * len(CELLS)} cells"
    )
    assert len(CELLS) >= 150


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize(("fault", "op"), CELLS, ids=[f"{f.name}|{o.name}" for f, o in CELLS])
def test_cell(
    kind: str,
    fault: Fault,
    op: Operation,
    server: EmulatorServer,
    sleeps: list[float],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    emulator = server.emulator
    emulator.reset()
    emulator.response_hook = None
    seed(emulator)
    sleeps.clear()  # the seeding client's polls
    fault.arrange(emulator, op)
    host = _closed_port() if fault.name == "connection refused" else server.url
    for variable, value in fault.env.items():
        monkeypatch.setenv(variable, value)
    api = _client_for(kind, host, fault.client)
    if fault.closed:
        api.close()
    expected = fault.expect(op)
    try:
        if expected.outcome is None:
            result = op.call(api)
            if expected.check is not None:
                expected.check(result)
        else:
            with pytest.raises(expected.outcome) as info:
                op.call(api)
            assert isinstance(info.value, pc.PineconeError)
            if isinstance(info.value, pc.APIStatusError | pc.ResponseValidationError):
                assert info.value.status_code >= 200 and isinstance(info.value.body, bytes)
            if expected.check is not None:
                expected.check(info.value)
    finally:
        api.close()
    seen = [r for r in emulator.requests if r.operation == op.name]
    assert len(seen) == expected.requests, [r.status for r in seen]
    if fault.name.startswith("429"):
        assert len(sleeps) == 1 and 1.0 <= sleeps[0] <= 3.0, sleeps
    if fault.name == "connection refused":
        assert len(sleeps) == MAX_RETRIES, "connection failures are retried, also for creates"
    emulator.faults.clear()
    emulator.response_hook = None
