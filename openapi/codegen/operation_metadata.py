"""Per-operation metadata, read from the normalised spec and the generator's own parse of it.

`make generate` writes it as `generated/<package>/_operations.py` (`render`), one source for the
client (argument checks, retries, docstrings) and the emulator (request validation):

- names come from openapi-python-client's parser (run in-process on the same normalised spec with
  the same configuration), so every module, class and attribute name is the one the generated
  package really has;
- constraints come from the spec itself, because the generator's properties drop them (`pattern`,
  `maxLength`, `minimum`, integer `format`, `x-one-of-required`, ...).

Retry class (`retry_class`), derived from the method and the documented success statuses:
GET/HEAD/OPTIONS/PUT/PATCH are "safe" (they read, or set a value: resending sets it again); DELETE
is "unsafe" (a name can be reused: a resent delete may remove a resource created in between);
POST is "unsafe" when it documents 201 or 202 (it creates something), "safe" when it answers only
200 (it computes, e.g. embed). "unsafe" means: resend only when the request never left.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .walk import JSON, operations

SAFE, UNSAFE = "safe", "unsafe"
_READ_OR_SET = {"get", "head", "options", "put", "patch"}
_CREATED = {201, 202}


def retry_class(method: str, success: list[int]) -> str:
    """The resend rule of one operation (see the module docstring)."""
    method = method.lower()
    if method in _READ_OR_SET:
        return SAFE
    if method == "post" and success and not _CREATED & set(success):
        return SAFE
    return UNSAFE


# Schema keywords carried into the tables: keyword -> Field attribute.
_KEYWORDS = {
    "format": "format",
    "enum": "enum",
    "pattern": "pattern",
    "minLength": "min_length",
    "maxLength": "max_length",
    "minimum": "minimum",
    "maximum": "maximum",
    "minItems": "min_items",
    "maxItems": "max_items",
}


@dataclass
class FieldMeta:
    path: str
    name: str
    python_name: str
    python_type: str
    location: str
    required: bool
    description: str = ""
    constraints: dict[str, Any] = field(default_factory=dict)


@dataclass
class ResponseMeta:
    status: int
    model: str | None
    description: str


@dataclass
class OperationMeta:
    python_name: str
    operation_id: str
    module: str
    tag: str
    method: str
    path: str
    summary: str
    description: str
    parameters: list[FieldMeta]
    body_model: str | None
    body_required: bool
    body_description: str
    body_fields: list[FieldMeta]
    responses: list[ResponseMeta]
    retry: str
    docstring: str = ""

    @property
    def success(self) -> list[int]:
        return [r.status for r in self.responses if 200 <= r.status < 300]


class _Spec:
    """`$ref` resolution inside one document."""

    def __init__(self, doc: JSON) -> None:
        self.doc = doc

    def resolve(self, node: Any) -> Any:
        seen = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < 32:
            target: Any = self.doc
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node, seen = target, seen + 1
        return node


def _code(value: Any) -> str:
    """Text of a generator PythonCode / UntrustedString / identifier."""
    if hasattr(value, "as_unembedded_code"):
        return str(value.as_unembedded_code())
    if hasattr(value, "get_untrusted_value"):
        return str(value.get_untrusted_value())
    return str(value)


def _text(value: Any) -> str:
    return str(value).strip() if value else ""


def _first_per_path(fields: list[FieldMeta]) -> list[FieldMeta]:
    firsts: dict[str, FieldMeta] = {}
    for f in fields:
        firsts.setdefault(f.path, f)
    return list(firsts.values())


def _loosest(variants: list[dict[str, Any]]) -> dict[str, Any]:
    """One property in several branches of a union: only what every branch says (enums joined)."""
    out = {key: value for key, value in variants[0].items() if all(v.get(key) == value for v in variants[1:])}
    if all("enum" in v for v in variants):
        out["enum"] = tuple(dict.fromkeys(value for v in variants for value in v["enum"]))
    return out


def constraints_of(schema: JSON) -> dict[str, Any]:
    """The validation keywords of one (resolved) schema, in the tables' vocabulary."""
    out: dict[str, Any] = {}
    if isinstance(schema.get("type"), str):
        out["type"] = schema["type"]
    for keyword, attribute in _KEYWORDS.items():
        if keyword in schema:
            value = schema[keyword]
            out[attribute] = tuple(value) if isinstance(value, list) else value
    # OpenAPI 3.0 spells exclusivity as booleans beside minimum/maximum; 3.1 as numbers.
    for bound in ("Minimum", "Maximum"):
        exclusive = schema.get(f"exclusive{bound}")
        if isinstance(exclusive, bool):
            if exclusive:
                out[f"exclusive_{bound.lower()}"] = True
        elif isinstance(exclusive, int | float):
            out[bound.lower()] = exclusive
            out[f"exclusive_{bound.lower()}"] = True
    if schema.get("nullable") is True:
        out["nullable"] = True
    if schema.get("additionalProperties") is False:
        out["closed"] = True
    groups = schema.get("x-one-of-required")
    if isinstance(groups, list):
        out["one_of_required"] = tuple(tuple(group) for group in groups)
    default = schema.get("x-server-default")
    if isinstance(default, str | int | float | bool):
        out["server_default"] = default
    return out


class _Collector:
    def __init__(self, doc: JSON, generator_data: Any, package: str) -> None:
        self.spec = _Spec(doc)
        self.package = package
        self.models: dict[str, Any] = {_code(m.class_info.name): m for m in generator_data.models}
        self.endpoints: dict[tuple[str, str], tuple[str, Any]] = {}
        for tag, collection in generator_data.endpoint_collections_by_tag.items():
            for endpoint in collection.endpoints:
                self.endpoints[(_code(endpoint.path), endpoint.method.lower())] = (str(tag), endpoint)

    def model(self, prop: Any) -> Any:
        """The processed ModelProperty behind a (possibly referenced) model property."""
        info = getattr(prop, "class_info", None)
        return self.models.get(_code(info.name)) if info is not None else None

    def python_type(self, prop: Any, schema: JSON) -> str:
        if prop is not None:
            return _code(prop.get_type_string(no_optional=True))
        return {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}.get(
            str(schema.get("type")), "Any"
        )

    def branches(self, schema: JSON) -> list[tuple[str, JSON]]:
        """`schema` itself and every branch of its compositions, as (how it is combined, schema)."""
        out = [("self", schema)]
        for kind in ("allOf", "oneOf", "anyOf"):
            for branch in schema.get(kind) or []:
                resolved = self.spec.resolve(branch)
                if isinstance(resolved, dict):
                    out += [(kind if how == "self" else how, inner) for how, inner in self.branches(resolved)]
        return out

    def models_of(self, prop: Any) -> list[Any]:
        """The processed models behind a property; several for a union."""
        model = self.model(prop)
        found = [model] if model is not None else []
        for inner in getattr(prop, "inner_properties", None) or []:
            found += self.models_of(inner)
        return found

    def union_constraints(self, schema: JSON) -> dict[str, Any]:
        """A `oneOf` of closed objects with disjoint required keys means "exactly one of" those keys."""
        branches = [self.spec.resolve(b) for b in schema.get("oneOf") or []]
        if not branches or schema.get("properties") or not all(isinstance(b, dict) for b in branches):
            return {}
        if not all(b.get("additionalProperties") is False for b in branches):
            return {}
        out: dict[str, Any] = {"closed": True}
        groups = [tuple(b.get("required") or ()) for b in branches]
        names = [name for group in groups for name in group]
        if all(groups) and len(names) == len(set(names)):
            out["one_of_required"] = tuple(groups)
        return out

    def union_shape(self, schema: JSON) -> dict[str, Any]:
        """A `oneOf`/`anyOf` without a `type` of its own whose branches all state the same one has
        that type: whatever it holds is valid for some branch (2025-10's `read_capacity` is an object)."""
        if isinstance(schema.get("type"), str):
            return {}
        for kind in ("oneOf", "anyOf"):
            branches = [self.spec.resolve(b) for b in schema.get(kind) or []]
            kinds = {b.get("type") if isinstance(b, dict) else None for b in branches}
            if branches and len(kinds) == 1 and isinstance(next(iter(kinds)), str):
                return {"type": next(iter(kinds))}
        return {}

    def fields(self, schema: Any, prop: Any, prefix: str, out: list[FieldMeta], stack: tuple[int, ...]) -> None:
        """Depth first: each property of `schema` (of every branch, for a composition), then what it nests."""
        schema = self.spec.resolve(schema)
        if not isinstance(schema, dict) or id(schema) in stack:
            return
        stack = (*stack, id(schema))
        by_name: dict[str, Any] = {}
        for model in self.models_of(prop):
            for child_prop in [*(model.required_properties or []), *(model.optional_properties or [])]:
                by_name.setdefault(_code(child_prop.name), child_prop)
        children: dict[str, list[JSON]] = {}
        required: set[str] = set()
        for how, branch in self.branches(schema):
            for name, child in (branch.get("properties") or {}).items():
                resolved = self.spec.resolve(child)
                if isinstance(resolved, dict) and all(resolved is not seen for seen in children.get(name, [])):
                    children.setdefault(name, []).append(resolved)
            if how in {"self", "allOf"}:  # a oneOf/anyOf branch's requirements hold only in that branch
                required |= set(branch.get("required") or [])
        for kind in ("oneOf", "anyOf"):  # ... but what every branch requires, any valid value has
            options = [self.spec.resolve(b) for b in schema.get(kind) or []]
            if options and all(isinstance(o, dict) for o in options):
                required |= set.intersection(*(set(o.get("required") or []) for o in options))
        for name, variants in children.items():
            child_schema = variants[0]
            child_prop = by_name.get(name)
            constraints = {
                **constraints_of(child_schema),
                **self.union_shape(child_schema),
                **self.union_constraints(child_schema),
            }
            if len(variants) > 1:
                constraints = _loosest([constraints_of(v) for v in variants])
            path = f"{prefix}{name}"
            out.append(
                FieldMeta(
                    path=path,
                    name=name,
                    python_name=str(child_prop.python_name) if child_prop is not None else name,
                    python_type=self.python_type(child_prop, child_schema),
                    location="body",
                    required=name in required,
                    description=_text(child_schema.get("description")),
                    constraints=constraints,
                )
            )
            for variant in variants:
                self.nested(variant, child_prop, path, out, stack)
        if isinstance(schema.get("additionalProperties"), dict):
            models = self.models_of(prop)
            values_prop = models[0].additional_properties if models else None
            self.map_entries(schema, values_prop, prefix.removesuffix("."), out, stack)

    def nested(self, schema: JSON, prop: Any, path: str, out: list[FieldMeta], stack: tuple[int, ...]) -> None:
        if schema.get("type") == "array" or "items" in schema:
            items = self.spec.resolve(schema.get("items"))
            if isinstance(items, dict):
                inner = getattr(prop, "inner_property", None)
                out.append(
                    FieldMeta(
                        path=f"{path}[]",
                        name="[]",
                        python_name="",
                        python_type=self.python_type(inner, items),
                        location="body",
                        required=False,
                        description=_text(items.get("description")),
                        constraints=constraints_of(items),
                    )
                )
                self.nested(items, inner, f"{path}[]", out, stack)
        elif (
            isinstance(schema.get("properties"), dict)
            or isinstance(schema.get("additionalProperties"), dict)
            or any(isinstance(schema.get(kind), list) for kind in ("allOf", "oneOf", "anyOf"))
        ):
            self.fields(schema, prop, f"{path}.", out, stack)

    def map_entries(
        self, schema: JSON, values_prop: Any, path: str, out: list[FieldMeta], stack: tuple[int, ...]
    ) -> None:
        """A map's keys (`<path>.<key>`) and values (`<path>.*`)."""
        keys = schema.get("x-property-names")
        if isinstance(keys, dict):
            out.append(
                FieldMeta(
                    path=f"{path}.<key>",
                    name="<key>",
                    python_name="",
                    python_type="str",
                    location="body",
                    required=False,
                    constraints={"type": "string", **constraints_of(keys)},
                )
            )
        values = self.spec.resolve(schema.get("additionalProperties"))
        if isinstance(values, dict):
            out.append(
                FieldMeta(
                    path=f"{path}.*",
                    name="*",
                    python_name="",
                    python_type=self.python_type(values_prop, values),
                    location="body",
                    required=False,
                    description=_text(values.get("description")),
                    constraints=constraints_of(values),
                )
            )
            self.nested(values, values_prop, f"{path}.*", out, stack)

    def parameters(self, path: str, op: JSON, endpoint: Any) -> list[FieldMeta]:
        props = {
            (_code(p.name), location): p
            for location, group in (
                ("path", endpoint.path_parameters),
                ("query", endpoint.query_parameters),
                ("header", endpoint.header_parameters),
            )
            for p in group
        }
        item = self.spec.doc["paths"][path]
        out = []
        for raw in [*(item.get("parameters") or []), *(op.get("parameters") or [])]:
            param = self.spec.resolve(raw)
            if not isinstance(param, dict) or param.get("in") not in {"path", "query", "header"}:
                continue
            schema = self.spec.resolve(param.get("schema") or {})
            prop = props.get((str(param["name"]), str(param["in"])))
            if prop is None:  # removed by the normalisation (the API version header) or not generated
                continue
            out.append(
                FieldMeta(
                    path=str(param["name"]),
                    name=str(param["name"]),
                    python_name=str(prop.python_name),
                    python_type=self.python_type(prop, schema),
                    location=str(param["in"]),
                    required=bool(param.get("required")) or param["in"] == "path",
                    description=_text(param.get("description")),
                    constraints=constraints_of(schema),
                )
            )
        return out

    def operation(self, path: str, method: str, op: JSON) -> OperationMeta:
        tag, endpoint = self.endpoints[(path, method)]
        body_model, body_required, body_description = None, False, ""
        body_fields: list[FieldMeta] = []
        body = self.spec.resolve(op.get("requestBody"))
        if isinstance(body, dict) and endpoint.bodies:
            prop = endpoint.bodies[0].prop
            schema = self.spec.resolve(((body.get("content") or {}).get("application/json") or {}).get("schema"))
            body_model = _code(prop.class_info.name) if getattr(prop, "class_info", None) is not None else None
            body_required = bool(body.get("required"))
            body_description = _text(body.get("description"))
            if isinstance(schema, dict):
                self.fields(schema, prop, "", body_fields, ())
            # The same nested path reached through two union branches: the first one describes it.
            body_fields = _first_per_path(body_fields)
        generated = {r.status_code.pattern: r for r in endpoint.responses}
        responses = []
        for code, raw in (op.get("responses") or {}).items():
            if not str(code).isdigit():
                continue
            response = self.spec.resolve(raw) or {}
            prop = getattr(generated.get(str(code)), "prop", None)
            info = getattr(prop, "class_info", None)
            responses.append(
                ResponseMeta(
                    status=int(code),
                    model=_code(info.name) if info is not None else None,
                    description=_text(response.get("description")),
                )
            )
        responses.sort(key=lambda r: r.status)
        python_name = str(endpoint.name)
        meta = OperationMeta(
            python_name=python_name,
            operation_id=str(op.get("operationId", python_name)),
            module=f"{self.package}.api.{tag}.{python_name}",
            tag=tag,
            method=method.upper(),
            path=path,
            summary=_text(op.get("summary")),
            description=_text(op.get("description")),
            parameters=self.parameters(path, op, endpoint),
            body_model=body_model,
            body_required=body_required,
            body_description=body_description,
            body_fields=body_fields,
            responses=responses,
            retry="",
        )
        meta.retry = retry_class(method, meta.success)
        meta.docstring = docstring(meta)
        return meta


def generator_data(spec_file: Path, config_file: Path) -> Any:
    """openapi-python-client's own parse of the normalised spec, exactly as `generate` runs it."""
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser import GeneratorData

    config = Config.from_sources(ConfigFile.load_from_path(config_file), MetaType.NONE, spec_file, "utf-8", False, None)
    data = GeneratorData.from_dict(json.loads(spec_file.read_text(encoding="utf-8")), config=config)
    if not isinstance(data, GeneratorData):
        raise ValueError(f"the generator cannot parse {spec_file}: {data}")
    return data


def collect(doc: JSON, data: Any, package: str) -> list[OperationMeta]:
    """Metadata of every generated operation, in document order."""
    collector = _Collector(doc, data, package)
    return [
        collector.operation(path, method, op)
        for path, method, op in operations(doc)
        if (path, method) in collector.endpoints
    ]


def _paragraphs(text: str) -> str:
    """Trailing spaces off every line, at most one blank line between paragraphs."""
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in text.strip().splitlines()))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def docstring(op: OperationMeta) -> str:
    """Google-style docstring text: summary, description, Args, Returns, Raises (documented statuses)."""
    lines = [_one_line(op.summary or op.description.split("\n", 1)[0] or op.python_name)]
    if op.description and _one_line(op.description) != lines[0]:
        lines += ["", _paragraphs(op.description)]
    args = [(p.python_name, p.description) for p in op.parameters]
    args += [(f.path, f.description) for f in op.body_fields if f.python_name]
    if args:
        lines += ["", "Args:"]
        lines += [f"    {name}: {_one_line(text) or '(no description in the spec)'}" for name, text in args]
    success = [r for r in op.responses if 200 <= r.status < 300]
    if success:
        lines += ["", "Returns:"]
        for r in success:
            lines.append(f"    {r.model or 'None'}: ({r.status}) {_one_line(r.description)}".rstrip())
    errors = [r for r in op.responses if not 200 <= r.status < 300]
    if errors:
        lines += ["", "Raises:"]
        lines += [f"    HTTP {r.status}: {_one_line(r.description)}".rstrip() for r in errors]
    return "\n".join(lines)
