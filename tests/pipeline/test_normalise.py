"""Each spec rewrite: what it changes, what it leaves alone, and that the output is deterministic."""

from __future__ import annotations

import copy
from typing import Any

from codegen import normalise
from codegen.walk import each_schema, operations


def _doc(**extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {
                "get": {"operationId": "a", "responses": {"200": {"description": "ok"}}},
                "post": {"operationId": "b", "security": [], "responses": {"200": {"description": "ok"}}},
            }
        },
        "components": {"schemas": {}},
    }
    doc.update(extra)
    return doc


def test_security_is_copied_into_operations_without_their_own() -> None:
    doc = _doc(security=[{"ApiKeyAuth": []}])
    notes = normalise.security_into_operations(doc)
    assert doc["paths"]["/a"]["get"]["security"] == [{"ApiKeyAuth": []}]
    assert doc["paths"]["/a"]["post"]["security"] == [], "an explicit empty requirement is kept"
    assert notes == ["GET /a: security from root"]


def test_security_rewrite_is_a_no_op_without_root_security() -> None:
    doc = _doc()
    assert normalise.security_into_operations(doc) == []
    assert "security" not in doc["paths"]["/a"]["get"]


def test_one_of_of_required_only_branches_becomes_plain_properties() -> None:
    spec: dict[str, Any] = {
        "type": "object",
        "description": "Spec.",
        "properties": {"serverless": {"type": "object"}, "pod": {"type": "object"}},
        "oneOf": [{"required": ["serverless"]}, {"required": ["pod"]}],
    }
    doc = _doc()
    doc["components"]["schemas"]["IndexSpec"] = spec
    notes = normalise.one_of_required_into_properties(doc)
    assert "oneOf" not in spec
    assert spec["x-one-of-required"] == [["serverless"], ["pod"]]
    assert spec["description"].endswith("Exactly one of: `serverless` | `pod`.")
    assert len(notes) == 1


def test_a_real_union_one_of_is_left_alone() -> None:
    union = {
        "properties": {"a": {"type": "string"}},
        "oneOf": [{"$ref": "#/components/schemas/X"}, {"required": ["a"]}],
    }
    doc = _doc()
    doc["components"]["schemas"]["U"] = union
    before = copy.deepcopy(union)
    assert normalise.one_of_required_into_properties(doc) == []
    assert union == before


def test_defaults_move_into_docs_at_every_depth() -> None:
    doc = _doc()
    doc["components"]["schemas"]["Req"] = {
        "type": "object",
        "properties": {
            "spec": {
                "type": "object",
                "properties": {"pod_type": {"type": "string", "default": "p1.x1", "description": "Pod type."}},
            },
            "n": {"type": "integer", "default": 1},
            # A property *named* default is not a default keyword.
            "default": {"type": "string"},
        },
    }
    doc["paths"]["/a"]["get"]["parameters"] = [
        {"name": "q", "in": "query", "schema": {"type": "integer", "default": 5}}
    ]
    normalise.defaults_into_docs(doc)
    props = doc["components"]["schemas"]["Req"]["properties"]
    pod_type = props["spec"]["properties"]["pod_type"]
    assert "default" not in pod_type
    assert pod_type["x-server-default"] == "p1.x1"
    assert pod_type["description"] == "Pod type.\n\nServer default: `p1.x1`."
    assert props["n"]["description"] == "Server default: `1`."
    assert props["default"] == {"type": "string"}
    assert doc["paths"]["/a"]["get"]["parameters"][0]["schema"]["x-server-default"] == 5


def test_real_spec_needs_every_rewrite_and_is_not_mutated(spec_bytes: bytes) -> None:
    original = normalise.load_spec(spec_bytes)
    pristine = copy.deepcopy(original)
    out, notes = normalise.normalise(original)
    assert original == pristine
    needed_by_2024_07 = (
        "security_into_operations",
        "one_of_required_into_properties",
        "defaults_into_docs",
        "name_rule_into_keywords",
        "name_rule_into_path_parameters",
    )
    for name in needed_by_2024_07:
        assert any(n.startswith(name) for n in notes), f"{name} no longer applies"
    assert all(op.get("security") == [{"ApiKeyAuth": []}] for _p, _m, op in operations(out))
    assert "oneOf" not in out["components"]["schemas"]["IndexSpec"]

    leftover: list[Any] = []
    each_schema(out, lambda s: leftover.append(s["default"]) if "default" in s else None)
    assert leftover == []


def test_output_is_deterministic(spec_bytes: bytes) -> None:
    first = normalise.dump(normalise.normalise(normalise.load_spec(spec_bytes))[0])
    second = normalise.dump(normalise.normalise(normalise.load_spec(spec_bytes))[0])
    assert first == second
    assert "\r" not in first and first.endswith("\n")


def test_titles_move_out_of_class_names() -> None:
    doc = _doc()
    doc["components"]["schemas"]["A"] = {
        "type": "object",
        "title": "Serverless",
        "properties": {"title": {"type": "string", "title": "Name"}},
    }
    notes = normalise.titles_out_of_class_names(doc)
    schema = doc["components"]["schemas"]["A"]
    assert "title" not in schema and schema["x-title"] == "Serverless"
    assert "title" in schema["properties"], "a property named title is kept"
    assert schema["properties"]["title"] == {"type": "string", "x-title": "Name"}
    assert len(notes) == 2


def test_the_api_version_header_parameter_is_removed() -> None:
    header = {"in": "header", "name": "X-Pinecone-Api-Version", "required": True, "schema": {"type": "string"}}
    doc = _doc()
    doc["components"]["parameters"] = {"Version": header}
    doc["paths"]["/a"]["get"]["parameters"] = [dict(header), {"in": "query", "name": "q", "schema": {"type": "string"}}]
    doc["paths"]["/a"]["post"]["parameters"] = [{"$ref": "#/components/parameters/Version"}]
    notes = normalise.api_version_header_out_of_operations(doc)
    assert doc["paths"]["/a"]["get"]["parameters"] == [{"in": "query", "name": "q", "schema": {"type": "string"}}]
    assert doc["paths"]["/a"]["post"]["parameters"] == []
    assert len(notes) == 2


NAME_PROSE = (
    "The name of the index. Resource name must be 1-45 characters long, start and end with an alphanumeric\n"
    "character, and consist only of lower case alphanumeric characters or '-'.\n"
)


def test_the_prose_name_rule_becomes_keywords_whatever_the_property_is_called() -> None:
    doc = _doc()
    doc["components"]["schemas"]["Req"] = {
        "type": "object",
        "properties": {
            "label": {"type": "string", "description": NAME_PROSE},
            "name": {"type": "string", "description": NAME_PROSE, "maxLength": 40},
            "other": {"type": "string", "description": "The name of the index."},
        },
    }
    notes = normalise.name_rule_into_keywords(doc)
    props = doc["components"]["schemas"]["Req"]["properties"]
    assert props["label"]["pattern"] == normalise.NAME_PATTERN
    assert (props["label"]["minLength"], props["label"]["maxLength"]) == (1, 45)
    assert props["name"]["maxLength"] == 40, "a limit the schema states is kept"
    assert any("maxLength kept as 40" in note for note in notes)
    assert props["other"] == {"type": "string", "description": "The name of the index."}


def test_the_name_pattern_says_what_the_prose_says() -> None:
    import re

    rule = re.compile(normalise.NAME_PATTERN)
    for good in ("a", "0", "a-b", "movie-recommendations", "x" * 45):
        assert rule.fullmatch(good), good
    for bad in ("", "-a", "a-", "A", "a_b", "a.b", ".", "..", "a b", "é"):
        assert not rule.fullmatch(bad), bad


def test_map_key_and_value_rules_become_keywords() -> None:
    doc = _doc()
    tags = {
        "type": "object",
        "description": "Tags. Keys must be 80 characters or less. Values must be 120 characters or less. "
        "Keys must be alphanumeric, '_', or '-'.  Values must be alphanumeric, ';', '@', '_', '-', '.', '+', "
        "or ' '. To unset a key, set the value to be an empty string.",
        "additionalProperties": {"type": "string"},
    }
    doc["components"]["schemas"]["Tags"] = tags
    normalise.map_rules_into_keywords(doc)
    assert tags["additionalProperties"] == {
        "type": "string",
        "maxLength": 120,
        "pattern": r"^[A-Za-z0-9;@_\-\.\+ ]*$",
    }
    assert tags["x-property-names"] == {"maxLength": 80, "pattern": r"^[A-Za-z0-9_\-]*$"}


def test_map_rules_need_a_string_map() -> None:
    doc = _doc()
    plain = {"type": "object", "description": "Keys must be 80 characters or less.", "properties": {}}
    doc["components"]["schemas"]["Plain"] = plain
    before = copy.deepcopy(plain)
    assert normalise.map_rules_into_keywords(doc) == []
    assert plain == before


def test_the_pinned_spec_gets_the_name_rule_on_every_name(spec_bytes: bytes) -> None:
    out, _notes = normalise.normalise(normalise.load_spec(spec_bytes))
    with_prose: list[Any] = []
    each_schema(out, lambda s: with_prose.append(s) if "Resource name must be" in str(s.get("description")) else None)
    assert len(with_prose) >= 2
    assert all(s["pattern"] == normalise.NAME_PATTERN and s["maxLength"] == 45 for s in with_prose)


def json_of(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _rest_doc(item_path: str, param: str, *, same_model: bool = True) -> dict[str, Any]:
    """POST /things creates a Thing (name with the rule); GET {item_path} describes one."""
    doc = _doc()
    name = {"type": "string", "description": NAME_PROSE}
    doc["components"]["schemas"] = {
        "Thing": {"type": "object", "properties": {"name": {"type": "string"}}},
        "Other": {"type": "object", "properties": {"name": {"type": "string"}}},
        "CreateThing": {"type": "object", "properties": {"name": name}, "required": ["name"]},
    }
    ref = {"$ref": "#/components/schemas/Thing"}
    path_param = {"in": "path", "name": param, "required": True, "schema": {"type": "string"}}
    doc["paths"] = {
        "/things": {
            "post": {
                "requestBody": json_of({"$ref": "#/components/schemas/CreateThing"}),
                "responses": {"201": json_of(ref)},
            }
        },
        item_path: {
            "parameters": [path_param],
            "get": {"responses": {"200": json_of(ref if same_model else {"$ref": "#/components/schemas/Other"})}},
            "delete": {"parameters": [dict(path_param, schema={"type": "string"})], "responses": {"202": {}}},
        },
        f"{item_path}/parts": {"get": {"parameters": [dict(path_param, schema={"type": "string"})], "responses": {}}},
    }
    normalise.name_rule_into_keywords(doc)
    return doc


def test_a_path_parameter_gets_the_rules_of_the_name_its_resource_was_created_with() -> None:
    doc = _rest_doc("/things/{thing_name}", "thing_name")
    notes = normalise.name_rule_into_path_parameters(doc)
    item = doc["paths"]["/things/{thing_name}"]
    for param in (
        item["parameters"][0],
        item["delete"]["parameters"][0],
        doc["paths"]["/things/{thing_name}/parts"]["get"]["parameters"][0],
    ):
        assert param["schema"] == {"type": "string", "pattern": normalise.NAME_PATTERN, "minLength": 1, "maxLength": 45}
    assert all("from POST /things name" in note for note in notes)


def test_no_link_no_rule() -> None:
    for doc in (
        _rest_doc("/things/{thing_id}", "thing_id"),  # not named after a body property
        _rest_doc("/things/{thing_name}", "thing_name", same_model=False),  # GET describes something else
        _rest_doc("/others/{thing_name}", "thing_name"),  # not under the collection that creates it
    ):
        before = copy.deepcopy(doc)
        assert normalise.name_rule_into_path_parameters(doc) == []
        assert doc == before


def test_the_pinned_spec_gets_the_name_rule_on_its_path_parameters(spec_bytes: bytes) -> None:
    out, _notes = normalise.normalise(normalise.load_spec(spec_bytes))
    for _path, _method, op in operations(out):
        for param in op.get("parameters") or []:
            if param["in"] == "path":
                assert param["schema"]["pattern"] == normalise.NAME_PATTERN, param
