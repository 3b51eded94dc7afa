"""Render the spec's component schemas as the generated module `_schemas.py`.

The emulator builds every answer from the response schema of the version it is generated for (the
installed package has no spec files). Only what shapes a value is kept: types, properties, required,
defaults, examples, enums, formats and bounds, and references (`$ref` by schema name); prose is
dropped. Data only, written with `repr`, so nothing from the spec can become code.
"""

from __future__ import annotations

from typing import Any

from .walk import JSON

HEADER = '''\
"""The spec's component schemas, as data. Written by openapi/codegen/generate.py; do not edit.

`$ref` values name another entry of SCHEMAS. Prose is left out; see the spec for descriptions.
"""

from typing import Any

'''

# The keywords that decide what a valid value looks like (and the examples and defaults to fill with).
_KEPT = {
    "type",
    "format",
    "properties",
    "required",
    "items",
    "additionalProperties",
    "enum",
    "x-enum",
    "default",
    "x-server-default",
    "example",
    "nullable",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "pattern",
    "oneOf",
    "anyOf",
    "allOf",
    "x-one-of-required",
}
_REF_PREFIX = "#/components/schemas/"


def _slim(node: Any) -> Any:
    if isinstance(node, list):
        return [_slim(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return {"$ref": str(node["$ref"]).removeprefix(_REF_PREFIX)}
    slim: dict[str, Any] = {}
    for key, value in node.items():
        if key not in _KEPT:
            continue
        if key == "properties":
            slim[key] = {name: _slim(child) for name, child in value.items()}
        elif key in ("example", "default", "x-server-default", "enum", "x-enum", "required", "x-one-of-required"):
            slim[key] = value
        else:
            slim[key] = _slim(value)
    return slim


def render(spec: JSON) -> str:
    schemas = (spec.get("components") or {}).get("schemas") or {}
    table = {name: _slim(schema) for name, schema in sorted(schemas.items())}
    return f"{HEADER}SCHEMAS: dict[str, Any] = {table!r}\n"
