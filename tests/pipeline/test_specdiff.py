"""The spec diff over the real published pairs (changes found by reading the specs), and its
direction-aware rules on small documents."""

from __future__ import annotations

from typing import Any

import pytest
from codegen.normalise import load_spec
from codegen.pin import known_versions
from codegen.specdiff import Change, diff_specs


def spec(version: str) -> dict[str, Any]:
    return load_spec(known_versions()[version].read_verified())


def changes(old: str, new: str) -> list[Change]:
    return diff_specs(spec(old), spec(new))


def has(found: list[Change], severity: str, kind: str, where: str, path: str = "", detail: str = "") -> bool:
    return any(
        c.severity == severity and c.kind == kind and c.where == where and c.path == path and detail in c.detail
        for c in found
    )


@pytest.mark.parametrize("version", sorted(known_versions()))
def test_a_spec_against_itself_reports_nothing(version: str) -> None:
    assert changes(version, version) == []


def test_2024_04_to_2024_07() -> None:
    found = changes("2024-04", "2024-07")
    assert has(found, "non-breaking", "operation-added", "POST /embed", detail="embed added")
    assert has(found, "non-breaking", "property-added", "schema CreateIndexRequest", ".deletion_protection")
    assert has(
        found,
        "non-breaking",
        "property-required-changed",
        "schema ConfigureIndexRequest",
        ".spec",
        "required -> optional",
    )
    assert has(found, "non-breaking", "status-added", "DELETE /indexes/{index_name}", "response 403")
    # The collection dimension limit widened in a response: a strict reader of 2024-04 breaks.
    assert has(found, "breaking", "limit-changed", "schema CollectionModel", ".dimension", "maximum 2000 -> 20000")
    assert has(found, "breaking", "enum-value-added", "schema ErrorResponse", ".error.code", "'UNPROCESSABLE_ENTITY'")
    assert has(found, "breaking", "property-required-changed", "schema PodSpec", ".replicas", "required -> optional")


def test_2024_07_to_2024_10() -> None:
    found = changes("2024-07", "2024-10")
    # 2024-10 is a set: `embed` moved to the inference file, which is merged in, so it stays.
    assert not any(c.kind == "operation-removed" for c in found)
    assert has(found, "non-breaking", "operation-added", "POST /rerank", detail="rerank added")
    assert has(found, "documentation", "schema-added", "schema InferenceErrorResponse")
    assert has(
        found, "non-breaking", "property-required-changed", "schema EmbeddingsList", ".data", "optional -> required"
    )
    assert has(found, "breaking", "enum-value-added", "schema ErrorResponse", ".error.code", "'PAYMENT_REQUIRED'")
    for where in ("POST /indexes", "PATCH /indexes/{index_name}", "POST /collections"):
        assert has(found, "non-breaking", "status-added", where, "response 402")
    for schema in ("CreateIndexRequest", "ConfigureIndexRequest", "IndexModel"):
        assert has(found, "non-breaking", "property-added", f"schema {schema}", ".tags")
    assert sum(c.severity == "breaking" for c in found) == 1


def test_2024_10_to_2025_01() -> None:
    found = changes("2024-10", "2025-01")
    assert has(found, "non-breaking", "operation-added", "POST /indexes/create-for-model")
    # dimension became optional: fine for requests, breaking for readers of responses.
    assert has(found, "non-breaking", "property-required-changed", "schema CreateIndexRequest", ".dimension")
    assert has(
        found, "breaking", "property-required-changed", "schema IndexModel", ".dimension", "required -> optional"
    )
    assert has(found, "non-breaking", "property-added", "schema IndexModel", ".vector_type", "required property added")
    assert has(found, "non-breaking", "property-added", "schema ConfigureIndexRequest", ".embed")
    # Changes of the inference file's operations and schemas are reported like the control spec's.
    assert has(found, "breaking", "property-removed", "schema Embedding", ".values")
    assert has(found, "breaking", "property-removed", "schema EmbedRequest", ".parameters.truncate")
    assert has(found, "documentation", "description-changed", "POST /rerank")


def test_2025_01_to_2025_04() -> None:
    found = changes("2025-01", "2025-04")
    assert has(found, "non-breaking", "operation-added", "GET /models", detail="list_models added")
    assert has(found, "non-breaking", "operation-added", "GET /models/{model_name}", detail="get_model added")
    assert has(found, "breaking", "enum-value-added", "schema IndexModel", ".status.state", "'Disabled'")
    for where in ("POST /indexes/{index_name}/backups", "GET /backups", "GET /restore-jobs/{job_id}"):
        assert has(found, "non-breaking", "operation-added", where)
    assert has(found, "non-breaking", "property-added", "schema IndexModel", ".private_host")
    assert has(found, "non-breaking", "property-added", "schema IndexSpec", ".byoc")


# -- the rules, on small documents ----------------------------------------------------------------


def _doc(request: dict[str, Any], response: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/things": {
                "post": {
                    "operationId": "make",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": request}}},
                    "responses": {"201": {"description": "ok", "content": {"application/json": {"schema": response}}}},
                }
            }
        },
    }


def _one(old: dict[str, Any], new: dict[str, Any]) -> Change:
    (change,) = [c for c in diff_specs(old, new) if c.severity != "documentation"]
    return change


@pytest.mark.parametrize(
    ("before", "after", "request_severity", "response_severity"),
    [
        ({"type": "string", "enum": ["a"]}, {"type": "string", "enum": ["a", "b"]}, "non-breaking", "breaking"),
        ({"type": "string", "enum": ["a", "b"]}, {"type": "string", "enum": ["a"]}, "breaking", "non-breaking"),
        ({"type": "string", "maxLength": 10}, {"type": "string", "maxLength": 5}, "breaking", "non-breaking"),
        ({"type": "integer", "minimum": 1}, {"type": "integer", "minimum": 0}, "non-breaking", "breaking"),
        ({"type": "string"}, {"type": "integer"}, "breaking", "breaking"),
        ({"type": "string"}, {"type": "string", "nullable": True}, "non-breaking", "breaking"),
    ],
)
def test_direction_decides(
    before: dict[str, Any], after: dict[str, Any], request_severity: str, response_severity: str
) -> None:
    plain = {"type": "string"}
    assert _one(_doc(before, plain), _doc(after, plain)).severity == request_severity
    assert _one(_doc(plain, before), _doc(plain, after)).severity == response_severity


def test_required_changes_by_direction() -> None:
    optional = {"type": "object", "properties": {"a": {"type": "string"}}}
    required = {**optional, "required": ["a"]}
    assert _one(_doc(optional, optional), _doc(required, optional)).severity == "breaking"
    assert _one(_doc(required, optional), _doc(optional, optional)).severity == "non-breaking"
    assert _one(_doc(optional, required), _doc(optional, optional)).severity == "breaking"
    assert _one(_doc(optional, optional), _doc(optional, required)).severity == "non-breaking"


def test_refs_are_followed_and_compared_once() -> None:
    def with_component(schema: dict[str, Any]) -> dict[str, Any]:
        doc = _doc({"$ref": "#/components/schemas/Thing"}, {"$ref": "#/components/schemas/Thing"})
        doc["components"] = {"schemas": {"Thing": schema}}
        return doc

    old = with_component({"type": "object", "properties": {"kind": {"type": "string", "enum": ["a"]}}})
    new = with_component({"type": "object", "properties": {"kind": {"type": "string", "enum": ["a", "b"]}}})
    (change,) = diff_specs(old, new)
    assert (change.where, change.path, change.severity) == ("schema Thing", ".kind", "breaking")
    assert "[used in request/response]" in change.detail


def test_documentation_only_changes() -> None:
    old = _doc({"type": "string", "description": "old"}, {"type": "string"})
    new = _doc({"type": "string", "description": "new", "example": "x"}, {"type": "string"})
    found = diff_specs(old, new)
    assert found and all(c.severity == "documentation" for c in found)


def test_a_changed_request_default_is_a_behaviour_change() -> None:
    # 2025-01 drops `metric`'s default (cosine): a create_index without metric now means something else.
    found = changes("2024-10", "2025-01")
    assert has(found, "behaviour", "default-changed", "schema CreateIndexRequest", ".metric", "'cosine' -> None")
    # The same default in a response schema describes nothing a caller sends.
    assert has(found, "documentation", "default-changed", "schema IndexModel", ".metric")


@pytest.mark.parametrize(
    ("before", "after", "severity"),
    [
        ({"type": "string", "default": "a"}, {"type": "string", "default": "b"}, "behaviour"),
        ({"type": "string", "default": "a"}, {"type": "string"}, "behaviour"),
        ({"type": "string"}, {"type": "string", "default": "a"}, "documentation"),
    ],
)
def test_request_defaults(before: dict[str, Any], after: dict[str, Any], severity: str) -> None:
    plain = {"type": "string"}
    (change,) = diff_specs(_doc(before, plain), _doc(after, plain))
    assert (change.kind, change.severity) == ("default-changed", severity)
