"""A direction-aware diff of two OpenAPI 3.0 documents.

Why hand-written: oasdiff is a Go binary (not installable here), @pb33f/openapi-changes downloads a
Go binary on npm install, Optic's CLI is no longer maintained upstream and carries telemetry, and
the Python candidates are stale or single releases. What is needed is small and exact: compare
operations and component schemas, follow `$ref`s, and classify each change by the direction data
flows (a narrower request or a wider response breaks clients).

Each change is reported once: operations report their parameters, status codes, bodies and
inline schemas; a `$ref` to a component schema present on both sides is compared in the schema
section, classified by every direction the component is used in.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any, Literal

from .walk import JSON, operations

# behaviour: the same call now does something else (a request field's server default changed).
Severity = Literal["breaking", "behaviour", "non-breaking", "documentation"]
Direction = Literal["request", "response"]
SEVERITY_ORDER: dict[str, int] = {"breaking": 0, "behaviour": 1, "non-breaking": 2, "documentation": 3}
_DOC_KEYS = frozenset({"description", "summary", "example", "examples", "externalDocs", "x-title", "title"})
# Limits where a larger value widens the accepted range, and where a smaller one does.
_UPPER_LIMITS = ("maximum", "maxLength", "maxItems", "maxProperties")
_LOWER_LIMITS = ("minimum", "minLength", "minItems", "minProperties")


@dataclass(frozen=True)
class Change:
    severity: Severity
    kind: str  # e.g. "operation-removed", "enum-value-added"
    where: str  # "GET /indexes/{index_name}" or "schema IndexModel"
    path: str  # where inside: "response 200 body .status.state"
    detail: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def _ref_name(schema: Any) -> str | None:
    if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    return None


def _worse(direction: Direction, request_severity: Severity, response_severity: Severity) -> Severity:
    return request_severity if direction == "request" else response_severity


class _Differ:
    def __init__(self, old: JSON, new: JSON) -> None:
        self.old, self.new = old, new
        self.old_schemas: dict[str, JSON] = (old.get("components") or {}).get("schemas") or {}
        self.new_schemas: dict[str, JSON] = (new.get("components") or {}).get("schemas") or {}
        self.changes: list[Change] = []

    def add(self, severity: Severity, kind: str, where: str, path: str, detail: str) -> None:
        self.changes.append(Change(severity, kind, where, path.strip(), detail))

    # -- operations -----------------------------------------------------------------------------

    def run(self) -> list[Change]:
        old_ops = {(m.upper(), p): op for p, m, op in operations(self.old)}
        new_ops = {(m.upper(), p): op for p, m, op in operations(self.new)}
        for key in sorted(old_ops.keys() - new_ops.keys(), key=_op_sort):
            self.add("breaking", "operation-removed", _op_label(key), "", f"{old_ops[key].get('operationId')} removed")
        for key in sorted(new_ops.keys() - old_ops.keys(), key=_op_sort):
            self.add("non-breaking", "operation-added", _op_label(key), "", f"{new_ops[key].get('operationId')} added")
        for key in sorted(old_ops.keys() & new_ops.keys(), key=_op_sort):
            self.operation(_op_label(key), old_ops[key], new_ops[key])
        self.components()
        return self.changes

    def operation(self, where: str, old: JSON, new: JSON) -> None:
        if old.get("operationId") != new.get("operationId"):
            renamed = f"operationId {old.get('operationId')!r} -> {new.get('operationId')!r}"
            self.add("breaking", "operation-id-changed", where, "", f"{renamed} (generated function renamed)")
        if old.get("deprecated") != new.get("deprecated"):
            self.add("documentation", "deprecation-changed", where, "", f"deprecated: {new.get('deprecated', False)}")
        for key in ("summary", "description", "tags"):
            if old.get(key) != new.get(key):
                self.add("documentation", f"{key}-changed", where, "", f"{key} changed")
        self.parameters(where, old, new)
        self.request_body(where, old.get("requestBody"), new.get("requestBody"))
        self.responses(where, old.get("responses") or {}, new.get("responses") or {})

    def parameters(self, where: str, old: JSON, new: JSON) -> None:
        def index(op: JSON, doc: JSON) -> dict[tuple[str, str], JSON]:
            params = {}
            for param in op.get("parameters") or []:
                param = _resolve_parameter(doc, param)
                params[(str(param.get("in")), str(param.get("name")))] = param
            return params

        old_params, new_params = index(old, self.old), index(new, self.new)
        for key in sorted(old_params.keys() - new_params.keys()):
            self.add("breaking", "parameter-removed", where, f"{key[0]} parameter {key[1]}", "parameter removed")
        for key in sorted(new_params.keys() - old_params.keys()):
            required = bool(new_params[key].get("required"))
            added = f"{'required' if required else 'optional'} parameter added"
            self.add(
                "breaking" if required else "non-breaking",
                "parameter-added",
                where,
                f"{key[0]} parameter {key[1]}",
                added,
            )
        for key in sorted(old_params.keys() & new_params.keys()):
            was, now = bool(old_params[key].get("required")), bool(new_params[key].get("required"))
            label = f"{key[0]} parameter {key[1]}"
            if was != now:
                self.add(
                    "breaking" if now else "non-breaking",
                    "parameter-required-changed",
                    where,
                    label,
                    f"{'optional -> required' if now else 'required -> optional'}",
                )
            if old_params[key].get("description") != new_params[key].get("description"):
                self.add("documentation", "description-changed", where, label, "description changed")
            self.schema(where, label, old_params[key].get("schema"), new_params[key].get("schema"), "request")

    def request_body(self, where: str, old: JSON | None, new: JSON | None) -> None:
        if old is None and new is None:
            return
        if old is None or new is None:
            required = bool((new or {}).get("required"))
            if new is None:
                self.add("breaking", "request-body-removed", where, "request body", "request body removed")
            else:
                self.add(
                    "breaking" if required else "non-breaking",
                    "request-body-added",
                    where,
                    "request body",
                    f"{'required' if required else 'optional'} request body added",
                )
            return
        was, now = bool(old.get("required")), bool(new.get("required"))
        if was != now:
            self.add(
                "breaking" if now else "non-breaking",
                "request-body-required-changed",
                where,
                "request body",
                "optional -> required" if now else "required -> optional",
            )
        self.content(where, "request body", old.get("content") or {}, new.get("content") or {}, "request")

    def responses(self, where: str, old: JSON, new: JSON) -> None:
        for code in sorted(set(old) - set(new)):
            success = str(code).startswith("2")
            self.add(
                "breaking" if success else "non-breaking",
                "status-removed",
                where,
                f"response {code}",
                f"status {code} no longer documented",
            )
        for code in sorted(set(new) - set(old)):
            success = str(code).startswith("2")
            self.add(
                "breaking" if success else "non-breaking",
                "status-added",
                where,
                f"response {code}",
                f"status {code} documented" + (" (a new success status)" if success else ""),
            )
        for code in sorted(set(old) & set(new)):
            o, n = old[code] or {}, new[code] or {}
            if o.get("description") != n.get("description"):
                self.add("documentation", "description-changed", where, f"response {code}", "description changed")
            self.content(where, f"response {code} body", o.get("content") or {}, n.get("content") or {}, "response")

    def content(self, where: str, label: str, old: JSON, new: JSON, direction: Direction) -> None:
        for media in sorted(set(old) - set(new)):
            self.add("breaking", "media-type-removed", where, label, f"{media} removed")
        for media in sorted(set(new) - set(old)):
            # A body documented where there was none breaks no one; a second format may surprise readers.
            severity: Severity = "non-breaking" if not old else _worse(direction, "non-breaking", "breaking")
            self.add(severity, "media-type-added", where, label, f"{media} added")
        for media in sorted(set(old) & set(new)):
            o, n = old[media] or {}, new[media] or {}
            if o.get("example") != n.get("example") or o.get("examples") != n.get("examples"):
                self.add("documentation", "examples-changed", where, label, "examples changed")
            self.schema(where, label, o.get("schema"), n.get("schema"), direction)

    # -- schemas --------------------------------------------------------------------------------

    def schema(self, where: str, path: str, old: Any, new: Any, direction: Direction, depth: int = 0) -> None:
        """Compare two schemas seen in `direction`; a shared component is left to `components`."""
        if old is None and new is None:
            return
        old_ref, new_ref = _ref_name(old), _ref_name(new)
        if old_ref and new_ref and old_ref == new_ref and old_ref in self.new_schemas:
            return  # compared once, in the schema section
        if old_ref and new_ref and old_ref != new_ref and self._same_shape(old_ref, new_ref):
            self.add("documentation", "schema-renamed", where, path, f"schema {old_ref} -> {new_ref}")
            return
        old_s = self._deref(old, self.old_schemas) if old is not None else None
        new_s = self._deref(new, self.new_schemas) if new is not None else None
        if old_s is None or new_s is None or depth > 40:
            if (old_s is None) != (new_s is None):
                self.add("breaking", "schema-changed", where, path, "schema added or removed")
            return
        self.compare(where, path, old_s, new_s, direction, depth)

    def _same_shape(self, old_name: str, new_name: str) -> bool:
        strip = _without_docs
        return bool(strip(self.old_schemas.get(old_name)) == strip(self.new_schemas.get(new_name)))

    def _deref(self, schema: Any, schemas: dict[str, JSON]) -> JSON | None:
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema and seen < 20:
            schema = schemas.get(_ref_name(schema) or "")
            seen += 1
        return schema if isinstance(schema, dict) else None

    def compare(self, where: str, path: str, old: JSON, new: JSON, direction: Direction, depth: int) -> None:
        for key in ("type", "format"):
            if old.get(key) != new.get(key):
                self.add("breaking", f"{key}-changed", where, path, f"{key} {old.get(key)!r} -> {new.get(key)!r}")
        for key in sorted(_DOC_KEYS - {"example", "examples"}):
            if old.get(key) != new.get(key):
                self.add("documentation", f"{key}-changed", where, path, f"{key} changed")
        if old.get("example") != new.get("example"):
            self.add("documentation", "example-changed", where, path, "example changed")
        self.enum(where, path, old.get("enum"), new.get("enum"), direction)
        self.limits(where, path, old, new, direction)
        if old.get("default") != new.get("default"):
            # Changing or dropping what the server assumes for an omitted request field changes
            # what an unchanged call does (metric: cosine -> none in 2025-01); documenting a
            # default not written down before, or a default in a response, does not.
            changed = "default" in old and direction == "request"
            self.add(
                "behaviour" if changed else "documentation",
                "default-changed",
                where,
                path,
                f"default {old.get('default')!r} -> {new.get('default')!r}",
            )
        if bool(old.get("nullable")) != bool(new.get("nullable")):
            widened = bool(new.get("nullable"))
            self.add(_widening(direction, widened), "nullable-changed", where, path, f"nullable -> {widened}")
        self.properties(where, path, old, new, direction, depth)
        if "items" in old or "items" in new:
            self.schema(where, f"{path}[]", old.get("items"), new.get("items"), direction, depth + 1)
        self.additional(where, path, old.get("additionalProperties"), new.get("additionalProperties"), direction, depth)
        for key in ("oneOf", "anyOf", "allOf"):
            self.composition(where, path, key, old.get(key) or [], new.get(key) or [], direction, depth)

    def enum(self, where: str, path: str, old: Any, new: Any, direction: Direction) -> None:
        if old == new:
            return
        old_values, new_values = list(old or []), list(new or [])
        if not old_values or not new_values:
            widened = not new_values
            self.add(
                _widening(direction, widened),
                "enum-changed",
                where,
                path,
                "enum removed (any value)" if widened else f"now restricted to {new_values}",
            )
            return
        for value in [v for v in new_values if v not in old_values]:
            detail = f"enum value {value!r} added"
            if direction == "response":
                detail += " (breaks strict clients; this project's enums tolerate unknown values)"
            self.add(_widening(direction, True), "enum-value-added", where, path, detail)
        for value in [v for v in old_values if v not in new_values]:
            self.add(_widening(direction, False), "enum-value-removed", where, path, f"enum value {value!r} removed")

    def limits(self, where: str, path: str, old: JSON, new: JSON, direction: Direction) -> None:
        for key in (*_UPPER_LIMITS, *_LOWER_LIMITS, "pattern", "multipleOf", "exclusiveMinimum", "exclusiveMaximum"):
            before, after = old.get(key), new.get(key)
            if before == after:
                continue
            if key in _UPPER_LIMITS:
                widened = after is None or (before is not None and after > before)
            elif key in _LOWER_LIMITS:
                widened = after is None or (before is not None and after < before)
            else:
                widened = after is None
            self.add(_widening(direction, widened), "limit-changed", where, path, f"{key} {before!r} -> {after!r}")

    def properties(self, where: str, path: str, old: JSON, new: JSON, direction: Direction, depth: int) -> None:
        old_props, new_props = old.get("properties") or {}, new.get("properties") or {}
        old_req, new_req = set(old.get("required") or []), set(new.get("required") or [])
        for name in sorted(set(old_props) - set(new_props)):
            self.add("breaking", "property-removed", where, f"{path}.{name}", "property removed")
        for name in sorted(set(new_props) - set(old_props)):
            required = name in new_req
            severity: Severity = "breaking" if (direction == "request" and required) else "non-breaking"
            self.add(
                severity,
                "property-added",
                where,
                f"{path}.{name}",
                f"{'required' if required else 'optional'} property added",
            )
        for name in sorted(set(old_props) & set(new_props)):
            was, now = name in old_req, name in new_req
            if was != now:
                # A request gaining a required field, or a response losing a guaranteed one, breaks.
                breaks = now if direction == "request" else was
                self.add(
                    "breaking" if breaks else "non-breaking",
                    "property-required-changed",
                    where,
                    f"{path}.{name}",
                    "optional -> required" if now else "required -> optional",
                )
            self.schema(where, f"{path}.{name}", old_props[name], new_props[name], direction, depth + 1)

    def additional(self, where: str, path: str, old: Any, new: Any, direction: Direction, depth: int) -> None:
        if isinstance(old, dict) and isinstance(new, dict):
            self.schema(where, f"{path}{{*}}", old, new, direction, depth + 1)
            return
        if old == new:
            return
        was_open, now_open = old is not False, new is not False
        if was_open != now_open:
            self.add(
                _widening(direction, now_open),
                "additional-properties-changed",
                where,
                path,
                f"additionalProperties {old!r} -> {new!r}",
            )

    def composition(
        self, where: str, path: str, key: str, old: list[Any], new: list[Any], direction: Direction, depth: int
    ) -> None:
        old_keys, new_keys = [_branch_key(b) for b in old], [_branch_key(b) for b in new]
        for i in range(len(new)):
            if new_keys[i] not in old_keys:
                self.add(
                    _widening(direction, key != "allOf"),
                    f"{key}-branch-added",
                    where,
                    path,
                    f"{key} branch {new_keys[i]} added",
                )
        for i, branch in enumerate(old):
            if old_keys[i] not in new_keys:
                self.add(
                    _widening(direction, key == "allOf"),
                    f"{key}-branch-removed",
                    where,
                    path,
                    f"{key} branch {old_keys[i]} removed",
                )
            else:
                self.schema(
                    where,
                    f"{path}<{key} {old_keys[i]}>",
                    branch,
                    new[new_keys.index(old_keys[i])],
                    direction,
                    depth + 1,
                )

    # -- component schemas ----------------------------------------------------------------------

    def components(self) -> None:
        usage = {name: _directions(self.new, name) | _directions(self.old, name) for name in self.new_schemas}
        for name in sorted(set(self.old_schemas) - set(self.new_schemas)):
            self.add("documentation", "schema-removed", f"schema {name}", "", "component schema removed")
        for name in sorted(set(self.new_schemas) - set(self.old_schemas)):
            self.add("documentation", "schema-added", f"schema {name}", "", "component schema added")
        for name in sorted(set(self.old_schemas) & set(self.new_schemas)):
            directions = sorted(usage.get(name) or {"request", "response"})
            found: dict[tuple[str, str, str], list[Change]] = {}
            for direction in directions:
                before = len(self.changes)
                self.compare(f"schema {name}", "", self.old_schemas[name], self.new_schemas[name], direction, 0)  # type: ignore[arg-type]
                for change in self.changes[before:]:
                    # The same change seen from both directions: merge, keep the worse reading.
                    base_detail = change.detail.split(" (", 1)[0]
                    found.setdefault((change.kind, change.path, base_detail), []).append(change)
                del self.changes[before:]
            for variants in found.values():
                worst = min(variants, key=lambda c: SEVERITY_ORDER[c.severity])
                used = "/".join(directions)
                self.changes.append(
                    Change(worst.severity, worst.kind, worst.where, worst.path, f"{worst.detail} [used in {used}]")
                )


def _widening(direction: Direction, widened: bool) -> Severity:
    """Accepting more breaks nothing in a request and breaks strict readers of a response."""
    if direction == "request":
        return "non-breaking" if widened else "breaking"
    return "breaking" if widened else "non-breaking"


def _without_docs(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _without_docs(v) for k, v in schema.items() if k not in _DOC_KEYS}
    if isinstance(schema, list):
        return [_without_docs(v) for v in schema]
    return schema


def _branch_key(branch: Any) -> str:
    ref = _ref_name(branch)
    if ref:
        return ref
    if isinstance(branch, dict):
        if "required" in branch and len(branch) == 1:
            return "required " + ",".join(branch["required"])
        if "type" in branch:
            return str(branch.get("x-title") or branch.get("title") or branch["type"])
    return "inline"


def _resolve_parameter(doc: JSON, param: Any) -> JSON:
    name = _ref_name(param)
    if name:
        resolved = ((doc.get("components") or {}).get("parameters") or {}).get(name)
        return resolved if isinstance(resolved, dict) else {}
    return param if isinstance(param, dict) else {}


def _refs_in(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        name = _ref_name(node)
        if name:
            yield name
        for key, value in node.items():
            if key not in ("example", "examples"):
                yield from _refs_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs_in(value)


def _directions(doc: JSON, target: str) -> set[str]:
    """The directions (request/response) in which component schema `target` is reachable."""
    schemas = (doc.get("components") or {}).get("schemas") or {}
    found: set[str] = set()
    for _path, _method, op in operations(doc):
        sides = {"request": [op.get("parameters"), op.get("requestBody")], "response": [op.get("responses")]}
        for direction, roots in sides.items():
            stack, seen = list(_refs_in(roots)), set()
            while stack:
                name = stack.pop()
                if name in seen:
                    continue
                seen.add(name)
                if name == target:
                    found.add(direction)
                    break
                stack.extend(_refs_in(schemas.get(name)))
    return found


def _op_sort(key: tuple[str, str]) -> tuple[str, str]:
    return key[1], key[0]


def _op_label(key: tuple[str, str]) -> str:
    return f"{key[0]} {key[1]}"


def diff_specs(old: JSON, new: JSON) -> list[Change]:
    """Every change from `old` to `new`, each classified breaking / non-breaking / documentation."""
    return _Differ(old, new).run()
