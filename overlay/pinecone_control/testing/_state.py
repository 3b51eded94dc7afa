"""The emulated project's resources and their scheduled transitions.

Every state change is due at a time on the clock (`Timings` says how long each takes) and is
applied by `advance()` before anything reads the state: nothing waits for a describe or a list,
so a client that retries without looking sees the same outcome as one that polls."""

from __future__ import annotations

import heapq
import itertools
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from ._clock import Clock
from ._wire import ApiError


@dataclass(frozen=True)
class Timings:
    """Seconds on the emulator's clock for each state change.

    The defaults are shaped like a small index on the real service: a serverless index is Ready
    in seconds, a pod index in about a minute, adding replicas about a minute, a pod size change
    several minutes (vertical scaling copies data), deletes a few seconds, a collection of a small
    index about a minute. With virtual time (the pytest fixtures, `Emulator.client()`) waiting for
    them costs no wall time; `Timings.instant()` makes every change due at once (the next request
    sees it, and a create or delete answers the final state at once, as pinecone-local does)."""

    serverless_ready: float = 5.0
    pod_ready: float = 60.0
    scale_replicas: float = 60.0  # ScalingUp / ScalingDown
    scale_pod_size: float = 300.0  # ScalingUpPodSize / ScalingDownPodSize
    index_delete: float = 5.0  # Terminating, then gone
    collection_ready: float = 60.0  # Initializing, then Ready
    collection_delete: float = 5.0  # Terminating, then gone
    backup_ready: float = 10.0  # Initializing, then Ready (no published figure: a small index's copy)
    backup_delete: float = 0.0  # gone at once
    restore: float = 30.0  # a restore job Pending -> Running -> Completed; its index Ready at the end

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
class Resource:
    """One resource of any kind. `data` holds its fields as the response schema names them (what
    the request said, plus what the emulator models); `state`/`ready` its status, written where the
    schema keeps it; `facts` what only the emulator needs (a source, a vector count)."""

    kind: str  # the collection it lives in: "indexes", "collections", "backups", ...
    key: str  # its name or id in paths
    data: dict[str, Any]
    state: str = "Initializing"
    ready: bool = False
    parent: str | None = None  # the key of the resource it belongs to (an index's backup)
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created_at: float = 0.0
    facts: dict[str, Any] = field(default_factory=dict)
    pending: Transition | None = None

    # The fields of an index the facts read often.
    @property
    def spec(self) -> dict[str, Any]:
        spec: dict[str, Any] = self.data.get("spec", {})
        return spec

    @property
    def is_pod(self) -> bool:
        return "pod" in self.spec

    @property
    def name(self) -> str:
        return self.key


@dataclass
class State:
    """Resources, settings and the schedule of transitions. Not thread-safe: the emulator locks."""

    clock: Clock
    timings: Timings
    quotas: Quotas
    serverless_regions: Mapping[str, tuple[str, ...]]
    pod_environments: tuple[str, ...]
    resources: dict[str, dict[str, Resource]] = field(default_factory=dict)  # kind -> key -> resource
    _schedule: list[tuple[float, int, Resource, Transition]] = field(default_factory=list)  # a heap
    _sequence: itertools.count[int] = field(default_factory=itertools.count)

    def of(self, kind: str) -> dict[str, Resource]:
        return self.resources.setdefault(kind, {})

    @property
    def indexes(self) -> dict[str, Resource]:
        return self.of("indexes")

    @property
    def collections(self) -> dict[str, Resource]:
        return self.of("collections")

    def add(self, resource: Resource) -> Resource:
        resource.created_at = self.clock.now()
        self.of(resource.kind)[resource.key] = resource
        return resource

    def advance(self) -> None:
        """Apply every transition whose time has come, in time order: O(due), not O(resources)."""
        now = self.clock.now()
        while self._schedule and self._schedule[0][0] <= now:
            _, _, record, transition = heapq.heappop(self._schedule)
            if record.pending is transition:  # not superseded or cancelled since
                record.pending = None
                transition.apply()

    def schedule(self, record: Resource, seconds: float, apply: Callable[[], None]) -> None:
        """`apply` once `seconds` have passed; at zero seconds now, before the answer is built, so
        instant timings answer the final state (no client waits a poll interval for it)."""
        if seconds <= 0:
            record.pending = None
            apply()
            return
        record.pending = Transition(self.clock.now() + seconds, apply)
        heapq.heappush(self._schedule, (record.pending.due_at, next(self._sequence), record, record.pending))

    def forget(self, record: Resource) -> None:
        records = self.of(record.kind)
        if records.get(record.key) is record:
            del records[record.key]

    def clear(self) -> None:
        self.resources.clear()
        self._schedule.clear()

    def pods_in_use(self) -> int:
        return sum(i.spec["pod"]["pods"] for i in self.indexes.values() if i.is_pod)
