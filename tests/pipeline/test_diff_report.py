"""`make diff`: the Python surface diff (griffe), the overlay impact, the report and the gate."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from codegen import diff
from codegen.generate import generate_spec
from codegen.impact import _mypy
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
    # 2024-10's set has its inference file: embed stays, rerank is added, EmbeddingsList changes.
    assert not any(change == "removed" for change, _path in found), [p for c, p in found if c == "removed"]
    assert not found[("added", "api.inference.rerank")].breaking
    assert found[("changed", "models.embeddings_list.EmbeddingsList.data")].breaking
    assert not found[("added", "models.inference_error_response")].breaking
    assert not found[("added", "models.index_tags")].breaking
    added_code = found[("added", "models.error_response_error_code.ErrorResponseErrorCode.PAYMENT_REQUIRED")]
    assert not added_code.breaking


def test_surface_diff_lists_only_the_outermost_removal(packages: dict[str, Path]) -> None:
    found = {
        (c.change, c.path.removeprefix("pinecone_control_api.")): c
        for c in surface_diff(packages["2024-10"], packages["2025-01"])
    }
    assert found[("removed", "models.embedding")].breaking, "2025-01's inference file replaces Embedding"
    assert ("removed", "models.embedding.Embedding") not in found


def test_surface_diff_flags_a_field_that_became_optional(packages: dict[str, Path]) -> None:
    found = {
        c.path.removeprefix("pinecone_control_api."): c for c in surface_diff(packages["2024-10"], packages["2025-01"])
    }
    dimension = found["models.index_model.IndexModel.dimension"]
    assert dimension.change == "changed" and dimension.breaking
    assert "int | Unset" in dimension.detail


def test_surface_diff_of_a_package_against_itself_is_empty(packages: dict[str, Path]) -> None:
    assert surface_diff(packages["2024-07"], packages["2024-07"]) == []


def test_the_overlay_impact_of_2025_10_counts_real_results(tmp_path: Path) -> None:
    """2025-10 no longer has `IndexSpec`, which overlay test modules import: the report must say
    which test modules could not be imported and why, and count only tests that ran (it once said
    "2 tests, 2 failing" when none ran). (2025-04 no longer serves: its set keeps `embed`.)"""
    code = diff.main(["--to", "2025-10", "--from", "2024-07", "--out-dir", str(tmp_path), "--format", "json"])
    assert code == 1
    report = json.loads((tmp_path / "2024-07_to_2025-10.json").read_text())
    markdown = (tmp_path / "2024-07_to_2025-10.md").read_text()
    impact = report["overlay_impact"]
    tests = impact["tests"]
    assert tests["run"] == tests["passed"] + tests["failed"] + tests["errored"]
    assert tests["run"] > 100, "the modules that import still run"
    collection = [p for p in impact["test_problems"] if p["kind"] == "collection"]
    assert tests["collection_errors"] == len(collection) >= 1
    for problem in collection:
        assert problem["test"].startswith("tests/overlay/test_") and problem["test"].endswith(".py")
        assert re.match(r"^(ImportError|ModuleNotFoundError): ", problem["cause"]), problem
    assert "Test modules that could not be imported" in markdown
    assert f"- `{collection[0]['test']}`: `{collection[0]['cause']}`" in markdown
    # Type errors grouped by file, each file once with its count.
    files = {e["file"] for e in impact["type_errors"]}
    for file in files:
        count = sum(e["file"] == file for e in impact["type_errors"])
        assert markdown.count(f"- `{file}` ({count})") == 1
    # Every spec change is named in the report.
    for change in report["spec_changes"]:
        assert change["detail"] in markdown and f"`{change['where']}`" in markdown, change


def test_make_diff_of_the_pinned_spec_against_itself_passes(tmp_path: Path) -> None:
    (pinned,) = SpecPin.load().pulled_files()
    code = diff.main(["--from-spec", str(pinned), "--to-spec", str(pinned), "--out-dir", str(tmp_path), "--no-overlay"])
    assert code == 0
    report = json.loads(next(tmp_path.glob("*.json")).read_text())
    assert report["spec_changes"] == [] and report["python_surface_changes"] == []
    assert report["verdict"].startswith("NO CHANGES")


def test_make_diff_of_local_files_merges_them_as_a_set(tmp_path: Path) -> None:
    pin = known_versions()["2024-10"]
    local = [str(path) for path in pin.pulled_files()]
    code = diff.main(["--from", "2024-10", "--to-spec", *local, "--out-dir", str(tmp_path), "--no-overlay"])
    assert code == 0
    report = json.loads(next(tmp_path.glob("*.json")).read_text())
    assert report["verdict"].startswith("NO CHANGES"), "the same set, merged the same way"
    assert report["from"]["files"] == [{"path": f.path, "sha256": f.sha256} for f in pin.files]
    assert [f["sha256"] for f in report["to"]["files"]] == [f.sha256 for f in pin.files]
    only_control = diff.main(["--from", "2024-10", "--to-spec", local[0], "--out-dir", str(tmp_path), "--no-overlay"])
    assert only_control == 1, "without its inference file, 2024-10 loses embed and rerank"


def test_make_diff_explains_bad_input(tmp_path: Path) -> None:
    assert diff.run(["--to-spec", str(tmp_path / "missing.yaml"), "--out-dir", str(tmp_path)]) == 2


def test_the_shared_mypy_cache_never_hides_an_edit(packages: dict[str, Path], tmp_path: Path) -> None:
    """The overlay check reuses mypy's cache between runs, each run's package in a fresh directory.
    An edit that keeps a file's size and mtime (two generations within one second) must be seen."""
    shipped = packages["2024-07"]
    assert _mypy(shipped, shipped.parent) == ([], [])  # the cache now holds this package
    package = tmp_path / shipped.name
    shutil.copytree(shipped, package)
    models = package / "models" / "__init__.py"
    before = (shipped / "models" / "__init__.py").stat()
    text = models.read_text()
    assert "from .index_model import IndexModel\n" in text
    models.write_text(text.replace("from .index_model import IndexModel\n", "from .index_model import IndexModeX\n"))
    os.utime(models, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert models.stat().st_size == before.st_size
    errors, problems = _mypy(package, tmp_path)
    assert not problems and any("IndexModeX" in e.message for e in errors)
