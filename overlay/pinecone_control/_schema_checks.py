"""Argument and request-body checks against the spec-derived tables (`pinecone_control_api._operations`).

Pure functions, no I/O. The `*_violation` functions return the first rule a value breaks (or None),
for the emulator, which answers 400 in its own words; the `check_*` functions raise
`ClientValidationError` with the message, for the client, before anything is sent.

A body is checked as the dict the client is about to serialise: known fields against their rules,
required fields present, `x-one-of-required` groups, closed objects (`additionalProperties: false`)
free of unknown keys. Unknown keys elsewhere are left to the server, as the spec allows them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from pinecone_control_api._operations import Field, Operation

from ._errors import ClientValidationError

# The ranges OpenAPI gives the integer formats.
INT_FORMAT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
_JSON_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "array": "a list",
    "object": "an object",
}


class Violation(NamedTuple):
    """The first rule a value breaks: where (`path` as sent, `field` as in the tables), which rule, and why."""

    path: str
    field: str
    rule: str
    message: str


def _shown(value: object) -> str:
    text = repr(value.value if isinstance(value, Enum) else value)
    return text if len(text) <= 60 else text[:57] + "..."


@lru_cache(maxsize=256)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(ecma_anchors(pattern))


def ecma_anchors(pattern: str) -> str:
    """JSON Schema patterns use ECMA-262 regexes, where `$` is the end of the input; Python's `$`
    also matches before a trailing newline (so "a" plus a newline would pass `^[a-z]$`). Unescaped `$`
    outside a character class becomes Python's end-of-input anchor, backslash-Z."""
    out, escaped, in_class = [], False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            out.append("\\Z")
            continue
        out.append(char)
    return "".join(out)


# A body value whose generated property is a plain scalar is sent as exactly that JSON type, as
# the generated `from_dict` insisted (it compares classes): a `str` or `int` subclass is refused
# there, an enum member is sent as its value before it gets here (`_calls.plain`).
_EXACT = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,)}


def _type_violation(field: Field, value: object, path: str) -> Violation | None:
    kind = field.type
    if not kind:
        return None
    exact = _EXACT.get(field.python_type) if field.location == "body" else None
    if exact is not None and value.__class__ not in exact:
        ok = False
    elif kind == "string":
        ok = isinstance(value, str)
    elif kind == "integer":
        # bool is an int subclass; True as a count is a bug, not 1.
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == "number":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if isinstance(value, float) and not math.isfinite(value):  # JSON has no NaN or infinity
            return Violation(path, field.path, "type", f"{path} must be a finite number, got {_shown(value)}")
    elif kind == "boolean":
        ok = isinstance(value, bool)
    elif kind == "array":
        ok = isinstance(value, Sequence) and not isinstance(value, str | bytes)
    elif kind == "object":
        ok = isinstance(value, Mapping)
    else:
        return None
    if ok:
        return None
    wanted = _JSON_TYPE_NAMES[kind]
    return Violation(path, field.path, "type", f"{path} must be {wanted}, got {type(value).__name__}")


def _bound_violation(field: Field, value: float, path: str) -> Violation | None:
    low, high = field.minimum, field.maximum
    if low is not None and (value <= low if field.exclusive_minimum else value < low):
        word = "greater than" if field.exclusive_minimum else "at least"
        return Violation(path, field.path, "minimum", f"{path} must be {word} {low}, got {value}")
    if high is not None and (value >= high if field.exclusive_maximum else value > high):
        word = "less than" if field.exclusive_maximum else "at most"
        return Violation(path, field.path, "maximum", f"{path} must be {word} {high}, got {value}")
    if field.type == "integer" and field.format in INT_FORMAT_RANGES:
        lowest, highest = INT_FORMAT_RANGES[field.format]
        if value < lowest:
            message = f"{path} must be at least {lowest} ({field.format}), got {value}"
            return Violation(path, field.path, "format", message)
        if value > highest:
            message = f"{path} must be at most {highest} ({field.format}), got {value}"
            return Violation(path, field.path, "format", message)
    return None


def _string_violation(field: Field, value: str, path: str) -> Violation | None:
    if field.min_length is not None and len(value) < field.min_length:
        message = f"{path} must be at least {field.min_length} characters long, got {len(value)}"
        return Violation(path, field.path, "min_length", message)
    if field.max_length is not None and len(value) > field.max_length:
        message = f"{path} must be at most {field.max_length} characters long, got {len(value)}"
        return Violation(path, field.path, "max_length", message)
    if field.pattern is not None and not _regex(field.pattern).search(value):
        message = f"{path} must match the pattern {field.pattern}, got {_shown(value)}"
        return Violation(path, field.path, "pattern", message)
    return None


def value_violation(field: Field, value: object, path: str | None = None) -> Violation | None:
    """The first rule of `field` that `value` breaks (nested fields are not visited; see `body_violation`)."""
    path = field.path if path is None else path
    if value is None:
        if field.nullable:
            return None
        return Violation(path, field.path, "null", f"{path} must not be None (leave it out instead)")
    found = _type_violation(field, value, path)
    if found is not None:
        return found
    if field.enum is not None:
        raw = value.value if isinstance(value, Enum) else value
        if raw not in field.enum:
            allowed = ", ".join(_shown(v) for v in field.enum)
            return Violation(path, field.path, "enum", f"{path} must be one of {allowed}, got {_shown(value)}")
    if isinstance(value, str):
        return _string_violation(field, value, path)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _bound_violation(field, value, path)
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        if field.min_items is not None and len(value) < field.min_items:
            message = f"{path} must have at least {field.min_items} items, got {len(value)}"
            return Violation(path, field.path, "min_items", message)
        if field.max_items is not None and len(value) > field.max_items:
            message = f"{path} must have at most {field.max_items} items, got {len(value)}"
            return Violation(path, field.path, "max_items", message)
    return None


def _segment_violation(field: Field, value: object) -> Violation | None:
    # URL knowledge, not the spec's: "", "." and ".." are not names but path steps, even quoted.
    if field.location == "path" and isinstance(value, str) and value in {"", ".", ".."}:
        message = f"{field.path} must name a resource, got {_shown(value)} (a path step)"
        return Violation(field.path, field.path, "path_segment", message)
    return None


def parameters_violation(operation: Operation, values: Mapping[str, object]) -> Violation | None:
    """Path/query/header parameters, keyed by python name or spec name; required ones must be present."""
    for field in operation.parameters:
        key = field.python_name if field.python_name in values else field.name
        if key not in values:
            if field.required:
                return Violation(field.path, field.path, "required", f"{field.path} is required")
            continue
        found = value_violation(field, values[key]) or _segment_violation(field, values[key])
        if found is not None:
            return found
    return None


class _Tables(NamedTuple):
    by_path: dict[str, Field]
    children: dict[str, tuple[Field, ...]]


_TABLES: dict[int, tuple[Operation, _Tables]] = {}


def _tables(operation: Operation) -> _Tables:
    cached = _TABLES.get(id(operation))
    if cached is not None and cached[0] is operation:
        return cached[1]
    by_path = {field.path: field for field in operation.body_fields}
    children: dict[str, list[Field]] = {}
    for field in operation.body_fields:
        parent = field.path[: -len(field.name)].removesuffix(".") if field.path.endswith(field.name) else ""
        children.setdefault(parent, []).append(field)
    tables = _Tables(by_path, {parent: tuple(fields) for parent, fields in children.items()})
    _TABLES[id(operation)] = (operation, tables)
    return tables


_PSEUDO_NAMES = frozenset({"*", "<key>", "[]"})


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _object_violation(
    tables: _Tables,
    value: Mapping[object, object],
    table_path: str,
    shown: str,
    owner: Field | None,
    trusted: frozenset[str] = frozenset(),
) -> Violation | None:
    for child in tables.children.get(table_path, ()):
        if child.required and child.name not in value and child.name not in {"*", "<key>", "[]"}:
            where = _join(shown, child.name)
            return Violation(where, child.path, "required", f"{where} is required")
    for key, item in value.items():
        if not isinstance(key, str):
            where = shown or "body"
            return Violation(where, table_path, "type", f"{where} keys must be strings, got {_shown(key)}")
        field = tables.by_path.get(_join(table_path, key))
        if field is not None and (field.name != key or key in _PSEUDO_NAMES):
            # A key with dots ("spec.pod.pod_type") is its own name, not a path into nested fields;
            # a map key "*" or "<key>" is a key like any other, not the table's name for map entries.
            field = None
        if field is not None:
            if trusted and field.path in trusted:
                continue
            found = _nested_violation(tables, field, item, _join(shown, key), trusted)
        elif f"{table_path}.*" in tables.by_path:
            key_field = tables.by_path.get(f"{table_path}.<key>")
            found = value_violation(key_field, key, f"{_join(shown, key)} (key)") if key_field else None
            found = found or _nested_violation(tables, tables.by_path[f"{table_path}.*"], item, _join(shown, key))
        elif owner is not None and owner.closed:
            where = _join(shown, key)
            known = ", ".join(child.name for child in tables.children.get(table_path, ()))
            found = Violation(where, table_path, "closed", f"{where} is not a field of {shown} (known: {known})")
        else:
            found = None
        if found is not None:
            return found
    if owner is not None and owner.one_of_required:
        satisfied = [group for group in owner.one_of_required if all(name in value for name in group)]
        if len(satisfied) != 1:
            rule = " | ".join(", ".join(group) for group in owner.one_of_required)
            given = ", ".join(sorted(str(k) for k in value)) or "none"
            message = f"{shown} must set exactly one of: {rule}; got {given}"
            return Violation(shown, owner.path, "one_of_required", message)
    return None


def _nested_violation(
    tables: _Tables, field: Field, value: object, shown: str, trusted: frozenset[str] = frozenset()
) -> Violation | None:
    found = value_violation(field, value, shown)
    if found is not None or value is None:
        return found
    if isinstance(value, Mapping):
        return _object_violation(tables, value, field.path, shown, field, trusted)
    items = tables.by_path.get(f"{field.path}[]")
    if items is not None and isinstance(value, Sequence) and not isinstance(value, str | bytes):
        for index, item in enumerate(value):
            found = _nested_violation(tables, items, item, f"{shown}[{index}]")
            if found is not None:
                return found
    return None


def body_violation(operation: Operation, body: object, trusted: frozenset[str] = frozenset()) -> Violation | None:
    """The first rule the request body breaks, nested fields included; None when it complies.
    `trusted`: fields (table paths) whose values passed their rules already, not visited again."""
    if body is None:
        if operation.body_required:
            return Violation("body", "", "required", f"{operation.python_name} needs a request body")
        return None
    if not isinstance(body, Mapping):
        return Violation("body", "", "type", f"the request body must be an object, got {type(body).__name__}")
    return _object_violation(_tables(operation), body, "", "", None, trusted)


def field_violation(operation: Operation, path: str, value: object) -> Violation | None:
    """The first rule `value` breaks as the body field at `path` (e.g. `spec`), nested fields included."""
    tables = _tables(operation)
    field = tables.by_path.get(path)
    if field is None:
        raise KeyError(f"{operation.python_name} has no body field {path!r}")
    return _nested_violation(tables, field, value, path)


def request_violation(
    operation: Operation, parameters: Mapping[str, object], body: object = None, trusted: frozenset[str] = frozenset()
) -> Violation | None:
    """Parameters first, then the body (`trusted`: see `body_violation`)."""
    return parameters_violation(operation, parameters) or (
        body_violation(operation, body, trusted) if operation.body_model is not None else None
    )


def _raise(found: Violation | None) -> None:
    if found is not None:
        raise ClientValidationError(found.message)


def check_value(field: Field, value: object, path: str | None = None) -> None:
    _raise(value_violation(field, value, path) or _segment_violation(field, value))


def check_body(operation: Operation, body: object) -> None:
    _raise(body_violation(operation, body))


def check_field(operation: Operation, path: str, value: object) -> None:
    _raise(field_violation(operation, path, value))


def check_request(
    operation: Operation, parameters: Mapping[str, object], body: object = None, trusted: frozenset[str] = frozenset()
) -> None:
    _raise(request_violation(operation, parameters, body, trusted))
