"""Every call is bounded in time: an attempt by `timeout` as a whole, a call by `total_timeout`, a
wait by `wait_timeout`, whatever the server does. Real sockets: a dribbling server is exactly
what httpx's per-read timeouts cannot see.

The bounds asserted are generous (several times the deadline) so a loaded machine cannot flake
them; without the deadlines these calls run for tens of seconds."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import pinecone_control as pc
import pytest

from ..support import Api
from .servers import RawServer, dribble, elapsed, response_bytes, silent
from .test_data_loss import index_payload

KIND = ["sync", "async"]
DESCRIBE = response_bytes(200, json.dumps(index_payload("x", "Initializing")).encode())


def make(kind: str, **options: Any) -> Api:
    options.setdefault("api_key", "k")
    return Api(pc.Client(**options) if kind == "sync" else pc.AsyncClient(**options))


@pytest.mark.parametrize("kind", KIND)
def test_a_dribbling_answer_cannot_outlast_the_attempt_timeout(kind: str) -> None:
    # The whole answer would take ~50 s at 0.2 s a byte; each read arrives well within the timeout.
    with RawServer(dribble(DESCRIBE, 0.2)) as server:
        api = make(kind, host=server.url, timeout=1.0, max_retries=0)
        start = time.monotonic()
        with pytest.raises(pc.APITimeoutError):
            api.describe_index("x")
        took = elapsed(start)
        api.close()
    assert took < 4.0, f"the call ran {took:.1f}s against a 1 s attempt timeout"


@pytest.mark.parametrize("kind", KIND)
def test_total_timeout_bounds_a_call_with_retries(kind: str) -> None:
    with RawServer(silent) as server:
        api = make(kind, host=server.url, timeout=0.5, max_retries=10, total_timeout=1.5)
        start = time.monotonic()
        with pytest.raises(pc.APITimeoutError):
            api.list_indexes()
        took = elapsed(start)
        api.close()
    # Without the budget: 11 attempts x 0.5 s plus backoff.
    assert took < 4.0, f"the call ran {took:.1f}s against total_timeout=1.5"


@pytest.mark.parametrize("kind", KIND)
def test_wait_timeout_is_a_deadline_even_when_describes_hang(kind: str) -> None:
    with RawServer(silent) as server:
        api = make(kind, host=server.url)  # default timeouts: 30 s per attempt, 120 s per call
        start = time.monotonic()
        with pytest.raises(pc.WaitTimeoutError):
            api.wait_for_index_ready("x", wait_timeout=1)
        took = elapsed(start)
        api.close()
    assert took < 4.0, f"the wait ran {took:.1f}s against wait_timeout=1"


@pytest.mark.parametrize("kind", KIND)
def test_wait_timeout_is_a_deadline_when_describes_dribble(kind: str) -> None:
    with RawServer(dribble(DESCRIBE, 0.05)) as server:  # a describe takes ~15 s
        api = make(kind, host=server.url)
        start = time.monotonic()
        with pytest.raises(pc.WaitTimeoutError) as info:
            api.wait_for_index_ready("x", wait_timeout=1)
        took = elapsed(start)
        api.close()
    assert took < 4.0
    assert isinstance(info.value.__cause__, pc.APITimeoutError)


@pytest.mark.parametrize("kind", KIND)
def test_a_backoff_longer_than_the_budget_is_not_slept(kind: str, sleeps: list[float]) -> None:
    answers = iter([httpx.Response(429, headers={"retry-after": "50"}), httpx.Response(200, json={"indexes": []})])
    transport = httpx.MockTransport(lambda request: next(answers))
    api = make(kind, host="https://api.test", transport=transport, total_timeout=10)
    with pytest.raises(pc.RateLimitError) as info:
        api.list_indexes()
    api.close()
    assert sleeps == []
    assert info.value.retry_after == 50


def test_resolving_a_loopback_name_is_bounded_by_the_attempt(monkeypatch: pytest.MonkeyPatch) -> None:
    """The async client sets no timer of its own around its own transport (every socket operation
    is clipped to the attempt deadline), so the one step before any socket, resolving a plain-http
    host to check it is loopback, is bounded by the deadline too."""
    import asyncio

    import httpcore
    from pinecone_control import _network

    async def never(*args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(3600)

    async def run() -> None:
        monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", never)
        backend = _network._AsyncBackend(httpcore.AnyIOBackend(), loopback_only=True)
        token = _network.start_attempt(0.05)
        try:
            with pytest.raises(httpcore.ConnectTimeout):
                # wait_for: a safety net so a missing bound fails (TimeoutError) instead of hanging.
                await asyncio.wait_for(backend.connect_tcp("localhost", 9, timeout=30.0), 10)
        finally:
            _network.end_attempt(token)

    asyncio.run(run())
