"""The emulated control plane: one request in, one `Action` out.

`Emulator.process` consults the injected faults, routes the request to its operation (the
generated package's routes), checks the key, advances the clock's due transitions and runs the
operation's handler. Front-ends (`_transport` in-process, `_server` over sockets) only move bytes;
they see the emulator through the `Emulated` protocol and never import this module. All state is
guarded by one lock, so any number of threads may call it."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from . import _control, _engine
from ._actions import Action, Faults
from ._catalogue import API_VERSION, POD_ENVIRONMENTS, SERVERLESS_REGIONS
from ._clock import AsyncClockView, Clock, PollClock, SyncClockView, WallClock
from ._routing import Match, Router, spec_routes
from ._server import HttpServer
from ._state import Quotas, State, Timings
from ._transport import AsyncEmulatorTransport, EmulatorTransport
from ._wire import ApiError, Reply, error_reply, json_reply

if TYPE_CHECKING:
    from .._async_client import AsyncClient
    from .._client import Client

ResponseHook = Callable[[str, int, Any], Any]
_CLIENT_DEFAULTS: dict[str, Any] = {"api_key": "emulator-api-key", "host": "https://api.pinecone.emulator"}


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    operation: str | None
    status: int  # 0: the connection was dropped without an answer
    at: float = 0.0  # the emulator's clock when it arrived


@dataclass
class Emulator:
    """The emulated control plane. `timings` say how long each state change takes on `clock`."""

    api_keys: Iterable[str] | None = None  # None: any non-empty key
    timings: Timings = field(default_factory=Timings)
    quotas: Quotas = field(default_factory=Quotas)
    clock: Clock = field(default_factory=WallClock)
    faults: Faults = field(default_factory=Faults)
    response_hook: ResponseHook | None = None  # (operation, status, payload) -> payload; for contract tests
    requests: list[RecordedRequest] = field(default_factory=list)
    router: Router = field(default_factory=lambda: Router(spec_routes()))
    serverless_regions: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(SERVERLESS_REGIONS))
    pod_environments: tuple[str, ...] = POD_ENVIRONMENTS
    control: bool = False  # serve the control API under /_emulator/ (see _control.py)

    def __post_init__(self) -> None:
        self._keys = None if self.api_keys is None else frozenset(self.api_keys)
        self._state = State(self.clock, self.timings, self.quotas, self.serverless_regions, self.pod_environments)
        self._lock = threading.RLock()

    @property
    def unmodelled_operations(self) -> list[str]:
        """Operations routed here that the emulator answers with 501: none its conventions cover
        (a router built from another spec's routes may name operations the package lacks)."""
        return sorted(r.operation for r in self.router.routes if not _engine.modelled(r.operation))

    # -- front door -------------------------------------------------------------------------------

    def process(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> Action:
        """What a front-end must do for one request: injected faults first, then `handle`."""
        if self.control and path.startswith(_control.PREFIX):
            return Action(reply=_control.handle(self, method, path, body))
        operation = self.router.match(method, path).operation
        action = self.faults.take(operation)
        if action.drop:
            self._record(method, path, operation, 0)
            return action
        if action.reply is not None:
            self._record(method, path, operation, action.reply.status)
            return action
        reply = self.handle(method, path, headers, body)
        if action.content_type is not None:
            reply.headers["content-type"] = action.content_type
        return replace(action, reply=reply)

    def handle(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> Reply:
        """The emulated API itself (no faults): one request in, one reply out."""
        match = self.router.match(method, path)
        if method == "GET" and match.operation is not None and isinstance(self.clock, PollClock):
            self._to_next_change()
        query = dict(parse_qsl(path.partition("?")[2]))
        reply = self._dispatch(match, query, headers, body)
        self._record(method, path, match.operation, reply.status)
        return reply

    def _to_next_change(self) -> None:
        # A PollClock's read: time jumps to the earliest pending transition (the snapshot's `due_at`s).
        with self._lock:
            state = self.snapshot()
            records = [r for value in state.values() if isinstance(value, list) for r in value]
            due = [r["due_at"] for r in records if r.get("due_at") is not None]
            if due:
                self.clock.advance(max(0.0, min(due) - state["now"]))

    def _record(self, method: str, path: str, operation: str | None, status: int) -> None:
        with self._lock:
            self.requests.append(RecordedRequest(method, path, operation, status, self.clock.now()))

    def _dispatch(self, match: Match, query: dict[str, str], headers: Mapping[str, str], body: bytes) -> Reply:
        operation = match.operation
        if operation is None:
            if match.allow:
                reply = error_reply(405, "UNIMPLEMENTED", "Method not allowed.")
                reply.headers["allow"] = ", ".join(match.allow)
                return reply
            return error_reply(404, "NOT_FOUND", "Not found.")
        lower = {k.lower(): v for k, v in headers.items()}
        key = lower.get("api-key", "")
        if not key.strip() or (self._keys is not None and key not in self._keys):
            return error_reply(401, "UNAUTHENTICATED", "Invalid API key.")
        version = lower.get("x-pinecone-api-version")
        if version is not None and version != API_VERSION and not _engine.version_free(operation):
            # The emulator serves one version's shapes; a client speaking another must not be served
            # them silently. The real service answers an unsupported version with a 400 (docs.pinecone.io
            # "Errors": INVALID_ARGUMENT); its wording is not published, so this one names both versions.
            return error_reply(
                400, "INVALID_ARGUMENT", f"Unsupported API version {version!r}: this emulator serves {API_VERSION}."
            )
        try:
            with self._lock:
                self._sync_settings()
                self._state.advance()
                status, payload = _engine.handle(self._state, operation, match.params, query, body)
        except ApiError as exc:
            return exc.reply
        except Exception:  # an emulator bug: answer like the API would, and say so on stderr
            traceback.print_exc()
            return error_reply(500, "UNKNOWN", "Internal server error")
        if self.response_hook is not None:
            payload = self.response_hook(operation, status, payload)
        return Reply(status) if payload is None else json_reply(status, payload)

    def _sync_settings(self) -> None:
        # Settings are plain attributes a test (or the control API) may replace; the state reads them here.
        state = self._state
        state.clock, state.timings, state.quotas = self.clock, self.timings, self.quotas
        state.serverless_regions, state.pod_environments = self.serverless_regions, self.pod_environments

    # -- wiring -----------------------------------------------------------------------------------

    def client(self, **kwargs: Any) -> Client:
        """A `Client` wired to this emulator in-process (no sockets), on the emulator's time: its
        backoff and poll sleeps advance the emulator's clock instead of waiting."""
        from .._client import Client

        transport = EmulatorTransport(self, self.clock)
        return Client(transport=transport, **{**_CLIENT_DEFAULTS, "clock": self.client_clock(), **kwargs})

    def async_client(self, **kwargs: Any) -> AsyncClient:
        """The `AsyncClient` counterpart of `client()`."""
        from .._async_client import AsyncClient

        transport = AsyncEmulatorTransport(self, self.clock)
        return AsyncClient(transport=transport, **{**_CLIENT_DEFAULTS, "clock": self.async_client_clock(), **kwargs})

    def serve(self, host: str = "127.0.0.1", port: int = 0, **options: Any) -> EmulatorServer:
        """A real HTTP server for this emulator; use it as a context manager (it starts on enter)."""
        return EmulatorServer(self, host, port, **options)

    def client_clock(self) -> SyncClockView:
        """A clock for a `Client` in this process (in-process or over HTTP): its sleeps advance the
        emulator's time instead of waiting."""
        return SyncClockView(self.clock)

    def async_client_clock(self) -> AsyncClockView:
        return AsyncClockView(self.clock)

    # -- test controls ----------------------------------------------------------------------------

    def advance(self, seconds: float) -> None:
        """Move the emulator's clock forward (transitions due by then take effect)."""
        self.clock.advance(seconds)
        with self._lock:
            self._sync_settings()
            self._state.advance()

    def set_index_state(self, name: str, state: str, *, ready: bool | None = None) -> None:
        """Force an index into any state, including ones the spec does not list (e.g. `Disabled`);
        a pending transition is cancelled."""
        self.set_state("indexes", name, state, ready=ready)

    def set_state(self, kind: str, key: str, state: str, *, ready: bool | None = None) -> None:
        """Force any resource (`kind` is its collection in the paths: "backups", "restore-jobs") into
        any state; a pending transition is cancelled."""
        with self._lock:
            self._state.advance()
            record = _engine.find(self._state, kind, key)
            record.state, record.ready, record.pending = state, state == "Ready" if ready is None else ready, None

    def set_collection_state(self, name: str, status: str) -> None:
        with self._lock:
            self._state.advance()
            collection = _engine.find(self._state, "collections", name)
            collection.state, collection.ready, collection.pending = status, status == "Ready", None

    def set_vector_count(self, name: str, count: int) -> None:
        with self._lock:
            _engine.find(self._state, "indexes", name).facts["vector_count"] = count

    def snapshot(self) -> dict[str, Any]:
        """For the control API: every resource with its pending transition's due time, and `now`."""
        with self._lock:
            self._sync_settings()
            self._state.advance()
            snapshot: dict[str, Any] = {"now": self.clock.now(), "indexes": [], "collections": []}
            for kind, records in self._state.resources.items():
                if kind in _engine.FACTS and not records:
                    continue
                snapshot[kind] = [
                    {**_engine.describe(r), "due_at": None if r.pending is None else r.pending.due_at}
                    for r in records.values()
                ]
            return snapshot

    def recorded(self) -> list[dict[str, Any]]:
        with self._lock:
            return [asdict(request) for request in self.requests]

    def reset(self) -> None:
        with self._lock:
            self._state.clear()
            self.requests.clear()
        self.faults.clear()


class EmulatorServer(HttpServer):
    """The emulator over real sockets on 127.0.0.1: `with EmulatorServer(emulator) as server: ...`.

    Options: `request_timeout` (seconds from a request's first byte to its last), `idle_timeout`
    (seconds a keep-alive connection may wait for its next request)."""

    emulator: Emulator

    def __init__(self, emulator: Emulator, host: str = "127.0.0.1", port: int = 0, **options: Any) -> None:
        super().__init__(emulator, host, port, **options)
