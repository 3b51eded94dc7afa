"""The `pinecone_server` fixture and its `PollClock`: an application's own `Client()`, built from the
environment on the system clock, waits on the served emulator with the polls it makes, not for
the emulated minutes (issue 22 item 1: it blocked 120 s and raised WaitTimeoutError)."""

from __future__ import annotations

import asyncio
import os
import time

import httpx
import pinecone_control as pc
import pytest
from pinecone_control.testing import Emulator, EmulatorServer, PollClock, Timings, WallClock
from pinecone_control.testing.pytest_plugin import SERVER_API_KEY

SERVERLESS = pc.serverless_spec("aws", "us-east-1")
POD = pc.pod_spec("us-east1-gcp", "p1.x1")


def test_a_client_built_from_the_environment_waits_on_the_served_emulator(pinecone_server: EmulatorServer) -> None:
    assert os.environ["PINECONE_CONTROLLER_HOST"] == pinecone_server.url
    assert os.environ["PINECONE_API_KEY"] == SERVER_API_KEY
    started = time.monotonic()
    with pc.Client() as client:  # the system clock: its poll sleeps are real
        index = client.create_index("movies", dimension=8, spec=POD, wait_timeout=10)
    elapsed = time.monotonic() - started
    assert index.status.state == "Ready"
    assert elapsed < 2.5, f"one poll (1 s) should see the pod index Ready; took {elapsed:.2f} s"
    # A minute of emulated time went by, seen by one describe.
    assert pinecone_server.emulator.clock.now() == Timings().pod_ready
    assert [r.operation for r in pinecone_server.emulator.requests] == ["create_index", "describe_index"]


async def _provision_async() -> str:
    async with pc.AsyncClient() as client:
        index = await client.create_index("books", dimension=8, spec=SERVERLESS, wait_timeout=10)
        return str(index.status.state)


def test_an_async_client_from_the_environment_too(pinecone_server: EmulatorServer) -> None:
    assert asyncio.run(_provision_async()) == "Ready"


def test_a_read_moves_a_poll_clock_to_the_next_change_and_nothing_else_does() -> None:
    emulator = Emulator(clock=PollClock())
    headers = {"Api-Key": "k"}
    with emulator.serve() as server, httpx.Client(base_url=server.url, headers=headers) as http:
        body = {"name": "pods", "dimension": 8, "spec": {"pod": {"environment": "us-east1-gcp", "pod_type": "p1.x1"}}}
        assert http.post("/indexes", json=body).status_code == 201
        body = {"name": "fast", "dimension": 8, "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}}}
        assert http.post("/indexes", json=body).status_code == 201
        assert emulator.clock.now() == 0.0  # writes do not move time
        # A collection from the pod index nobody waited for: refused, as the service refuses it.
        refused = http.post("/collections", json={"name": "snap", "source": "pods"})
        assert refused.status_code == 400 and "not ready" in refused.text
        # Each read sees the next change, in time order: the serverless index first (5 s), then the pod (60 s).
        assert http.get("/indexes/pods").json()["status"]["state"] == "Initializing"
        assert emulator.clock.now() == Timings().serverless_ready
        assert http.get("/indexes/pods").json()["status"]["state"] == "Ready"
        assert emulator.clock.now() == Timings().pod_ready
        assert http.get("/indexes").status_code == 200
        assert emulator.clock.now() == Timings().pod_ready  # nothing pending: time stays


def test_the_in_process_fixtures_keep_their_virtual_clock(pinecone_emulator: Emulator) -> None:
    assert type(pinecone_emulator.clock).__name__ == "VirtualClock"


class TestOverridden:
    @pytest.fixture
    def pinecone_server_emulator(self) -> Emulator:
        """Overridden as a team would in its conftest.py (here for this class only): instant timings."""
        return Emulator(timings=Timings.instant(), clock=PollClock())

    def test_the_served_emulator_can_be_overridden(self, pinecone_server: EmulatorServer) -> None:
        assert pinecone_server.emulator.timings == Timings.instant()


def test_the_cli_serves_on_a_poll_clock_when_asked() -> None:
    from pinecone_control.testing.__main__ import _parser, _settings, build

    emulator, _ = build(_settings(_parser().parse_args(["--poll-time"])))
    assert isinstance(emulator.clock, PollClock)
    emulator, _ = build({"poll_time": True, "timings": {}, "quotas": {}})  # the TOML key
    assert isinstance(emulator.clock, PollClock)


class TestOnWallTime:
    @pytest.fixture
    def pinecone_server_emulator(self) -> Emulator:
        """The other clock a team may choose: wall time, 1000 emulated seconds per second."""
        return Emulator(clock=WallClock(speed=1000))

    def test_a_client_from_the_environment_waits_on_wall_time(self, pinecone_server: EmulatorServer) -> None:
        started = time.monotonic()
        with pc.Client() as client:  # its first poll, a second later, sees the pod index Ready (60 ms)
            index = client.create_index("movies", dimension=8, spec=POD, wait_timeout=10)
        assert index.status.state == "Ready" and time.monotonic() - started < 2.5
