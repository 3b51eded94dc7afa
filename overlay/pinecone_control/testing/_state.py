"""The emulated project's resources and their scheduled transitions.

Every state change is due at a time on the clock (`Timings` says how long each takes) and is
applied by `advance()` before anything reads the state: nothing waits for a describe or a list,
so a client that retries without looking sees the same outcome as one that polls."""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from ._clock import Clock
from ._wire import ApiError

_PROJECT = "c01b5b5"


@dataclass(frozen=True)
class Timings:
    """Seconds on the emulator's clock for each state change.

    The defaults are shaped like a small index on the real service: a serverless index is Ready
    in seconds, a pod index in about a minute, adding replicas about a minute, a pod size change
    several minutes (vertical scaling copies data), deletes a few seconds, a collection of a small
    index about a minute. With virtual time (the pytest fixtures, `Emulator.client()`) waiting for
    them costs no wall time; `Timings.instant()` makes every change due at once (the next request
    sees it)."""

    serverless_ready: float = 5.0
    pod_ready: float = 60.0
    scale_replicas: float = 60.0  # ScalingUp / ScalingDown
    scale_pod_size: float = 300.0  # ScalingUpPodSize / ScalingDownPodSize
    index_delete: float = 5.0  # Terminating, then gone
    collection_ready: float = 60.0  # Initializing, then Ready
    collection_delete: float = 5.0  # Terminating, then gone

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value < float("inf"):
                raise ValueError(f"Timings.{item.name} must be a finite number of seconds >= 0, got {value!r}")

    @classmethod
    def instant(cls) -> Timings:
        return cls(**{item.name: 0.0 for item in fields(cls)})

    def scaled(self, factor: float) -> Timings:
        return replace(self, **{item.name: getattr(self, item.name) * factor for item in fields(self)})


@dataclass
class Quotas:
    """Optional project limits; exceeding one answers `status` (403 FORBIDDEN or 429 QUOTA_EXCEEDED)."""

    max_pods: int | None = None
    max_serverless_indexes: int | None = None
    max_collections: int | None = None
    status: int = 403

    def error(self, message: str) -> ApiError:
        if self.status == 429:
            return ApiError(429, "QUOTA_EXCEEDED", message)
        return ApiError(403, "FORBIDDEN", message)


@dataclass
class Transition:
    """A pending state change of one resource: `apply` runs once `due_at` has come."""

    due_at: float
    apply: Callable[[], None]


@dataclass(eq=False)
class Index:
    name: str
    dimension: int
    metric: str
    deletion_protection: str
    spec: dict[str, Any]
    state: str = "Initializing"
    ready: bool = False
    vector_count: int = 0
    pending: Transition | None = None

    @property
    def is_pod(self) -> bool:
        return "pod" in self.spec

    @property
    def location(self) -> str:
        return str(self.spec["pod"]["environment"] if self.is_pod else self.spec["serverless"]["region"])

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "dimension": self.dimension,
            "metric": self.metric,
            "host": f"{self.name}-{_PROJECT}.svc.{self.location}.pinecone.io",
            "deletion_protection": self.deletion_protection,
            "spec": self.spec,
            "status": {"ready": self.ready, "state": self.state},
        }


@dataclass(eq=False)
class Collection:
    name: str
    source: str
    environment: str
    dimension: int
    vector_count: int
    status: str = "Initializing"
    pending: Transition | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status,
            "environment": self.environment,
            "dimension": self.dimension,
            "vector_count": self.vector_count,
            "size": self.vector_count * self.dimension * 4 + 3_126_700,
        }


Record = Index | Collection


@dataclass
class State:
    """Resources, settings and the schedule of transitions. Not thread-safe: the emulator locks."""

    clock: Clock
    timings: Timings
    quotas: Quotas
    serverless_regions: Mapping[str, tuple[str, ...]]
    pod_environments: tuple[str, ...]
    indexes: dict[str, Index] = field(default_factory=dict)
    collections: dict[str, Collection] = field(default_factory=dict)
    _schedule: list[tuple[float, int, Record, Transition]] = field(default_factory=list)  # a heap
    _sequence: itertools.count[int] = field(default_factory=itertools.count)

    def advance(self) -> None:
        """Apply every transition whose time has come, in time order: O(due), not O(resources)."""
        now = self.clock.now()
        while self._schedule and self._schedule[0][0] <= now:
            _, _, record, transition = heapq.heappop(self._schedule)
            if record.pending is transition:  # not superseded or cancelled since
                record.pending = None
                transition.apply()

    def schedule(self, record: Record, seconds: float, apply: Callable[[], None]) -> None:
        record.pending = Transition(self.clock.now() + seconds, apply)
        heapq.heappush(self._schedule, (record.pending.due_at, next(self._sequence), record, record.pending))

    def forget(self, record: Record) -> None:
        records: dict[str, Any] = self.indexes if isinstance(record, Index) else self.collections
        if records.get(record.name) is record:
            del records[record.name]

    def clear(self) -> None:
        self.indexes.clear()
        self.collections.clear()
        self._schedule.clear()

    def pods_in_use(self) -> int:
        return sum(i.spec["pod"]["pods"] for i in self.indexes.values() if i.is_pod)

    def snapshot(self) -> dict[str, Any]:
        """For the control API: every resource with its pending transition's due time."""

        def pending(record: Record) -> float | None:
            return None if record.pending is None else record.pending.due_at

        return {
            "now": self.clock.now(),
            "indexes": [{**i.to_json(), "due_at": pending(i)} for i in self.indexes.values()],
            "collections": [{**c.to_json(), "due_at": pending(c)} for c in self.collections.values()],
        }
