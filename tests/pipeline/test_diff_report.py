"""`make diff`: the Python surface diff (griffe), the overlay impact, the report and the gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from codegen import diff
from codegen.generate import generate_spec
from codegen.pin import SpecPin, known_versions
from codegen.surface import surface_diff


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for version in ("2024-07", "2024-10", "2025-01"):
        pin = known_versions()[version]
        out[version] = generate_spec(pin.read_verified(), tmp_path_factory.mktemp(version), pin)
    return out


def test_surface_diff_of_2024_07_to_2024_10(packages: dict[str, Path]) -> None:
    found = {
        (c.change, c.path.removeprefix("pinecone_control_api.")): c
        for c in surface_diff(packages["2024-07"], packages["2024-10"])
    }
    assert found[("removed", "api.inference")].breaking
    assert found[("removed", "models.embeddings_list")].breaking
    assert not found[("added", "models.index_tags")].breaking
    added_code = found[("added", "models.error_response_error_code.ErrorResponseErrorCode.PAYMENT_REQUIRED")]
    assert not added_code.breaking
    assert ("removed", "models.embeddings_list.EmbeddingsList") not in found, "only the outermost removal is listed"


def test_surface_diff_flags_a_field_that_became_optional(packages: dict[str, Path]) -> None:
    found = {
        c.path.removeprefix("pinecone_control_api."): c for c in surface_diff(packages["2024-10"], packages["2025-01"])
    }
    dimension = found["models.index_model.IndexModel.dimension"]
    assert dimension.change == "changed" and dimension.breaking
    assert "int | Unset" in dimension.detail


def test_surface_diff_of_a_package_against_itself_is_empty(packages: dict[str, Path]) -> None:
    assert surface_diff(packages["2024-07"], packages["2024-07"]) == []


def test_make_diff_to_2024_10_reports_and_gates(tmp_path: Path) -> None:
    mirror_unused = "file:///nonexistent/"  # both versions are pulled and pinned already
    code = diff.main(["--to", "2024-10", "--base-url", mirror_unused, "--out-dir", str(tmp_path)])
    assert code == 1, "breaking changes must fail the gate"
    markdown = (tmp_path / "2024-07_to_2024-10.md").read_text()
    report = json.loads((tmp_path / "2024-07_to_2024-10.json").read_text())
    assert markdown.startswith("# Control-plane API change: 2024-07 → 2024-10")
    assert "**Verdict: BREAKING: 2 breaking, 6 non-breaking" in markdown
    for section in ("## 1. Spec changes", "### Operations", "### Schemas", "## 2. Python surface", "## 3. Overlay"):
        assert section in markdown
    assert report["breaking"] is True and report["to"]["sha256"] == known_versions()["2024-10"].sha256
    impact = report["overlay_impact"]
    assert impact["ok"] is False
    assert any("EmbeddingsList" in error for error in impact["mypy_errors"])
    assert report["seconds"] > 0


def test_make_diff_of_the_pinned_spec_against_itself_passes(tmp_path: Path) -> None:
    pinned = SpecPin.load().pulled_file()
    code = diff.main(["--from-spec", str(pinned), "--to-spec", str(pinned), "--out-dir", str(tmp_path), "--no-overlay"])
    assert code == 0
    report = json.loads(next(tmp_path.glob("*.json")).read_text())
    assert report["spec_changes"] == [] and report["python_surface_changes"] == []
    assert report["verdict"].startswith("NO CHANGES")


def test_make_diff_explains_bad_input(tmp_path: Path) -> None:
    assert diff.main(["--to-spec", str(tmp_path / "missing.yaml"), "--out-dir", str(tmp_path)]) == 2
