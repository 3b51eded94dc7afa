"""What the metadata and the checks must say, computed from a spec (never from a hand list).

Shared by the pinned version's tests and the later versions' scratch generations. The walker here
is written independently of openapi/codegen/operation_metadata.py, so the two can disagree.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Iterator
from typing import Any

from codegen.walk import operations
from hypothesis import strategies as st

JSON = dict[str, Any]
INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
COMPOSITIONS = ("allOf", "oneOf", "anyOf")
# Table attribute -> schema keyword.
KEYWORDS = {
    "format": "format",
    "enum": "enum",
    "pattern": "pattern",
    "min_length": "minLength",
    "max_length": "maxLength",
    "minimum": "minimum",
    "maximum": "maximum",
    "min_items": "minItems",
    "max_items": "maxItems",
}


def resolve(doc: JSON, node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = doc
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = target
    return node


def body_schema(doc: JSON, op: JSON) -> JSON | None:
    body = resolve(doc, op.get("requestBody"))
    if not isinstance(body, dict):
        return None
    schema = resolve(doc, ((body.get("content") or {}).get("application/json") or {}).get("schema"))
    return schema if isinstance(schema, dict) else None


def _branches(doc: JSON, schema: JSON) -> Iterator[JSON]:
    yield schema
    for kind in COMPOSITIONS:
        for branch in schema.get(kind) or []:
            yield from _branches(doc, resolve(doc, branch))


def body_properties(doc: JSON, schema: JSON, prefix: str = "", seen: frozenset[int] = frozenset()) -> dict[str, JSON]:
    """Every property path a body can carry: nested objects, list items (`[]`), map values (`.*`)."""
    out: dict[str, JSON] = {}
    if id(schema) in seen:
        return out
    seen = seen | {id(schema)}
    for branch in _branches(doc, schema):
        for name, child in (branch.get("properties") or {}).items():
            path = f"{prefix}{name}"
            child = resolve(doc, child)
            out.setdefault(path, child)
            out.update({k: v for k, v in _inside(doc, child, path, seen).items() if k not in out})
    values = resolve(doc, schema.get("additionalProperties"))
    if isinstance(values, dict):
        path = f"{prefix.removesuffix('.')}.*"
        out.setdefault(path, values)
        out.update({k: v for k, v in _inside(doc, values, path, seen).items() if k not in out})
    return out


def _inside(doc: JSON, schema: JSON, path: str, seen: frozenset[int]) -> dict[str, JSON]:
    items = resolve(doc, schema.get("items"))
    if isinstance(items, dict):
        return {f"{path}[]": items, **_inside(doc, items, f"{path}[]", seen)}
    return body_properties(doc, schema, f"{path}.", seen)


def keyword_mismatches(field: Any, schema: JSON) -> list[str]:
    """Keywords the spec states that the table does not carry (or carries differently)."""
    wrong = []
    for attribute, keyword in KEYWORDS.items():
        if keyword not in schema:
            continue
        stated = schema[keyword]
        stated = tuple(stated) if isinstance(stated, list) else stated
        if getattr(field, attribute) != stated:
            wrong.append(f"{field.path}: {keyword} {stated!r} != table {getattr(field, attribute)!r}")
    if schema.get("type") and field.type != schema["type"]:
        wrong.append(f"{field.path}: type {schema['type']!r} != table {field.type!r}")
    return wrong


def request_examples(doc: JSON, op: JSON) -> list[Any]:
    """The spec's own request-body examples (media `example`, `examples`, the schema's `example`)."""
    body = resolve(doc, op.get("requestBody"))
    media = ((body or {}).get("content") or {}).get("application/json") or {}
    found = [media["example"]] if "example" in media else []
    found += [resolve(doc, e).get("value") for e in (media.get("examples") or {}).values()]
    schema = resolve(doc, media.get("schema"))
    if isinstance(schema, dict) and "example" in schema:
        found.append(schema["example"])
    return [copy.deepcopy(f) for f in found if f is not None]


def to_json_schema(doc: JSON, schema: Any, *, variant: int | None = None) -> Any:
    """The OpenAPI schema as plain JSON Schema, with the extensions the tables read made standard.

    Integer formats become bounds (the API refuses what does not fit). With `variant`, the schema is
    "maximal": every property required (lists and maps non-empty), and of each exactly-one choice
    only the `variant`-th (modulo) kept, so every nested path of that branch is present.
    """
    schema = resolve(doc, schema)
    if isinstance(schema, list):
        return [to_json_schema(doc, s, variant=variant) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out: JSON = {}
    for key, value in schema.items():
        if key.startswith("x-") or key in {"example", "description", "discriminator", "nullable", "format"}:
            continue
        if key in {"properties"}:
            out[key] = {k: to_json_schema(doc, v, variant=variant) for k, v in value.items()}
        elif key in {"items", "additionalProperties", "not", *COMPOSITIONS}:
            out[key] = to_json_schema(doc, value, variant=variant)
        else:
            out[key] = value
    if schema.get("type") == "integer" and schema.get("format") in INT_RANGES:
        low, high = INT_RANGES[schema["format"]]
        out["minimum"] = max(out.get("minimum", low), low)
        out["maximum"] = min(out.get("maximum", high), high)
    if schema.get("nullable") and isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    if isinstance(schema.get("x-property-names"), dict):
        out["propertyNames"] = to_json_schema(doc, schema["x-property-names"])
    groups = schema.get("x-one-of-required")
    if variant is None:
        if isinstance(groups, list):
            out["oneOf"] = [{"required": list(group)} for group in groups]
        return out
    if isinstance(groups, list):
        keep = set(groups[variant % len(groups)])
        dropped = {name for group in groups for name in group} - keep
        out["properties"] = {k: v for k, v in out.get("properties", {}).items() if k not in dropped}
    if isinstance(out.get("oneOf"), list) and out["oneOf"]:
        chosen = out.pop("oneOf")[variant % len(schema["oneOf"])]
        out = {**out, **chosen, "properties": {**out.get("properties", {}), **chosen.get("properties", {})}}
    out.pop("anyOf", None)
    if isinstance(out.get("properties"), dict) and out["properties"]:
        out["required"] = sorted(out["properties"])
    if out.get("type") == "array":
        out["minItems"] = max(out.get("minItems", 0), 1)
    if isinstance(out.get("additionalProperties"), dict):
        out["minProperties"] = max(out.get("minProperties", 0), 1)
    return out


def variants_of(doc: JSON, schema: JSON) -> int:
    """How many maximal variants cover every branch of every exactly-one choice (in every combination
    of two nested choices: the least common multiple of their widths)."""
    widths = {1}
    seen: set[int] = set()

    def visit(node: Any) -> None:
        node = resolve(doc, node)
        if not isinstance(node, dict) or id(node) in seen:
            return
        seen.add(id(node))
        widths.update({len(node.get("x-one-of-required") or []) or 1, len(node.get("oneOf") or []) or 1})
        for child in (node.get("properties") or {}).values():
            visit(child)
        for key in ("items", "additionalProperties"):
            visit(node.get(key))
        for kind in COMPOSITIONS:
            for branch in node.get(kind) or []:
                visit(branch)

    visit(schema)
    return math.lcm(*widths)


def bad_values(field: Any) -> list[tuple[st.SearchStrategy[Any], set[str]]]:
    """Values that break one stated rule of `field`, with the rules a checker may name for them."""
    out: list[tuple[st.SearchStrategy[Any], set[str]]] = []
    wrong_type = {"string": st.integers(), "integer": st.text(max_size=3) | st.floats(), "number": st.text(max_size=3)}
    wrong_type |= {"boolean": st.just("true"), "array": st.just(7), "object": st.just("x")}
    if field.type in wrong_type:
        out.append((wrong_type[field.type], {"type"}))
    if not field.nullable:
        out.append((st.none(), {"null"}))
    if field.enum is not None:
        out.append((st.text(max_size=20).filter(lambda v: v not in field.enum), {"enum"}))
    if field.type == "integer":
        ranged = INT_RANGES.get(field.format or "")
        if field.minimum is not None:
            out.append((st.integers(max_value=int(field.minimum) - (0 if field.exclusive_minimum else 1)), {"minimum"}))
        if field.maximum is not None:
            out.append((st.integers(min_value=int(field.maximum) + (0 if field.exclusive_maximum else 1)), {"maximum"}))
        if ranged is not None:
            out.append((st.integers(min_value=ranged[1] + 1), {"maximum", "format"}))
            out.append((st.integers(max_value=ranged[0] - 1), {"minimum", "format"}))
    if field.type == "string" and field.enum is None:
        low = field.min_length or 0
        if field.max_length is not None:
            out.append((st.text(min_size=field.max_length + 1, max_size=field.max_length + 30), {"max_length"}))
        if low > 0:
            out.append((st.text(max_size=low - 1), {"min_length"}))
        if field.pattern is not None:
            rule = re.compile(field.pattern)
            top = field.max_length if field.max_length is not None else 60
            strings = st.text(min_size=low, max_size=top) | st.sampled_from(["-a", "a-", "A", "a_b", "..", "é"])
            sized = strings.filter(lambda v: low <= len(v) <= top and not rule.search(v))
            out.append((sized, {"pattern"}))
    return out


def every_operation(doc: JSON) -> list[tuple[str, str, JSON]]:
    return list(operations(doc))
