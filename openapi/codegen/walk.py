"""Visit every schema object of an OpenAPI 3.0 document, by structure (never by key name)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

JSON = dict[str, Any]
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def operations(doc: JSON) -> Iterator[tuple[str, str, JSON]]:
    """(path, method, operation) for every operation, in document order."""
    for path, item in (doc.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                yield path, method, op


def _content_schemas(holder: JSON) -> Iterator[JSON]:
    for media in (holder.get("content") or {}).values():
        if isinstance(media, dict) and isinstance(media.get("schema"), dict):
            yield media["schema"]


def root_schemas(doc: JSON) -> Iterator[JSON]:
    """Top-level schema objects: components, parameters, bodies and responses of every operation."""
    components = doc.get("components") or {}
    yield from (s for s in (components.get("schemas") or {}).values() if isinstance(s, dict))
    for param in (components.get("parameters") or {}).values():
        if isinstance(param, dict) and isinstance(param.get("schema"), dict):
            yield param["schema"]
    for holder in [*(components.get("requestBodies") or {}).values(), *(components.get("responses") or {}).values()]:
        if isinstance(holder, dict):
            yield from _content_schemas(holder)
    for path, _method, op in operations(doc):
        path_params = (doc["paths"][path].get("parameters") or []) if isinstance(doc["paths"][path], dict) else []
        for param in [*path_params, *(op.get("parameters") or [])]:
            if isinstance(param, dict) and isinstance(param.get("schema"), dict):
                yield param["schema"]
        body = op.get("requestBody")
        if isinstance(body, dict):
            yield from _content_schemas(body)
        for response in (op.get("responses") or {}).values():
            if isinstance(response, dict):
                yield from _content_schemas(response)


def subschemas(schema: JSON) -> Iterator[JSON]:
    """The schema objects directly nested in `schema`."""
    for prop in (schema.get("properties") or {}).values():
        if isinstance(prop, dict):
            yield prop
    for key in ("items", "additionalProperties", "not"):
        if isinstance(schema.get(key), dict):
            yield schema[key]
    for key in ("allOf", "anyOf", "oneOf"):
        yield from (s for s in (schema.get(key) or []) if isinstance(s, dict))


def each_schema(doc: JSON, visit: Callable[[JSON], None]) -> None:
    """Call `visit` once for every schema object in `doc` (depth first, parents before children)."""
    seen: set[int] = set()
    stack = list(root_schemas(doc))
    stack.reverse()
    while stack:
        schema = stack.pop()
        if id(schema) in seen:
            continue
        seen.add(id(schema))
        visit(schema)
        children = list(subschemas(schema))
        children.reverse()
        stack.extend(children)
