"""pytest fixtures (registered through the `pytest11` entry point, so installing is enough):

    def test_my_code(pinecone_client):           # a Client wired to a fresh in-process emulator
        pinecone_client.create_index(...)

`pinecone_emulator` is the `Emulator` behind both clients, for faults and assertions. It runs on
virtual time with the default (real-shaped) timings: waiting costs no wall time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from .._async_client import AsyncClient
from .._client import Client
from ._clock import VirtualClock
from ._emulator import Emulator


@pytest.fixture
def pinecone_emulator() -> Emulator:
    return Emulator(clock=VirtualClock())


@pytest.fixture
def pinecone_client(pinecone_emulator: Emulator) -> Iterator[Client]:
    with pinecone_emulator.client() as client:
        yield client


@pytest.fixture
def pinecone_async_client(pinecone_emulator: Emulator) -> Iterator[AsyncClient]:
    """An AsyncClient on the same emulator; use it from your own event loop (any async plugin)."""
    client = pinecone_emulator.async_client()
    yield client
    asyncio.run(client.close())
