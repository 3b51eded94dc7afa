"""The shipped package's `_operations` metadata and the `_schema_checks` built on it, against the
pinned spec: every operation, every body property (nested too), every stated rule."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
from types import SimpleNamespace
from typing import Any

import attrs
import pinecone_control_api.api
import pytest
from codegen.normalise import load_spec, normalise
from codegen.pin import SpecPin
from codegen.walk import operations
from pinecone_control import _schema_checks as checks
from pinecone_control._errors import ClientValidationError
from pinecone_control_api import models
from pinecone_control_api._operations import BY_NAME, OPERATIONS, Field

from .checks import (
    bad_values_rejected,
    constrained,
    examples_accepted,
    metadata_problems,
    property_examples_accepted,
    valid_bodies_accepted,
)

PUBLISHED = load_spec(SpecPin.load().read_verified())
NORMALISED = normalise(PUBLISHED)[0]
MODEL_NAMES = set(models.__all__)
MODULES = {m.name for m in pkgutil.walk_packages(pinecone_control_api.api.__path__, "pinecone_control_api.api.")}
SPEC_OPS = {op["operationId"]: op for _path, _method, op in operations(NORMALISED)}
WITH_BODY = sorted(op.python_name for op in OPERATIONS if op.body_model is not None)


def test_every_operation_has_metadata_that_agrees_with_the_spec() -> None:
    assert metadata_problems(PUBLISHED, NORMALISED, OPERATIONS, MODEL_NAMES, MODULES) == []
    assert {op.python_name: op for op in OPERATIONS} == BY_NAME


def _model(name: str) -> type[Any] | None:
    found = getattr(models, name, None)
    return found if isinstance(found, type) else None


@pytest.mark.parametrize("name", WITH_BODY)
def test_python_names_and_types_are_the_generated_models(name: str) -> None:
    op = BY_NAME[name]
    owners: dict[str, str] = {"": op.body_model or ""}
    for field in op.body_fields:
        parent = field.path[: -len(field.name)].rstrip(".") if field.python_name else None
        owner = _model(owners.get(parent or "", "")) if parent is not None else None
        if owner is not None and attrs.has(owner):
            assert field.python_name in attrs.fields_dict(owner), f"{owner.__name__} has no {field.python_name}"
        if _model(field.python_type) is not None:
            owners[field.path] = field.python_type
    assert len(owners) > 1 or all("." not in f.path for f in op.body_fields)


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.python_name)
def test_each_operation_names_the_endpoint_module_that_builds_its_request(op: Any) -> None:
    module = importlib.import_module(op.module)
    arguments = inspect.signature(module._get_kwargs).parameters
    assert [p.python_name for p in op.parameters] == [a for a in arguments if a != "body"]
    body = {"body": SimpleNamespace(to_dict=dict)} if "body" in arguments else {}
    kwargs = module._get_kwargs(**{p.python_name: "x" for p in op.parameters}, **body)
    assert kwargs["method"].upper() == op.method
    assert kwargs["url"] == op.path.format(**{p.name: "x" for p in op.parameters})


def test_importing_the_metadata_imports_no_model_and_no_endpoint() -> None:
    code = (
        "import sys, pinecone_control_api._operations\n"
        "print(sorted(m for m in sys.modules if m.startswith('pinecone_control_api')))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['pinecone_control_api', 'pinecone_control_api._operations']"


def test_the_spec_examples_pass() -> None:
    assert examples_accepted(PUBLISHED, OPERATIONS, checks.body_violation) >= 5
    assert property_examples_accepted(NORMALISED, OPERATIONS, checks.value_violation) >= 5


@pytest.mark.parametrize("name", WITH_BODY)
def test_bodies_the_schema_allows_pass(name: str) -> None:
    valid_bodies_accepted(NORMALISED, SPEC_OPS[BY_NAME[name].operation_id], BY_NAME[name], checks.body_violation)


@pytest.mark.parametrize("name", WITH_BODY)
def test_each_stated_rule_is_enforced_at_its_path(name: str) -> None:
    op = BY_NAME[name]
    exercised = bad_values_rejected(NORMALISED, SPEC_OPS[op.operation_id], op, checks.body_violation)
    assert {f.path for f in op.body_fields if constrained(f)} <= exercised


def _int32_fields() -> list[tuple[Any, Field]]:
    return [(op, f) for op in OPERATIONS for f in op.body_fields if f.format == "int32" and f.maximum is None]


def test_the_message_names_the_field_path_the_rule_and_the_value() -> None:
    _op, field = _int32_fields()[0]
    with pytest.raises(ClientValidationError) as raised:
        checks.check_value(field, 2**31)
    assert str(raised.value) == f"{field.path} must be at most 2147483647 (int32), got 2147483648"
    assert isinstance(raised.value, ValueError)
    checks.check_value(field, 2**31 - 1)


def _body_with(path: str, value: object) -> dict[str, Any]:
    body: dict[str, Any] = {}
    node = body
    *parents, last = path.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value
    return body


def test_nested_int32_overflow_in_a_body_names_the_dotted_path() -> None:
    # A nested int32 field that alone makes a valid body (configure_index's spec.pod.replicas in 2024-07).
    op, field = next(
        (op, f)
        for op, f in _int32_fields()
        if "." in f.path and checks.body_violation(op, _body_with(f.path, 2**31 - 1)) is None
    )
    found = checks.body_violation(op, _body_with(field.path, 2**31))
    assert found == checks.Violation(
        field.path, field.path, "format", f"{field.path} must be at most 2147483647 (int32), got 2147483648"
    )
    with pytest.raises(ClientValidationError, match=rf"^{re.escape(field.path)} must be at most"):
        checks.check_body(op, _body_with(field.path, 2**31))


def test_check_request_raises_and_violation_functions_return() -> None:
    for op in OPERATIONS:
        for param in op.parameters:
            assert checks.parameters_violation(op, {param.python_name: "movie-1"}) is None
            found = checks.parameters_violation(op, {param.python_name: ".."})
            assert found is not None and found.rule in {"pattern", "path_segment"} and found.path == param.path
            # Even a path parameter the spec gives no rule cannot be a path step.
            bare = op._replace(parameters=(param._replace(pattern=None, min_length=None),))
            found = checks.parameters_violation(bare, {param.python_name: ".."})
            assert found is not None and found.rule == "path_segment"
            with pytest.raises(ClientValidationError, match=param.path):
                checks.check_request(op, {})
        if op.body_required:
            with pytest.raises(ClientValidationError):
                checks.check_body(op, None)
            assert checks.body_violation(op, []) is not None
