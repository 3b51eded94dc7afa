"""Every item of an API-change report as one kind of record, with a stable fingerprint.

A finding is a spec change, a Python surface change or an overlay breakage. Its fingerprint is a
hash of the rule and the location (plus the changed value where one location can change in
several ways, e.g. which enum value was added). It leaves out line numbers, ordering and wording
that depends on context (`[used in request]`), so a reviewer's acceptance survives re-runs,
re-orderings and unrelated spec edits.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any, Literal

from .impact import OverlayImpact
from .specdiff import Change
from .surface import SurfaceChange

Section = Literal["spec", "surface", "overlay"]
# breaking: existing callers fail; behaviour: existing calls do something else (a changed default).
SEVERITIES = ("breaking", "behaviour", "non-breaking", "documentation")
GATING = frozenset({"breaking", "behaviour"})

# Context a detail carries that is not part of the change itself: "(breaks strict clients...)",
# "[used in request/response]".
_CONTEXT = re.compile(r"\s*(\([^()]*\)|\[[^\[\]]*\])\s*$")


def fingerprint(rule: str, where: str, at: str, subject: str) -> str:
    text = "\x1f".join((rule, where, at, subject))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Finding:
    section: Section
    rule: str  # e.g. "operation-removed", "enum-value-added", "surface-removed", "overlay-type-error"
    where: str
    at: str
    detail: str
    severity: str  # after overrides
    fingerprint: str
    default_severity: str = ""  # the rule's own class, when an override changed it
    override: str = ""  # where the override comes from: "project default" or the baseline file
    accepted: str = ""  # the reviewer's reason, when the baseline accepts it
    count: int = 1  # repeated identical findings (e.g. tests failing with one cause)

    @property
    def gating(self) -> bool:
        """Fails the gate: breaking or a behaviour change, and not accepted."""
        return self.severity in GATING and not self.accepted

    @property
    def consumer_visible(self) -> bool:
        return self.severity != "documentation"

    def with_severity(self, severity: str, source: str) -> Finding:
        if severity == self.severity:
            return self
        return replace(self, severity=severity, default_severity=self.severity, override=source)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "fingerprint": self.fingerprint,
            "section": self.section,
            "rule": self.rule,
            "severity": self.severity,
            "where": self.where,
            "at": self.at,
            "detail": self.detail,
            "gating": self.gating,
        }
        if self.override:
            out["default_severity"], out["override"] = self.default_severity, self.override
        if self.accepted:
            out["accepted"] = self.accepted
        if self.count != 1:
            out["count"] = self.count
        return out


def subject(detail: str) -> str:
    """The change itself, without the context a detail carries ("(breaks strict ...)", "[used in ...]")."""
    while True:
        stripped = _CONTEXT.sub("", detail)
        if stripped == detail:
            return detail
        detail = stripped


def from_spec(change: Change) -> Finding:
    return Finding(
        "spec",
        change.kind,
        change.where,
        change.path,
        change.detail,
        change.severity,
        fingerprint(change.kind, change.where, change.path, subject(change.detail)),
    )


def from_surface(change: SurfaceChange, package: str) -> Finding:
    rule = f"surface-{change.change}"
    path = change.path.removeprefix(package + ".")
    return Finding(
        "surface",
        rule,
        f"{change.kind} {path}",
        "",
        change.detail,
        "breaking" if change.breaking else "non-breaking",
        # A removal or addition is the same whatever the signature looked like; a change is its
        # before -> after, so accepting `int -> int | Unset` does not accept `int -> str`.
        fingerprint(rule, change.kind, path, change.detail if change.change == "changed" else ""),
    )


def from_impact(impact: OverlayImpact) -> list[Finding]:
    found = []
    for error in impact.type_errors:
        message = f"{error.message} [{error.code}]" if error.code else error.message
        found.append(
            Finding(
                "overlay",
                "overlay-type-error",
                error.file,
                f"line {error.line}",
                message,
                "breaking",
                fingerprint("overlay-type-error", error.file, "", message),  # no line number
            )
        )
    for problem in impact.collection_errors:
        found.append(
            Finding(
                "overlay",
                "overlay-collection-error",
                problem.test,
                "",
                problem.cause,
                "breaking",
                fingerprint("overlay-collection-error", problem.test, "", problem.cause),
            )
        )
    # Hundreds of tests failing for one cause are one finding, counted.
    causes = Counter((p.kind, p.cause) for p in impact.test_problems if p.kind != "collection")
    for (kind, cause), count in sorted(causes.items()):
        rule = f"overlay-test-{'failed' if kind == 'failed' else 'errored'}"
        first = next(p.test for p in impact.test_problems if (p.kind, p.cause) == (kind, cause))
        shown = first if count == 1 else f"{count} tests, e.g. {first}"
        found.append(
            Finding("overlay", rule, shown, "", cause, "breaking", fingerprint(rule, "", "", cause), count=count)
        )
    for gap in impact.coverage_gaps:
        subject = gap.split(":", 1)[0].split(" ", 1)[0]
        found.append(
            Finding(
                "overlay",
                "client-coverage-gap",
                subject,
                "",
                gap,
                "breaking",
                fingerprint("client-coverage-gap", subject, "", gap),
            )
        )
    for text in impact.problems:
        subject = text.split(":", 1)[0]
        found.append(
            Finding(
                "overlay",
                "overlay-check-failed",
                subject,
                "",
                text,
                "breaking",
                fingerprint("overlay-check-failed", subject, "", text),
            )
        )
    return found
