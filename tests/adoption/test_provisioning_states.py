"""`ensure_index` / `ensure_collection` against what the resource's state and description say, on
the emulator's virtual time, sync and async: a Terminating resource is waited out (then created
again) rather than returned, and a failed one raises."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pinecone_control as pc
import pytest
from pinecone_control.testing import Emulator

from ..hardening.test_data_loss import index_payload
from ..support import Api

KIND = ["sync", "async"]
SERVERLESS = pc.serverless_spec("aws", "us-east-1")
POD = pc.pod_spec("us-east1-gcp", "p1.x1")


def _client(kind: str, emulator: Emulator, **options: Any) -> Api:
    return Api(emulator.client(**options) if kind == "sync" else emulator.async_client(**options))


@pytest.fixture(params=KIND)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def emulator() -> Emulator:
    return Emulator()  # default timings: a deleted index is Terminating for 5 s of virtual time


@pytest.fixture
def api(kind: str, emulator: Emulator) -> Iterator[Api]:
    client = _client(kind, emulator)
    yield client
    client.close()


def _sent(emulator: Emulator, operation: str) -> int:
    return sum(1 for r in emulator.requests if r.operation == operation)


# -- Terminating: waited out, then created -----------------------------------------------------------


def test_ensure_index_right_after_delete_waits_for_the_name_and_creates_it(api: Api, emulator: Emulator) -> None:
    api.create_index("movies", dimension=8, spec=SERVERLESS, wait_timeout=60)
    api.delete_index("movies")
    index = api.ensure_index("movies", dimension=8, spec=SERVERLESS)  # wait_timeout=0: the call's total_timeout budget
    assert _sent(emulator, "create_index") == 2
    assert index.status.state != "Terminating"
    assert api.has_index("movies")
    emulator.advance(3600)
    assert api.describe_index("movies").status.state == "Ready"  # it stays


def test_ensure_index_after_delete_with_a_wait_returns_the_new_index_ready(api: Api, emulator: Emulator) -> None:
    api.create_index("movies", dimension=8, spec=SERVERLESS, wait_timeout=60)
    api.delete_index("movies")
    index = api.ensure_index("movies", dimension=8, spec=SERVERLESS, wait_timeout=600)
    assert index.status.state == "Ready"
    assert _sent(emulator, "create_index") == 2


def test_ensure_collection_right_after_delete_waits_for_the_name_and_creates_it(api: Api, emulator: Emulator) -> None:
    api.create_index("source", dimension=8, spec=POD, wait_timeout=600)
    api.create_collection("snap", source="source", wait_timeout=600)
    api.delete_collection("snap")
    collection = api.ensure_collection("snap", source="source")
    assert _sent(emulator, "create_collection") == 2
    assert collection.status != "Terminating"


@pytest.mark.parametrize(
    ("wait_timeout", "options", "budget"),
    [
        pytest.param(0, {}, 120.0, id="no-wait:default-total_timeout"),
        pytest.param(0, {"total_timeout": 30.0}, 30.0, id="no-wait:total_timeout"),
        pytest.param(45, {}, 45.0, id="wait_timeout"),
    ],
)
def test_a_resource_stuck_terminating_raises_wait_timeout_within_the_budget(
    kind: str, emulator: Emulator, wait_timeout: float, options: dict[str, Any], budget: float
) -> None:
    api = _client(kind, emulator, **options)
    try:
        api.create_index("movies", dimension=8, spec=SERVERLESS, wait_timeout=60)
        emulator.set_index_state("movies", "Terminating")  # and it never goes
        started = emulator.clock.now()
        with pytest.raises(pc.WaitTimeoutError, match=r"ensure_index: index 'movies' is still Terminating") as caught:
            api.ensure_index("movies", dimension=8, spec=SERVERLESS, wait_timeout=wait_timeout)
    finally:
        api.close()
    assert budget <= emulator.clock.now() - started <= budget + 1
    assert caught.value.name == "movies"
    assert caught.value.last is not None and caught.value.last.status.state == "Terminating"
    assert _sent(emulator, "create_index") == 1


def test_a_collection_stuck_terminating_raises_wait_timeout(api: Api, emulator: Emulator) -> None:
    api.create_index("source", dimension=8, spec=POD, wait_timeout=600)
    api.create_collection("snap", source="source", wait_timeout=600)
    emulator.set_collection_state("snap", "Terminating")
    with pytest.raises(pc.WaitTimeoutError, match=r"ensure_collection: collection 'snap' is still Terminating"):
        api.ensure_collection("snap", source="source", wait_timeout=20)
    assert _sent(emulator, "create_collection") == 1


# -- failure states: raised --------------------------------------------------------------------------


@pytest.mark.parametrize("wait_timeout", [0, 60])
def test_an_index_that_failed_to_initialize_raises(api: Api, emulator: Emulator, wait_timeout: float) -> None:
    api.create_index("movies", dimension=8, spec=SERVERLESS, wait_timeout=60)
    emulator.set_index_state("movies", "InitializationFailed")
    before = len(emulator.requests)
    with pytest.raises(
        pc.IndexInitializationFailedError, match=r"ensure_index: index 'movies' .*InitializationFailed"
    ) as caught:
        api.ensure_index("movies", dimension=8, spec=SERVERLESS, wait_timeout=wait_timeout, apply=True)
    assert caught.value.name == "movies"
    assert caught.value.last.status.state == "InitializationFailed"
    assert [r.operation for r in emulator.requests[before:]] == ["describe_index"]  # nothing changed


def test_one_wait_timeout_bounds_the_wait_for_the_name_and_for_readiness(api: Api, emulator: Emulator) -> None:
    api.create_index("movies", dimension=8, spec=SERVERLESS, wait_timeout=60)
    api.delete_index("movies")  # Terminating for 5 s; the new index then takes 5 s to be Ready
    started = emulator.clock.now()
    with pytest.raises(pc.WaitTimeoutError, match=r"index 'movies' was not ready"):
        api.ensure_index("movies", dimension=8, spec=SERVERLESS, wait_timeout=8)
    assert emulator.clock.now() - started <= 8 + 1
    assert _sent(emulator, "create_index") == 2


# -- scripted: what the name holds changes between two requests --------------------------------------


Reply = tuple[int, dict[str, Any]]  # a fresh httpx.Response is built for every request


def _scripted(kind: str, replies: list[Reply]) -> tuple[Api, list[str]]:
    sent: list[str] = []
    script = iter(replies)

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request.method)
        status, body = next(script)
        return httpx.Response(status, json=body)

    options: dict[str, Any] = {"api_key": "k", "host": "https://api.test", "transport": httpx.MockTransport(handle)}
    return Api(pc.Client(**options) if kind == "sync" else pc.AsyncClient(**options)), sent


def _error(status: int, code: str) -> Reply:
    return status, {"error": {"code": code, "message": "injected"}, "status": status}


def test_a_terminating_index_replaced_by_a_new_one_is_compared_not_created(kind: str, sleeps: list[float]) -> None:
    # the second describe shows someone else's new index under the name
    api, sent = _scripted(kind, [(200, index_payload("x", "Terminating")), (200, index_payload("x", "Ready"))])
    try:
        index = api.ensure_index("x", dimension=8, spec=SERVERLESS)
    finally:
        api.close()
    assert index.status.state == "Ready"
    assert sent == ["GET", "GET"]


@pytest.mark.parametrize(
    "create_answer",
    [pytest.param(_error(409, "ALREADY_EXISTS"), id="409"), pytest.param(_error(500, "UNKNOWN"), id="500-settled")],
)
def test_an_index_terminating_right_after_our_create_raises(
    kind: str, create_answer: Reply, sleeps: list[float]
) -> None:
    replies = [_error(404, "NOT_FOUND"), create_answer, (200, index_payload("x", "Terminating"))]
    api, sent = _scripted(kind, replies)
    try:
        with pytest.raises(pc.UnexpectedTerminationError, match=r"ensure_index: index 'x' is Terminating"):
            api.ensure_index("x", dimension=8, spec=SERVERLESS)
    finally:
        api.close()
    assert sent == ["GET", "POST", "GET"]
