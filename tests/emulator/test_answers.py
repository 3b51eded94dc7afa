"""Answers are built from the response schema: a property the schema lacks is dropped, a required
one nobody set is the default, else the example (its own, else its parent's), else the plainest
value of its type; a oneOf branch is the one the value fits."""

from __future__ import annotations

from typing import Any

from pinecone_control.testing._answers import complete

STATUS = {"type": "object", "properties": {"state": {"type": "string"}}, "required": ["state"]}
ON_DEMAND = {
    "type": "object",
    "example": {"mode": "OnDemand", "status": {"state": "Ready"}},
    "properties": {"mode": {"type": "string"}, "status": STATUS},
    "required": ["mode", "status"],
}
DEDICATED = {
    "type": "object",
    "example": {"mode": "Dedicated", "dedicated": {}, "status": {"state": "Ready", "current_replicas": 2}},
    "properties": {"mode": {"type": "string"}, "dedicated": {"type": "object"}, "status": STATUS},
    "required": ["mode", "dedicated", "status"],
}
MODEL: dict[str, Any] = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "vector_type": {"type": "string", "x-server-default": "dense"},
        "kind": {"type": "string", "x-enum": ["a", "b"]},
        "count": {"type": "integer", "minimum": 1},
        "note": {"type": "string", "example": "unused: optional"},
        "capacity": {"oneOf": [ON_DEMAND, DEDICATED]},
        "tags": {"type": "object", "additionalProperties": {"type": "string"}},
    },
    "required": ["name", "vector_type", "kind", "count", "capacity"],
}


def test_required_fields_nobody_set_come_from_the_schema() -> None:
    out = complete(MODEL, {"name": "x", "extra": 1})
    assert out == {
        "name": "x",
        "vector_type": "dense",
        "kind": "a",
        "count": 1,
        "capacity": {"mode": "OnDemand", "status": {"state": "Ready"}},
    }


def test_what_the_record_says_is_kept_and_the_branch_fits_it() -> None:
    record = {"name": "x", "vector_type": "sparse", "kind": "b", "count": 3, "tags": {"t": "1"}}
    record["capacity"] = {"mode": "Dedicated", "dedicated": {"node_type": "b1"}}
    out = complete(MODEL, record)
    assert out["vector_type"] == "sparse" and out["tags"] == {"t": "1"}
    # The Dedicated branch; its status from the example, required properties only.
    assert out["capacity"] == {"mode": "Dedicated", "dedicated": {"node_type": "b1"}, "status": {"state": "Ready"}}
