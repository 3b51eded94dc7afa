"""The spec-driven checks, written once: run on the pinned version (the real generated package)
and on every later pinned version (a scratch generation)."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from .expectations import (
    JSON,
    bad_values,
    body_properties,
    body_schema,
    keyword_mismatches,
    request_examples,
    resolve,
    to_json_schema,
    variants_of,
)

VERSION_HEADER = "x-pinecone-api-version"


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )


def _documented(op: JSON) -> dict[int, JSON]:
    return {int(code): r for code, r in (op.get("responses") or {}).items() if str(code).isdigit()}


def _has_body(doc: JSON, response: JSON) -> bool:
    response = resolve(doc, response) or {}
    return bool(((response.get("content") or {}).get("application/json") or {}).get("schema"))


def metadata_problems(
    published: JSON, normalised: JSON, table: Iterable[Any], model_names: set[str], modules: set[str]
) -> list[str]:
    """Every operation of the published spec against its metadata; returns what disagrees."""
    by_id = {op.operation_id: op for op in table}
    problems: list[str] = []
    for path, item in (normalised.get("paths") or {}).items():
        for method, op in item.items():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            meta = by_id.get(op["operationId"])
            if meta is None:
                problems.append(f"{op['operationId']}: no metadata")
                continue
            problems += _operation_problems(normalised, path, method, item, op, meta, model_names, modules)
    published_ids = {
        op["operationId"] for item in published["paths"].values() for op in item.values() if isinstance(op, dict)
    }
    if set(by_id) != published_ids:
        problems.append(f"metadata for {sorted(by_id)} but the spec has {sorted(published_ids)}")
    return problems


def _operation_problems(
    doc: JSON, path: str, method: str, item: JSON, op: JSON, meta: Any, model_names: set[str], modules: set[str]
) -> list[str]:
    name = op["operationId"]
    out = []
    if (meta.method, meta.path) != (method.upper(), path):
        out.append(f"{name}: {meta.method} {meta.path} != {method.upper()} {path}")
    if meta.module not in modules:
        out.append(f"{name}: module {meta.module} was not generated")
    documented = _documented(op)
    if set(meta.success) != {c for c in documented if 200 <= c < 300}:
        out.append(f"{name}: success {meta.success} != spec {sorted(documented)}")
    if set(meta.errors) != {c for c in documented if not 200 <= c < 300}:
        out.append(f"{name}: errors {meta.errors} != spec {sorted(documented)}")
    for response in meta.responses:
        if response.model is not None and response.model not in model_names:
            out.append(f"{name}: {response.status} model {response.model} is not a generated model")
        if (response.model is not None) != _has_body(doc, documented[response.status]):
            out.append(f"{name}: {response.status} body/model disagree ({response.model})")
    expected_retry = (
        "safe"
        if method in {"get", "head", "options", "put", "patch"}
        or (method == "post" and not {201, 202} & set(meta.success))
        else "unsafe"
    )
    if meta.retry != expected_retry:
        out.append(f"{name}: retry {meta.retry} != {expected_retry}")
    params = [resolve(doc, p) for p in [*(item.get("parameters") or []), *(op.get("parameters") or [])]]
    wanted = {(p["name"], p["in"]) for p in params if p["in"] != "cookie" and p["name"].lower() != VERSION_HEADER}
    if {(p.name, p.location) for p in meta.parameters} != wanted:
        out.append(f"{name}: parameters {[p.name for p in meta.parameters]} != spec {sorted(wanted)}")
    declared = {(p["name"], p["in"]): resolve(doc, p.get("schema") or {}) for p in params}
    for param in meta.parameters:
        out += [f"{name}: {m}" for m in keyword_mismatches(param, declared.get((param.name, param.location), {}))]
    schema = body_schema(doc, op)
    if (schema is None) != (meta.body_model is None):
        out.append(f"{name}: body model {meta.body_model} but spec body {schema is not None}")
    if meta.body_model is not None and meta.body_model not in model_names:
        out.append(f"{name}: body model {meta.body_model} is not a generated model")
    if schema is not None:
        out += _body_problems(doc, name, schema, meta)
    out += _docstring_problems(name, meta)
    return out


def _body_problems(doc: JSON, name: str, schema: JSON, meta: Any) -> list[str]:
    out = []
    fields = {f.path: f for f in meta.body_fields}
    expected = body_properties(doc, schema)
    missing = sorted(set(expected) - set(fields))
    if missing:
        out.append(f"{name}: body properties missing from the tables: {missing}")
    extra = sorted(p for p in set(fields) - set(expected) if not p.endswith(".<key>"))
    if extra:
        out.append(f"{name}: table paths the spec does not have: {extra}")
    for path, prop in expected.items():
        if path in fields:
            out += [f"{name}: {m}" for m in keyword_mismatches(fields[path], prop)]
    out += _union_problems(doc, name, expected, fields)
    required = set(schema.get("required") or [])
    for field in meta.body_fields:
        if "." not in field.path and "[" not in field.path and field.required != (field.name in required):
            out.append(f"{name}: {field.path} required={field.required}, spec says {field.name in required}")
    return out


def _union_problems(doc: JSON, name: str, expected: dict[str, JSON], fields: dict[str, Any]) -> list[str]:
    """A `oneOf`/`anyOf` property without a type of its own: the table gives it the type every
    branch states, and requires what every branch requires (any valid value is one branch's)."""
    out = []
    for path, prop in expected.items():
        for kind in ("oneOf", "anyOf"):
            branches = [resolve(doc, b) for b in prop.get(kind) or []]
            if not branches or "type" in prop or path not in fields:
                continue
            types = {b.get("type") for b in branches}
            if len(types) == 1 and isinstance(next(iter(types)), str) and fields[path].type != next(iter(types)):
                out.append(f"{name}: {path}: type {fields[path].type!r}, every branch says {next(iter(types))!r}")
            for key in set.intersection(*(set(b.get("required") or []) for b in branches)):
                child = fields.get(f"{path}.{key}")
                if child is None or not child.required:
                    out.append(f"{name}: {path}.{key} is required by every branch of {path}, not by the table")
    return out


def _docstring_problems(name: str, meta: Any) -> list[str]:
    out = []
    text = meta.docstring
    for param in meta.parameters:
        if f"    {param.python_name}: " not in text:
            out.append(f"{name}: docstring lacks parameter {param.python_name}")
    for field in meta.body_fields:
        if field.python_name and f"    {field.path}: " not in text:
            out.append(f"{name}: docstring lacks body field {field.path}")
    for status in (*meta.success, *meta.errors):
        if f"({status})" not in text and f"HTTP {status}:" not in text:
            out.append(f"{name}: docstring lacks status {status}")
    return out


Checker = Callable[[Any, object], Any]


def examples_accepted(doc: JSON, table: Iterable[Any], body_violation: Checker) -> int:
    """The published spec's own request examples pass; returns how many were checked."""
    by_id = {op.operation_id: op for op in table}
    checked = 0
    for item in doc["paths"].values():
        for op in item.values():
            if not isinstance(op, dict) or op.get("operationId") not in by_id:
                continue
            for example in request_examples(doc, op):
                found = body_violation(by_id[op["operationId"]], example)
                assert found is None, f"{op['operationId']} example {example!r}: {found}"
                checked += 1
    return checked


def property_examples_accepted(doc: JSON, table: Iterable[Any], value_violation: Checker) -> int:
    """Every body property's own `example` in the spec passes its field's rules; returns how many."""
    by_id = {op.operation_id: op for op in table}
    checked = 0
    for item in doc["paths"].values():
        for op in item.values():
            meta = by_id.get(op.get("operationId")) if isinstance(op, dict) else None
            schema = body_schema(doc, op) if meta is not None else None
            if meta is None or schema is None:
                continue
            fields = {f.path: f for f in meta.body_fields}
            for path, prop in body_properties(doc, schema).items():
                if "example" in prop and path in fields:
                    found = value_violation(fields[path], prop["example"])
                    assert found is None, f"{meta.python_name} {path} example {prop['example']!r}: {found}"
                    checked += 1
    return checked


_TOKENS = re.compile(r"\[\]|[^.\[\]]+")


def inject(body: Any, table_path: str, value: Any) -> str | None:
    """Put `value` at a table path of `body` (first item, first map entry); None if it has no such place."""
    tokens = _TOKENS.findall(table_path)
    node, shown = body, ""
    for token in tokens[:-1]:
        if token == "[]":
            if not (isinstance(node, list) and node):
                return None
            node, shown = node[0], f"{shown}[0]"
        elif token == "*":
            if not (isinstance(node, dict) and node):
                return None
            key = next(iter(node))
            node, shown = node[key], f"{shown}.{key}"
        else:
            if not (isinstance(node, dict) and token in node):
                return None
            node, shown = node[token], f"{shown}.{token}" if shown else token
    last = tokens[-1]
    if last == "[]":
        if not (isinstance(node, list) and node):
            return None
        node[0] = value
        return f"{shown}[0]"
    if not isinstance(node, dict):
        return None
    if last == "*":
        if not node:
            return None
        key = next(iter(node))
        node[key] = value
        return f"{shown}.{key}"
    if last == "<key>":
        if not node or not isinstance(value, str):
            return None
        node[value] = next(iter(node.values()))
        return f"{shown}.{value} (key)"
    if last not in node:
        return None
    node[last] = value
    return f"{shown}.{last}" if shown else last


def ends_in_newline(value: Any) -> bool:
    """hypothesis-jsonschema reads `pattern` with Python's `re`, whose `$` also matches before a
    final newline; JSON Schema's (ECMA-262) does not, so such strings are not valid data."""
    if isinstance(value, str):
        return value.endswith("\n")
    if isinstance(value, dict):
        return any(ends_in_newline(k) or ends_in_newline(v) for k, v in value.items())
    if isinstance(value, list):
        return any(ends_in_newline(v) for v in value)
    return False


def valid_bodies_accepted(doc: JSON, op: JSON, meta: Any, body_violation: Checker, examples: int = 12) -> None:
    """Bodies hypothesis-jsonschema draws from the operation's schema all pass."""

    @fuzz(examples)
    @given(from_schema(to_json_schema(doc, body_schema(doc, op))))
    def check(body: Any) -> None:
        assume(not ends_in_newline(body))
        assert body_violation(meta, body) is None, body

    check()


def bad_values_rejected(doc: JSON, op: JSON, meta: Any, body_violation: Checker, examples: int = 12) -> set[str]:
    """From maximal valid bodies (every path present), one stated rule broken at a time: each
    is refused, naming the path and the rule. Returns the table paths exercised."""
    schema = body_schema(doc, op)
    assert schema is not None
    exercised: set[str] = set()
    for variant in range(variants_of(doc, schema)):
        maximal = to_json_schema(doc, schema, variant=variant)

        @fuzz(examples)
        @given(base=from_schema(maximal), data=st.data())
        def check(base: Any, data: st.DataObject) -> None:
            assume(not ends_in_newline(base))
            assert body_violation(meta, base) is None, base
            for field in meta.body_fields:
                for strategy, rules in bad_values(field):
                    body = copy.deepcopy(base)
                    bad = data.draw(strategy, label=field.path)
                    shown = inject(body, field.path, bad)
                    if shown is None:
                        continue
                    found = body_violation(meta, body)
                    assert found is not None, f"{field.path} = {bad!r} accepted"
                    assert found.field == field.path and found.rule in rules, (field.path, bad, found)
                    assert found.path == shown or field.path.endswith("<key>"), (shown, found)
                    exercised.add(field.path)

        check()
    return exercised


def constrained(field: Any) -> bool:
    return any(getattr(field, a) is not None for a in ("enum", "pattern", "min_length", "max_length", "minimum"))
