"""The emulator's catalogue and routes agree with the specs (so they cannot drift); every operation
of the table is modelled, and one routed here that the table lacks answers 501 naming it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from codegen.normalise import load_spec
from codegen.pin import REPO_ROOT, SpecPin
from codegen.walk import operations
from pinecone_control.testing import Emulator
from pinecone_control.testing._catalogue import CLOUDS, METRICS, PROTECTION, integer_rule
from pinecone_control.testing._routing import Route, Router, spec_routes

HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def _property(doc: dict[str, Any], dotted: str) -> dict[str, Any]:
    schema, *path = dotted.split(".")
    node: dict[str, Any] = doc["components"]["schemas"][schema]
    for key in path:
        node = node["properties"][key]
        if "$ref" in node:
            node = doc["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


INTEGER_RULES = {
    "CreateIndexRequest.dimension": integer_rule("create_index", "dimension"),
    "PodSpec.replicas": integer_rule("create_index", "spec.pod.replicas"),
    "PodSpec.shards": integer_rule("create_index", "spec.pod.shards"),
    "PodSpec.pods": integer_rule("create_index", "spec.pod.pods"),
    "ConfigureIndexRequest.spec.pod.replicas": integer_rule("configure_index", "spec.pod.replicas"),
}


def test_integer_rules_are_the_specs() -> None:
    doc = load_spec(SpecPin.load().read_verified())
    for dotted, rule in INTEGER_RULES.items():
        stated = _property(doc, dotted)
        assert stated["type"] == "integer", dotted
        assert (rule.minimum, rule.maximum) == (stated.get("minimum"), stated.get("maximum")), dotted
        assert rule.format == stated.get("format"), dotted


def test_enums_are_the_specs() -> None:
    doc = load_spec(SpecPin.load().read_verified())
    for dotted, values in {
        "ServerlessSpec.cloud": CLOUDS,
        "CreateIndexRequest.metric": METRICS,
        "DeletionProtection": PROTECTION,
    }.items():
        assert set(_property(doc, dotted)["enum"]) == set(values), dotted


def routes_of(doc: dict[str, Any]) -> list[Route]:
    routes = []
    for path, method, op in operations(doc):
        segments = tuple(None if s.startswith("{") else s for s in path.strip("/").split("/"))
        routes.append(Route(op["operationId"], method.upper(), segments))
    return routes


def test_the_routes_are_the_pinned_specs_operations() -> None:
    doc = load_spec(SpecPin.load().read_verified())
    assert sorted(spec_routes(), key=repr) == sorted(routes_of(doc), key=repr)
    assert Emulator().unmodelled_operations == []


def _later_specs() -> list[Path]:
    return sorted((REPO_ROOT / "openapi" / "pulled").glob("*/*.oas.yaml"))


@pytest.mark.parametrize("spec", _later_specs()[-1:], ids=lambda p: p.parent.name)
def test_operations_the_emulator_does_not_model_answer_501(spec: Path) -> None:
    """With a later spec's routes but this package's table (a router built by hand, not a bump: a
    bump regenerates the table), the operations the table lacks are listed and answered 501 naming
    the operation, after the key check, like a real route."""
    routes = routes_of(load_spec(spec.read_bytes()))
    emulator = Emulator(router=Router(routes))
    unmodelled = emulator.unmodelled_operations
    print(f"\n{spec.parent.name}: {len(unmodelled)} operations not modelled: {', '.join(unmodelled)}")
    assert unmodelled, "the latest spec has operations 2024-07 does not"
    for route in routes:
        if route.operation not in unmodelled:
            continue
        path = "/" + "/".join("x" if s is None else s for s in route.segments)
        reply = emulator.handle(route.method, path, {"Api-Key": "k"}, b"{}")
        response = httpx.Response(reply.status, content=reply.body)
        assert response.status_code == 501, (route, response.text)
        assert route.operation in response.json()["error"]["message"]
        assert emulator.handle(route.method, path, {}, b"{}").status == 401
