"""Waiting for indexes and collections, as plans shared by the sync and async clients.

A plan is a generator: it yields the seconds to sleep before the next describe, receives what the
describe returned (a model, or `GONE` for a 404), and returns the final model or raises a
`WaitError`. A `Goal` says what "done" and "failed" mean; the clients only sleep and describe.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Final

from pinecone_control_api.models import CollectionModel, CollectionModelStatus, IndexModel, IndexModelStatusState
from pinecone_control_api.types import Unset

from ._errors import IndexInitializationFailedError, UnexpectedTerminationError, WaitTimeoutError
from ._logging import logger
from ._polling import PollSchedule, ProgressCallback, WaitProgress


class _Gone:
    def __repr__(self) -> str:
        return "GONE"


GONE: Final = _Gone()
"""What a poll returns when describe answered 404."""

Model = IndexModel | CollectionModel
Seen = Model | _Gone
Plan = Generator[float, Seen, Seen]


@dataclass(frozen=True)
class Goal:
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
    if isinstance(seen, _Gone):
        return "Gone"
    if isinstance(seen, IndexModel):
        return str(seen.status.state)
    return str(seen.status)


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


def is_index_ready(seen: Seen) -> bool:
    return isinstance(seen, IndexModel) and seen.status.ready and seen.status.state == IndexModelStatusState.READY


def is_collection_ready(seen: Seen) -> bool:
    return isinstance(seen, CollectionModel) and seen.status == CollectionModelStatus.READY


def _is_gone(seen: Seen) -> bool:
    return isinstance(seen, _Gone)


def _index_cannot_become_ready(name: str, seen: Seen) -> None:
    if isinstance(seen, _Gone):
        raise UnexpectedTerminationError(f"index {name!r} was deleted while waiting for it", name=name)
    if not isinstance(seen, IndexModel):
        return
    if seen.status.state == IndexModelStatusState.INITIALIZATIONFAILED:
        raise IndexInitializationFailedError(
            f"index {name!r} failed to initialize (state InitializationFailed); delete it and create it again",
            name=name,
            last=seen,
        )
    if seen.status.state == IndexModelStatusState.TERMINATING:
        raise UnexpectedTerminationError(
            f"index {name!r} started Terminating while waiting for it to be ready", name=name, last=seen
        )


def _collection_cannot_become_ready(name: str, seen: Seen) -> None:
    if isinstance(seen, _Gone):
        raise UnexpectedTerminationError(f"collection {name!r} was deleted while waiting for it", name=name)
    if isinstance(seen, CollectionModel) and seen.status == CollectionModelStatus.TERMINATING:
        raise UnexpectedTerminationError(
            f"collection {name!r} started Terminating while waiting for it to be ready", name=name, last=seen
        )


def _never_fails(name: str, seen: Seen) -> None:
    return None


INDEX_READY = Goal("index", "ready", is_index_ready, _index_cannot_become_ready)
INDEX_DELETED = Goal("index", "deleted", _is_gone, _never_fails)
COLLECTION_READY = Goal("collection", "ready", is_collection_ready, _collection_cannot_become_ready)
COLLECTION_DELETED = Goal("collection", "deleted", _is_gone, _never_fails)


def index_configured(replicas: int | None, pod_type: str | None, deletion_protection: str | None) -> Goal:
    """Ready again, with every requested value in place."""

    def settled(seen: Seen) -> bool:
        if not is_index_ready(seen):
            return False
        assert isinstance(seen, IndexModel)
        pod = None if isinstance(seen.spec.pod, Unset) else seen.spec.pod
        if replicas is not None and (pod is None or pod.replicas != replicas):
            return False
        if pod_type is not None and (pod is None or pod.pod_type != pod_type):
            return False
        return deletion_protection is None or str(seen.deletion_protection) == deletion_protection

    return Goal("index", "configured", settled, _index_cannot_become_ready)
