"""Render the collected metadata as the generated module `_operations.py`.

The module is data only (NamedTuples and string names; no model import), so importing it costs
about what defining its few classes costs. Every string is written with `repr`, so nothing from
the spec can become code.
"""

from __future__ import annotations

import re
from typing import Any

from .operation_metadata import FieldMeta, OperationMeta

HEADER = '''\
"""Spec-derived metadata of every operation. Written by openapi/codegen/generate.py; do not edit.

One source for the client (argument checks, retries, docstrings) and the emulator (validation).
Field paths: `spec.pod.replicas` (nested property), `inputs[]` (list items), `tags.*` (map values),
`tags.<key>` (map keys). Models are named by class in `pinecone_control_api.models`, endpoint
modules by dotted path, so importing this module imports neither.
"""

from typing import Literal, NamedTuple

Scalar = str | int | float | bool | None


class Field(NamedTuple):
    """A path/query/header parameter, or a request-body property (nested ones by dotted path)."""

    path: str
    name: str
    python_name: str
    python_type: str
    location: str
    required: bool
    description: str = ""
    type: str = ""
    format: str | None = None
    enum: tuple[Scalar, ...] | None = None
    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False
    min_items: int | None = None
    max_items: int | None = None
    nullable: bool = False
    closed: bool = False
    one_of_required: tuple[tuple[str, ...], ...] | None = None
    server_default: Scalar = None


class Response(NamedTuple):
    """A documented status; `model` is the body's class in `models`, None when there is no body."""

    status: int
    model: str | None
    description: str = ""


class Operation(NamedTuple):
    """One operation. `retry`: "safe" = resend after any failure; "unsafe" = only if it never left.
    `subject`: what it names, in words, for messages (`index` in "index 'movies' not found"): the
    kind its wait describes, else its last path parameter's; None for neither."""

    python_name: str
    operation_id: str
    module: str
    tag: str
    method: str
    path: str
    retry: Literal["safe", "unsafe"]
    summary: str
    description: str
    parameters: tuple[Field, ...]
    body_model: str | None
    body_required: bool
    body_description: str
    body_fields: tuple[Field, ...]
    responses: tuple[Response, ...]
    success: tuple[int, ...]
    errors: tuple[int, ...]
    docstring: str
    subject: str | None = None


'''

FOOTER = """
BY_NAME: dict[str, Operation] = {operation.python_name: operation for operation in OPERATIONS}
"""

_FIELD_HEAD = ("path", "name", "python_name", "python_type", "location", "required")
_FIELD_DEFAULTS: dict[str, Any] = {
    "description": "",
    "type": "",
    "exclusive_minimum": False,
    "exclusive_maximum": False,
    "nullable": False,
    "closed": False,
}


class _Code(str):
    """Source text built here (never from the spec), written as is; every other value goes through repr."""


def _call(name: str, items: list[tuple[str, Any]]) -> _Code:
    args = "".join(f"{key}={value if isinstance(value, _Code) else repr(value)}, " for key, value in items)
    return _Code(f"{name}({args})")


def _field(f: FieldMeta) -> _Code:
    items: list[tuple[str, Any]] = [(key, getattr(f, key)) for key in _FIELD_HEAD]
    if f.description:
        items.append(("description", f.description))
    for key, value in f.constraints.items():
        if value != _FIELD_DEFAULTS.get(key):
            items.append((key, value))
    return _call("Field", items)


def _tuple(parts: list[_Code]) -> _Code:
    return _Code("(" + "".join(f"{part}, " for part in parts) + ")")


def kind_of(parameter: str) -> str:
    """A path parameter's resource, in words: `index_name` -> "index", `restore_job_id` -> "restore job"."""
    return re.sub(r"_(name|id)$", "", parameter).replace("_", " ")


def subject_of(op: OperationMeta, ops: list[OperationMeta]) -> str | None:
    from .facade_module import wait_target  # the facade module imports this one's tables' shapes

    target = wait_target(op, ops)
    if target is not None:
        return target.kind
    path = [p for p in op.parameters if p.location == "path"]
    return kind_of(path[-1].name) if path else None


def _operation(op: OperationMeta, subject: str | None) -> _Code:
    responses = [
        _call("Response", [("status", r.status), ("model", r.model), ("description", r.description)])
        for r in op.responses
    ]
    items: list[tuple[str, Any]] = [
        ("python_name", op.python_name),
        ("operation_id", op.operation_id),
        ("module", op.module),
        ("tag", op.tag),
        ("method", op.method),
        ("path", op.path),
        ("retry", op.retry),
        ("summary", op.summary),
        ("description", op.description),
        ("parameters", _tuple([_field(p) for p in op.parameters])),
        ("body_model", op.body_model),
        ("body_required", op.body_required),
        ("body_description", op.body_description),
        ("body_fields", _tuple([_field(f) for f in op.body_fields])),
        ("responses", _tuple(responses)),
        ("success", tuple(op.success)),
        ("errors", tuple(r.status for r in op.responses if r.status not in op.success)),
        ("docstring", op.docstring),
        ("subject", subject),
    ]
    return _call("Operation", items)


def render(ops: list[OperationMeta]) -> str:
    body = "".join(f"    {_operation(op, subject_of(op, ops))},\n" for op in ops)
    return f"{HEADER}OPERATIONS: tuple[Operation, ...] = (\n{body})\n{FOOTER}"
