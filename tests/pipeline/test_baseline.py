"""Fingerprints, the accepted-changes baseline and severity overrides, and the overlay's JUnit parsing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from codegen import baseline as baselines
from codegen import findings
from codegen.impact import OverlayImpact, TypeCheckError, parse_junit, parse_mypy
from codegen.normalise import load_spec
from codegen.pin import known_versions
from codegen.specdiff import diff_specs


def spec(version: str) -> dict[str, Any]:
    return load_spec(known_versions()[version].read_verified())


def spec_findings(old: dict[str, Any], new: dict[str, Any]) -> list[findings.Finding]:
    return [findings.from_spec(c) for c in diff_specs(old, new)]


def _reversed(doc: dict[str, Any]) -> dict[str, Any]:
    """The same document with paths and component schemas in reverse order."""
    out = dict(doc)
    out["paths"] = dict(reversed(list(doc["paths"].items())))
    out["components"] = {**doc["components"], "schemas": dict(reversed(list(doc["components"]["schemas"].items())))}
    return out


def test_fingerprints_ignore_order_and_line_numbers() -> None:
    old, new = spec("2024-07"), spec("2024-10")
    plain = sorted(f.fingerprint for f in spec_findings(old, new))
    # Reordered, and re-serialised with other line breaks: same changes, same fingerprints.
    shuffled = load_spec(("# moved\n\n" + yaml.safe_dump(_reversed(new), width=60)).encode())
    assert sorted(f.fingerprint for f in spec_findings(_reversed(old), shuffled)) == plain
    assert len(set(plain)) == len(plain), "each change has its own fingerprint"
    errors = [
        TypeCheckError("overlay/pinecone_control/_client.py", line, "Name x missing", "attr-defined")
        for line in (3, 90)
    ]
    a, b = (findings.from_impact(OverlayImpact(type_errors=[e])) for e in errors)
    assert a[0].fingerprint == b[0].fingerprint and a[0].at != b[0].at


def test_usage_context_is_not_part_of_a_fingerprint() -> None:
    assert findings.subject("enum value 'X' added (breaks strict clients) [used in response]") == "enum value 'X' added"


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "accepted.yml"
    path.write_text(yaml.safe_dump(data))
    return path


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"accepted": [{"fingerprint": "76a5897822f0"}]}, "has no reason"),
        ({"accepted": [{"fingerprint": "76a5897822f0", "reason": "TODO: why"}]}, "has no reason"),
        ({"accepted": [{"fingerprint": "POST /embed", "reason": "x"}]}, "not the 12 hex digits"),
        ({"accepted": [{"fingerprint": "76a5897822f0", "reason": "x", "line": 3}]}, "unknown keys"),
        ({"severity": {"enum-value-added": "fine"}}, "use one of"),
        ({"ignored": []}, "expected a mapping"),
    ],
)
def test_a_malformed_baseline_is_refused(tmp_path: Path, data: object, message: str) -> None:
    with pytest.raises(baselines.BaselineError, match=message):
        baselines.load(_write(tmp_path, data))


def test_the_committed_baseline_loads() -> None:
    loaded = baselines.load()
    assert loaded.source == "openapi/accepted-changes.yml"


def _payment_required(found: list[findings.Finding]) -> findings.Finding:
    (finding,) = [f for f in found if f.rule == "enum-value-added" and f.where == "schema ErrorResponse"]
    return finding


def test_project_default_tolerates_response_enum_additions() -> None:
    found = spec_findings(spec("2024-07"), spec("2024-10"))
    assert _payment_required(found).severity == "breaking"  # the rule itself, for strict clients
    applied = baselines.apply(found, baselines.Baseline(), "2024-07", "2024-10")
    tolerated = _payment_required(applied.findings)
    assert (tolerated.severity, tolerated.default_severity, tolerated.override) == (
        "non-breaking",
        "breaking",
        "project default",
    )
    assert not tolerated.gating


def test_a_baseline_severity_overrides_the_project_default(tmp_path: Path) -> None:
    found = spec_findings(spec("2024-07"), spec("2024-10"))
    strict = baselines.load(
        _write(tmp_path, {"severity": {"enum-value-added": "breaking", "status-added": "breaking"}})
    )
    applied = baselines.apply(found, strict, "2024-07", "2024-10")
    assert _payment_required(applied.findings).gating
    statuses = [f for f in applied.findings if f.rule == "status-added"]
    assert statuses and all(f.gating and f.default_severity == "non-breaking" for f in statuses)


def test_accepting_and_stale_entries(tmp_path: Path) -> None:
    found = spec_findings(spec("2024-10"), spec("2025-01"))  # an inference schema change: a set's second file
    (removed,) = [f for f in found if f.rule == "property-removed" and f.where == "schema Embedding"]
    data = {
        "accepted": [
            {"fingerprint": removed.fingerprint, "to": "2025-01", "reason": "embeddings became dense or sparse"},
            {"fingerprint": "aaaaaaaaaaaa", "to": "2025-01", "reason": "a change that no longer exists"},
            {"fingerprint": "bbbbbbbbbbbb", "from": "2025-01", "reason": "another diff's entry"},
        ]
    }
    loaded = baselines.load(_write(tmp_path, data))
    applied = baselines.apply(found, loaded, "2024-10", "2025-01")
    (accepted,) = [f for f in applied.findings if f.accepted]
    assert accepted.fingerprint == removed.fingerprint and not accepted.gating
    assert [e.fingerprint for e in applied.stale] == ["aaaaaaaaaaaa"]
    # Entries for overlay findings are not stale when the overlay was not checked.
    overlay_entry = {"fingerprint": "cccccccccccc", "rule": "overlay-type-error", "reason": "adapted later"}
    with_overlay = baselines.load(_write(tmp_path, {"accepted": [overlay_entry]}))
    assert len(baselines.apply(found, with_overlay, "2024-10", "2025-01").stale) == 1
    assert baselines.apply(found, with_overlay, "2024-10", "2025-01", overlay_checked=False).stale == []
    # Scoped to another target version, the acceptance does not apply at all.
    elsewhere = baselines.apply(found, loaded, "2024-10", "2025-04")
    assert not any(f.accepted for f in elsewhere.findings)


def test_entries_for_gating_findings_round_trip_once_reasons_are_given(tmp_path: Path) -> None:
    found = baselines.apply(spec_findings(spec("2024-10"), spec("2025-01")), baselines.Baseline(), "a", "2025-01")
    block = baselines.entries_for(found.findings, "2025-01")
    assert "fingerprint" in block
    with pytest.raises(baselines.BaselineError, match="has no reason"):
        baselines.load(_write(tmp_path, yaml.safe_load(block)))
    path = tmp_path / "filled.yml"
    path.write_text(block.replace("'TODO: why this change is acceptable'", "reviewed"))
    assert not any(f.gating for f in baselines.apply(found.findings, baselines.load(path), "a", "2025-01").findings)


# -- the overlay's real results -----------------------------------------------------------------------

_JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" errors="2" failures="1" skipped="1" tests="5">
<testcase classname="" name="tests.overlay.test_operations" time="0.0">
  <error message="collection failure">tests/overlay/test_operations.py:5: in &lt;module&gt;
    from pinecone_control import EmbeddingsList
E   ImportError: cannot import name 'EmbeddingsList' from 'pinecone_control'</error></testcase>
<testcase classname="tests.overlay.test_config" name="test_ok" time="0.1"/>
<testcase classname="tests.overlay.test_config" name="test_bad" time="0.1">
  <failure message="AssertionError: assert 1 == 2">E   AssertionError: assert 1 == 2</failure></testcase>
<testcase classname="tests.overlay.test_waiting" name="test_setup" time="0.1">
  <error message="failed on setup with &quot;KeyError: 'x'&quot;">E   KeyError: 'x'</error></testcase>
<testcase classname="tests.overlay.test_waiting" name="test_skip" time="0.0"><skipped message="no"/></testcase>
</testsuite></testsuites>
"""


def test_junit_results_are_counted_as_they_happened(tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    report.write_text(_JUNIT)
    run, passed, skipped, problems = parse_junit(report)
    assert (run, passed, skipped) == (3, 1, 1)
    import_error = "ImportError: cannot import name 'EmbeddingsList' from 'pinecone_control'"
    assert [(p.kind, p.test, p.cause) for p in problems] == [
        ("collection", "tests/overlay/test_operations.py", import_error),
        ("failed", "tests/overlay/test_config.py::test_bad", "AssertionError: assert 1 == 2"),
        ("error", "tests/overlay/test_waiting.py::test_setup", "KeyError: 'x'"),
    ]  # fmt: skip


def test_type_errors_are_parsed_and_grouped_by_file() -> None:
    output = (
        '/w/overlay/pinecone_control/_client.py:24: error: Module "m" has no attribute "A"  [attr-defined]\n'
        '/w/overlay/pinecone_control/_client.py:30: error: Module "m" has no attribute "B"  [attr-defined]\n'
        '/w/overlay/pinecone_control/__init__.py:9: error: Name "C" is not defined  [name-defined]\n'
        "Found 3 errors in 2 files (checked 20 source files)\n"
    )
    impact = OverlayImpact(type_errors=parse_mypy(output))
    grouped = impact.type_errors_by_file()
    assert list(grouped) == ["overlay/pinecone_control/__init__.py", "overlay/pinecone_control/_client.py"]
    assert [(e.line, e.code) for e in grouped["overlay/pinecone_control/_client.py"]] == [
        (24, "attr-defined"),
        (30, "attr-defined"),
    ]
