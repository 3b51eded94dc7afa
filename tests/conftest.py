"""Fixtures shared by every test package."""

from __future__ import annotations

import pytest
from pinecone_control import _async_client, _client


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Backoff and poll delays requested by the clients; nothing actually sleeps."""
    recorded: list[float] = []

    def fake_sleep(seconds: float) -> None:
        recorded.append(seconds)

    async def fake_async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(_client, "_sleep", fake_sleep)
    monkeypatch.setattr(_async_client, "_sleep", fake_async_sleep)
    return recorded
