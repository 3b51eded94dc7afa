"""Bad input is rejected with ClientValidationError before any request: the transport sees nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pinecone_control as pc
import pytest
from pinecone_control_api.models import IndexSpec, ServerlessSpec, ServerlessSpecCloud

from ..support import Api
from .conftest import Recorder

BAD_NAMES: list[Any] = [
    "",
    ".",
    "..",
    "../indexes",
    "a/b",
    "a b",
    "A",
    "Movies",
    "-a",
    "a-",
    "-",
    "a" * 46,
    "a_b",
    "a.b",
    "ä",
    "a\n",
    "%2e",
    "?x=1",
    "#",
    None,
    5,
    b"movies",
]
GOOD_NAMES = ["a", "0", "a-b", "movies-2024", "a" * 45]

NAME_CALLS: dict[str, Callable[[Api, Any], Any]] = {
    "describe_index": lambda api, name: api.describe_index(name),
    "has_index": lambda api, name: api.has_index(name),
    "delete_index": lambda api, name: api.delete_index(name),
    "configure_index": lambda api, name: api.configure_index(name, replicas=2),
    "create_index": lambda api, name: api.create_index(name, dimension=8, spec=pc.serverless_spec("aws", "us-east-1")),
    "describe_collection": lambda api, name: api.describe_collection(name),
    "delete_collection": lambda api, name: api.delete_collection(name),
    "create_collection": lambda api, name: api.create_collection(name, source="src"),
    "wait_for_index_ready": lambda api, name: api.wait_for_index_ready(name),
    "wait_for_collection_deleted": lambda api, name: api.wait_for_collection_deleted(name),
}


@pytest.mark.parametrize("call", NAME_CALLS.values(), ids=NAME_CALLS.keys())
@pytest.mark.parametrize("name", BAD_NAMES, ids=repr)
def test_invalid_names_never_reach_the_network(
    api: Api, recorder: Recorder, call: Callable[..., Any], name: Any
) -> None:
    with pytest.raises(pc.ClientValidationError):
        call(api, name)
    assert recorder.requests == []


@pytest.mark.parametrize("name", GOOD_NAMES)
def test_valid_names_pass(name: str) -> None:
    from pinecone_control import _calls as ops

    assert ops.build_call("describe_index", {"path:index_name": name}).resource == name
    assert ops.build_call("create_collection", {"name": name, "source": "src"}).resource == name


class _Name(str):
    """A name that is equal to a valid one (and hashes alike) but is of another type."""


def test_a_call_built_before_is_reused_and_bad_arguments_are_checked_every_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Calls without a body are built and checked once per distinct arguments: the same arguments
    cannot fail the checks they passed. Refused arguments are never kept, and a value equal to a
    checked one but of another type is checked on its own."""
    from pinecone_control import _calls as ops
    from pinecone_control import _schema_checks as schema

    checked: list[Any] = []
    real = schema.check_request

    def counting(operation: Any, parameters: Any, body: Any = None, **trusted: Any) -> None:
        checked.append(dict(parameters))
        real(operation, parameters, body, **trusted)

    monkeypatch.setattr(schema, "check_request", counting)
    ops._built.cache_clear()
    first = ops.build_call("describe_index", {"path:index_name": "cached-name"})
    assert ops.build_call("describe_index", {"path:index_name": "cached-name"}) is first
    assert checked == [{"index_name": "cached-name"}]
    for _ in range(2):
        with pytest.raises(pc.ClientValidationError):
            ops.build_call("describe_index", {"path:index_name": "Bad Name"})
        with pytest.raises(pc.ClientValidationError):
            ops.build_call("describe_index", {"path:index_name": ["a", "list"]})  # unhashable: still checked
    assert len(checked) == 5
    other = ops.build_call("describe_index", {"path:index_name": _Name("cached-name")})
    assert other is not first and len(checked) == 6
    body_call = {"name": "coll", "source": "cached-name"}
    assert ops.build_call("create_collection", body_call) is not ops.build_call("create_collection", body_call)


BAD_CREATES: list[dict[str, Any]] = [
    {"dimension": 0},
    {"dimension": 20001},
    {"dimension": -1},
    {"dimension": 1.5},
    {"dimension": True},
    {"dimension": "8"},
    {"metric": "manhattan"},
    {"deletion_protection": "maybe"},
    {"spec": {}},
    {"spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}, "pod": {"environment": "e", "pod_type": "p1.x1"}}},
    {"spec": {"serverless": {"cloud": "moon", "region": "r"}}},
    {"spec": {"serverless": {"cloud": "aws"}}},
    {"spec": {"pods": {}}},
    {"spec": IndexSpec()},
    {"spec": IndexSpec(serverless=ServerlessSpec(cloud=ServerlessSpecCloud("moon"), region="r"))},
    {"spec": "serverless"},
    {"spec": None},
]


@pytest.mark.parametrize("change", BAD_CREATES, ids=repr)
def test_invalid_create_arguments(api: Api, recorder: Recorder, change: dict[str, Any]) -> None:
    args: dict[str, Any] = {"name": "movies", "dimension": 8, "spec": pc.serverless_spec("aws", "us-east-1")} | change
    with pytest.raises(pc.ClientValidationError):
        api.create_index(**args)
    assert recorder.requests == []


@pytest.mark.parametrize(
    "build",
    [
        lambda: pc.pod_spec("", "p1.x1"),
        lambda: pc.pod_spec("env", ""),
        lambda: pc.pod_spec("env", replicas=2**31),  # int32 in the spec
        lambda: pc.pod_spec("env", replicas=0),
        lambda: pc.pod_spec("env", shards=-1),
        lambda: pc.pod_spec("env", pods=True),
        lambda: pc.pod_spec("env", indexed="genre"),
        lambda: pc.pod_spec("env", indexed=[1]),  # type: ignore[list-item]
        lambda: pc.pod_spec("env", source_collection=5),  # type: ignore[arg-type]
        lambda: pc.serverless_spec("aws", ""),
        lambda: pc.serverless_spec("ibm", "us"),
    ],
)
def test_spec_helpers_check_their_arguments(build: Callable[[], object]) -> None:
    with pytest.raises(pc.ClientValidationError):
        build()


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"replicas": 0},
        {"replicas": -2},
        {"replicas": "2"},
        {"replicas": 2**31},
        {"deletion_protection": "on"},
    ],
    ids=repr,
)
def test_invalid_configure_arguments(api: Api, recorder: Recorder, kwargs: dict[str, Any]) -> None:
    with pytest.raises(pc.ClientValidationError):
        api.configure_index("pods", **kwargs)
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("model", "inputs"),
    # The spec's rules only: a string model, a list of inputs whose items are objects (or strings, the
    # shorthand); an empty model or list is the server's call.
    [(5, ["x"]), ("m", "a string"), ("m", [1]), ("m", [{"text": 5}]), ("m", None), (None, ["x"])],
    ids=repr,
)
def test_invalid_embed_arguments(api: Api, recorder: Recorder, model: Any, inputs: Any) -> None:
    with pytest.raises(pc.ClientValidationError):
        api.embed(model=model, inputs=inputs)
    assert recorder.requests == []


@pytest.mark.parametrize("wait_timeout", ["10", float("nan"), True])
def test_invalid_wait_timeouts(api: Api, recorder: Recorder, wait_timeout: Any) -> None:
    with pytest.raises(pc.ClientValidationError):
        api.delete_index("movies", wait_timeout=wait_timeout)
    assert recorder.requests == []


@pytest.mark.parametrize("kwargs", [{"timeout": -1}, {"timeout": 0}, {"timeout": "5"}, {"max_retries": -1}])
def test_invalid_per_call_options(api: Api, recorder: Recorder, kwargs: dict[str, Any]) -> None:
    with pytest.raises(pc.ClientValidationError):
        api.list_indexes(**kwargs)
    assert recorder.requests == []


def test_validation_error_is_also_a_value_error() -> None:
    assert issubclass(pc.ClientValidationError, ValueError)
    assert issubclass(pc.ClientValidationError, pc.PineconeError)


def test_a_key_with_dots_is_its_own_name_not_a_path_into_nested_fields() -> None:
    """The spec leaves create_index's body open to other keys; a key spelled like a nested field's path
    (which Hypothesis drew from the code's own literals) is such a key, not `spec.pod.pod_type`."""
    from pinecone_control import _schema_checks as schema
    from pinecone_control_api._operations import BY_NAME

    body = {"name": "movies", "dimension": 8, "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}}}
    assert schema.body_violation(BY_NAME["create_index"], {**body, "spec.pod.pod_type": None}) is None
    assert schema.body_violation(BY_NAME["create_index"], {**body, "dimension": None}) is not None


def test_a_map_key_spelled_like_the_tables_entry_names_is_still_checked_as_a_key() -> None:
    """The tables name a map's entries `tags.*` and its keys `tags.<key>`; a key that is literally
    "*" or "<key>" is a key like any other and must pass the key rule (2025-10's index tags)."""
    from pinecone_control import _schema_checks as schema
    from pinecone_control_api._operations import BY_NAME, Field

    def field(path: str, name: str, python_type: str = "str", **rules: Any) -> Field:
        return Field(path, name, name, python_type, "body", False, **rules)

    tags = (
        field("tags", "tags", "IndexTags", type="object"),
        field("tags.<key>", "<key>", type="string", pattern="^[a-z]*$"),
        field("tags.*", "*", type="string", pattern="^[a-z]*$"),
    )
    op = BY_NAME["create_collection"]._replace(body_fields=tags, python_name="tagged")
    assert schema.body_violation(op, {"tags": {"ok": "v"}}) is None
    for key in ("*", "<key>", "[]", "A"):
        found = schema.body_violation(op, {"tags": {key: "v"}})
        assert found is not None and found.field == "tags.<key>" and found.rule == "pattern", (key, found)
    assert schema.body_violation(op, {"tags": {"ok": "V"}}) is not None
