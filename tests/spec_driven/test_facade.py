"""The clients' methods come from the spec: every operation is a method of both clients, every
request-body property is reachable from a parameter, every parameter is documented. Computed from
the pinned spec's generated tables and the generated facade, not from a hand list."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Any

import pinecone_control as pc
import pinecone_control_api
import pytest
from pinecone_control_api._operations import OPERATIONS

FACADE = Path(pinecone_control_api.__file__).parent / "_facade.py"
CLIENTS = [pc.Client, pc.AsyncClient]


def invoked_sources() -> dict[str, dict[str, str]]:
    """For each facade method: its `_invocation` arguments as {source: parameter name}."""
    tree = ast.parse(FACADE.read_text(encoding="utf-8"))
    out: dict[str, dict[str, str]] = {}
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "SyncOperations"):
        for fn in (n for n in cls.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")):
            call = next(
                n
                for n in ast.walk(fn)
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "_invocation"
            )
            arguments = call.args[1]
            assert isinstance(arguments, ast.Dict)
            out[fn.name] = {
                str(k.value): str(v.id)
                for k, v in zip(arguments.keys, arguments.values, strict=True)
                if isinstance(k, ast.Constant) and isinstance(v, ast.Name)
            }
    return out


SOURCES = invoked_sources()


@pytest.mark.parametrize("cls", CLIENTS, ids=lambda c: c.__name__)
def test_every_operation_is_a_method(cls: type[Any]) -> None:
    missing = [op.python_name for op in OPERATIONS if not callable(getattr(cls, op.python_name, None))]
    assert missing == []
    if cls is pc.AsyncClient:
        assert all(inspect.iscoroutinefunction(getattr(cls, op.python_name)) for op in OPERATIONS)


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.python_name)
def test_every_request_field_is_reachable_from_a_parameter(op: Any) -> None:
    sources = SOURCES[op.python_name]
    for parameter in op.parameters:
        assert f"{parameter.location}:{parameter.name}" in sources, parameter.name
    for field in op.body_fields:
        if any(part in field.path for part in ("[]", ".*", ".<key>")):
            continue  # reached through their list or map
        # Reached as a parameter, inside one (a model or mapping argument), or through its leaves
        # (a flattened object: configure_index's `spec` through `replicas` and `pod_type`).
        reachable = any(
            field.path == s or field.path.startswith(s + ".") or s.startswith(field.path + ".") for s in sources
        )
        assert reachable, f"{op.python_name}: body field {field.path} has no parameter"


def _public_methods(cls: type[Any]) -> list[str]:
    return [n for n in dir(cls) if not n.startswith("_") and callable(getattr(cls, n))]


@pytest.mark.parametrize("cls", CLIENTS, ids=lambda c: c.__name__)
def test_every_method_documents_every_parameter(cls: type[Any]) -> None:
    undocumented = []
    for name in _public_methods(cls):
        method = getattr(cls, name)
        doc = inspect.getdoc(method) or ""
        for parameter in list(inspect.signature(method).parameters)[1:]:
            if f"\n    {parameter}:" not in "\n" + doc.split("Args:", 1)[-1] or "Args:" not in doc:
                undocumented.append(f"{name}({parameter})")
    assert undocumented == []


def test_the_spec_texts_reach_the_docstrings() -> None:
    for op in OPERATIONS:
        doc = inspect.getdoc(getattr(pc.Client, op.python_name)) or ""
        assert doc.splitlines()[0] == " ".join((op.summary or op.python_name).split())
        for status in op.errors:
            assert f"HTTP {status}" in doc, (op.python_name, status)


def test_the_coverage_check_finds_a_gap() -> None:
    """`make diff`'s client-coverage check (codegen.coverage) is able to fail: drop one argument from
    a method's `_invocation` call and the field it carried is reported."""
    from codegen.coverage import unreachable

    op = next(op for op in OPERATIONS if op.python_name == "configure_index")
    sources = dict(SOURCES["configure_index"])
    assert unreachable(op, sources) == []
    del sources["spec"]  # the object whole is a parameter too; without it, only the leaves reach it
    assert unreachable(op, sources) == []
    del sources["spec.pod.replicas"]
    assert unreachable(op, sources) == ["spec.pod.replicas"]  # spec.pod itself is still reached
    del sources["spec.pod.pod_type"]
    assert set(unreachable(op, sources)) == {"spec", "spec.pod", "spec.pod.replicas", "spec.pod.pod_type"}


@pytest.mark.parametrize("cls", CLIENTS, ids=lambda c: c.__name__)
def test_every_delete_and_only_a_delete_takes_missing_ok(cls: type[Any]) -> None:
    for op in OPERATIONS:
        parameter = inspect.signature(getattr(cls, op.python_name)).parameters.get("missing_ok")
        if op.method == "DELETE":
            assert parameter is not None, op.python_name
            assert (parameter.kind, parameter.default) == (inspect.Parameter.KEYWORD_ONLY, False)
            assert "missing_ok: True makes a 404" in (getattr(cls, op.python_name).__doc__ or "")
        else:
            assert parameter is None, op.python_name
