"""The baseline of reviewed API changes (openapi/accepted-changes.yml): accept, re-class, go stale.

    severity:                      # per-rule overrides, on top of PROJECT_SEVERITY
      enum-value-added: non-breaking
    accepted:
      - fingerprint: 3f2a9c0d11e4  # from the report
        rule: operation-removed    # for the reader; the fingerprint alone decides
        where: POST /embed
        to: 2024-10                # optional: only diffs to (or `from`) this version
        reason: embed moved to the inference API; the overlay drops it in this bump

An accepted change stays in the report, marked with its reason, and no longer fails the gate.
An entry that matches nothing in a diff it applies to is reported as stale, so the file does not
collect dead acceptances.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .findings import SEVERITIES, Finding
from .pin import OPENAPI_DIR, REPO_ROOT

BASELINE_FILE = OPENAPI_DIR / "accepted-changes.yml"

# This project's own classing, documented in the README: a response enum gaining a value breaks
# strict clients, but the generated enums here keep unknown values (`.is_unknown`), so for this
# client it is not breaking. A baseline can set it back to `breaking`.
PROJECT_SEVERITY: dict[str, str] = {"enum-value-added": "non-breaking"}

_FINGERPRINT = re.compile(r"^[0-9a-f]{12}$")


class BaselineError(ValueError):
    """The baseline file is malformed; nothing is accepted from it."""


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    reason: str
    rule: str = ""
    where: str = ""
    from_version: str = ""
    to_version: str = ""

    def applies(self, from_version: str, to_version: str) -> bool:
        return self.from_version in ("", from_version) and self.to_version in ("", to_version)

    def as_dict(self) -> dict[str, str]:
        out = {"fingerprint": self.fingerprint, "rule": self.rule, "where": self.where, "reason": self.reason}
        if self.from_version:
            out["from"] = self.from_version
        if self.to_version:
            out["to"] = self.to_version
        return out


@dataclass(frozen=True)
class Baseline:
    source: str = "no baseline"
    severity: dict[str, str] = field(default_factory=dict)
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Applied:
    findings: list[Finding]
    stale: list[Entry]


def _text(value: Any, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str | int | float):
        raise BaselineError(f"{what} must be a string, not {type(value).__name__}")
    return str(value).strip()


def load(path: Path = BASELINE_FILE) -> Baseline:
    """The baseline at `path`; a missing file is an empty baseline."""
    if not path.exists():
        return Baseline()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc}") from exc
    if not isinstance(raw, dict) or set(raw) - {"severity", "accepted"}:
        raise BaselineError(f"{path}: expected a mapping with `severity` and/or `accepted` only")
    severity = raw.get("severity") or {}
    if not isinstance(severity, dict):
        raise BaselineError(f"{path}: `severity` must map rule names to one of {', '.join(SEVERITIES)}")
    for rule, value in severity.items():
        if value not in SEVERITIES:
            raise BaselineError(f"{path}: severity of {rule!r} is {value!r}; use one of {', '.join(SEVERITIES)}")
    entries = []
    for number, item in enumerate(raw.get("accepted") or [], start=1):
        where = f"{path}: accepted entry {number}"
        if not isinstance(item, dict):
            raise BaselineError(f"{where} must be a mapping")
        unknown = set(item) - {"fingerprint", "rule", "where", "reason", "from", "to"}
        if unknown:
            raise BaselineError(f"{where} has unknown keys {sorted(unknown)}")
        fp = _text(item.get("fingerprint"), f"{where} fingerprint")
        if not _FINGERPRINT.match(fp):
            raise BaselineError(f"{where}: fingerprint {fp!r} is not the 12 hex digits the report shows")
        reason = _text(item.get("reason"), f"{where} reason")
        if not reason or reason.upper().startswith("TODO"):
            raise BaselineError(f"{where} ({fp}) has no reason: say why the change is acceptable")
        entries.append(
            Entry(
                fp,
                reason,
                _text(item.get("rule"), f"{where} rule"),
                _text(item.get("where"), f"{where} where"),
                _text(item.get("from"), f"{where} from"),
                _text(item.get("to"), f"{where} to"),
            )
        )
    return Baseline(_shown(path), {str(k): str(v) for k, v in severity.items()}, tuple(entries))


def _shown(path: Path) -> str:
    """The path as the report shows it: relative to the checkout when inside it."""
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def apply(
    findings: list[Finding], baseline: Baseline, from_version: str, to_version: str, *, overlay_checked: bool = True
) -> Applied:
    """Severity overrides (project default, then the baseline's), acceptances, and stale entries.

    Without the overlay check (`--no-overlay`), entries for overlay findings cannot match and are
    not called stale."""
    entries = [e for e in baseline.entries if e.applies(from_version, to_version)]
    if not overlay_checked:
        entries = [e for e in entries if not e.rule.startswith("overlay-")]
    by_fingerprint = {e.fingerprint: e for e in entries}
    used: set[str] = set()
    out = []
    for finding in findings:
        if finding.rule in PROJECT_SEVERITY:
            finding = finding.with_severity(PROJECT_SEVERITY[finding.rule], "project default")
        if finding.rule in baseline.severity:
            override = baseline.severity[finding.rule]
            if override != finding.severity:
                original = finding.default_severity or finding.severity
                finding = replace(finding, severity=override, default_severity=original, override=baseline.source)
        entry = by_fingerprint.get(finding.fingerprint)
        if entry is not None:
            finding = replace(finding, accepted=entry.reason)
            used.add(entry.fingerprint)
        out.append(finding)
    return Applied(out, [e for e in entries if e.fingerprint not in used])


def entries_for(findings: list[Finding], to_version: str) -> str:
    """A ready-to-edit `accepted:` block for the gating findings (reasons left for the reviewer)."""
    items = [
        {
            "fingerprint": f.fingerprint,
            "rule": f.rule,
            "where": f.where,
            "to": to_version,
            "reason": "TODO: why this change is acceptable",
        }
        for f in findings
        if f.gating
    ]
    if not items:
        return ""
    return yaml.safe_dump({"accepted": items}, sort_keys=False, allow_unicode=True, width=120)
