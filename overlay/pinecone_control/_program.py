"""Effects: how the shared logic asks a client for I/O.

Every public operation is written once, as a generator ("program") that yields `Send` or `Sleep`
and receives the result (an `httpx.Response` or `httpx.RequestError` for `Send`, None for `Sleep`).
The sync client performs effects with `httpx.Client` and `time.sleep`, the async client with
`httpx.AsyncClient` and `asyncio.sleep`; that is all they differ in.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any, NamedTuple, TypeVar

import httpx

T = TypeVar("T")


class Send(NamedTuple):
    """Send one HTTP request; the client's `httpx` client builds it, so its own settings apply."""

    method: str
    url: str
    headers: dict[str, str]
    json: Any
    timeout: httpx.Timeout


class Sleep(NamedTuple):
    seconds: float


Effect = Send | Sleep
Program = Generator[Effect, Any, T]
Outcome = httpx.Response | httpx.RequestError
