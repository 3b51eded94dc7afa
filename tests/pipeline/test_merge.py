"""A version's set of spec files, merged into one document (codegen/merge.py) before generation."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from codegen.merge import MergeError, merge, set_bytes
from codegen.normalise import load_spec, normalise
from codegen.pin import known_versions
from codegen.walk import operations

CONTROL, INFERENCE = "2099-01/db_control_2099-01.oas.yaml", "2099-01/inference_2099-01.oas.yaml"


def _doc(paths: dict[str, Any], schemas: dict[str, Any], **root: Any) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "2099-01"},
        "servers": [{"url": "https://api.pinecone.io"}],
        "security": [{"ApiKeyAuth": []}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"ApiKeyAuth": {"type": "apiKey", "in": "header", "name": "Api-Key"}},
        },
        **root,
    }


def _op(op_id: str, schema: str = "Thing") -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{schema}"}
    return {"post": {"operationId": op_id, "responses": {"200": {"content": {"application/json": {"schema": ref}}}}}}


THING = {"type": "object", "properties": {"a": {"type": "string"}}}


def test_the_two_real_files_of_a_version_merge_into_one_document() -> None:
    pin = known_versions()["2025-04"]
    (control_path, control), (inference_path, inference) = [(p, load_spec(d)) for p, d in pin.read_files()]
    doc = merge([(control_path, control), (inference_path, inference)])
    ids = {op["operationId"] for _p, _m, op in operations(doc)}
    assert ids == {op["operationId"] for _p, _m, op in operations(control)} | {
        "embed",
        "rerank",
        "list_models",
        "get_model",
    }
    schemas = doc["components"]["schemas"]
    names = {*control["components"]["schemas"], *inference["components"]["schemas"], "InferenceErrorResponse"}
    assert set(schemas) == names
    # Both error shapes kept: the control spec's under its name, the inference file's renamed, and
    # every inference operation's error responses point at its own file's shape.
    assert schemas["ErrorResponse"] == control["components"]["schemas"]["ErrorResponse"]
    assert schemas["InferenceErrorResponse"] == inference["components"]["schemas"]["ErrorResponse"]
    embed_errors = doc["paths"]["/embed"]["post"]["responses"]["400"]["content"]["application/json"]["schema"]
    assert embed_errors == {"$ref": "#/components/schemas/InferenceErrorResponse"}
    assert [t["name"] for t in doc["tags"]] == ["Manage Indexes", "Inference"]
    assert doc["components"]["securitySchemes"] == control["components"]["securitySchemes"]
    assert doc["info"]["title"] == control["info"]["title"] and doc["servers"] == control["servers"]
    record = doc["info"]["x-spec-set"]
    assert record["files"] == [control_path, inference_path]
    assert record["notes"] == [
        f"schema ErrorResponse of {inference_path} differs from the control spec's: kept as InferenceErrorResponse"
    ]


def test_normalisation_reports_the_merge_and_leaves_no_trace_in_the_document() -> None:
    doc, notes = normalise(load_spec(known_versions()["2024-10"].read_verified()))
    assert "x-spec-set" not in doc["info"]
    assert (
        "spec_set_into_notes: merged 2024-10/db_control_2024-10.oas.yaml + 2024-10/inference_2024-10.oas.yaml" in notes
    )
    assert {"/embed", "/rerank"} <= set(doc["paths"])


def test_a_one_file_set_is_its_own_bytes() -> None:
    data = b"openapi: 3.0.3\n# a comment the generation keeps seeing\n"
    assert set_bytes([("2024-07/control_2024-07.oas.yaml", data)]) is data


def test_identical_duplicates_are_merged_once() -> None:
    shared = {"Thing": THING, "Other": {"type": "string"}}
    doc = merge([(CONTROL, _doc({"/a": _op("a")}, shared)), (INFERENCE, _doc({"/b": _op("b")}, copy.deepcopy(shared)))])
    assert list(doc["components"]["schemas"]) == ["Thing", "Other"]
    assert list(doc["paths"]) == ["/a", "/b"]
    assert doc["info"]["x-spec-set"]["notes"] == []


@pytest.mark.parametrize(
    ("second", "what"),
    [
        (_doc({"/b": _op("b")}, {"Thing": {**THING, "description": "another"}}), "components.schemas Thing"),
        (_doc({"/a": _op("other")}, {"Thing": THING}), "path /a"),
        (_doc({"/b": _op("a")}, {"Thing": THING}), "operationId a"),
        (_doc({"/b": _op("b")}, {"Thing": THING}, tags=[{"name": "T", "description": "2"}]), "tag T"),
    ],
)
def test_a_name_defined_differently_in_two_files_is_an_error_naming_both(second: dict[str, Any], what: str) -> None:
    first = _doc({"/a": _op("a")}, {"Thing": THING}, tags=[{"name": "T", "description": "1"}])
    with pytest.raises(MergeError) as info:
        merge([(CONTROL, first), (INFERENCE, second)])
    assert str(info.value).startswith(f"{what} is defined differently in {CONTROL} and in {INFERENCE}")


def test_a_different_api_version_is_an_error_naming_both_files() -> None:
    second = _doc({"/b": _op("b")}, {"Thing": THING})
    second["info"]["version"] = "2099-04"
    with pytest.raises(MergeError, match=f"info.version differs: '2099-01' in {CONTROL}, '2099-04' in {INFERENCE}"):
        merge([(CONTROL, _doc({"/a": _op("a")}, {"Thing": THING})), (INFERENCE, second)])


def test_a_later_files_own_servers_and_security_move_onto_its_paths_and_operations() -> None:
    second = _doc({"/b": _op("b")}, {"Thing": THING})
    second["servers"] = [{"url": "https://inference.pinecone.io"}]
    second["security"] = [{"OtherKey": []}]
    doc = merge([(CONTROL, _doc({"/a": _op("a")}, {"Thing": THING})), (INFERENCE, second)])
    assert doc["servers"] == [{"url": "https://api.pinecone.io"}] and doc["security"] == [{"ApiKeyAuth": []}]
    assert doc["paths"]["/b"]["servers"] == [{"url": "https://inference.pinecone.io"}]
    assert doc["paths"]["/b"]["post"]["security"] == [{"OtherKey": []}]
    assert "servers" not in doc["paths"]["/a"] and "security" not in doc["paths"]["/a"]["post"]
    assert len(doc["info"]["x-spec-set"]["notes"]) == 2
