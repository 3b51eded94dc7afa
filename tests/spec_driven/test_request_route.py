"""The request route of issue 23 (`_calls.build_call`: the operation table, the checked body
encoded once) against the route it replaced (the generated models' `from_dict`, the endpoint
modules' `_get_kwargs`, `to_dict`, json): same method, URL, query, headers and body bytes, and
whatever the old route refused the new one refuses with a `ClientValidationError`. For every
operation of the pinned spec in process, and of every later pinned version in a scratch generation
(`request_route.py`). The differential itself is shown to notice a broken route."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from codegen.generate import generate_spec
from codegen.normalise import load_spec, normalise
from codegen.pin import REPO_ROOT, SpecPin, known_versions
from pinecone_control import _calls as ops
from pinecone_control import _schema_checks as schema
from pinecone_control_api._operations import BY_NAME, OPERATIONS

from .request_route import Text, check_operation, difference

PINNED = SpecPin.load()
NORMALISED = normalise(load_spec(PINNED.read_verified()))[0]
SPEC_OPS = {op["operationId"]: op for item in NORMALISED["paths"].values() for op in item.values()}
LATER = [version for version in sorted(known_versions()) if version > PINNED.version]


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_the_new_route_sends_and_refuses_what_the_old_one_did(name: str) -> None:
    op = BY_NAME[name]
    tally = check_operation(NORMALISED, SPEC_OPS.get(op.operation_id), op, examples=150)
    # The fuzz reaches both outcomes (an operation without arguments has one case, which is sent).
    assert tally.dropped == [0]  # the pinned version has no union whose parser could drop a key
    if op.body_model is None and not op.parameters:
        assert tally == ([1], [0], [0], set())
    else:
        assert tally.sent[0] >= 10 and tally.refused[0] >= 10, tally


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for version in LATER:
        pin = known_versions()[version]
        out[version] = generate_spec(pin.read_verified(), tmp_path_factory.mktemp(version), pin).parent
    return out


@pytest.mark.parametrize("version", LATER)
def test_the_routes_agree_at_every_later_version(version: str, scratch: dict[str, Path], tmp_path: Path) -> None:
    """The same differential in a scratch generation of the version, its package first on the path."""
    paths = [str(scratch[version]), str(REPO_ROOT / "overlay"), str(REPO_ROOT / "openapi"), str(REPO_ROOT)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    report_file = tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, "-m", "tests.spec_driven.request_route", version, "60", str(report_file)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    report: dict[str, Any] = json.loads(report_file.read_text())
    assert report["version"] == version
    failures = {name: r["failure"] for name, r in report["operations"].items() if "failure" in r}
    assert failures == {}, "\n\n".join(f"{name}: {text}" for name, text in failures.items())
    for name, r in report["operations"].items():
        assert r["sent"] > 0 and (r["refused"] > 0 or not r["checked"]), (name, r)
        assert r["dropped"] == 0 or r["unions"], (name, r)
        # Every query parameter's rules are checked: each was refused somewhere the old route sent it.
        assert r["query_refused"] == r["query_parameters"], (name, r)


# --- The differential notices a broken route ---------------------------------------------------


CREATE: dict[str, Any] = {
    "name": "movies",
    "dimension": 8,
    "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}},
}


def test_the_routes_agree_on_hand_picked_cases() -> None:
    cases: list[tuple[str, dict[str, Any]]] = [
        ("create_index", CREATE),
        ("create_index", {**CREATE, "metric": "dotproduct", "deletion_protection": "enabled"}),
        ("create_index", {"spec": CREATE["spec"], "dimension": 8, "name": "movies"}),  # keys in another order
        ("describe_index", {"path:index_name": "a/b?c=d#e f%2F"}),
        ("configure_index", {"path:index_name": "x", "spec.pod.replicas": 2}),
        ("embed", {"model": "m", "inputs": ["a", "b"], "parameters": {"input_type": "query", "zz": 1}}),
    ]
    for name, arguments in cases:
        verdict = difference(name, arguments)
        assert verdict.problem is None and not verdict.dropped, verdict


def test_a_body_sent_in_another_key_order_is_noticed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ops, "_ordered", lambda plan, value, path: value)
    reordered = {"spec": CREATE["spec"], "dimension": 8, "name": "movies"}
    found = difference("create_index", reordered).problem
    assert found is not None and "the old route sent" in found


def test_a_check_that_misses_what_from_dict_refused_is_noticed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "_EXACT", {})  # `isinstance` alone: a str subclass passes the checks
    found = difference("create_index", {**CREATE, "name": Text("movies")}).problem
    assert found is not None and "the old route refused" in found


def test_a_path_quoted_otherwise_is_noticed(monkeypatch: pytest.MonkeyPatch) -> None:
    # The pinned version's names cannot hold a character to quote, so both routes skip the checks here.
    monkeypatch.setattr(schema, "check_request", lambda *args, **kwargs: None)
    odd = {"path:index_name": "a/b?c=d#e f%2F"}
    ops._built.cache_clear()
    try:
        assert difference("describe_index", odd).problem is None
        monkeypatch.setattr(ops, "quote", lambda text, safe="/": text)
        ops._built.cache_clear()
        found = difference("describe_index", odd).problem
    finally:
        ops._built.cache_clear()
    assert found is not None and "/indexes/a/b?c=d#e f%2F" in found


def test_every_pinned_operation_is_checked() -> None:
    assert {op.python_name for op in OPERATIONS} == set(BY_NAME) and len(BY_NAME) >= 10
