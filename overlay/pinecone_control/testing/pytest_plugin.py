"""pytest fixtures (registered through the `pytest11` entry point, so installing is enough):

    def test_my_app(pinecone_server):            # your code's own Client() finds it in the environment
        my_app.provision()                        # Client() -> PINECONE_CONTROLLER_HOST, PINECONE_API_KEY

    def test_my_code(pinecone_client):           # a Client wired to a fresh in-process emulator
        pinecone_client.create_index(...)

`pinecone_server` serves an emulator on 127.0.0.1 for clients the test did not make: it sets
`PINECONE_CONTROLLER_HOST` and `PINECONE_API_KEY` for the test (and restores them), and runs on a
`PollClock`, so a wait in any client sees each state change at its next poll. `pinecone_emulator`
is the `Emulator` behind `pinecone_client` and `pinecone_async_client`, for faults and assertions;
it runs on virtual time that only those clients' waits move.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from .._async_client import AsyncClient
from .._client import Client
from ._clock import PollClock, VirtualClock
from ._emulator import Emulator, EmulatorServer

SERVER_API_KEY = "pinecone-emulator-key"
"""The `PINECONE_API_KEY` that `pinecone_server` sets (its emulator accepts any non-empty key)."""


@pytest.fixture
def pinecone_emulator() -> Emulator:
    """A fresh in-process emulator on a `VirtualClock`: only the fixture clients' sleeps move it."""
    return Emulator(clock=VirtualClock())


@pytest.fixture
def pinecone_client(pinecone_emulator: Emulator) -> Iterator[Client]:
    """A `Client` wired to `pinecone_emulator` in-process (no sockets), on its virtual time."""
    with pinecone_emulator.client() as client:
        yield client


@pytest.fixture
def pinecone_async_client(pinecone_emulator: Emulator) -> Iterator[AsyncClient]:
    """An AsyncClient on the same emulator; use it from your own event loop (any async plugin)."""
    client = pinecone_emulator.async_client()
    yield client
    asyncio.run(client.close())


@pytest.fixture
def pinecone_server_emulator() -> Emulator:
    """The emulator `pinecone_server` serves: default timings on a `PollClock`. Override this
    fixture (same name, in your conftest.py) for other timings, quotas, keys or a
    `WallClock(speed=...)`."""
    return Emulator(clock=PollClock())


@pytest.fixture
def pinecone_server(pinecone_server_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> Iterator[EmulatorServer]:
    """`pinecone_server_emulator` served on 127.0.0.1, with `PINECONE_CONTROLLER_HOST` (its URL) and
    `PINECONE_API_KEY` set for the test, so `Client()` / `AsyncClient()` built anywhere in your code
    reach it; both are restored afterwards and the server is stopped. `.url`, `.emulator`."""
    with pinecone_server_emulator.serve() as server:
        monkeypatch.setenv("PINECONE_CONTROLLER_HOST", server.url)
        monkeypatch.setenv("PINECONE_API_KEY", SERVER_API_KEY)
        yield server
