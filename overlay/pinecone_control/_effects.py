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
from types import TracebackType
from typing import Any, Generic, NamedTuple, Self, TypeVar

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


class Steps(Generic[T]):
    """A program as a driver steps it: `next()` is its next effect (None once it has returned,
    its result then in `value`), `answer(outcome)` what that effect came to. Used as a context
    manager, it closes the program however the driver's loop ends (an error passing through is
    the context of the `GeneratorExit` the program sees, so its spans record it)."""

    __slots__ = ("_answer", "_program", "_started", "value")

    def __init__(self, program: Program[T]) -> None:
        self._program = program
        self._answer: Outcome | None = None
        self._started = False

    def next(self) -> Effect | None:
        try:
            effect = self._program.send(self._answer) if self._started else next(self._program)
        except StopIteration as stop:
            self.value: T = stop.value
            return None
        self._started = True
        return effect

    def answer(self, outcome: Outcome | None) -> None:
        self._answer = outcome

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._program.close()
