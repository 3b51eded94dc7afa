"""The generated `_schemas.py` (the emulator builds its answers from it) is the pinned spec's
component schemas, normalised: every schema, every response model, references by name."""

from __future__ import annotations

import json
from typing import Any

from codegen.normalise import dump, load_spec, normalise
from codegen.pin import SpecPin
from pinecone_control_api._operations import OPERATIONS
from pinecone_control_api._schemas import SCHEMAS


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if "$ref" in node else set()
        return found.union(*(_refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(v) for v in node))
    return set()


def test_every_schema_and_response_model_is_in_the_table() -> None:
    spec, _ = normalise(load_spec(SpecPin.load().read_verified()))
    components = json.loads(dump(spec))["components"]["schemas"]
    assert set(SCHEMAS) == set(components)
    models = {r.model for op in OPERATIONS for r in op.responses if r.model}
    assert models <= set(SCHEMAS)
    assert _refs(SCHEMAS) <= set(SCHEMAS)  # references name entries of the table
    for name, schema in SCHEMAS.items():
        assert "description" not in schema, name  # prose stays in the spec
        assert schema.get("required", []) == components[name].get("required", []), name
