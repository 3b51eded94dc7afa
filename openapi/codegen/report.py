"""The API-change report: both sides, every finding (classed, fingerprinted, maybe accepted), the verdict."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .baseline import Entry
from .findings import Finding
from .impact import OverlayImpact
from .pin import SpecFile
from .specdiff import Change
from .surface import SurfaceChange


@dataclass
class Side:
    label: str  # a version, or a file name
    version: str
    files: tuple[SpecFile, ...]  # the set: upstream paths (or local files) and their sha256
    pinned: bool
    data: bytes = field(repr=False)  # the set as one spec (merged when it has several files)
    notes: list[str] = field(default_factory=list)  # what the normaliser rewrote in this spec

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "version": self.version,
            "files": [{"path": f.path, "sha256": f.sha256} for f in self.files],
            "pinned": self.pinned,
        }


@dataclass
class Report:
    old: Side
    new: Side
    spec_changes: list[Change]
    surface_changes: list[SurfaceChange]
    impact: OverlayImpact | None
    findings: list[Finding]
    stale: list[Entry] = field(default_factory=list)
    baseline: str = "no baseline"
    seconds: float = 0.0

    def section(self, name: str) -> list[Finding]:
        return [f for f in self.findings if f.section == name]

    @property
    def gating(self) -> list[Finding]:
        return [f for f in self.findings if f.gating]

    @property
    def accepted(self) -> list[Finding]:
        return [f for f in self.findings if f.accepted]

    @property
    def breaks(self) -> bool:
        return bool(self.gating)

    def verdict(self) -> str:
        if not self.spec_changes and not self.surface_changes and (self.impact is None or self.impact.ok):
            return f"NO CHANGES: {self.old.label} and {self.new.label} are equivalent"
        spec = Counter(f.severity for f in self.section("spec"))
        surface = self.section("surface")
        parts = [
            f"{spec['breaking']} breaking, {spec['behaviour']} behaviour, {spec['non-breaking']} non-breaking, "
            f"{spec['documentation']} documentation-only spec changes",
            f"{sum(f.severity == 'breaking' for f in surface)} breaking of {len(surface)} Python surface changes",
        ]
        if self.impact is not None:
            parts.append("overlay: " + ("unaffected" if self.impact.ok else self.impact.summary()))
        if self.accepted:
            parts.append(f"{len(self.accepted)} accepted in the baseline")
        if self.gating:
            head = f"BREAKING ({len(self.gating)} unaccepted)"
        elif any(f.severity in ("breaking", "behaviour") for f in self.findings):
            head = "ACCEPTED"
        else:
            head = "COMPATIBLE"
        return f"{head}: " + "; ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.old.as_dict(),
            "to": self.new.as_dict(),
            "verdict": self.verdict(),
            "breaking": self.breaks,
            "baseline": self.baseline,
            "findings": [f.as_dict() for f in self.findings],
            "stale_baseline_entries": [e.as_dict() for e in self.stale],
            "spec_changes": [c.as_dict() for c in self.spec_changes],
            "python_surface_changes": [c.as_dict() for c in self.surface_changes],
            "overlay_impact": None if self.impact is None else self.impact.as_dict(),
            "normaliser_notes": {"from": self.old.notes, "to": self.new.notes},
            "seconds": round(self.seconds, 2),
        }
