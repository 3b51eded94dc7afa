"""The emulator's catalogue of spec rules agrees with the pinned spec (so it cannot drift)."""

from __future__ import annotations

from typing import Any

from codegen.normalise import load_spec
from codegen.pin import SpecPin
from pinecone_control.testing._emulator import INTEGER_RULES


def _property(doc: dict[str, Any], dotted: str) -> dict[str, Any]:
    schema, *path = dotted.split(".")
    node: dict[str, Any] = doc["components"]["schemas"][schema]
    for key in path:
        node = node["properties"][key]
        if "$ref" in node:
            node = doc["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def test_integer_rules_are_the_specs() -> None:
    doc = load_spec(SpecPin.load().read_verified())
    for dotted, rule in INTEGER_RULES.items():
        stated = _property(doc, dotted)
        assert stated["type"] == "integer", dotted
        assert (rule.minimum, rule.maximum) == (stated.get("minimum"), stated.get("maximum")), dotted
        assert rule.format == stated.get("format", "int64"), dotted
