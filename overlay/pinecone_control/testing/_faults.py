"""Fault injection: fail the next requests, add latency, drop connections. Thread-safe."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

from ._wire import Reply


@dataclass
class Fault:
    """One injected behaviour for matching requests. `reply` None with `drop` closes the connection."""

    remaining: int
    reply: Reply | None = None
    drop: bool = False
    reset: bool = False  # answer, then reset the connection halfway through the body
    content_type: str | None = None  # answer for real, with this content-type instead
    delay: float = 0.0
    operation: str | None = None  # only requests of this operation match


@dataclass(frozen=True)
class Action:
    """What a front-end does before (or instead of) handling a request."""

    delay: float = 0.0
    reply: Reply | None = None
    drop: bool = False
    reset: bool = False
    content_type: str | None = None


@dataclass
class Faults:
    latency: float = 0.0  # added to every request
    _queue: list[Fault] = field(default_factory=list)
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
        self._add(Fault(count, reply=Reply(status, raw, reply_headers), operation=operation))

    def drop_next(self, count: int = 1, *, operation: str | None = None) -> None:
        """Close the connection without answering the next `count` matching requests."""
        self._add(Fault(count, drop=True, operation=operation))

    def reset_next(self, count: int = 1, *, operation: str | None = None) -> None:
        """Start the real answer to the next `count` matching requests, then reset the connection
        halfway through the body (a proxy or server dying mid-response)."""
        self._add(Fault(count, reset=True, operation=operation))

    def retype_next(self, count: int, content_type: str, *, operation: str | None = None) -> None:
        """Answer the next `count` matching requests for real, but label the body `content_type`."""
        self._add(Fault(count, content_type=content_type, operation=operation))

    def delay_next(self, count: int, seconds: float, *, operation: str | None = None) -> None:
        self._add(Fault(count, delay=seconds, operation=operation))

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()
        self.latency = 0.0

    def _add(self, fault: Fault) -> None:
        if fault.remaining < 1:
            raise ValueError("count must be at least 1")
        with self._lock:
            self._queue.append(fault)

    def take(self, operation: str | None) -> Action:
        with self._lock:
            for fault in self._queue:
                if fault.operation is None or fault.operation == operation:
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        self._queue.remove(fault)
                    return Action(self.latency + fault.delay, fault.reply, fault.drop, fault.reset, fault.content_type)
        return Action(self.latency)
