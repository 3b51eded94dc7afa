"""A resource kind's behaviour by convention; a kind whose service facts differ overrides a step.

Create keeps what the request said (so fields the emulator does not model come back as given),
configure merges only what the request sets, delete passes through `Terminating` when the status
enum has it. A kind with no facts of its own (a later version's new resource) gets exactly this."""

from __future__ import annotations

import copy
from typing import Any

from ._answers import named, resolve
from ._conventions import Convention, item_operation, response_model
from ._state import Resource, State
from ._wire import ApiError, Body, invalid


def item_schema(kind: str) -> dict[str, Any]:
    op = item_operation(kind)
    model = response_model(op) if op is not None else None
    return named(model) if model else {}


def key_property(kind: str) -> str | None:
    """The item's property its path parameter names: `index_name` -> `name`, `job_id` ->
    `restore_job_id`, `backup_id` -> `backup_id`."""
    op = item_operation(kind)
    props = item_schema(kind).get("properties", {})
    if op is None:
        return None
    param = op.path.rsplit("{", 1)[-1].rstrip("}")
    for prop in props:
        if prop == param or param.endswith("_" + prop) or prop.endswith("_" + param):
            return str(prop)
    return None


def status_states(kind: str) -> tuple[str, ...]:
    status = resolve(item_schema(kind).get("properties", {}).get("status", {}))
    if "state" in status.get("properties", {}):
        status = resolve(status["properties"]["state"])
    return tuple(status.get("enum") or status.get("x-enum") or ())


def merge(target: dict[str, Any], change: dict[str, Any]) -> None:
    """Merge only what `change` sets, objects key by key (a configure's PATCH semantics)."""
    for key, value in change.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


class Kind:
    ready_timing: str | None = None  # the Timings field from Initializing to Ready (None: at once)
    delete_timing: str | None = None  # the Timings field from Terminating to gone (None: at once)

    def create(self, state: State, how: Convention, request: Body, parent: Resource | None) -> Resource:
        kind, data = how.kind, copy.deepcopy(request.data)
        key_name = key_property(kind)
        resource = Resource(kind, "", data, parent=None if parent is None else parent.key)
        key = data.get(key_name) if key_name else None
        if not isinstance(key, str) or not key:
            key = resource.id
            if key_name:
                data[key_name] = key
        resource.key = key
        if key in state.of(kind):
            raise ApiError(409, "ALREADY_EXISTS", "Resource already exists.")
        return resource

    def start(self, state: State, resource: Resource) -> None:
        """Schedule a new resource's way to Ready."""
        states = status_states(resource.kind)
        if states and "Initializing" not in states:
            resource.state, resource.ready = (states[-1] if "Ready" not in states else "Ready"), True
            return
        seconds = getattr(state.timings, self.ready_timing) if self.ready_timing else 0.0
        state.schedule(resource, seconds, lambda: self.settle(resource))

    def settle(self, resource: Resource) -> None:
        resource.state, resource.ready = "Ready", True

    def records(self, state: State, kind: str) -> dict[str, Resource]:
        """The resources of this kind (a catalogue kind serves fixed ones)."""
        return state.of(kind)

    def configure(self, state: State, how: Convention, resource: Resource, request: Body) -> None:
        if not request.data:
            raise invalid("Nothing to configure.")
        merge(resource.data, request.data)

    def delete(self, state: State, resource: Resource) -> None:
        if resource.state == "Terminating":
            return
        if "Terminating" in status_states(resource.kind):
            resource.state, resource.ready = "Terminating", False
        seconds = getattr(state.timings, self.delete_timing) if self.delete_timing else 0.0
        state.schedule(resource, seconds, lambda: state.forget(resource))

    def action(self, state: State, how: Convention, resource: Resource, request: Body) -> tuple[int, Any]:
        raise ApiError(501, "UNIMPLEMENTED", f"The emulator does not model `{how.variant}` on {how.kind}.")

    def compute(self, state: State, how: Convention, request: Body) -> tuple[int, Any]:
        raise ApiError(501, "UNIMPLEMENTED", f"The emulator does not model {how.kind}.")
