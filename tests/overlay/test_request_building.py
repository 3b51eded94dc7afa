"""A request in one trip (`_calls.build_call`): from the operation table and the checked arguments
to method, path, query, headers and body bytes, with no generated model or endpoint module on the
way; each rule checked once, a builder's deployment included. (That this route sends exactly what
the generated models and endpoint modules sent is tests/spec_driven/test_request_route.py.)"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pinecone_control as pc
import pytest
from pinecone_control import _calls as ops
from pinecone_control import _schema_checks as schema
from pinecone_control_api import models

SERVERLESS = {"serverless": {"cloud": "aws", "region": "us-east-1"}}


def test_a_request_is_method_target_headers_and_bytes() -> None:
    assert ops.build_call("describe_index", {"path:index_name": "movies"}).request == ops.Request(
        "GET", "/indexes/movies", {}, None
    )
    call = ops.build_call("create_index", {"name": "movies", "dimension": 8, "spec": SERVERLESS, "metric": "cosine"})
    assert call.request == ops.Request(
        "POST",
        "/indexes",
        {"Content-Type": "application/json"},
        b'{"name":"movies","dimension":8,"spec":{"serverless":{"cloud":"aws","region":"us-east-1"}},"metric":"cosine"}',
    )
    assert call.body == {"name": "movies", "dimension": 8, "spec": SERVERLESS, "metric": "cosine"}


def test_keys_go_in_the_order_the_generated_models_sent_them() -> None:
    """Required fields first, then the optional ones, each in the spec's order; keys a model does
    not know (an open object's extras) before them all, as `to_dict` put its `additional_properties`."""
    given = {"metric": "cosine", "spec": SERVERLESS, "dimension": 8, "name": "movies"}
    sent = ops.build_call("create_index", given).request.content
    assert sent == (
        b'{"name":"movies","dimension":8,"spec":{"serverless":{"cloud":"aws","region":"us-east-1"}},"metric":"cosine"}'
    )
    embed = ops.build_call("embed", {"model": "m", "inputs": ["a"], "parameters": {"input_type": "query", "zz": 1}})
    assert embed.request.content == b'{"model":"m","inputs":[{"text":"a"}],"parameters":{"zz":1,"input_type":"query"}}'


def test_unknown_parameters_and_unsendable_models_are_refused() -> None:
    with pytest.raises(pc.ClientValidationError, match="create_collection has no path parameter 'x'"):
        ops.build_call("create_collection", {"name": "c", "source": "s", "path:x": "y"})
    spec = pc.pod_spec("us-east1-gcp")
    spec.pod = None  # type: ignore[assignment]  # a model changed into one that cannot say what it holds
    with pytest.raises(pc.ClientValidationError, match="spec: IndexSpec cannot be sent as JSON"):
        ops.build_call("create_index", {"name": "movies", "dimension": 8, "spec": spec})


def test_a_str_subclass_in_the_body_is_refused_as_the_generated_models_refused_it() -> None:
    class Name(str):
        pass

    with pytest.raises(pc.ClientValidationError, match="name must be a string, got Name"):
        ops.build_call("create_collection", {"name": Name("coll"), "source": "src"})
    # A path parameter was only ever quoted (`str()`), never given to a model: still accepted.
    assert ops.build_call("describe_index", {"path:index_name": Name("movies")}).request.target == "/indexes/movies"


def _visits(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The body fields the checks visit, in order."""
    seen: list[str] = []
    real = schema._nested_violation

    def counting(tables: Any, field: Any, value: object, shown: str, trusted: frozenset[str] = frozenset()) -> Any:
        seen.append(field.path)
        return real(tables, field, value, shown, trusted)

    monkeypatch.setattr(schema, "_nested_violation", counting)
    return seen


def _conversions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each `IndexSpec.from_dict` / `to_dict`, in order."""
    done: list[str] = []
    cls = models.IndexSpec
    from_dict, to_dict = cls.from_dict.__func__, cls.to_dict  # type: ignore[attr-defined]

    def counted_from_dict(klass: Any, data: Any) -> Any:
        done.append("from_dict")
        return from_dict(klass, data)

    def counted_to_dict(self: Any) -> Any:
        done.append("to_dict")
        return to_dict(self)

    monkeypatch.setattr(cls, "from_dict", classmethod(counted_from_dict))
    monkeypatch.setattr(cls, "to_dict", counted_to_dict)
    return done


def test_a_builder_deployment_is_checked_and_converted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    seen, done = _visits(monkeypatch), _conversions(monkeypatch)
    spec = pc.pod_spec("us-east1-gcp", replicas=2)
    assert "spec" in seen and "spec.pod.replicas" in seen and done == ["from_dict"]
    seen.clear()
    call = ops.build_call("create_index", {"name": "movies", "dimension": 8, "spec": spec})
    assert seen == ["name", "dimension"]  # the deployment was checked when it was built
    assert done == ["from_dict", "to_dict"]  # model -> JSON once, for the bytes; no model of the body
    assert call.body is not None and call.body["spec"] == {
        "pod": {"environment": "us-east1-gcp", "pod_type": "p1.x1", "replicas": 2}
    }


@pytest.mark.parametrize("changed", [True, 2.0, 0, "2"])
def test_a_builder_deployment_changed_after_it_was_built_is_checked_again(changed: object) -> None:
    spec = pc.pod_spec("us-east1-gcp", replicas=2)
    assert spec.pod
    spec.pod.replicas = changed  # type: ignore[assignment]
    with pytest.raises(pc.ClientValidationError, match=r"spec\.pod\.replicas"):
        ops.build_call("create_index", {"name": "movies", "dimension": 8, "spec": spec})


def test_a_builder_deployment_changed_validly_is_checked_and_sent_as_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = pc.pod_spec("us-east1-gcp", replicas=2, indexed=["genre"])
    assert spec.pod and spec.pod.metadata_config
    spec.pod.metadata_config.indexed.append("year")  # type: ignore[union-attr]  # a list it shares with no check
    seen = _visits(monkeypatch)
    call = ops.build_call("create_index", {"name": "movies", "dimension": 8, "spec": spec})
    assert "spec" in seen
    assert b'"indexed":["genre","year"]' in (call.request.content or b"")
    # Used for another field, or given with a leaf of its own, it is checked there too.
    seen.clear()
    ops.build_call("create_index", {"name": "movies", "dimension": 8, "spec": pc.pod_spec("e"), "spec.pod.replicas": 2})
    assert "spec" in seen


def test_running_calls_imports_no_endpoint_module_and_no_generated_client() -> None:
    code = """
import sys
import pinecone_control as pc
from pinecone_control.testing import Emulator, Timings
with Emulator(timings=Timings.instant()).client() as c:
    c.create_index("movies", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"), wait_timeout=30)
    c.configure_index("movies", deletion_protection="enabled")
    c.describe_index("movies")
    c.list_indexes()
    c.embed(model="multilingual-e5-large", inputs=["a"], input_type="query")
unused = ("pinecone_control_api.api", "pinecone_control_api.client", "pinecone_control_api.errors")
print(sorted(m for m in sys.modules if m.startswith(unused)))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_call_kept_for_reuse_is_not_reused_for_an_equal_value_spelled_otherwise() -> None:
    """`0.0 == -0.0` and `Decimal("1.0") == Decimal("1.00")`, but a query string spells them apart."""
    from decimal import Decimal

    assert ops._key("query:limit", 0.0) != ops._key("query:limit", -0.0)
    assert ops._key("query:limit", Decimal("1.0")) != ops._key("query:limit", Decimal("1.00"))
    assert ops._key("path:index_name", "movies") == ops._key("path:index_name", "movies")
