"""One action type for what a front-end does with a request, and the queue of injected faults.

An `Action` is a planned answer: wait `delay`, then send `reply` (None with `drop`: close the
connection without answering; `reset`: send half, then reset). A fault is an `Action` armed for the
next `count` requests of an operation; its `reply` None means "the emulator's real answer"."""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from ._wire import Reply


@dataclass(frozen=True)
class Action:
    delay: float = 0.0
    reply: Reply | None = None
    drop: bool = False
    reset: bool = False
    content_type: str | None = None  # relabel the real answer's body
    dribble: float = 0.0  # send the answer one byte every this many seconds (no per-read timeout trips)


class Emulated(Protocol):
    """What a front-end needs from the emulator (so front-ends never import it)."""

    def process(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> Action: ...


@dataclass
class _Armed:
    remaining: int
    operation: str | None
    action: Action


@dataclass
class Faults:
    """Fault injection; thread-safe. `latency` (seconds) is added to every answer."""

    latency: float = 0.0
    _queue: list[_Armed] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(
        self,
        count: int = 1,
        status: int = 500,
        body: bytes | str | dict[str, Any] | None = None,
        *,
        headers: dict[str, str] | None = None,
        content_type: str | None = None,
        retry_after: str | float | None = None,
        operation: str | None = None,
    ) -> None:
        """Answer the next `count` matching requests with `status` and `body` (bytes and str are sent
        as they are, e.g. an HTML page or truncated JSON; a dict as JSON; None as Pinecone's error)."""
        if body is None:
            body = {"error": {"code": "UNKNOWN", "message": f"Injected failure {status}"}, "status": status}
        if isinstance(body, dict):
            raw, kind = json.dumps(body).encode(), "application/json"
        else:
            raw, kind = (body.encode() if isinstance(body, str) else body), "text/plain"
        reply_headers = {"content-type": content_type or kind, **(headers or {})}
        if retry_after is not None:
            reply_headers["retry-after"] = str(retry_after)
        self.arm(count, Action(reply=Reply(status, raw, reply_headers)), operation)

    def drop_next(self, count: int = 1, *, operation: str | None = None) -> None:
        """Close the connection without answering the next `count` matching requests."""
        self.arm(count, Action(drop=True), operation)

    def reset_next(self, count: int = 1, *, operation: str | None = None) -> None:
        """Start the real answer to the next `count` matching requests, then reset the connection
        halfway through the body (a proxy or server dying mid-response)."""
        self.arm(count, Action(reset=True), operation)

    def retype_next(self, count: int, content_type: str, *, operation: str | None = None) -> None:
        """Answer the next `count` matching requests for real, but label the body `content_type`."""
        self.arm(count, Action(content_type=content_type), operation)

    def delay_next(self, count: int, seconds: float, *, operation: str | None = None) -> None:
        """Answer the next `count` matching requests for real, `seconds` late (the request takes
        effect at once: a client that times out does not know whether it did)."""
        self.arm(count, Action(delay=seconds), operation)

    def dribble_next(self, count: int, interval: float, *, operation: str | None = None) -> None:
        """Answer the next `count` matching requests for real, one byte every `interval` seconds: a
        valid answer that never trips a per-read timeout (the request takes effect at once)."""
        self.arm(count, Action(dribble=interval), operation)

    def arm(self, count: int, action: Action, operation: str | None = None) -> None:
        if count < 1:
            raise ValueError("count must be at least 1")
        for what, seconds in (("delay", action.delay), ("dribble", action.dribble)):
            if not math.isfinite(seconds) or seconds < 0:
                raise ValueError(f"{what} must be a finite number of seconds >= 0, got {seconds!r}")
        with self._lock:
            self._queue.append(_Armed(count, operation, action))

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()
        self.latency = 0.0

    def pending(self) -> list[dict[str, Any]]:
        with self._lock:
            return [
                {"remaining": a.remaining, "operation": a.operation, "status": a.action.reply and a.action.reply.status}
                for a in self._queue
            ]

    def take(self, operation: str | None) -> Action:
        """The action for one request of `operation`: the first armed fault that matches, if any."""
        with self._lock:
            for armed in self._queue:
                if armed.operation is None or armed.operation == operation:
                    armed.remaining -= 1
                    if armed.remaining == 0:
                        self._queue.remove(armed)
                    return replace(armed.action, delay=self.latency + armed.action.delay)
        return Action(self.latency)
