"""Property-based fuzzing, from the published spec's own schemas.

- Responses: every schema-valid success body (hypothesis-jsonschema) parses through the client's
  real response path and round-trips; a body broken against its schema (a required key dropped, a
  scalar of the wrong JSON type, an object where a scalar belongs) raises ResponseValidationError
  with the raw payload kept.
- Requests: hostile names and parameters either raise ClientValidationError before any I/O, or
  produce a request that the spec accepts (validated with jsonschema) on the exact path.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import jsonschema  # type: ignore[import-untyped]
import pinecone_control as pc
import pytest
from codegen.normalise import load_spec
from codegen.pin import SpecPin
from codegen.walk import operations
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from pinecone_control import _operations as ops
from pinecone_control._response import result_of

SPEC = load_spec(SpecPin.load().read_verified())
SCHEMAS = SPEC["components"]["schemas"]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CASES = {"valid": 0, "broken": 0, "hostile": 0}


def resolve(schema: Any) -> Any:
    """Inline every `$ref` (the 2024-07 schemas are not recursive) and drop OpenAPI-only keywords."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            return resolve(SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]])
        return {k: resolve(v) for k, v in schema.items() if k not in ("example", "format", "nullable")}
    if isinstance(schema, list):
        return [resolve(v) for v in schema]
    return schema


def success_schemas() -> Iterator[tuple[str, dict[str, Any]]]:
    for _path, _method, op in operations(SPEC):
        for code, response in op["responses"].items():
            schema = ((response or {}).get("content") or {}).get("application/json", {}).get("schema")
            if str(code).startswith("2") and schema is not None:
                yield op["operationId"], resolve(schema)


RESPONSES = dict(success_schemas())
OPERATIONS = {operation.name: operation for operation in ops.OPERATIONS}


def parse(operation: str, payload: Any) -> Any:
    """The client's real success path: status, body bytes, operation parser, error mapping."""
    op = OPERATIONS[operation]
    call = ops.Call(op, {"method": "get", "url": "/"})
    response = httpx.Response(min(op.success), content=json.dumps(payload).encode())
    return result_of(call, response, "GET", "http://127.0.0.1/")


@pytest.mark.parametrize("operation", sorted(RESPONSES))
def test_every_schema_valid_body_parses_and_round_trips(operation: str) -> None:
    @FUZZ
    @given(from_schema(RESPONSES[operation]))
    def check(payload: Any) -> None:
        CASES["valid"] += 1
        model = parse(operation, payload)
        assert model.to_dict() == payload

    check()


# -- bodies that break their schema ---------------------------------------------------------------


def _breakable(schema: Any, value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str, Any]]:
    """(path, kind, schema) of every place in `value` where a change breaks the schema."""
    if not (isinstance(schema, dict) and isinstance(value, dict)):
        return
    for key in schema.get("required") or []:
        yield (*path, key), "drop", None
    for key, child in (schema.get("properties") or {}).items():
        if key not in value:
            continue
        if child.get("type") in ("string", "integer", "number", "boolean") or "enum" in child:
            yield (*path, key), "retype", child
        if child.get("type") == "object" or "properties" in child:
            yield (*path, key), "scalar-for-object", child
            yield from _breakable(child, value[key], (*path, key))
        if child.get("type") == "array" and isinstance(value[key], list):
            for i, item in enumerate(value[key][:3]):
                yield from _breakable(child.get("items"), item, (*path, key, i))


def _wrong_type(schema: dict[str, Any]) -> Any:
    kind = schema.get("type", "string")
    return {"string": 7, "integer": "7", "number": "7.5", "boolean": "true"}.get(kind, [])


def _broken(payload: Any, path: tuple[Any, ...], kind: str, schema: Any) -> Any:
    broken = copy.deepcopy(payload)
    parent = broken
    for step in path[:-1]:
        parent = parent[step]
    if kind == "drop":
        del parent[path[-1]]
    elif kind == "retype":
        parent[path[-1]] = _wrong_type(schema) if "enum" not in schema else 404
    else:
        parent[path[-1]] = "not an object"
    return broken


@pytest.mark.parametrize("operation", sorted(RESPONSES))
def test_bodies_that_break_the_schema_raise_with_the_raw_payload(operation: str) -> None:
    schema = RESPONSES[operation]

    @FUZZ
    @given(from_schema(schema), st.data())
    def check(payload: Any, data: st.DataObject) -> None:
        places = list(_breakable(schema, payload))
        if not places:
            return
        path, kind, child = data.draw(st.sampled_from(places))
        broken = _broken(payload, path, kind, child)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)  # the mutation really breaks the schema
        CASES["broken"] += 1
        with pytest.raises(pc.ResponseValidationError) as info:
            parse(operation, broken)
        assert json.loads(info.value.body) == broken
        assert info.value.status_code == min(OPERATIONS[operation].success)

    check()


# -- hostile inputs -------------------------------------------------------------------------------

NAME_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,43}[a-z0-9])?")
HOSTILE_TEXT = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            ".",
            "..",
            "../collections",
            "%2e%2e",
            "a/b",
            "a?b=c",
            "a#b",
            " a",
            "a\n",
            "\x00",
            "é",
            "-a",
            "a-",
            "A",
            "a" * 46,
            "a" * 45,
            "valid-name",
            "x" * 10_000,
        ]
    ),
    st.from_regex(NAME_RE, fullmatch=True),
)
ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    HOSTILE_TEXT,
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


class Capture(httpx.BaseTransport):
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(404, json={"error": {"code": "NOT_FOUND", "message": "x"}, "status": 404})


def _request_schema(operation: str) -> dict[str, Any]:
    for _path, _method, op in operations(SPEC):
        if op["operationId"] == operation:
            return resolve(op["requestBody"]["content"]["application/json"]["schema"])  # type: ignore[no-any-return]
    raise AssertionError(operation)


def _sent_is_valid(capture: Capture, operation: str | None, path_name: str | None, prefix: str) -> None:
    (request,) = capture.requests
    if path_name is not None:
        assert NAME_RE.fullmatch(path_name)
        assert request.url.path == f"{prefix}/{path_name}"
    if operation is not None:
        jsonschema.validate(json.loads(request.content), _request_schema(operation))


@FUZZ
@given(
    name=HOSTILE_TEXT,
    which=st.sampled_from(
        ["describe_index", "delete_index", "describe_collection", "delete_collection", "configure_index"]
    ),
)
def test_hostile_names_never_reach_the_network(name: str, which: str) -> None:
    CASES["hostile"] += 1
    capture = Capture()
    with pc.Client(api_key="k", transport=capture, max_retries=0) as client:
        calls: dict[str, Callable[[], Any]] = {
            "describe_index": lambda: client.describe_index(name),
            "delete_index": lambda: client.delete_index(name),
            "describe_collection": lambda: client.describe_collection(name),
            "delete_collection": lambda: client.delete_collection(name),
            "configure_index": lambda: client.configure_index(name, replicas=2),
        }
        call = calls[which]
        try:
            call()
        except pc.ClientValidationError:
            assert capture.requests == [], "nothing invalid may be sent"
            assert not NAME_RE.fullmatch(name)
            return
        except pc.NotFoundError:
            pass
        prefix = "/collections" if "collection" in which else "/indexes"
        _sent_is_valid(capture, "configure_index" if which == "configure_index" else None, name, prefix)


@FUZZ
@given(name=HOSTILE_TEXT, dimension=ANYTHING, metric=ANYTHING, cloud=ANYTHING, region=ANYTHING, protection=ANYTHING)
def test_hostile_create_index_arguments(
    name: Any, dimension: Any, metric: Any, cloud: Any, region: Any, protection: Any
) -> None:
    CASES["hostile"] += 1
    capture = Capture()
    with pc.Client(api_key="k", transport=capture, max_retries=0) as client:
        try:
            client.create_index(
                name,
                dimension,
                {"serverless": {"cloud": cloud, "region": region}},
                metric,
                deletion_protection=protection,
            )
        except pc.ClientValidationError:
            assert capture.requests == []
            return
        except pc.NotFoundError:
            pass
    _sent_is_valid(capture, "create_index", None, "/indexes")
    assert NAME_RE.fullmatch(json.loads(capture.requests[0].content)["name"])


@FUZZ
@given(replicas=ANYTHING, pod_type=ANYTHING, inputs=st.one_of(ANYTHING, st.lists(ANYTHING, max_size=4)))
def test_hostile_configure_and_embed_arguments(replicas: Any, pod_type: Any, inputs: Any) -> None:
    CASES["hostile"] += 1
    for operation in ("configure_index", "embed"):
        capture = Capture()
        with pc.Client(api_key="k", transport=capture, max_retries=0) as client:
            try:
                if operation == "configure_index":
                    client.configure_index("pods", replicas=replicas, pod_type=pod_type)
                else:
                    client.embed("multilingual-e5-large", inputs, input_type="query")
            except pc.ClientValidationError:
                assert capture.requests == []
                continue
            except pc.NotFoundError:
                pass
        _sent_is_valid(capture, operation, None, "")


def test_fuzz_case_counts() -> None:
    """Runs last in this module: reports how many cases the properties above checked."""
    print(f"\nfuzz cases: {CASES}")
    assert CASES["valid"] >= 100 and CASES["broken"] >= 50 and CASES["hostile"] >= 100
