"""Answers built from the version's response schemas (the generated `_schemas.py`).

A record holds what the emulator models plus what the request that created it said; `complete`
turns it into a value of the operation's response schema: properties the schema lacks are dropped,
and a required one the record lacks is the schema's default, else its documented example (its own,
else its parent's), else the plainest value of its type. So a version that adds a response field or
an enum value needs no emulator line."""

from __future__ import annotations

from typing import Any

from pinecone_control_api._schemas import SCHEMAS

_ABSENT: Any = object()


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema a `$ref` names (transitively), with `allOf` parts merged."""
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"]]
    if "allOf" in schema:
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        for part in schema["allOf"]:
            part = resolve(part)
            merged.setdefault("properties", {}).update(part.get("properties", {}))
            merged["required"] = [*merged.get("required", []), *part.get("required", [])]
            merged.setdefault("type", part.get("type"))
        return merged
    return schema


def named(name: str) -> dict[str, Any]:
    return resolve({"$ref": name})


def _branch(schema: dict[str, Any], value: Any) -> dict[str, Any]:
    """The `oneOf`/`anyOf` branch `value` fits best: its required keys present, no key it would drop,
    then the most values equal to the branch's example (e.g. `mode: "Dedicated"`)."""
    branches = [resolve(b) for b in schema.get("oneOf") or schema.get("anyOf") or []]
    if not isinstance(value, dict):
        return branches[0]

    def score(branch: dict[str, Any]) -> tuple[int, int, int]:
        props, example = branch.get("properties", {}), branch.get("example")
        has_required = all(key in value for key in branch.get("required", []))
        fits = all(key in props for key in value) if props else True
        agree = sum(1 for k, v in value.items() if isinstance(example, dict) and example.get(k) == v)
        return (has_required + fits, agree, -branches.index(branch))

    return max(branches, key=score)


def complete(schema: dict[str, Any], value: Any, example: Any = _ABSENT) -> Any:
    """`value` as a valid instance of `schema` (see the module's docstring)."""
    schema = resolve(schema)
    if "oneOf" in schema or "anyOf" in schema:
        outer = schema.get("example", example)
        schema = _branch(schema, value)
        if outer is not _ABSENT and "example" not in schema:
            schema = {**schema, "example": outer}
    if isinstance(value, dict) and "properties" in schema:
        own = schema.get("example", example)
        examples = own if isinstance(own, dict) else {}
        props: dict[str, Any] = schema["properties"]
        result: dict[str, Any] = {}
        for name, sub in props.items():
            if name in value and value[name] is not None:
                result[name] = complete(sub, value[name], examples.get(name, _ABSENT))
            elif name in schema.get("required", ()):
                result[name] = fill(sub, examples.get(name, _ABSENT))
        if schema.get("additionalProperties"):
            result.update({k: v for k, v in value.items() if k not in props})
        return result
    if isinstance(value, list) and "items" in schema:
        return [complete(schema["items"], item) for item in value]
    return value


def fill(schema: dict[str, Any], example: Any = _ABSENT) -> Any:
    """A value for a required property nobody set: default, example, else the type's plainest. An
    object is built from its required properties only (an example's optional extras, such as a
    replica count, would contradict what the request set)."""
    schema = resolve(schema)
    objectlike = "oneOf" in schema or "anyOf" in schema or "properties" in schema or schema.get("type") == "object"
    if objectlike:
        return complete(schema, {}, example)
    for key in ("default", "x-server-default", "example"):
        if key in schema:
            return schema[key]
    if example is not _ABSENT:
        return example
    values = schema.get("enum") or schema.get("x-enum")
    if values:
        return values[0]
    kind = schema.get("type")
    if kind in ("integer", "number") and "minimum" in schema:
        return schema["minimum"]
    plain: dict[str, Any] = {"string": "", "integer": 0, "number": 0.0, "boolean": False, "array": []}
    return None if schema.get("nullable") else plain.get(str(kind))
