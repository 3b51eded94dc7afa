"""Every published control spec generates with this project's normalisation and templates, and
every operation keeps a typed success response (the generator can drop them silently)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from codegen.generate import generate_spec
from codegen.normalise import load_spec, normalise
from codegen.pin import SpecPin, known_versions
from codegen.walk import operations

VERSIONS = sorted(known_versions())


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[SpecPin, Path]]:
    out = {}
    for version, pin in known_versions().items():
        out[version] = (pin, generate_spec(pin.read_verified(), tmp_path_factory.mktemp(version), pin))
    return out


def test_the_mirror_holds_every_expected_version() -> None:
    assert VERSIONS == ["2024-04", "2024-07", "2024-10", "2025-01", "2025-04", "2025-10"]


def _module_for(package: Path, operation_id: str) -> Path | None:
    found = list((package / "api").glob(f"*/{operation_id}.py"))
    return found[0] if found else None


@pytest.mark.parametrize("version", VERSIONS)
def test_every_operation_keeps_a_typed_success_response(
    version: str, generated: dict[str, tuple[SpecPin, Path]]
) -> None:
    pin, package = generated[version]
    spec = load_spec(pin.read_verified())
    checked = 0
    ops = list(operations(spec))
    for path, method, op in ops:
        module = _module_for(package, op["operationId"])
        assert module is not None, f"{version}: {method.upper()} {path} ({op['operationId']}) was not generated"
        source = module.read_text()
        for code, response in op["responses"].items():
            if not str(code).startswith("2"):
                continue
            assert f"if response.status_code == {code}:" in source, f"{version} {op['operationId']}: {code} dropped"
            schema = ((response or {}).get("content") or {}).get("application/json", {}).get("schema")
            if schema is not None:
                # A typed body: `response_200 = IndexModel.from_dict(...)`, never `cast(Any, ...)`.
                match = re.search(rf"response_{code} = (\w+)\.from_dict\(", source)
                assert match, f"{version} {op['operationId']}: {code} body is not a generated model"
            checked += 1
    assert checked >= len(ops) >= 9, "every operation documents at least one success status"


def test_2025_10_needs_the_title_and_header_rewrites() -> None:
    pin = known_versions()["2025-10"]
    _doc, notes = normalise(load_spec(pin.read_verified()))
    assert any(n.startswith("titles_out_of_class_names: title 'On-demand'") for n in notes)
    assert sum(n.startswith("api_version_header_out_of_operations") for n in notes) == len(
        list(operations(load_spec(pin.read_verified())))
    )


def test_no_generated_function_takes_the_api_version_header(generated: dict[str, tuple[SpecPin, Path]]) -> None:
    _pin, package = generated["2025-10"]
    for module in (package / "api").rglob("*.py"):
        assert "x_pinecone_api_version" not in module.read_text(), module


def test_each_rewrite_is_needed_by_some_version() -> None:
    from codegen.normalise import REWRITES

    needed = set()
    for pin in known_versions().values():
        _doc, notes = normalise(load_spec(pin.read_verified()))
        needed |= {note.split(":", 1)[0] for note in notes}
    assert needed == {rewrite.__name__ for rewrite in REWRITES}
