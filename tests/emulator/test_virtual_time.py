"""Virtual time in-process: the client's sleeps advance the emulator's clock, so long waits cost no
wall time and take exactly the polls the client's schedule implies; delays and timeouts behave as
they do over HTTP."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Iterator

import pinecone_control as pc
import pytest
from pinecone_control import require
from pinecone_control.testing import Emulator, Timings, VirtualClock

POD = pc.pod_spec("us-east1-gcp", "p1.x1")
TEN_MINUTES = 600.0


def polls_until(seconds: float, schedule: pc.PollSchedule) -> int:
    """How many polls a wait makes before `seconds` have passed, by the schedule's own delays."""
    elapsed = 0.0
    for polls, delay in enumerate(schedule.delays(), start=1):
        elapsed += delay
        if elapsed >= seconds:
            return polls
    raise AssertionError("unreachable")


@pytest.fixture
def emulator() -> Emulator:
    return Emulator(clock=VirtualClock(), timings=Timings(scale_pod_size=TEN_MINUTES))


def test_a_ten_minute_pod_configure_takes_well_under_a_second(emulator: Emulator) -> None:
    with emulator.client() as client:
        client.create_index("pods", dimension=8, spec=POD, wait_timeout=None)
        emulator.requests.clear()
        started, wall = emulator.clock.now(), time.perf_counter()
        configured = client.configure_index("pods", pod_type="p1.x2", wait_timeout=3600)
        wall = time.perf_counter() - wall
    assert require(configured.spec.pod).pod_type == "p1.x2" and configured.status.state == "Ready"
    describes = [r for r in emulator.requests if r.operation == "describe_index"]
    assert len(describes) == polls_until(TEN_MINUTES, pc.PollSchedule())
    assert emulator.clock.now() - started >= TEN_MINUTES
    assert [r.at - started for r in describes][-2] < TEN_MINUTES  # the one before last was still scaling
    print(f"\n10 emulated minutes of pod scaling: {len(describes)} polls in {wall * 1000:.0f} ms wall")
    assert wall < 1.0


def test_async_client_waits_on_virtual_time_too(emulator: Emulator) -> None:
    async def scenario() -> int:
        async with emulator.async_client() as client:
            await client.create_index("pods", dimension=8, spec=POD, wait_timeout=None)
            await client.configure_index("pods", pod_type="p1.x2", wait_timeout=3600)
        return sum(r.operation == "describe_index" for r in emulator.requests)

    started = time.perf_counter()
    polls = asyncio.run(scenario())
    assert time.perf_counter() - started < 1.0
    schedule = pc.PollSchedule()
    assert polls == polls_until(Timings().pod_ready, schedule) + polls_until(TEN_MINUTES, schedule)


def test_a_wait_deadline_is_emulated_time(emulator: Emulator) -> None:
    with emulator.client() as client, pytest.raises(pc.WaitTimeoutError):
        client.create_index("pods", dimension=8, spec=POD, wait_timeout=Timings().pod_ready / 2)
    assert emulator.clock.now() == pytest.approx(Timings().pod_ready / 2, abs=5.0)


@pytest.fixture(params=["in-process", "http"])
def front(request: pytest.FixtureRequest) -> Iterator[tuple[Emulator, pc.Client]]:
    emulator = Emulator(clock=VirtualClock(), timings=Timings.instant())
    if request.param == "in-process":
        with emulator.client(max_retries=0, timeout=0.3) as client:
            yield emulator, client
    else:
        with emulator.serve() as server, pc.Client(api_key="k", host=server.url, max_retries=0, timeout=0.3) as client:
            yield emulator, client


def test_a_delay_longer_than_the_read_timeout_times_out_on_both_front_ends(front: tuple[Emulator, pc.Client]) -> None:
    emulator, client = front
    emulator.faults.delay_next(1, 0.6, operation="list_indexes")
    with pytest.raises(pc.APITimeoutError):
        client.list_indexes()
    emulator.faults.delay_next(1, 0.1, operation="list_indexes")
    assert client.list_indexes().names() == []
    assert [r.status for r in emulator.requests] == [200, 200]  # both took effect; one answer was lost


def test_in_process_delays_move_the_clock_not_the_wall() -> None:
    emulator = Emulator(clock=VirtualClock(), timings=Timings.instant())
    emulator.faults.delay_next(3, 20.0)
    with emulator.client(timeout=30) as client:
        started = time.perf_counter()
        for _ in itertools.repeat(None, 3):
            client.list_indexes()
        assert time.perf_counter() - started < 1.0
    assert emulator.clock.now() == pytest.approx(60.0)
