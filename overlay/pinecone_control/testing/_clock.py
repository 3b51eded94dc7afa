"""The emulator's clock: every transition is due at a time on it, never at someone's request.

`WallClock` follows the wall (times `speed`); `VirtualClock` stands still until advanced;
`PollClock` is a `VirtualClock` that each read moves to the next scheduled change. All can be
skipped ahead (`advance`). Seen through `SyncClockView`/`AsyncClockView` they are a client's
clock (`now` + `sleep`): given to a client in the same process, the client's backoff and poll
sleeps move the emulator's time forward instead of waiting, so a 10-minute pod scaling is watched
in milliseconds with the polls it implies.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float: ...

    def advance(self, seconds: float) -> None: ...


def _checked(seconds: float) -> float:
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"cannot advance a clock by {seconds!r} seconds")
    return seconds


class WallClock:
    """Emulated seconds = wall seconds x `speed`, plus whatever was skipped ahead."""

    def __init__(self, speed: float = 1.0) -> None:
        if not math.isfinite(speed) or speed <= 0:
            raise ValueError(f"speed must be a positive number, got {speed!r}")
        self.speed = speed
        self._origin = time.monotonic()
        self._skipped = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        return (time.monotonic() - self._origin) * self.speed + self._skipped

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._skipped += _checked(seconds)


class VirtualClock:
    """Emulated time that moves only when advanced (by a test, the control API or a client's sleep)."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = start
        self._lock = threading.Lock()

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += _checked(seconds)


class PollClock(VirtualClock):
    """Virtual time that moves when a client looks: every read the emulator answers (a GET: a
    describe or a list) first moves it on to the next scheduled change, so a client waiting on its
    own clock (your application's `Client()`, another process) sees each change at its next poll.
    Nothing else moves it (besides `advance`): a request that needs a change nobody waited for (a
    collection from an index still `Initializing`) is refused as the service would refuse it."""


class AsyncClockView:
    """The same clock for an `AsyncClient`: sleeping advances it, then yields to the event loop."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def now(self) -> float:
        return self._clock.now()

    async def sleep(self, seconds: float) -> None:
        self._clock.advance(max(0.0, seconds))
        await asyncio.sleep(0)


class SyncClockView:
    """The clock for a `Client`: sleeping advances it at once."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def now(self) -> float:
        return self._clock.now()

    def sleep(self, seconds: float) -> None:
        self._clock.advance(max(0.0, seconds))
