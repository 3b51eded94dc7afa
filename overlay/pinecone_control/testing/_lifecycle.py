"""When an emulated state change completes: after some seconds, or some describes, or both."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    """A transition completes once `seconds` have passed AND `describes` describes have seen it.

    The default completes at the next look: a create answers `Initializing`, the first describe
    after it shows `Ready`, as the real API does for a small serverless index."""

    seconds: float = 0.0
    describes: int = 1


@dataclass
class Transition:
    """A pending state change of one resource; `apply` runs when it is due."""

    due_at: float
    describes_left: int
    apply: Callable[[], None]

    @classmethod
    def start(cls, timing: Timing, now: float, apply: Callable[[], None]) -> Transition:
        return cls(due_at=now + timing.seconds, describes_left=timing.describes, apply=apply)

    def seen(self) -> None:
        self.describes_left = max(0, self.describes_left - 1)

    def due(self, now: float) -> bool:
        return now >= self.due_at and self.describes_left <= 0
