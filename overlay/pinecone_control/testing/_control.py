"""The control API: drive the emulator from another process or language over HTTP.

Served under `/_emulator/` (a prefix the spec does not use) only when enabled (`Emulator(control=
True)`, CLI `--control`); otherwise those paths are 404 like any unknown path. Control requests are
neither recorded nor subject to injected faults. Every answer is JSON.

    GET    /_emulator/state                        resources (with pending transitions' due times), clock
    GET    /_emulator/requests                     the recorded API requests
    POST   /_emulator/faults                       arm a fault (body below); GET lists, DELETE clears them
    POST   /_emulator/clock/advance                {"seconds": 600}
    PATCH  /_emulator/timings                      {"pod_ready": 30, ...}: any Timings field
    PUT    /_emulator/indexes/{name}/state         {"state": "Disabled", "ready": false}
    PUT    /_emulator/collections/{name}/state     {"status": "Ready"}
    PUT    /_emulator/{kind}/{key}/state           {"state": "Failed"}: any other kind (backups, restore-jobs)
    POST   /_emulator/reset                        forget every resource, request and fault

A fault: {"kind": "fail" | "drop" | "reset" | "delay" | "retype", "count": 1, "operation": "list_indexes",
"status": 503, "body": <JSON or string>, "headers": {...}, "retry_after": 2, "content_type": "text/html",
"seconds": 3.5}; only the fields of its kind are read.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import asdict, fields, replace
from typing import Any, Protocol

from ._actions import Faults
from ._clock import Clock
from ._state import Timings
from ._wire import ApiError, Reply, error_reply, invalid, json_reply

PREFIX = "/_emulator/"


class Controlled(Protocol):
    faults: Faults
    timings: Timings
    clock: Clock

    def advance(self, seconds: float) -> None: ...

    def set_index_state(self, name: str, state: str, *, ready: bool | None = None) -> None: ...

    def set_collection_state(self, name: str, status: str) -> None: ...

    def set_state(self, kind: str, key: str, state: str, *, ready: bool | None = None) -> None: ...

    def snapshot(self) -> dict[str, Any]: ...

    def recorded(self) -> list[dict[str, Any]]: ...

    def reset(self) -> None: ...


def _body(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw) if raw.strip() else {}
    except (ValueError, RecursionError) as exc:
        raise invalid(f"The control API takes a JSON object: {exc}") from exc
    if not isinstance(data, dict):
        raise invalid("The control API takes a JSON object.")
    return data


def _number(data: dict[str, Any], key: str, default: float | None = None) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise invalid(f"`{key}` must be a finite number >= 0, got {value!r}")
    return float(value)


def _count(data: dict[str, Any]) -> int:
    value = data.get("count", 1)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1_000_000:
        raise invalid(f"`count` must be an integer from 1 to 1000000, got {value!r}")
    return value


def _arm(emulator: Controlled, data: dict[str, Any]) -> None:
    kind, count, operation = data.get("kind"), _count(data), data.get("operation")
    if operation is not None and not isinstance(operation, str):
        raise invalid("`operation` must be an operation id such as list_indexes")
    faults = emulator.faults
    if kind == "fail":
        status = data.get("status", 500)
        if isinstance(status, bool) or not isinstance(status, int) or not 100 <= status <= 599:
            raise invalid(f"`status` must be an HTTP status, got {status!r}")
        body = data.get("body")
        if body is not None and not isinstance(body, str | dict):
            body = json.dumps(body)
        headers = data.get("headers")
        if headers is not None and not (
            isinstance(headers, dict) and all(isinstance(v, str) for v in [*headers, *headers.values()])
        ):
            raise invalid("`headers` must map strings to strings")
        retry_after = data.get("retry_after")
        if retry_after is not None and not isinstance(retry_after, str | int | float):
            raise invalid("`retry_after` must be seconds or an HTTP date")
        content_type = data.get("content_type")
        faults.fail_next(
            count,
            status,
            body,
            headers=headers,
            content_type=content_type,
            retry_after=retry_after,
            operation=operation,
        )
    elif kind == "drop":
        faults.drop_next(count, operation=operation)
    elif kind == "reset":
        faults.reset_next(count, operation=operation)
    elif kind == "delay":
        faults.delay_next(count, _number(data, "seconds"), operation=operation)
    elif kind == "retype":
        content_type = data.get("content_type")
        if not isinstance(content_type, str):
            raise invalid("`content_type` is required for a retype fault")
        faults.retype_next(count, content_type, operation=operation)
    else:
        raise invalid(f"`kind` must be one of fail, drop, reset, delay, retype; got {kind!r}")


def _set_timings(emulator: Controlled, data: dict[str, Any]) -> None:
    known = {item.name for item in fields(Timings)}
    unknown = set(data) - known
    if unknown:
        raise invalid(f"unknown timings {sorted(unknown)}; known: {sorted(known)}")
    try:
        emulator.timings = replace(emulator.timings, **{key: _number(data, key) for key in data})
    except ValueError as exc:
        raise invalid(str(exc)) from exc


def handle(emulator: Controlled, method: str, path: str, raw: bytes) -> Reply:
    """One control request; errors use the API's error shape."""
    parts = tuple(path.split("?", 1)[0][len(PREFIX) :].split("/"))

    def arm() -> Any:
        _arm(emulator, _body(raw))
        return emulator.faults.pending()

    def clear() -> Any:
        emulator.faults.clear()
        return []

    def advance() -> Any:
        emulator.advance(_number(_body(raw), "seconds"))
        return {"now": emulator.clock.now()}

    def set_timings() -> Any:
        _set_timings(emulator, _body(raw))
        return asdict(emulator.timings)

    def reset() -> Any:
        emulator.reset()
        return {}

    routes: dict[tuple[str, ...], dict[str, Callable[[], Any]]] = {
        ("state",): {"GET": emulator.snapshot},
        ("requests",): {"GET": emulator.recorded},
        ("faults",): {"GET": emulator.faults.pending, "POST": arm, "DELETE": clear},
        ("clock",): {"GET": lambda: {"now": emulator.clock.now()}},
        ("clock", "advance"): {"POST": advance},
        ("timings",): {"GET": lambda: asdict(emulator.timings), "PATCH": set_timings},
        ("reset",): {"POST": reset},
    }
    if len(parts) == 3 and parts[0] == "indexes" and parts[2] == "state":
        routes[parts] = {"PUT": lambda: _force_index(emulator, parts[1], _body(raw))}
    elif len(parts) == 3 and parts[0] == "collections" and parts[2] == "state":
        routes[parts] = {"PUT": lambda: _force_collection(emulator, parts[1], _body(raw))}
    elif len(parts) == 3 and parts[2] == "state":
        routes[parts] = {"PUT": lambda: _force(emulator, parts[0], parts[1], _body(raw))}
    methods = routes.get(parts)
    if methods is None:
        return error_reply(404, "NOT_FOUND", f"No control endpoint {path}.")
    if method not in methods:
        reply = error_reply(405, "UNIMPLEMENTED", "Method not allowed.")
        reply.headers["allow"] = ", ".join(methods)
        return reply
    try:
        return json_reply(200, methods[method]())
    except ApiError as exc:
        return exc.reply


def _force_index(emulator: Controlled, name: str, data: dict[str, Any]) -> dict[str, Any]:
    state, ready = data.get("state"), data.get("ready")
    if not isinstance(state, str) or (ready is not None and not isinstance(ready, bool)):
        raise invalid('expected {"state": "<any state>", "ready": true|false (optional)}')
    emulator.set_index_state(name, state, ready=ready)
    return {"name": name, "state": state}


def _force(emulator: Controlled, kind: str, key: str, data: dict[str, Any]) -> dict[str, Any]:
    state, ready = data.get("state"), data.get("ready")
    if not isinstance(state, str) or (ready is not None and not isinstance(ready, bool)):
        raise invalid('expected {"state": "<any state>", "ready": true|false (optional)}')
    emulator.set_state(kind, key, state, ready=ready)
    return {"kind": kind, "key": key, "state": state}


def _force_collection(emulator: Controlled, name: str, data: dict[str, Any]) -> dict[str, Any]:
    status = data.get("status")
    if not isinstance(status, str):
        raise invalid('expected {"status": "<any status>"}')
    emulator.set_collection_state(name, status)
    return {"name": name, "status": status}
