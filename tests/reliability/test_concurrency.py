"""Concurrency and resources, against the emulator served by its own process (the CLI), so this
process's sockets and memory are the client's alone."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import subprocess
import sys
import threading
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pinecone_control as pc
import pytest

KEY = "concurrency-key"
THREADS = 16
TASKS = 1000
CALLS = 10_000


@pytest.fixture(scope="module")
def emulator_url() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "pinecone_control.testing", "--instant", "--port", "0", "--api-key", KEY],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().rsplit(" ", 1)[-1].strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


def open_sockets() -> int:
    count = 0
    for fd in Path("/proc/self/fd").iterdir():
        with contextlib.suppress(OSError):  # an fd closed while listing
            count += os.readlink(fd).startswith("socket:")
    return count


def test_sixteen_threads_share_one_sync_client(emulator_url: str) -> None:
    errors: list[BaseException] = []
    calls = [0] * THREADS
    with pc.Client(api_key=KEY, host=emulator_url, poll=pc.PollSchedule(interval=0.01)) as client:

        def work(n: int) -> None:
            try:
                name = f"thread-{n}"
                for _ in range(5):
                    created = client.create_index(
                        name, dimension=8 + n, spec=pc.serverless_spec("aws", "us-east-1"), wait_timeout=5
                    )
                    assert created.name == name and created.dimension == 8 + n
                    assert client.describe_index(name).dimension == 8 + n
                    assert name in client.list_indexes().names()
                    client.delete_index(name, wait_timeout=5)
                    assert not client.has_index(name)
                    calls[n] += 5
            except BaseException as exc:  # collected, re-raised below with its thread
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    print(f"\n{THREADS} threads, {sum(calls)} calls on one client: all correct")


def test_a_thousand_tasks_share_one_async_client(emulator_url: str) -> None:
    async def scenario() -> int:
        async with pc.AsyncClient(api_key=KEY, host=emulator_url, poll=pc.PollSchedule(interval=0.01)) as client:
            names = [f"task-index-{n}" for n in range(10)]
            for n, name in enumerate(names):
                await client.create_index(
                    name, dimension=10 + n, spec=pc.serverless_spec("aws", "us-east-1"), wait_timeout=5
                )
            wanted = [names[i % len(names)] for i in range(TASKS)]
            results = await asyncio.gather(*(client.describe_index(name) for name in wanted))
            assert [r.name for r in results] == wanted
            assert all(r.dimension == 10 + names.index(r.name) for r in results)
            for name in names:
                await client.delete_index(name, wait_timeout=5)
            return len(results)

    assert asyncio.run(scenario()) == TASKS
    print(f"\n{TASKS} concurrent tasks on one async client: all correct")


def test_close_releases_every_connection(emulator_url: str) -> None:
    gc.collect()  # sockets of earlier tests' unreferenced clients close now, not mid-test
    before = open_sockets()
    client = pc.Client(api_key=KEY, host=emulator_url)
    threads = [threading.Thread(target=lambda: [client.list_indexes() for _ in range(20)]) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert open_sockets() > before, "the pool held connections while in use"
    client.close()
    assert open_sockets() == before

    async def async_round() -> None:
        client = pc.AsyncClient(api_key=KEY, host=emulator_url)
        await asyncio.gather(*(client.list_indexes() for _ in range(50)))
        await client.close()

    asyncio.run(async_round())
    gc.collect()
    assert open_sockets() == before


def test_memory_stays_flat_over_ten_thousand_calls(emulator_url: str) -> None:
    with pc.Client(api_key=KEY, host=emulator_url) as client:
        client.create_index("memory", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"))
        for _ in range(500):  # warm up: pools, caches, lazy imports
            client.describe_index("memory")
        gc.collect()
        tracemalloc.start()
        start, _ = tracemalloc.get_traced_memory()
        for _ in range(CALLS):
            client.describe_index("memory")
        gc.collect()
        end, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    growth = end - start
    print(f"\nmemory over {CALLS} calls: {growth / 1024:.1f} KiB growth, {peak / 1024:.1f} KiB peak")
    assert growth < 256 * 1024, f"grew {growth} bytes over {CALLS} calls"
