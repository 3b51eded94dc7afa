"""Any operation of the spec as a request, from its generated metadata and the caller's arguments.

The generated facade (`pinecone_control_api._facade`) hands every method's arguments here keyed by
where they go (`path:index_name`, `query:limit`, or a body field path such as `spec.pod.replicas`).
`build_call` assembles the JSON body from those paths, checks everything against the spec's rules
(`_schema_checks`, from the generated tables), then lets the generated endpoint module build the
request (`_get_kwargs`: URL templating, quoting, serialisation through the generated models).

Nothing here names an operation or a field: what an operation is, how it is resent and what it
answers all come from `pinecone_control_api._operations`.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any, Generic, NamedTuple, TypeVar

import pinecone_control_api.models as generated_models
from pinecone_control_api._operations import BY_NAME as SPEC
from pinecone_control_api._operations import Field
from pinecone_control_api._operations import Operation as SpecOperation

from . import _schema_checks as schema
from ._decoding import decoder
from ._errors import ClientValidationError
from ._paths import put

T = TypeVar("T")


@dataclass(frozen=True)
class Operation(Generic[T]):
    name: str
    method: str
    success: frozenset[int]
    parse: Callable[[bytes], T] | None  # the success body's bytes -> its model; None: no body
    # Safe to resend after the server may have acted on it (the spec's retry class "safe": GET,
    # PATCH to a value, a POST that only computes). Creates and deletes are not.
    idempotent: bool


@dataclass(frozen=True)
class Call(Generic[T]):
    """One request, ready to send: the operation, the generated `_get_kwargs` result, and what the
    caller asked for (the resource's name and kind for messages; the body sent, for waits that
    compare). `addressed`: the path names the resource, so a 404 means it does not exist."""

    operation: Operation[T]
    kwargs: Mapping[str, Any]
    resource: str | None = None
    arguments: Mapping[str, Any] | None = None
    body: Mapping[str, Any] | None = None
    kind: str | None = None
    addressed: bool = False


@cache
def operation(name: str) -> Operation[Any]:
    spec = SPEC[name]
    model = next((r.model for r in spec.responses if 200 <= r.status < 300 and r.model), None)
    parse = None
    if model is not None:
        parse = decoder(getattr(generated_models, model))
    return Operation(name, spec.method, frozenset(spec.success), parse, idempotent=spec.retry == "safe")


def _fields(spec: SpecOperation) -> dict[str, Field]:
    return {f.path: f for f in spec.body_fields}


def plain(value: Any) -> Any:
    """A model, an enum or a mapping as JSON-shaped data (models through their generated `to_dict`)."""
    if isinstance(value, Enum):
        return value.value
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def _json(fields: dict[str, Field], path: str, value: Any) -> Any:
    field = fields.get(path)
    if field is not None and field.one_of_required and to_branch(fields, path, value) is not None:
        branch = to_branch(fields, path, value)
        return {branch: plain(value)}  # a bare branch model (ServerlessSpec) for a oneOf (IndexSpec)
    items = fields.get(f"{path}[]")
    if items is not None and isinstance(value, Sequence) and not isinstance(value, str | bytes):
        only = [
            f for f in fields.values() if f.path.startswith(f"{path}[].") and f.path.count(".") == path.count(".") + 1
        ]
        shorthand = only[0].name if len(only) == 1 and only[0].type == "string" else None
        # A list of objects holding one string property also takes plain strings (embed's inputs).
        return [{shorthand: item} if shorthand and isinstance(item, str) else plain(item) for item in value]
    return plain(value)


def to_branch(fields: dict[str, Field], path: str, value: Any) -> str | None:
    """The `oneOf` branch (`serverless`, `pod`) whose model `value` is, if it is one."""
    field = fields[path]
    for group in field.one_of_required or ():
        if len(group) == 1:
            child = fields.get(f"{path}.{group[0]}")
            if child is not None and type(value).__name__ == child.python_type:
                return group[0]
    return None


class _Plan(NamedTuple):
    """What building a call of one operation needs that depends only on the operation."""

    spec: SpecOperation
    fields: dict[str, Field]
    python_names: dict[str, str]
    endpoint: Callable[..., dict[str, Any]]


@cache
def _plan(name: str) -> _Plan:
    spec = SPEC[name]
    return _Plan(spec, _fields(spec), {p.name: p.python_name for p in spec.parameters}, _endpoint(spec))


def build_call(name: str, arguments: Mapping[str, Any]) -> Call[Any]:
    """The request for operation `name` with `arguments` keyed by where they go; `None` = not sent.

    A call without a body is a pure function of its arguments, so one built (and checked) before
    is reused: the same arguments cannot fail the checks they passed. Each value's type is part of
    the key (`1`, `1.0` and `True` are equal, but not equally valid); calls that fail are never
    kept, so bad arguments are checked, and refused, every time."""
    plan = _plan(name)
    if plan.spec.body_model is None:
        key = (name, *[(source, type(value), value) for source, value in arguments.items()])
        try:
            return _built(key)
        except TypeError:  # an unhashable argument (a list for a name): checked, and refused, below
            pass
    return _build(plan, name, arguments)


@functools.lru_cache(maxsize=1024)
def _built(key: tuple[Any, ...]) -> Call[Any]:
    name, *items = key
    return _build(_plan(name), name, {source: value for source, _, value in items})


def _build(plan: _Plan, name: str, arguments: Mapping[str, Any]) -> Call[Any]:
    spec, fields = plan.spec, plan.fields
    path: dict[str, Any] = {}
    query: dict[str, Any] = {}
    body: dict[str, Any] = {}
    for source, value in arguments.items():
        if value is None:
            continue
        where, _, key = source.partition(":")
        if where == "path" and key:
            path[key] = value
        elif where in {"query", "header"} and key:
            query[key] = value
        else:
            put(body, source, _json(fields, source, value))
    sends_body = spec.body_model is not None and (bool(body) or spec.body_required)
    if spec.body_model is not None and spec.method == "PATCH" and not body:
        settable = ", ".join(f.path for f in spec.body_fields if "[" not in f.path and not _has_children(fields, f))
        raise ClientValidationError(f"{name} changes nothing without at least one of: {settable}")
    schema.check_request(spec, path, body if sends_body else None)
    kwargs = plan.endpoint(**_python_names(plan, path, query), **_body_kwarg(spec, body if sends_body else None))
    resource = next(iter(path.values()), None) if path else body.get("name")
    named = resource if isinstance(resource, str) else None
    return Call(operation(name), kwargs, named, arguments, body or None, spec.subject, bool(path) and named is not None)


def _has_children(fields: dict[str, Field], field: Field) -> bool:
    return any(other.path.startswith(field.path + ".") for other in fields.values())


def _python_names(plan: _Plan, path: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
    by_name = plan.python_names
    return {by_name.get(key, key): value for key, value in {**path, **query}.items()}


def _body_kwarg(spec: SpecOperation, body: dict[str, Any] | None) -> dict[str, Any]:
    if spec.body_model is None:
        return {}
    if body is None:
        return {"body": None} if spec.body_required else {}
    try:
        return {"body": getattr(generated_models, spec.body_model).from_dict(body)}
    except (KeyError, TypeError, ValueError, AttributeError) as exc:  # the checks passed: a shape they miss
        raise ClientValidationError(f"{spec.python_name}: the request body is not valid: {exc}") from exc


@cache
def _endpoint(spec: SpecOperation) -> Callable[..., dict[str, Any]]:
    module = importlib.import_module(spec.module)
    get_kwargs: Callable[..., dict[str, Any]] = module._get_kwargs
    return get_kwargs


OPERATIONS: tuple[Operation[Any], ...] = tuple(operation(name) for name in SPEC)
