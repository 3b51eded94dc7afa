"""Any operation of the spec as a request, from its generated metadata and the caller's arguments.

The generated facade (`pinecone_control_api._facade`) hands every method's arguments here keyed by
where they go (`path:index_name`, `query:limit`, or a body field path such as `spec.pod.replicas`).
`build_call` assembles the JSON body from those paths, checks everything against the spec's rules
(`_schema_checks`, from the generated tables), then builds the request in one trip from the
operation's row of the table (`pinecone_control_api._operations`): the path template filled in and
quoted, the query string, and the checked body encoded to bytes once (`_encoding`). What depends only
on the operation (the template's pieces, the parameters' order, the order the body's keys are sent
in) is worked out once per operation. The generated models are not built on the way out: the checks
refuse everything their `from_dict` would (a differential test holds the two routes to the same
bytes and the same refusals: tests/spec_driven/test_request_route.py), and the keys are sent in the
order their `to_dict` would send them, so the bytes on the wire are what they were. The generated
endpoint modules (`api/`, `client.py`) are not used at run time and are not shipped in the wheel.

A deployment built by a generated builder (`pod_spec`) is checked when it is built (`_deployment`);
the call does not check it again while what it sends is exactly what was checked (`vouch`).

Nothing here names an operation or a field: what an operation is, how it is resent and what it
answers all come from `pinecone_control_api._operations`.
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any, Generic, NamedTuple, TypeVar
from urllib.parse import quote, urlencode

import pinecone_control_api.models as generated_models
from pinecone_control_api._operations import BY_NAME as SPEC
from pinecone_control_api._operations import Field
from pinecone_control_api._operations import Operation as SpecOperation

from . import _schema_checks as schema
from ._decoding import decoder
from ._encoding import encode_body
from ._errors import ClientValidationError
from ._paths import MISSING, at, put

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


class Request(NamedTuple):
    """What goes on the wire, built once per call: `target` is the path, quoted, with its query
    string (`/indexes/movies`, `/indexes?limit=10`), to append to the client's host; `headers` are
    the operation's own (`Content-Type` for a JSON body); `content` the body's bytes."""

    method: str
    target: str
    headers: Mapping[str, str]
    content: bytes | None


@dataclass(frozen=True)
class Call(Generic[T]):
    """One request, ready to send: the operation, the request, and what the caller asked for (the
    resource's name and kind for messages; the body sent, for waits that compare). `addressed`: the
    path names the resource, so a 404 means it does not exist."""

    operation: Operation[T]
    request: Request
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
    try:
        return _json_of(fields, path, value)
    except (AttributeError, KeyError, TypeError, ValueError) as exc:  # a model that cannot say what it holds
        raise ClientValidationError(f"{path}: {type(value).__name__} cannot be sent as JSON: {exc}") from exc


def _json_of(fields: dict[str, Field], path: str, value: Any) -> Any:
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


# --- Deployments checked when they were built -------------------------------------------------

# id(model) -> (a weak reference to it, the operation, the body field, the JSON that was checked).
# An entry leaves with its model (the reference's callback), so an id here is a live model's.
_VOUCHED: dict[int, tuple[weakref.ref[Any], str, str, Any]] = {}


def vouch(model: Any, operation: str, field: str, checked: Any) -> None:
    """`model`, sent as `field` of `operation`, was built from the JSON `checked`, which passed
    that field's rules: a call that sends exactly that JSON there need not check it again."""
    key = id(model)
    try:
        ref = weakref.ref(model, lambda _ref: _VOUCHED.pop(key, None))
    except TypeError:  # a model without weak references: the call checks it again
        return
    _VOUCHED[key] = (ref, operation, field, checked)


def _vouched(name: str, arguments: Mapping[str, Any], body: dict[str, Any]) -> frozenset[str]:
    """The body fields given as vouched-for models whose JSON in `body` is still exactly what was
    checked (same keys, same values of the same types: `1`, `1.0` and `True` are not the same rule)."""
    trusted: set[str] = set()
    for source, value in arguments.items():
        entry = _VOUCHED.get(id(value))
        if entry is None or entry[0]() is not value or entry[1] != name or entry[2] != source:
            continue
        sent = at(body, source)
        if sent is not MISSING and _same_json(sent, entry[3]):
            trusted.add(source)
    return frozenset(trusted)


def _same_json(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same_json(item, b[key]) for key, item in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(_same_json(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


# --- What a call of one operation needs that depends only on the operation --------------------

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


class _Shape(NamedTuple):
    """An object of the body, for `_ordered`: its known keys in the order the generated model's
    `to_dict` emits them (required ones first, then the optional ones, each in the spec's order),
    and where to look further down (the table paths of children that hold such objects, and of its
    entries when it is a map)."""

    known: tuple[str, ...]
    names: frozenset[str]
    children: Mapping[str, str]
    entries: str | None


class _Plan(NamedTuple):
    spec: SpecOperation
    fields: dict[str, Field]
    method: str
    # The path template split at its parameters: literal, name, literal, name, ..., literal.
    template: tuple[str, ...]
    # Query parameters by spec name, in the spec's order (the order they are sent in).
    query: tuple[str, ...]
    # Every parameter as its argument source (`path:index_name`).
    sources: frozenset[str]
    headers: Mapping[str, str]
    # The body's objects by table path ("" is the body), where anything below needs ordering.
    shapes: Mapping[str, _Shape]


@cache
def _plan(name: str) -> _Plan:
    spec = SPEC[name]
    fields = _fields(spec)
    template = tuple(_PLACEHOLDER.split(spec.path))
    query = tuple(p.name for p in spec.parameters if p.location == "query")
    sources = frozenset(f"{p.location}:{p.name}" for p in spec.parameters)
    # The generated request sets this header for every operation that has a body model.
    headers = {"Content-Type": "application/json"} if spec.body_model is not None else {}
    return _Plan(spec, fields, spec.method.upper(), template, query, sources, headers, _shapes(spec))


def _shapes(spec: SpecOperation) -> dict[str, _Shape]:
    children: dict[str, list[Field]] = {}
    for field in spec.body_fields:
        if field.name not in {"[]", "*", "<key>"}:
            children.setdefault(field.path[: -len(field.name)].removesuffix("."), []).append(field)
    # Every table path at or above an object with known keys: below any other, values go as given.
    below = {""}
    for path in children:
        while path:
            below.add(path)
            path = path[:-2] if path.endswith("[]") else path.rpartition(".")[0]

    shapes = {}
    for path in below:
        group = sorted(children.get(path, ()), key=lambda f: not f.required)
        known = tuple(f.name for f in group)
        prefix = f"{path}." if path else ""
        deeper = {f.name: prefix + f.name for f in group if prefix + f.name in below}
        entries = f"{path}.*" if f"{path}.*" in below else None
        shapes[path] = _Shape(known, frozenset(known), deeper, entries)
    return shapes


def _ordered(plan: _Plan, value: Any, path: str) -> Any:
    """`value` (JSON-shaped, at table path `path`) with every object's keys as `to_dict` orders them:
    the keys its model does not know first (its `additional_properties`, or a map's entries, as
    given), then the known ones. A list is followed to its items."""
    if isinstance(value, list):
        path += "[]"
        return [_ordered(plan, item, path) for item in value] if path in plan.shapes else value
    shape = plan.shapes.get(path)
    if shape is None or not isinstance(value, dict):
        return value
    names, entries = shape.names, shape.entries
    out = {}
    if not value.keys() <= names:
        for key, item in value.items():
            if key not in names:
                out[key] = item if entries is None else _ordered(plan, item, entries)
    children = shape.children
    for key in shape.known:
        if key in value:
            item = value[key]
            child = children.get(key)
            out[key] = item if child is None else _ordered(plan, item, child)
    return out


# --- Building a call --------------------------------------------------------------------------


def build_call(name: str, arguments: Mapping[str, Any]) -> Call[Any]:
    """The request for operation `name` with `arguments` keyed by where they go; `None` = not sent.

    A call without a body is a pure function of its arguments, so one built (and checked) before
    is reused: the same arguments cannot fail the checks they passed. Each value's type is part of
    the key (`1`, `1.0` and `True` are equal, but not equally valid), and so is the spelling of any
    value but a string (`0.0` and `-0.0` are equal, but go into a query string differently); calls
    that fail are never kept, so bad arguments are checked, and refused, every time."""
    plan = _plan(name)
    if plan.spec.body_model is None:
        key = (name, *[_key(source, value) for source, value in arguments.items()])
        try:
            return _built(key)
        except TypeError:  # an unhashable argument (a list for a name): checked, and refused, below
            pass
    return _build(plan, name, arguments)


def _key(source: str, value: Any) -> tuple[Any, ...]:
    return (source, type(value), value) if type(value) is str else (source, type(value), value, repr(value))


@functools.lru_cache(maxsize=1024)
def _built(key: tuple[Any, ...]) -> Call[Any]:
    name, *items = key
    return _build(_plan(name), name, {source: value for source, _, value, *_spelling in items})


def _build(plan: _Plan, name: str, arguments: Mapping[str, Any]) -> Call[Any]:
    spec, fields = plan.spec, plan.fields
    path: dict[str, Any] = {}
    query: dict[str, Any] = {}
    headers: dict[str, Any] = {}
    body: dict[str, Any] = {}
    for source, value in arguments.items():
        if value is None:
            continue
        where, _, key = source.partition(":")
        if where in {"path", "query", "header"} and key:
            if source not in plan.sources:
                raise ClientValidationError(f"{name} has no {where} parameter {key!r}")
            (path if where == "path" else query if where == "query" else headers)[key] = value
        else:
            put(body, source, _json(fields, source, value))
    sends_body = spec.body_model is not None and (bool(body) or spec.body_required)
    if spec.body_model is not None and spec.method == "PATCH" and not body:
        settable = ", ".join(f.path for f in spec.body_fields if "[" not in f.path and not _has_children(fields, f))
        raise ClientValidationError(f"{name} changes nothing without at least one of: {settable}")
    # Path and query parameters against their spec rules, then the body: each rule once.
    parameters = {**path, **query} if query else path
    trusted = _vouched(name, arguments, body) if sends_body and _VOUCHED else None
    if trusted:
        schema.check_request(spec, parameters, body, trusted=trusted)
    else:
        schema.check_request(spec, parameters, body if sends_body else None)
    content = encode_body(_ordered(plan, body, ""), name) if sends_body else None
    request = Request(plan.method, _target(plan, path, query), _headers(plan, headers), content)
    resource = next(iter(path.values()), None) if path else body.get("name")
    named = resource if isinstance(resource, str) else None
    return Call(
        operation(name), request, named, arguments, body or None, spec.subject, bool(path) and named is not None
    )


def _target(plan: _Plan, path: Mapping[str, Any], query: Mapping[str, Any]) -> str:
    """The path with each parameter quoted whole (`/` and `?` included), as the generated
    `_get_kwargs` quotes it, then the query parameters in the spec's order."""
    template = plan.template
    try:
        if len(template) == 1:
            url = template[0]
        else:
            parts = list(template)
            for index in range(1, len(parts), 2):
                parts[index] = quote(str(path[parts[index]]), safe="")
            url = "".join(parts)
        if query:  # checked: `urlencode` spells each value (as the generated `_get_kwargs` did)
            params = {key: query[key] for key in plan.query if key in query}
            if params:  # list operations' `limit` / `paginationToken` (2025-04 on); 2024-07 has none
                url += "?" + urlencode(params)
    except UnicodeEncodeError:  # a lone surrogate in a parameter without a pattern that refuses it
        raise ClientValidationError(
            f"{plan.spec.python_name}: a path or query parameter contains text that is not valid Unicode "
            "(a lone surrogate, e.g. from decoding bytes with errors='surrogateescape'); fix or drop it"
        ) from None
    return url


def _headers(plan: _Plan, given: Mapping[str, Any]) -> Mapping[str, str]:
    if not given:
        return plan.headers
    return {**plan.headers, **{key: str(value) for key, value in given.items()}}


def _has_children(fields: dict[str, Field], field: Field) -> bool:
    return any(other.path.startswith(field.path + ".") for other in fields.values())


OPERATIONS: tuple[Operation[Any], ...] = tuple(operation(name) for name in SPEC)
