"""`openapi/review watch` against throwaway mirrors of upstream, built from the pulled (verified) specs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from codegen.pin import known_versions

from .review_support import review


@pytest.fixture
def mirror(tmp_path: Path) -> Path:
    """A copy of upstream as pinned: every version directory with its set of specs, plus upstream's README."""
    root = tmp_path / "pinecone-api"
    for pin in known_versions().values():
        for path, data in pin.read_files():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    (root / "README.md").write_text("not a version\n")
    return root


def _watch(mirror: Path, out: Path, *extra: str) -> tuple[int, dict[str, Any], str]:
    result = review("watch", "--base-url", mirror.as_uri() + "/", "--out-dir", out, "--no-overlay", *extra)
    summary = json.loads((out / "summary.json").read_text()) if (out / "summary.json").exists() else {}
    return result.returncode, summary, result.stdout + result.stderr


def test_nothing_new_exits_0(mirror: Path, tmp_path: Path) -> None:
    code, summary, output = _watch(mirror, tmp_path / "out")
    assert code == 0, output
    assert summary["news"] == [] and summary["missing_upstream"] == []
    assert "Nothing new" in (tmp_path / "out" / "summary.md").read_text()


def test_a_new_version_directory_exits_1_with_report_and_pr_body(mirror: Path, tmp_path: Path) -> None:
    # Upstream publishes 2026-01 as the control spec alone: its set is what exists, so `embed`
    # (in the inference file from 2024-10 on) is gone from it.
    text = (mirror / known_versions()["2024-10"].paths[0]).read_text()
    assert "\n  version: 2024-10\n" in text
    new = mirror / "2026-01" / "db_control_2026-01.oas.yaml"
    new.parent.mkdir()
    new.write_text(text.replace("\n  version: 2024-10\n", "\n  version: 2026-01\n"))
    out = tmp_path / "out"
    code, summary, output = _watch(mirror, out)
    assert code == 1, output
    (item,) = summary["news"]
    assert (item["kind"], item["version"], item["changed"]) == (
        "new-version",
        "2026-01",
        ["2026-01/db_control_2026-01.oas.yaml"],
    )
    (file,) = item["files"]
    report = json.loads((out / "2024-07_to_2026-01.json").read_text())
    assert report["to"]["files"] == [file]
    assert any(c["kind"] == "operation-removed" and c["where"] == "POST /embed" for c in report["spec_changes"])
    body = (out / "pr-body-2026-01.md").read_text()
    assert body.startswith("# API 2026-01 published upstream")
    assert f"`{file['path']}` sha256 `{file['sha256']}`" in body and "make pull API_VERSION=2026-01 ACCEPT=1" in body
    assert "- **Breaking**: `POST /embed`: embed removed" in body
    assert (out / "2024-07_to_2026-01.junit.xml").exists()


def test_a_new_version_with_an_inference_file_is_diffed_as_a_set(mirror: Path, tmp_path: Path) -> None:
    for path in known_versions()["2024-10"].paths:
        text = (mirror / path).read_text()
        target = mirror / "2026-01" / Path(path).name.replace("2024-10", "2026-01")
        target.parent.mkdir(exist_ok=True)
        target.write_text(text.replace("\n  version: 2024-10\n", "\n  version: 2026-01\n"))
    out = tmp_path / "out"
    code, summary, output = _watch(mirror, out)
    assert code == 1, output
    (item,) = summary["news"]
    assert [f["path"] for f in item["files"]] == [
        "2026-01/db_control_2026-01.oas.yaml",
        "2026-01/inference_2026-01.oas.yaml",
    ]
    report = json.loads((out / "2024-07_to_2026-01.json").read_text())
    assert [f["path"] for f in report["to"]["files"]] == [f["path"] for f in item["files"]]
    assert not any(c["kind"] == "operation-removed" for c in report["spec_changes"])
    assert any(c["kind"] == "operation-added" and c["where"] == "POST /rerank" for c in report["spec_changes"])
    markdown = (out / "2024-07_to_2026-01.md").read_text()
    assert "| inference source | none | `2026-01/inference_2026-01.oas.yaml` |" in markdown


def test_a_changed_pinned_spec_exits_1(mirror: Path, tmp_path: Path) -> None:
    (pinned_path,) = known_versions()["2024-07"].paths
    pinned = mirror / pinned_path
    text = pinned.read_text()
    anchor = "    IndexModel:\n      description: The IndexModel describes the configuration and status of a Pinecone "
    anchor += "index.\n      type: object\n      properties:\n"
    assert anchor in text
    # An in-place edit upstream: a new optional response field.
    edited = text.replace(anchor, anchor + "        region_group:\n          type: string\n", 1)
    assert edited != text
    pinned.write_text(edited)
    out = tmp_path / "out"
    code, summary, output = _watch(mirror, out)
    assert code == 1, output
    (item,) = summary["news"]
    assert item["kind"] == "changed-sha256" and item["version"] == "2024-07"
    assert item["changed"] == [pinned_path]
    ((was,), (now,)) = item["pinned_files"], item["files"]
    assert was["sha256"] == known_versions()["2024-07"].files[0].sha256 != now["sha256"]
    report = json.loads((out / "2024-07-pinned_to_2024-07-upstream.json").read_text())
    changes = [(c["kind"], c["where"], c["path"]) for c in report["spec_changes"]]
    assert changes == [("property-added", "schema IndexModel", ".region_group")]
    body = (out / "pr-body-2024-07-upstream.md").read_text()
    assert "no longer matches its pin" in body and now["sha256"] in body


def test_a_changed_inference_file_is_news_and_its_operations_changes_are_reported(mirror: Path, tmp_path: Path) -> None:
    pin = known_versions()["2025-04"]
    db_control, inference = pin.paths
    text = (mirror / inference).read_text()
    anchor = "  /models:\n    get:\n"
    assert text.count(anchor) == 1
    # An in-place edit of the inference file only: `list_models` moves to another path.
    edited = text.replace(anchor, "  /models-moved:\n    get:\n", 1)
    (mirror / inference).write_text(edited)
    out = tmp_path / "out"
    code, summary, output = _watch(mirror, out)
    assert code == 1, output
    (item,) = summary["news"]
    assert (item["kind"], item["version"], item["changed"]) == ("changed-sha256", "2025-04", [inference])
    assert item["files"][0]["sha256"] == pin.files[0].sha256, "the control spec is unchanged"
    assert f"`{inference}`" in (out / "summary.md").read_text()
    report = json.loads((out / "2025-04-pinned_to_2025-04-upstream.json").read_text())
    removed = [c for c in report["spec_changes"] if c["kind"] == "operation-removed"]
    assert [(c["where"], c["severity"]) for c in removed] == [("GET /models", "breaking")]
    assert any(c["kind"] == "operation-added" and c["where"] == "GET /models-moved" for c in report["spec_changes"])
    body = (out / "pr-body-2025-04-upstream.md").read_text()
    assert f"- `{inference}`: pinned sha256 `{pin.files[1].sha256}`" in body
    assert db_control not in body.split("## Changelog lines")[0]


def test_a_file_gone_from_a_pinned_set_is_news(mirror: Path, tmp_path: Path) -> None:
    pin = known_versions()["2024-10"]
    (mirror / pin.paths[1]).unlink()  # upstream withdraws 2024-10's inference file
    out = tmp_path / "out"
    code, summary, output = _watch(mirror, out)
    assert code == 1, output
    (item,) = summary["news"]
    assert (item["kind"], item["version"], item["changed"]) == ("changed-sha256", "2024-10", [pin.paths[1]])
    report = json.loads((out / "2024-10-pinned_to_2024-10-upstream.json").read_text())
    removed = {c["where"] for c in report["spec_changes"] if c["kind"] == "operation-removed"}
    assert removed == {"POST /embed", "POST /rerank"}
    assert "upstream now `none (not in the set)`" in (out / "pr-body-2024-10-upstream.md").read_text()


def test_an_unreadable_upstream_exits_2(tmp_path: Path) -> None:
    code, _summary, output = _watch(tmp_path / "nowhere", tmp_path / "out")
    assert code == 2 and "cannot list" in output
    broken = tmp_path / "broken"
    (broken / "2026-02").mkdir(parents=True)  # a version directory without its spec
    code, _summary, output = _watch(broken, tmp_path / "out2")
    assert code == 2 and "cannot fetch" in output
