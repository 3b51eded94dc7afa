"""Time as an input: the clock a client reads deadlines from and sleeps on.

The shared logic never calls `time.monotonic()` or sleeps itself; it asks the client's clock. A test
(or the emulator's virtual time) passes its own clock, so a wait of ten emulated minutes runs in
milliseconds, and a scripted test can step a call effect by effect.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """What `Client(clock=...)` takes: monotonic seconds and a blocking sleep."""

    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class AsyncClock(Protocol):
    """What `AsyncClient(clock=...)` takes: monotonic seconds and an awaitable sleep."""

    def now(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock: `time.monotonic` and `time.sleep`."""

    now = staticmethod(time.monotonic)  # the builtin itself: read several times per request

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class AsyncSystemClock:
    """The real clock for asyncio: `time.monotonic` and `asyncio.sleep`."""

    now = staticmethod(time.monotonic)

    async def sleep(self, seconds: float) -> None:
        import asyncio  # here, not at import: a sync client's cold start does not pay for asyncio

        await asyncio.sleep(seconds)
