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
import pickle
import re
import traceback
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import jsonschema  # type: ignore[import-untyped]
import pinecone_control as pc
import pytest
from codegen.normalise import load_spec
from codegen.pin import SpecPin
from codegen.walk import operations
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from pinecone_control import _calls as ops
from pinecone_control import _secrets
from pinecone_control._response import result_of

SPEC = load_spec(SpecPin.load().read_verified())
SCHEMAS = SPEC["components"]["schemas"]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CASES = {"valid": 0, "broken": 0, "hostile": 0, "bodies": 0}


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
    call = ops.Call(op, ops.Request("GET", "/", {}, None))
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
        # The raw payload is kept, but scrubbed: a drawn string equal to a key this process has
        # registered (Hypothesis samples literals from the code, the emulator's key among them) is masked.
        if not _secrets.contains_secret(json.dumps(broken)):
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
                dimension=dimension,
                spec={"serverless": {"cloud": cloud, "region": region}},
                metric=metric,
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
                    client.embed(model="multilingual-e5-large", inputs=inputs, input_type="query")
            except pc.ClientValidationError:
                assert capture.requests == []
                continue
            except pc.NotFoundError:
                pass
        _sent_is_valid(capture, operation, None, "")


# -- hostile bodies: deep nesting and broken encodings, success and error statuses ---------------

# Depths around the thresholds: the error parser's own limit (64), the interpreter's recursion
# limit (1000, reached earlier from a deeper stack; hypothesis raises it by 2000 while a test runs,
# hence the explicit examples far beyond it), and a 2 KB body of `[[[[` (1024 deep).
DEPTHS = st.one_of(st.sampled_from([1, 63, 65, 500, 900, 990, 1024, 1100, 2048, 50_000]), st.integers(1, 3000))
NEST = '"__nest__"'
# No shrinking: each case names its depth and encoding already, and a failing run stays quick.
BODIES = settings(FUZZ, max_examples=30, phases=[Phase.explicit, Phase.reuse, Phase.generate])


def _nested(depth: int, kind: str) -> str:
    if kind == "array":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


def _with_nesting(payload: Any, where: str, nested: str) -> bytes:
    """The payload with `nested` as the whole body, as a known field's value, or as a new field."""
    if where == "body" or not isinstance(payload, dict) or not payload:
        return nested.encode()
    payload = copy.deepcopy(payload)
    key = sorted(payload)[0] if where == "known-field" else "brand_new_field"
    payload[key] = "__nest__"
    return json.dumps(payload).replace(NEST, nested, 1).encode()


def _reencoded(payload: Any, how: str) -> bytes:
    """A body that is schema-valid once decoded, but arrives in a hostile encoding or with bad bytes."""
    if isinstance(payload, dict):
        payload = {**payload, "note": "caf\u00e9 \u2603"}
    text = json.dumps(payload, ensure_ascii=False)
    raw = text.encode()
    tampered = raw.replace(b"caf", rb"c\udc00af", 1)
    return {
        "bom-utf8": b"\xef\xbb\xbf" + raw,
        "utf-16": text.encode("utf-16"),
        "utf-32-le": text.encode("utf-32-le"),
        "latin-1": text.encode("latin-1", errors="replace"),
        "lone-surrogate-escape": tampered,
        "lone-surrogate-escape-in-every-string": raw.replace(b'":"', b'":"\\udc00').replace(b'": "', b'": "\\udc00'),
        "overlong-utf8": raw.replace(b"caf", b"ca\xc0\xaf\xe0\x80\xaf", 1),
        "encoded-surrogate-utf8": raw.replace(b"caf", b"ca\xed\xa0\x80", 1),
        "nul-bytes": raw.replace(b"caf", b"ca\x00f", 1),
        "truncated": raw[: max(1, len(raw) // 2)],
        "invalid-start": b"\xff\xfe\xfd" + raw,
    }[how]


ENCODINGS = [
    "bom-utf8",
    "utf-16",
    "utf-32-le",
    "latin-1",
    "lone-surrogate-escape",
    "lone-surrogate-escape-in-every-string",
    "overlong-utf8",
    "encoded-surrogate-utf8",
    "nul-bytes",
    "truncated",
    "invalid-start",
]


def outcome(operation: str, status: int, content: bytes) -> Any:
    """The client's real path for any status: a parsed result, or the typed error it raises."""
    op = OPERATIONS[operation]
    call = ops.Call(op, ops.Request("GET", "/", {}, None), "movies")
    response = httpx.Response(status, content=content, headers={"content-type": "application/json"})
    return result_of(call, response, "GET", "http://127.0.0.1/")


def _only_pinecone_errors(operation: str, status: int, content: bytes) -> None:
    CASES["bodies"] += 1
    try:
        outcome(operation, status, content)
    except pc.PineconeError as error:
        if status >= 400:
            assert isinstance(error, pc.APIStatusError) and error.status_code == status
            assert error.body == content  # nothing is lost (no secret is registered here)
        else:
            assert isinstance(error, pc.ResponseValidationError) and error.body == content
        # Every text the error carries can be produced and written as UTF-8, and it survives pickling.
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error) and str(again) == str(error)
        for text in (str(error), repr(error), "".join(traceback.format_exception(error))):
            text.encode("utf-8")
    except Exception as escaped:
        pytest.fail(f"{type(escaped).__name__} escaped for HTTP {status} ({len(content)} bytes): {escaped!r:.200}")


ERROR_STATUSES = [404, 429, 500]


@pytest.mark.parametrize("operation", sorted(RESPONSES))
def test_nested_error_bodies_raise_only_status_errors(operation: str) -> None:
    @BODIES
    @given(
        status=st.sampled_from(ERROR_STATUSES),
        depth=DEPTHS,
        kind=st.sampled_from(["array", "object"]),
        where=st.sampled_from(["body", "known-field", "new-field"]),
    )
    @example(status=500, depth=50_000, kind="array", where="body")
    @example(status=404, depth=50_000, kind="object", where="known-field")
    def check(status: int, depth: int, kind: str, where: str) -> None:
        error = {"status": status, "error": {"code": "NOT_FOUND", "message": "m"}}
        _only_pinecone_errors(operation, status, _with_nesting(error, where, _nested(depth, kind)))

    check()


@pytest.mark.parametrize("operation", sorted(RESPONSES))
def test_badly_encoded_bodies_raise_only_pinecone_errors(operation: str) -> None:
    """Success and error statuses alike; a body that still decodes may parse."""

    @BODIES
    @given(
        payload=from_schema(RESPONSES[operation]),
        status=st.sampled_from([min(OPERATIONS[operation].success), *ERROR_STATUSES]),
        how=st.sampled_from(ENCODINGS),
    )
    def check(payload: Any, status: int, how: str) -> None:
        if status >= 400:
            payload = {"status": status, "error": {"code": "NOT_FOUND", "message": "m caf"}}
        _only_pinecone_errors(operation, status, _reencoded(payload, how))

    check()


@pytest.mark.parametrize("operation", sorted(RESPONSES))
def test_nested_success_bodies_raise_only_response_validation_errors(operation: str) -> None:
    @BODIES
    @given(
        payload=from_schema(RESPONSES[operation]),
        depth=DEPTHS,
        kind=st.sampled_from(["array", "object"]),
        where=st.sampled_from(["body", "known-field", "new-field"]),
    )
    @example(payload={}, depth=1024, kind="array", where="body")
    @example(payload={}, depth=50_000, kind="array", where="body")
    @example(payload={"name": "x"}, depth=50_000, kind="object", where="new-field")
    def check(payload: Any, depth: int, kind: str, where: str) -> None:
        _only_pinecone_errors(
            operation, min(OPERATIONS[operation].success), _with_nesting(payload, where, _nested(depth, kind))
        )

    check()


def test_fuzz_case_counts() -> None:
    """Runs last in this module: reports how many cases the properties above checked."""
    print(f"\nfuzz cases: {CASES}")
    assert CASES["valid"] >= 100 and CASES["broken"] >= 50 and CASES["hostile"] >= 100 and CASES["bodies"] >= 300
