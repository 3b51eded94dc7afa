"""Waiting: the poll cadence (`PollSchedule`), progress reports, and plans shared by the sync and
async clients, for any resource a describing operation returns (indexes, collections, and what
later specs add).

A plan is a generator: it yields the seconds to sleep before the next describe, receives what the
describe returned (a model, or `GONE` for a 404), and returns the final model or raises a
`WaitError`. A `Goal` says what "done" and "failed" mean; the clients only sleep and describe.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Generator, Iterator, Mapping
from typing import Any, Final, NamedTuple

from . import _paths as paths
from ._errors import IndexInitializationFailedError, UnexpectedTerminationError, WaitTimeoutError
from ._logging import logger


class PollSchedule(NamedTuple):
    """Poll every `interval` seconds for the first `steady_for` seconds, so a state change is seen
    within about a second at one describe per second; then back off by `factor` up to `maximum`
    seconds for long operations (pod scaling takes minutes)."""

    interval: float = 1.0
    steady_for: float = 30.0
    factor: float = 1.5
    maximum: float = 5.0

    def delays(self) -> Iterator[float]:
        elapsed, delay = 0.0, self.interval
        while True:
            yield delay
            elapsed += delay
            if elapsed >= self.steady_for:
                delay = min(self.maximum, delay * self.factor)


class WaitProgress(NamedTuple):
    """Passed to an `on_progress` callback after every poll."""

    kind: str  # "index" or "collection"
    name: str
    target: str  # "ready", "configured" or "deleted"
    state: str  # the state seen, or "Gone"
    elapsed: float
    polls: int


ProgressCallback = Callable[[WaitProgress], None]


class _Gone:
    def __repr__(self) -> str:
        return "GONE"


GONE: Final = _Gone()
"""What a poll returns when describe answered 404."""

Seen = Any  # a described model (IndexModel, CollectionModel, ...) or GONE
Plan = Generator[float, Seen, Seen]


class Goal(NamedTuple):
    """What a wait is for: `done` says when to stop, `fail` raises on a state that cannot get there."""

    kind: str
    target: str
    done: Callable[[Seen], bool]
    fail: Callable[[str, Seen], None]


class Deadline:
    """When a wait must end, on the client's clock (an input, so tests and virtual time drive it)."""

    def __init__(self, seconds: float | None, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._start = clock()
        self.end = None if seconds is None else self._start + seconds

    @property
    def elapsed(self) -> float:
        return self._clock() - self._start

    def remaining(self) -> float | None:
        return None if self.end is None else self.end - self._clock()

    def passed(self) -> bool:
        remaining = self.remaining()
        return remaining is not None and remaining <= 0


def timed_out(goal: Goal, name: str, deadline: Deadline, seen: Seen | None) -> WaitTimeoutError:
    state = "unknown" if seen is None else state_of(seen)
    return WaitTimeoutError(
        f"{goal.kind} {name!r} was not {goal.target} after {deadline.elapsed:.1f}s (last state: {state})",
        name=name,
        last=None if seen is None or isinstance(seen, _Gone) else seen,
    )


def state_of(seen: Seen) -> str:
    """The state a described resource reports: `status.state` (indexes) or `status` itself
    (collections, and any later resource whose status is a plain value); "Gone" for a 404."""
    if isinstance(seen, _Gone):
        return "Gone"
    status = getattr(seen, "status", None)
    state = getattr(status, "state", status)
    return "Unknown" if state is None or _absent(state) else str(state)


def _absent(value: Any) -> bool:
    from pinecone_control_api.types import Unset  # loaded with the models, which a wait has already

    return isinstance(value, Unset)


def plan(
    goal: Goal,
    name: str,
    deadline: Deadline,
    schedule: PollSchedule,
    on_progress: ProgressCallback | None,
    *,
    immediate: bool = False,
) -> Plan:
    """Sleep, poll, report, decide, until the goal is met, a failure state is seen, or time is up.
    `immediate` polls once before the first sleep (standalone waits know nothing yet)."""
    last_state: str | None = None
    delays = itertools.chain([0.0], schedule.delays()) if immediate else schedule.delays()
    for polls, delay in enumerate(delays, start=1):
        remaining = deadline.remaining()
        seen = yield delay if remaining is None else max(0.0, min(delay, remaining))
        state = state_of(seen)
        progress = WaitProgress(goal.kind, name, goal.target, state, deadline.elapsed, polls)
        if state != last_state:
            logger.info("%s %s: %s (waiting until %s, %.1fs)", goal.kind, name, state, goal.target, progress.elapsed)
            last_state = state
        else:
            logger.debug("%s %s: still %s after %d polls", goal.kind, name, state, polls)
        if on_progress is not None:
            on_progress(progress)
        goal.fail(name, seen)
        if goal.done(seen):
            return seen
        if deadline.passed():
            raise timed_out(goal, name, deadline, seen)
    raise AssertionError("unreachable: the schedule is endless")


# -- what done and failed mean ----------------------------------------------------------------
# Read from the model generically (a `status` with a state, a `ready` flag where there is one), so
# a resource a later spec adds waits the same way without a line here.

READY, TERMINATING, INITIALIZATION_FAILED = "Ready", "Terminating", "InitializationFailed"
# States a resource never leaves except by being deleted: it will not become ready.
FAILED_STATES: Final = frozenset({INITIALIZATION_FAILED})


def is_ready(seen: Seen) -> bool:
    if isinstance(seen, _Gone) or state_of(seen) != READY:
        return False
    ready = getattr(getattr(seen, "status", None), "ready", True)
    return ready is True or _absent(ready)


def _is_gone(seen: Seen) -> bool:
    return isinstance(seen, _Gone)


def _cannot_become_ready(kind: str) -> Callable[[str, Seen], None]:
    def fail(name: str, seen: Seen) -> None:
        if isinstance(seen, _Gone):
            raise UnexpectedTerminationError(f"{kind} {name!r} was deleted while waiting for it", name=name)
        state = state_of(seen)
        if state in FAILED_STATES:
            raise IndexInitializationFailedError(
                f"{kind} {name!r} failed to initialize (state {state}); delete it and create it again",
                name=name,
                last=seen,
            )
        if state == TERMINATING:
            raise UnexpectedTerminationError(
                f"{kind} {name!r} started Terminating while waiting for it to be ready", name=name, last=seen
            )

    return fail


def _never_fails(name: str, seen: Seen) -> None:
    return None


def ready(kind: str) -> Goal:
    return Goal(kind, "ready", is_ready, _cannot_become_ready(kind))


def deleted(kind: str) -> Goal:
    return Goal(kind, "deleted", _is_gone, _never_fails)


def _not_terminating(seen: Seen) -> bool:
    return state_of(seen) != TERMINATING


def freed(kind: str) -> Goal:
    """A Terminating resource's name is free: it is gone (or someone else's new one holds it)."""
    return Goal(kind, "deleted", _not_terminating, _never_fails)


def configured(kind: str, requested: Mapping[str, Any]) -> Goal:
    """Ready again, with every requested value visible in the described model at the same path
    (`spec.pod.replicas`, `deletion_protection`); paths the model does not echo are not compared."""
    wanted = dict(paths.leaves(requested))

    def settled(seen: Seen) -> bool:
        if not is_ready(seen):
            return False
        shown = seen.to_dict()  # is_ready excludes GONE
        return all(paths.at(shown, path) in (value, paths.MISSING) for path, value in wanted.items())

    return Goal(kind, "configured", settled, _cannot_become_ready(kind))
