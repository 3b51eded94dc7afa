"""A client's connections belong to one process and (async) one event loop.

After `fork`, a child inherits the parent's pooled keep-alive sockets: a request the child sends on
one reads an answer meant for the parent (describe('parent-0') returned 'child1-0'). An AsyncClient's
sockets and limiter belong to the loop that opened them. These tests run real sockets (the emulator
served on loopback) and real `fork`s (multiprocessing's "fork" start method).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from collections.abc import Iterator
from multiprocessing.queues import Queue
from typing import Any

import httpx
import pinecone_control as pc
import pytest
from pinecone_control import AsyncClient, Client, EventLoopMismatchError, ForkedClientError
from pinecone_control.testing import Emulator, EmulatorServer, Timings

CHILDREN = 4
CALLS = 40


@pytest.fixture
def served() -> Iterator[EmulatorServer]:
    emulator = Emulator(timings=Timings.instant())
    with emulator.client() as local:
        for name in ["parent-0", *(f"child{i}-0" for i in range(1, CHILDREN + 1))]:
            local.create_index(name, dimension=8, spec=pc.serverless_spec("aws", "us-east-1"), wait_timeout=None)
    with emulator.serve() as server:
        yield server


def _mismatches_sync(client: Client, name: str) -> int:
    wrong = 0
    for _ in range(CALLS):
        try:
            wrong += client.describe_index(name).name != name
        except Exception:
            wrong += 1
    return wrong


async def _mismatches_async(client: AsyncClient, name: str) -> int:
    wrong = 0
    for _ in range(CALLS):
        try:
            wrong += (await client.describe_index(name)).name != name
        except Exception:
            wrong += 1
    return wrong


def _child(kind: str, client: Any, name: str, results: Queue[tuple[str, int]]) -> None:
    if kind == "sync":
        results.put((name, _mismatches_sync(client, name)))
    else:
        results.put((name, asyncio.run(_mismatches_async(client, name))))


def _run_forked(kind: str, client: Any) -> dict[str, int]:
    context = multiprocessing.get_context("fork")
    results: Queue[tuple[str, int]] = context.Queue()
    children = [
        context.Process(target=_child, args=(kind, client, f"child{i}-0", results)) for i in range(1, CHILDREN + 1)
    ]
    for child in children:
        child.start()
    try:
        if kind == "sync":
            wrong = {"parent-0": _mismatches_sync(client, "parent-0")}
        else:
            wrong = {"parent-0": asyncio.run(_mismatches_async(client, "parent-0"))}
        for _ in children:
            name, count = results.get(timeout=60)
            wrong[name] = count
    finally:
        for child in children:
            child.join(timeout=30)
            if child.is_alive():
                child.kill()
                child.join()
    return wrong


def test_sync_answers_never_cross_after_fork(served: EmulatorServer) -> None:
    with Client(api_key="k", host=served.url) as client:
        client.describe_index("parent-0")  # leaves a keep-alive connection in the pool
        wrong = _run_forked("sync", client)
    assert wrong == {name: 0 for name in wrong}, "a process read another process's answer"
    assert len(wrong) == CHILDREN + 1


def test_async_answers_never_cross_after_fork(served: EmulatorServer) -> None:
    client = AsyncClient(api_key="k", host=served.url)
    asyncio.run(client.describe_index("parent-0"))
    wrong = _run_forked("async", client)
    assert wrong == {name: 0 for name in wrong}
    asyncio.run(client.close())


def test_derived_clients_follow_the_fork(served: EmulatorServer) -> None:
    """`with_options` clients share the pool: after a fork they use the child's new one too."""
    with Client(api_key="k", host=served.url) as client:
        derived = client.with_options(max_retries=0)
        derived.describe_index("parent-0")
        wrong = _run_forked("sync", derived)
    assert wrong == {name: 0 for name in wrong}


def _fork_and_call(client: Client) -> str:
    context = multiprocessing.get_context("fork")
    results: Queue[str] = context.Queue()

    def call() -> None:
        try:
            client.describe_index("parent-0")
            results.put("no error")
        except Exception as exc:
            results.put(f"{type(exc).__name__}: {exc}")

    child = context.Process(target=call)
    child.start()
    try:
        return results.get(timeout=30)
    finally:
        child.join(timeout=30)


def test_a_borrowed_http_client_is_refused_in_a_forked_child(served: EmulatorServer) -> None:
    """The caller's own httpx client cannot be rebuilt: the child gets a typed error, never the
    parent's answers."""
    with httpx.Client() as http:
        client = Client(api_key="k", host=served.url, http_client=http, allow_insecure_http=True)
        client.describe_index("parent-0")
        outcome = _fork_and_call(client)
        assert client.describe_index("parent-0").name == "parent-0", "the parent is not affected"
    assert outcome.startswith("ForkedClientError: "), outcome
    assert "http_client" in outcome and "fork" in outcome
    assert issubclass(ForkedClientError, RuntimeError)


# -- event loops -----------------------------------------------------------------------------------


def test_an_async_client_is_reused_by_a_later_asyncio_run(served: EmulatorServer) -> None:
    """Each `asyncio.run` closes its loop; the next one opens the pool's connections again instead of
    reporting the client closed ("Event loop is closed")."""
    client = AsyncClient(api_key="k", host=served.url)
    for _ in range(3):
        assert asyncio.run(client.describe_index("parent-0")).name == "parent-0"
    asyncio.run(client.close())


def test_queued_calls_in_a_later_loop_are_not_a_bare_runtime_error(served: EmulatorServer) -> None:
    """Calls that queue in the limiter bind it to their loop; a later loop gets a fresh one."""
    client = AsyncClient(api_key="k", host=served.url, max_concurrency=1)

    async def burst() -> list[str]:
        found = await asyncio.gather(*(client.describe_index("parent-0") for _ in range(5)))
        return [index.name for index in found]

    assert asyncio.run(burst()) == ["parent-0"] * 5
    assert asyncio.run(burst()) == ["parent-0"] * 5
    asyncio.run(client.close())


def test_two_live_loops_get_a_typed_error_naming_the_cause(served: EmulatorServer) -> None:
    client = AsyncClient(api_key="k", host=served.url)
    first = asyncio.new_event_loop()
    try:
        first.run_until_complete(client.describe_index("parent-0"))
        with pytest.raises(EventLoopMismatchError, match="event loop") as caught:
            asyncio.run(client.describe_index("parent-0"))
        assert "one AsyncClient per event loop" in str(caught.value)
        assert isinstance(caught.value, RuntimeError)
        # The first loop still owns it, and still works.
        assert first.run_until_complete(client.describe_index("parent-0")).name == "parent-0"
        first.run_until_complete(client.close())
    finally:
        first.close()


def test_a_loop_in_another_thread_gets_the_typed_error(served: EmulatorServer) -> None:
    client = AsyncClient(api_key="k", host=served.url)
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        asyncio.run_coroutine_threadsafe(client.describe_index("parent-0"), loop).result(timeout=30)
        with pytest.raises(EventLoopMismatchError):
            asyncio.run(client.describe_index("parent-0"))
        asyncio.run_coroutine_threadsafe(client.close(), loop).result(timeout=30)
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=30)
        loop.close()


def test_a_borrowed_async_http_client_in_a_new_loop_is_named(served: EmulatorServer) -> None:
    """The caller's own httpx.AsyncClient cannot be moved to another loop; httpx's bare
    RuntimeError becomes a typed error that says why (not 'client closed')."""

    async def make() -> tuple[httpx.AsyncClient, AsyncClient]:
        http = httpx.AsyncClient()
        client = AsyncClient(api_key="k", host=served.url, http_client=http, allow_insecure_http=True)
        await client.describe_index("parent-0")
        return http, client

    _http, client = asyncio.run(make())  # its connection belongs to the closed loop
    with pytest.raises(EventLoopMismatchError, match="http_client"):
        asyncio.run(client.describe_index("parent-0"))


# -- the on_attempt hook is called synchronously -----------------------------------------------------


async def _async_hook(info: object) -> None:
    pass


class _AsyncCallable:
    async def __call__(self, info: object) -> None:
        pass


@pytest.mark.parametrize("hook", [_async_hook, _AsyncCallable()], ids=["async-def", "async-call"])
@pytest.mark.parametrize("kind", [Client, AsyncClient], ids=["sync", "async"])
def test_an_async_hook_is_refused_at_construction(kind: type[Client] | type[AsyncClient], hook: Any) -> None:
    with pytest.raises(pc.ClientValidationError, match="plain function, not async def"):
        kind(api_key="k", on_attempt=hook)


def test_a_hook_returning_a_coroutine_is_closed_and_reported(
    served: EmulatorServer, caplog: pytest.LogCaptureFixture, recwarn: pytest.WarningsRecorder
) -> None:
    """A lambda returning a coroutine cannot be told from a plain function at construction: its
    coroutine is closed (no 'never awaited' warning) and the log says why nothing happened."""
    client = AsyncClient(api_key="k", host=served.url, on_attempt=lambda info: _async_hook(info))
    asyncio.run(client.describe_index("parent-0"))
    asyncio.run(client.close())
    assert any("returned a coroutine, which is never awaited" in r.getMessage() for r in caplog.records)
    assert not [w for w in recwarn if "never awaited" in str(w.message)]
