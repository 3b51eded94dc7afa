"""Effects: how the shared logic asks a client for I/O.

Every public operation is written once, as a generator ("program") that yields `Send` or `Sleep`
and receives the result: an `Outcome` for `Send`, None for `Sleep`. The sync client performs
effects with `httpx.Client` and its clock's blocking sleep, the async client with
`httpx.AsyncClient` and an awaitable sleep; that is all they differ in. Time and randomness reach
the programs as inputs (`ClientOptions.now`, `ClientOptions.random`), so a test can step a program
effect by effect with a scripted driver.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any, NamedTuple, TypeVar

import httpx

T = TypeVar("T")


class Send(NamedTuple):
    """Send one HTTP request and read its answer (at most `max_bytes` of body) within `budget`
    seconds in total; `timeout` holds httpx's per-phase limits, already clipped to the budget."""

    method: str
    url: str
    headers: dict[str, str]
    content: bytes | None
    timeout: httpx.Timeout
    budget: float | None
    max_bytes: int


class Sleep(NamedTuple):
    seconds: float


class TooLarge(NamedTuple):
    """The answer's body was larger than `Send.max_bytes`; reading stopped there."""

    status_code: int
    headers: httpx.Headers
    limit: int


Effect = Send | Sleep
Program = Generator[Effect, Any, T]
Outcome = httpx.Response | httpx.RequestError | TooLarge
