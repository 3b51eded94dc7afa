"""The spec-driven engine: an operation of the table, its path parameters, query and body in; a
status and a payload of the operation's response schema out.

What an operation does comes from its method and path (`_conventions`); how a kind differs from the
convention from its facts (`FACTS`: the service's rules the spec does not state); the answer from
the version's response schema (`_answers`)."""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime
from typing import Any

from pinecone_control_api._operations import BY_NAME, Operation

from ._answers import complete, named, resolve
from ._backups import BackupKind, RestoreJobKind
from ._collections import CollectionKind
from ._conventions import Convention, classify, noun, response_model
from ._indexes import IndexKind
from ._inference import Embed, Models, Rerank
from ._kind import Kind, item_schema
from ._state import Resource, State
from ._wire import ApiError, Body, invalid, not_found

# The kinds (collections in the paths) and computations whose service facts differ from the convention.
FACTS: dict[str, Kind] = {
    "indexes": IndexKind(),
    "collections": CollectionKind(),
    "backups": BackupKind(),
    "restore-jobs": RestoreJobKind(),
    "embed": Embed(),
    "rerank": Rerank(),
    "models": Models(),
}
_CONVENTION = Kind()

Result = tuple[int, Any]


def facts(kind: str) -> Kind:
    return FACTS.get(kind, _CONVENTION)


def modelled(operation: str) -> bool:
    return operation in BY_NAME and classify(BY_NAME[operation]) is not None


def version_free(operation: str) -> bool:
    """A computation (embed, rerank) answers the same shape at every version: pinecone-client 5.0.1
    sends its embed at 2024-10 beside a 2024-07 control plane, and the real service serves both."""
    how = classify(BY_NAME[operation]) if operation in BY_NAME else None
    return how is not None and how.verb == "compute"


def view(resource: Resource) -> dict[str, Any]:
    """The resource's fields, its status where the schema keeps it, its creation time if shown."""
    data = dict(resource.data)
    props = item_schema(resource.kind).get("properties", {})
    if "status" in props:
        status = resolve(props["status"])
        object_status = "properties" in status and "state" in status["properties"]
        data["status"] = {"ready": resource.ready, "state": resource.state} if object_status else resource.state
    if "created_at" in props and "created_at" not in data:
        data["created_at"] = datetime.fromtimestamp(resource.facts.get("wall", 0), UTC).isoformat()
    return data


def describe(resource: Resource) -> dict[str, Any]:
    out: dict[str, Any] = complete(item_schema(resource.kind), view(resource))
    return out


def find(state: State, kind: str, key: str | None, known: Kind | None = None) -> Resource:
    resource = (known or facts(kind)).records(state, kind).get(str(key))
    if resource is None:
        raise not_found(noun(kind), str(key))
    return resource


def handle(state: State, operation: str, params: dict[str, str], query: dict[str, str], body: bytes) -> Result:
    op = BY_NAME.get(operation)
    how = None if op is None else classify(op)
    if op is None or how is None:
        raise ApiError(501, "UNIMPLEMENTED", f"The emulator does not model the operation {operation}.")
    kind = facts(how.kind)
    status = op.success[0] if op.success else 200
    # A route built without parameter names (another spec's, in a test) names its item by position.
    key = (params.get(how.key) or next(iter(params.values()), None)) if how.key else None
    if how.verb == "compute":
        answer = kind.compute(state, how, Body(body, status=400))  # inference documents 400, not 422
        return _shaped(op, *answer)
    if how.verb == "list":
        return status, _list(state, op, how, key, query)
    if how.verb == "describe":
        return status, describe(find(state, how.kind, key, kind))
    if how.verb == "delete":
        kind.delete(state, find(state, how.kind, key, kind))
        return status, None
    request = Body(body, empty_ok=not op.body_required)
    if how.verb == "configure":
        resource = find(state, how.kind, key, kind)
        kind.configure(state, how, resource, request)
        return status, _answer(op, resource)
    if how.verb == "action":
        return _shaped(op, *kind.action(state, how, find(state, how.kind, key, kind), request))
    parent = find(state, how.parent, key, facts(how.parent)) if how.parent else None
    resource = kind.create(state, how, request, parent)
    resource.facts.setdefault("wall", datetime.now(UTC).timestamp())
    state.add(resource)
    kind.start(state, resource)
    return status, _answer(op, resource)


def _shaped(op: Operation, status: int, payload: Any) -> Result:
    """A computed payload, completed from the operation's response schema like any answer."""
    model = response_model(op)
    return status, complete(named(model), payload) if model and payload is not None else payload


def _answer(op: Operation, resource: Resource) -> Any:
    model = response_model(op)
    return complete(named(model), view(resource)) if model else None


def _list(state: State, op: Operation, how: Convention, key: str | None, query: dict[str, str]) -> Any:
    if how.parent is not None:
        find(state, how.parent, key)
        records = [r for r in facts(how.kind).records(state, how.kind).values() if r.parent == key]
    else:
        records = list(facts(how.kind).records(state, how.kind).values())
    schema = named(response_model(op) or "")
    props = schema.get("properties", {})
    items = next((name for name, sub in props.items() if resolve(sub).get("type") == "array"), None)
    if items is None:
        return None
    records = _filtered(op, records, query)
    start, limit = _page(op, query)
    page = records[start : start + limit] if limit else records
    payload: dict[str, Any] = {items: [view(r) for r in page]}
    if limit and start + limit < len(records) and "pagination" in props:
        payload["pagination"] = {"next": base64.urlsafe_b64encode(str(start + limit).encode()).decode()}
    return complete(schema, payload)


def _filtered(op: Operation, records: list[Resource], query: dict[str, str]) -> list[Resource]:
    """A list's other query parameters filter by the property of the same name (list_models' `type`)."""
    paging = {"limit", "paginationToken"}
    wanted = {p.name: query[p.name] for p in op.parameters if p.location == "query" and p.name in query}
    for name, value in wanted.items():
        if name not in paging:
            records = [r for r in records if str(r.data.get(name)) == value]
    return records


def _page(op: Operation, query: dict[str, str]) -> tuple[int, int]:
    """Where a page starts and how long it is: the query's `paginationToken` (the emulator's own
    opaque token) and `limit` (the spec's bounds and server default)."""
    names = {p.name: p for p in op.parameters if p.location == "query"}
    if "limit" not in names:
        return 0, 0
    rule = names["limit"]
    limit = int(rule.server_default) if isinstance(rule.server_default, int) else 10
    if "limit" in query:
        try:
            limit = int(query["limit"])
        except ValueError as exc:
            raise invalid(f"limit must be an integer, got {query['limit']!r}.") from exc
        low = rule.minimum if rule.minimum is not None else 1
        high = rule.maximum if rule.maximum is not None else limit
        if not low <= limit <= high:
            raise invalid(f"limit must be between {low} and {high}, got {limit}.")
    start = 0
    token = query.get("paginationToken")
    if token:
        try:
            start = int(base64.urlsafe_b64decode(token.encode()).decode())
        except (ValueError, binascii.Error) as exc:
            raise invalid("Invalid pagination token.") from exc
    return start, limit
