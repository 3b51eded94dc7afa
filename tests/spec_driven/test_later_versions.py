"""Every later pinned version, generated into a scratch directory exactly as `make generate` would:
its `_operations` metadata covers every operation and body property with the rules its spec states,
and `_schema_checks` enforces them, so a bump needs no hand-written line for either."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from codegen.generate import generate_spec
from codegen.normalise import load_spec, normalise
from codegen.pin import REPO_ROOT, SpecPin, known_versions
from pinecone_control import _schema_checks as checks

from .checks import (
    bad_values_rejected,
    constrained,
    examples_accepted,
    metadata_problems,
    property_examples_accepted,
    valid_bodies_accepted,
)
from .expectations import body_schema

LATER = [version for version in sorted(known_versions()) if version > SpecPin.load().version]


class Scratch(NamedTuple):
    published: dict[str, Any]
    normalised: dict[str, Any]
    operations: tuple[Any, ...]
    models: set[str]
    modules: set[str]
    package: Path


def _model_names(package: Path) -> set[str]:
    tree = ast.parse((package / "models" / "__init__.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return {str(elt.value) for elt in getattr(node.value, "elts", []) if isinstance(elt, ast.Constant)}
    return set()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Scratch]:
    out = {}
    for version in LATER:
        pin = known_versions()[version]
        package = generate_spec(pin.read_verified(), tmp_path_factory.mktemp(version), pin)
        namespace: dict[str, Any] = {}
        source = (package / "_operations.py").read_text()
        exec(compile(source, str(package / "_operations.py"), "exec"), namespace)  # only `typing` is imported
        published = load_spec(pin.read_verified())
        modules = {
            ".".join((package.name, *p.relative_to(package).with_suffix("").parts))
            for p in (package / "api").rglob("*.py")
        }
        out[version] = Scratch(
            published, normalise(published)[0], namespace["OPERATIONS"], _model_names(package), modules, package
        )
    return out


def test_there_are_later_versions_to_check() -> None:
    assert LATER, "spec-versions.json pins versions after the shipped one"


@pytest.mark.parametrize("version", LATER)
def test_metadata_covers_every_operation_and_body_property(version: str, scratch: dict[str, Scratch]) -> None:
    s = scratch[version]
    assert metadata_problems(s.published, s.normalised, s.operations, s.models, s.modules) == []


@pytest.mark.parametrize("version", LATER)
def test_the_checks_enforce_every_stated_rule(version: str, scratch: dict[str, Scratch]) -> None:
    s = scratch[version]
    examples_accepted(s.published, s.operations, checks.body_violation)
    property_examples_accepted(s.normalised, s.operations, checks.value_violation)
    spec_ops = {
        op["operationId"]: op for item in s.normalised["paths"].values() for op in item.values() if isinstance(op, dict)
    }
    for op in s.operations:
        spec_op = spec_ops[op.operation_id]
        if body_schema(s.normalised, spec_op) is None:
            continue
        # Fewer examples than for the shipped version: four versions, and every path is still visited.
        valid_bodies_accepted(s.normalised, spec_op, op, checks.body_violation, examples=4)
        exercised = bad_values_rejected(s.normalised, spec_op, op, checks.body_violation, examples=2)
        assert {f.path for f in op.body_fields if constrained(f)} <= exercised, op.python_name


def test_every_later_metadata_module_type_checks(scratch: dict[str, Scratch], tmp_path: Path) -> None:
    files = []
    for version, s in scratch.items():
        target = tmp_path / f"operations_{version.replace('-', '_')}.py"
        target.write_text((s.package / "_operations.py").read_text())
        files.append(str(target))
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file", "/dev/null", *files],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
