"""The API-change report for machines and release notes: JSON, JUnit XML, GitHub Actions, changelog.

GitHub's workflow-command syntax (docs.github.com, "Workflow commands for GitHub Actions"):
`::error file={name},line={line},title={title}::{message}`, also `::warning` and `::notice`;
in the message `%`, CR and LF are escaped as `%25`, `%0D`, `%0A`, and in a property value also
`:` and `,` as `%3A`, `%2C`. The job summary is Markdown appended to `$GITHUB_STEP_SUMMARY`.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from .findings import Finding
from .pin import REPO_ROOT
from .report import Report

FORMATS = ("markdown", "json", "junit", "github", "changelog")
_ORDER = {"breaking": 0, "behaviour": 1, "non-breaking": 2, "documentation": 3}


def to_json(report: Report) -> str:
    return json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n"


# -- JUnit XML ------------------------------------------------------------------------------------

_SUITES = (("spec", "spec changes"), ("surface", "Python surface"), ("overlay", "overlay impact"))


def _case_name(f: Finding) -> str:
    at = f" {f.at}" if f.at else ""
    return f"{f.where}{at}: {f.detail} [{f.fingerprint}]"


def to_junit(report: Report) -> str:
    """One test case per finding; an unaccepted breaking or behaviour change is a failure."""
    name = f"API change {report.old.label} -> {report.new.label}"
    root = ElementTree.Element("testsuites", name=name)
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    suites: list[tuple[str, list[Finding]]] = [(title, report.section(key)) for key, title in _SUITES]
    for title, findings in suites:
        suite = ElementTree.SubElement(root, "testsuite", name=f"{name}: {title}")
        failures = 0
        for f in findings:
            case = ElementTree.SubElement(suite, "testcase", classname=f"api_change.{f.section}.{f.rule}")
            case.set("name", _case_name(f))
            if f.gating:
                failures += 1
                failure = ElementTree.SubElement(case, "failure", type=f.severity, message=f"{f.severity}: {f.detail}")
                failure.text = f"{f.rule} at {f.where} {f.at}".rstrip() + f"\nfingerprint {f.fingerprint}"
            else:
                out = f"{f.severity}" + (f", accepted: {f.accepted}" if f.accepted else "")
                if f.override:
                    out += f" ({f.default_severity} by rule; {f.override})"
                ElementTree.SubElement(case, "system-out").text = out
        suite.set("tests", str(len(findings)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        totals["tests"] += len(findings)
        totals["failures"] += failures
    if report.stale:
        suite = ElementTree.SubElement(root, "testsuite", name=f"{name}: baseline")
        for entry in report.stale:
            case = ElementTree.SubElement(suite, "testcase", classname="api_change.baseline.stale")
            case.set("name", f"{entry.rule} {entry.where} [{entry.fingerprint}]")
            ElementTree.SubElement(case, "skipped", message=f"stale baseline entry: matches nothing ({entry.reason})")
        for key, value in (
            ("tests", len(report.stale)),
            ("failures", 0),
            ("errors", 0),
            ("skipped", len(report.stale)),
        ):
            suite.set(key, str(value))
        totals["tests"] += len(report.stale)
        totals["skipped"] += len(report.stale)
    for key, value in totals.items():
        root.set(key, str(value))
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"


# -- GitHub Actions ---------------------------------------------------------------------------------


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: str | int) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind}{' ' + props if props else ''}::{escape_data(message)}"


def _location(f: Finding) -> dict[str, str | int]:
    """Overlay type errors point at the overlay's file and line; spec files are not in the checkout."""
    if f.rule == "overlay-type-error" and f.at.startswith("line "):
        return {"file": f.where, "line": int(f.at.removeprefix("line "))}
    return {}


def to_github(report: Report, baseline_file: Path | None = None) -> str:
    """Annotations: an error per gating finding, a notice per accepted one, a warning per stale entry."""
    lines = []
    for f in sorted(report.findings, key=lambda f: _ORDER[f.severity]):
        at = f" {f.at}" if f.at else ""
        if f.gating:
            title = f"API change {report.new.label}: {f.severity} ({f.rule})"
            message = f"{f.where}{at}: {f.detail} [fingerprint {f.fingerprint}]"
            lines.append(command("error", message, **_location(f), title=title))
        elif f.accepted:
            title = f"API change {report.new.label}: accepted {f.rule}"
            message = f"{f.where}{at}: {f.detail} (accepted: {f.accepted})"
            lines.append(command("notice", message, **_location(f), title=title))
    text = baseline_file.read_text(encoding="utf-8").splitlines() if baseline_file and baseline_file.exists() else []
    for entry in report.stale:
        where: dict[str, str | int] = {}
        if baseline_file is not None:
            where["file"] = _relative(baseline_file)
            hit = next((n for n, line in enumerate(text, start=1) if entry.fingerprint in line), 0)
            if hit:
                where["line"] = hit
        message = f"stale baseline entry {entry.fingerprint} ({entry.rule} {entry.where}) matches nothing"
        lines.append(command("warning", message, **where, title="API change baseline"))
    return "\n".join(lines) + ("\n" if lines else "")


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


# -- changelog ------------------------------------------------------------------------------------

_LABEL = {"breaking": "Breaking", "behaviour": "Behaviour change", "non-breaking": "Added/changed"}


def to_changelog(report: Report) -> str:
    """One line per consumer-visible spec change, for release notes."""
    lines = [f"### Control-plane API {report.old.version} → {report.new.version}", ""]
    visible = [f for f in report.section("spec") if f.consumer_visible]
    for f in sorted(visible, key=lambda f: (_ORDER[f.severity], f.where, f.at)):
        at = f" `{f.at}`" if f.at else ""
        note = f" (accepted: {f.accepted})" if f.accepted else ""
        lines.append(f"- **{_LABEL[f.severity]}**: `{f.where}`{at}: {_without_usage(f.detail)}{note}")
    if not visible:
        lines.append("- No consumer-visible changes.")
    return "\n".join(lines) + "\n"


def _without_usage(detail: str) -> str:
    return re.sub(r"\s*\[used in [^\]]*\]$", "", detail)
