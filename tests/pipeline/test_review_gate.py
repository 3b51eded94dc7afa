"""`openapi/review diff` as a CI gate, run as CI runs it: exit codes, formats, baseline, README sample.

The real reports (regeneration + overlay type-check + overlay tests, ~10 s each) are made once per
module and shared.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from codegen import findings, report_formats
from codegen.impact import OverlayImpact, TypeCheckError
from codegen.pin import REPO_ROOT, SpecFile, SpecPin
from codegen.report import Report, Side
from junitparser import Error, Failure, JUnitXml, Skipped

from .review_support import review

STEM = "2024-07_to_2024-10"
README = REPO_ROOT / "README.md"

# GitHub's workflow-command syntax: ::command key=value,key=value::message, with `%`, CR, LF escaped
# in the message and also `:` and `,` in values.
_COMMAND = re.compile(r"^::(error|warning|notice)(?: (?P<props>[^:]*))?::(?P<message>[^\r\n]*)$")
_PROPERTY = re.compile(r"^(file|line|endLine|col|endColumn|title)=(?P<value>[^,:]*)$")


class Run:
    def __init__(self, result: subprocess.CompletedProcess[str], out: Path) -> None:
        self.result, self.out = result, out
        self.json: dict[str, Any] = json.loads((out / f"{STEM}.json").read_text())
        self.markdown = (out / f"{STEM}.md").read_text()


@pytest.fixture(scope="module")
def breaking(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """The 2024-07 -> 2024-10 review with the committed (empty) baseline, as `make diff TO=2024-10`."""
    out = tmp_path_factory.mktemp("breaking")
    summary = out / "step-summary.md"
    result = review(
        "diff", "--from", "2024-07", "--to", "2024-10", "--out-dir", out, "--format", "github",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )  # fmt: skip
    return Run(result, out)


@pytest.fixture(scope="module")
def accepted(breaking: Run, tmp_path_factory: pytest.TempPathFactory) -> Run:
    """The same review with every gating finding accepted in a scratch baseline, plus two entries
    that match nothing: one for this diff (stale) and one scoped to another version (not stale)."""
    out = tmp_path_factory.mktemp("accepted")
    gating = [f for f in breaking.json["findings"] if f["gating"]]
    entries = [
        {"fingerprint": f["fingerprint"], "rule": f["rule"], "where": f["where"], "reason": f"reviewed: {f['rule']}"}
        for f in gating
    ]
    entries.append({"fingerprint": "0123456789ab", "rule": "operation-removed", "where": "GET /gone", "reason": "old"})
    entries.append({"fingerprint": "ba9876543210", "to": "2025-04", "reason": "belongs to another bump"})
    baseline = out / "accepted-changes.yml"
    baseline.write_text(yaml.safe_dump({"accepted": entries}, sort_keys=False))
    result = review(
        "diff", "--from", "2024-07", "--to", "2024-10", "--out-dir", out, "--baseline", baseline, "--format", "junit"
    )  # fmt: skip
    run = Run(result, out)
    run.baseline = baseline  # type: ignore[attr-defined]
    return run


# -- exit codes -------------------------------------------------------------------------------------


def test_unaccepted_breaking_changes_exit_1(breaking: Run) -> None:
    assert breaking.result.returncode == 1, breaking.result.stderr
    assert breaking.json["breaking"] is True
    assert breaking.json["verdict"].startswith("BREAKING")


def test_the_gate_goes_green_when_every_change_is_accepted(breaking: Run, accepted: Run) -> None:
    assert accepted.result.returncode == 0, accepted.result.stderr
    assert accepted.json["breaking"] is False and accepted.json["verdict"].startswith("ACCEPTED")
    # Accepted changes stay in the report, marked with their reason.
    gating_before = {f["fingerprint"] for f in breaking.json["findings"] if f["gating"]}
    marked = {f["fingerprint"]: f for f in accepted.json["findings"] if f.get("accepted")}
    assert gating_before and set(marked) == gating_before
    assert marked[next(iter(gating_before))]["accepted"].startswith("reviewed: ")
    assert "| **breaking** |" not in accepted.markdown
    assert ": list[Embedding]` — _accepted: reviewed: surface-changed_" in accepted.markdown


def test_stale_entries_are_reported_and_scoped_ones_are_not(accepted: Run) -> None:
    stale = accepted.json["stale_baseline_entries"]
    assert [e["fingerprint"] for e in stale] == ["0123456789ab"]
    assert "`0123456789ab` operation-removed `GET /gone`" in accepted.markdown


def test_could_not_diff_exits_2(tmp_path: Path) -> None:
    missing = review("diff", "--to-spec", tmp_path / "missing.yaml", "--out-dir", tmp_path, "--no-overlay")
    assert missing.returncode == 2 and "could not diff" in missing.stderr
    (tmp_path / "bad.yml").write_text("accepted:\n  - fingerprint: 76a5897822f0\n")
    unexplained = review("diff", "--to", "2024-10", "--baseline", tmp_path / "bad.yml", "--out-dir", tmp_path)
    assert unexplained.returncode == 2 and "has no reason" in unexplained.stderr
    in_github = review("diff", "--to-spec", tmp_path / "missing.yaml", "--format", "github", "--out-dir", tmp_path)
    assert in_github.returncode == 2
    assert in_github.stdout.startswith("::error title=API change review::could not diff: ")
    assert review("diff", "--to", "2024-10", "--format", "yaml").returncode == 2
    assert review("nonsense").returncode == 2


def test_compatible_specs_exit_0(tmp_path: Path) -> None:
    (pinned,) = SpecPin.load().pulled_files()
    same = review("diff", "--from-spec", pinned, "--to-spec", pinned, "--out-dir", tmp_path, "--no-overlay")
    assert same.returncode == 0, same.stderr
    assert same.stdout.count("NO CHANGES") == 1


def test_make_reports_any_failure_as_2_and_says_which(tmp_path: Path) -> None:
    result = subprocess.run(
        ["make", "-s", "diff", f"TO_SPEC={tmp_path / 'missing.yaml'}"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 2
    assert "review: exit 2 (could not diff)" in result.stderr


# -- formats ----------------------------------------------------------------------------------------


def test_github_annotations_follow_the_documented_syntax(breaking: Run) -> None:
    lines = breaking.result.stdout.splitlines()
    assert lines
    gating = [f for f in breaking.json["findings"] if f["gating"]]
    errors = [line for line in lines if line.startswith("::error")]
    assert len(errors) == len(gating)
    for line in lines:
        match = _COMMAND.match(line)
        assert match, line
        for prop in (match["props"] or "").split(","):
            assert _PROPERTY.match(prop), prop
    # 2024-10's inference file makes EmbeddingsList's fields required: a breaking surface change.
    assert any("attribute models.embeddings_list.EmbeddingsList.data: " in line for line in errors)


def test_github_annotates_an_overlay_type_error_where_it_is(breaking: Run) -> None:
    """2024-10 no longer breaks the overlay's types (its set keeps `embed`), so the location of a
    type error's annotation is checked on a report that has one."""
    error = TypeCheckError("overlay/pinecone_control/__init__.py", 54, 'Module has no attribute "X"', "attr-defined")
    old = Side("2024-07", "2024-07", (SpecFile("a.yaml", "0" * 64),), True, b"")
    new = Side("2099-01", "2099-01", (SpecFile("b.yaml", "1" * 64),), False, b"")
    report = Report(old, new, [], [], OverlayImpact(type_errors=[error]), findings.from_impact(OverlayImpact([error])))
    (line,) = report_formats.to_github(report).splitlines()
    assert line.startswith("::error file=overlay/pinecone_control/__init__.py,line=54,title=API change 2099-01")


def test_github_job_summary_is_the_markdown_report(breaking: Run) -> None:
    summary = (breaking.out / "step-summary.md").read_text()
    assert summary.strip() == breaking.markdown.strip()


def test_junit_parses_with_a_junit_parser(breaking: Run, accepted: Run) -> None:
    xml = JUnitXml.fromfile(str(breaking.out / f"{STEM}.junit.xml"))
    cases = [case for suite in xml for case in suite]
    failed = [case for case in cases if any(isinstance(r, Failure) for r in case.result)]
    assert len(cases) == len(breaking.json["findings"])
    assert len(failed) == sum(f["gating"] for f in breaking.json["findings"]) == xml.failures
    assert any(case.name.startswith("attribute models.embeddings_list.EmbeddingsList.data") for case in failed)
    # The accepted run printed its JUnit on stdout: no failures, the stale entry skipped.
    green = JUnitXml.fromstring(accepted.result.stdout)
    green_cases = [case for suite in green for case in suite]
    assert not any(isinstance(r, Failure | Error) for case in green_cases for r in case.result)
    skipped = [case for case in green_cases if any(isinstance(r, Skipped) for r in case.result)]
    assert [case.name for case in skipped] == ["operation-removed GET /gone [0123456789ab]"]


def test_changelog_has_one_line_per_consumer_visible_change(breaking: Run) -> None:
    text = (breaking.out / f"{STEM}.changelog.md").read_text()
    items = [line for line in text.splitlines() if line.startswith("- ")]
    visible = [f for f in breaking.json["findings"] if f["section"] == "spec" and f["severity"] != "documentation"]
    assert len(items) == len(visible) > 0
    assert "- **Added/changed**: `POST /rerank`: rerank added" in items, "an inference file's operation"


def test_the_report_names_every_spec_change(breaking: Run) -> None:
    for change in breaking.json["spec_changes"]:
        assert f"`{change['where']}`" in breaking.markdown, change
        assert change["detail"] in breaking.markdown, change
    for change in breaking.json["python_surface_changes"]:
        assert change["path"].removeprefix("pinecone_control_api.") in breaking.markdown, change


def test_normaliser_notes_are_in_the_report(breaking: Run) -> None:
    notes = breaking.json["normaliser_notes"]
    merged = "spec_set_into_notes: merged 2024-10/db_control_2024-10.oas.yaml + 2024-10/inference_2024-10.oas.yaml"
    assert merged in notes["to"] and not any(n.startswith("spec_set_into_notes") for n in notes["from"])
    assert "security_into_operations: POST /rerank: security from root" in notes["to"]
    assert "## 4. Normalisation" in breaking.markdown
    assert f"- {merged}" in breaking.markdown


def test_the_header_names_each_file_of_both_sets(breaking: Run) -> None:
    assert [f["path"] for f in breaking.json["to"]["files"]] == [
        "2024-10/db_control_2024-10.oas.yaml",
        "2024-10/inference_2024-10.oas.yaml",
    ]
    inference = breaking.json["to"]["files"][1]
    assert "| inference source | none | `2024-10/inference_2024-10.oas.yaml` |" in breaking.markdown
    assert f"| inference sha256 |  | `{inference['sha256'][:16]}…` |" in breaking.markdown


# -- the README sample is what the command prints -----------------------------------------------------


def _readme_sample() -> list[str]:
    text = README.read_text()
    start = text.index("Sample: `make diff TO=2024-10`")
    end = text.index("\n### ", start)
    return [line[2:] if line.startswith("> ") else "" for line in text[start:end].splitlines() if line.startswith(">")]


def _comparable(lines: list[str]) -> list[str]:
    """Timings vary per run; in the overlay's part (its section and the verdict's tail) so do test
    counts and line numbers, with every edit to the overlay. Those numbers are compared as N."""
    out, in_overlay = [], False
    for line in lines:
        line = re.sub(r"\d+(\.\d+)? s\b", "N s", line)
        if line.startswith("## "):
            in_overlay = line.startswith("## 3. Overlay")
        # The overlay's findings also count in "(N unaccepted)" and the baseline summary.
        line = re.sub(r"BREAKING \(\d+ unaccepted\)", "BREAKING (N unaccepted)", line)
        if in_overlay or line.startswith("Baseline: "):
            line = re.sub(r"\d+", "N", line)
        elif "; overlay: " in line:
            head, tail = line.split("; overlay: ", 1)
            line = head + "; overlay: " + re.sub(r"\d+", "N", tail)
        out.append(line)
    return out


def test_the_readme_sample_is_real_output(breaking: Run) -> None:
    """Every sample line (apart from `…` elisions) appears in the report, in order."""
    sample = [line for line in _comparable(_readme_sample()) if line.strip() not in ("…", "| … |")]
    assert len(sample) > 40
    output = iter(_comparable(breaking.markdown.splitlines()))
    for line in sample:
        assert any(line == candidate for candidate in output), f"README sample line not in the output: {line!r}"
