"""`make diff`: what changes between two control-plane specs, for a pull request.

    python -m codegen.diff --to 2024-10 [--from 2024-07] [--base-url URL]
    python -m codegen.diff --from-spec old.yaml --to-spec new.yaml

Writes build/diff/<from>_to_<to>.md (Markdown for a pull request) and .json (for tools), prints
the Markdown, and exits 0 when nothing breaks, 1 when something does (spec, Python surface or the
overlay), 2 when the diff itself could not be made.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .generate import GenerateError, generate_spec
from .impact import OverlayImpact, overlay_impact
from .normalise import load_spec
from .pin import REPO_ROOT, UPSTREAM_BASE_URL, PinError, SpecPin, sha256_of
from .pull import spec_for
from .specdiff import SEVERITY_ORDER, Change, diff_specs
from .surface import SurfaceChange, surface_diff

OUT_DIR = REPO_ROOT / "build" / "diff"


@dataclass
class Side:
    label: str  # a version, or a file name
    version: str
    source: str  # upstream path or file
    sha256: str
    pinned: bool
    data: bytes = field(repr=False)


@dataclass
class Report:
    old: Side
    new: Side
    spec_changes: list[Change]
    surface_changes: list[SurfaceChange]
    impact: OverlayImpact | None
    seconds: float = 0.0

    @property
    def breaking_spec(self) -> int:
        return sum(c.severity == "breaking" for c in self.spec_changes)

    @property
    def breaking_surface(self) -> int:
        return sum(c.breaking for c in self.surface_changes)

    @property
    def breaks(self) -> bool:
        return bool(self.breaking_spec or self.breaking_surface or (self.impact and not self.impact.ok))

    def verdict(self) -> str:
        counts = Counter(c.severity for c in self.spec_changes)
        if not self.spec_changes and not self.surface_changes:
            return f"NO CHANGES: {self.old.label} and {self.new.label} are equivalent"
        impact = ""
        if self.impact is not None:
            impact = "; overlay: " + (
                "unaffected"
                if self.impact.ok
                else f"{len(self.impact.mypy_errors)} type errors, {len(self.impact.test_failures)} failing tests"
            )
        head = "BREAKING" if self.breaks else "COMPATIBLE"
        return (
            f"{head}: {counts['breaking']} breaking, {counts['non-breaking']} non-breaking, "
            f"{counts['documentation']} documentation-only spec changes; "
            f"{self.breaking_surface} breaking of {len(self.surface_changes)} Python surface changes{impact}"
        )

    def as_dict(self) -> dict[str, Any]:
        def side(s: Side) -> dict[str, Any]:
            return {"label": s.label, "version": s.version, "source": s.source, "sha256": s.sha256, "pinned": s.pinned}

        return {
            "from": side(self.old),
            "to": side(self.new),
            "verdict": self.verdict(),
            "breaking": self.breaks,
            "spec_changes": [c.as_dict() for c in self.spec_changes],
            "python_surface_changes": [c.as_dict() for c in self.surface_changes],
            "overlay_impact": None if self.impact is None else self.impact.as_dict(),
            "seconds": round(self.seconds, 2),
        }


def _row(*cells: str) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |"


def _spec_section(changes: list[Change], title: str) -> list[str]:
    lines = [f"### {title}", ""]
    relevant = [c for c in changes if c.severity != "documentation"]
    docs = [c for c in changes if c.severity == "documentation"]
    if relevant:
        lines += [_row("severity", "where", "at", "change"), _row("---", "---", "---", "---")]
        for c in sorted(relevant, key=lambda c: (SEVERITY_ORDER[c.severity], c.where, c.path)):
            lines.append(
                _row(
                    f"**{c.severity}**" if c.severity == "breaking" else c.severity,
                    f"`{c.where}`",
                    f"`{c.path}`" if c.path else "",
                    c.detail,
                )
            )
    else:
        lines.append("No breaking or non-breaking changes.")
    if docs:
        lines += ["", f"<details><summary>{len(docs)} documentation-only changes</summary>", ""]
        lines += [f"- `{c.where}` {c.path} {c.detail}".rstrip() for c in sorted(docs, key=lambda c: (c.where, c.path))]
        lines += ["", "</details>"]
    return [*lines, ""]


def render_markdown(report: Report) -> str:
    old, new = report.old, report.new
    lines = [
        f"# Control-plane API change: {old.label} → {new.label}",
        "",
        f"**Verdict: {report.verdict()}**",
        "",
        _row("", "from", "to"),
        _row("---", "---", "---"),
        _row("API version", old.version, new.version),
        _row("source", f"`{old.source}`", f"`{new.source}`"),
        _row(
            "sha256",
            f"`{old.sha256[:16]}…`" + ("" if old.pinned else " (unpinned)"),
            f"`{new.sha256[:16]}…`" + ("" if new.pinned else " (unpinned)"),
        ),
        "",
        "## 1. Spec changes",
        "",
        "Direction-aware: a request that accepts less, or a response that can carry more (a new enum",
        "value included), breaks clients. `$ref`s are followed; each component schema is compared once.",
        "",
    ]
    operations = [c for c in report.spec_changes if not c.where.startswith("schema ")]
    schemas = [c for c in report.spec_changes if c.where.startswith("schema ")]
    lines += _spec_section(operations, "Operations")
    lines += _spec_section(schemas, "Schemas")
    lines += ["## 2. Python surface of `pinecone_control_api`", ""]
    if report.surface_changes:
        counts = Counter(c.change for c in report.surface_changes)
        lines += [
            f"{counts['removed']} removed, {counts['added']} added, {counts['changed']} changed "
            f"({report.breaking_surface} breaking: griffe's breakages, plus changed attribute, "
            "return and base types).",
            "",
        ]
        lines += [_row("change", "kind", "path", "detail"), _row("---", "---", "---", "---")]
        order = {"removed": 0, "changed": 1, "added": 2}
        for c in sorted(report.surface_changes, key=lambda c: (order[c.change], not c.breaking, c.path)):
            change = f"**{c.change}**" if c.breaking else c.change
            path = c.path.removeprefix("pinecone_control_api.")
            lines.append(_row(change, c.kind, f"`{path}`", f"`{c.detail}`" if c.detail else ""))
    else:
        lines.append("No changes.")
    lines += ["", "## 3. Overlay impact", ""]
    impact = report.impact
    if impact is None:
        lines.append("Not checked (--no-overlay).")
    else:
        tested = f"{impact.tests_run} tests" if impact.tests_run else "its tests could not start"
        lines.append(
            f"The overlay, type-checked (`mypy --strict`) and tested ({tested}) against the "
            f"regenerated package in {impact.seconds:.1f} s: "
            + ("**nothing breaks**." if impact.ok else "**it breaks**.")
        )
        for title, items in (
            ("Type errors", impact.mypy_errors),
            ("Failing tests", impact.test_failures),
            ("Could not run", impact.problems),
        ):
            if items:
                lines += ["", f"{title} ({len(items)}):", ""]
                lines += [f"- `{item}`" for item in items[:60]]
                if len(items) > 60:
                    lines.append(f"- … and {len(items) - 60} more (see the JSON report)")
    lines += ["", f"_Report made in {report.seconds:.1f} s by `make diff`._", ""]
    return "\n".join(lines)


def _side_from_version(base_url: str, version: str) -> Side:
    data, pin, pinned = spec_for(base_url, version)
    return Side(version, version, pin.path, pin.sha256, pinned, data)


def _side_from_file(path: Path) -> Side:
    data = path.read_bytes()
    version = str(load_spec(data).get("info", {}).get("version", "unknown"))
    return Side(path.name, version, str(path), sha256_of(data), False, data)


def make_report(old: Side, new: Side, *, overlay: bool = True) -> Report:
    started = time.perf_counter()
    spec_changes = diff_specs(load_spec(old.data), load_spec(new.data))
    with tempfile.TemporaryDirectory(prefix="pcdiff-") as tmp:
        work = Path(tmp)
        packages = []
        for name, side in (("old", old), ("new", new)):
            (work / name).mkdir()
            pin = SpecPin(version=side.version, path=side.source, sha256=side.sha256)
            packages.append(generate_spec(side.data, work / name, pin))
        surface = surface_diff(packages[0], packages[1])
        impact = overlay_impact(packages[1], work) if overlay else None
    return Report(old, new, spec_changes, surface, impact, time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--to", dest="to_version", help="API version to compare with")
    parser.add_argument("--from", dest="from_version", help="baseline version (default: the pinned one)")
    parser.add_argument("--from-spec", type=Path, help="baseline spec file")
    parser.add_argument("--to-spec", type=Path, help="spec file to compare with")
    parser.add_argument("--base-url", default=UPSTREAM_BASE_URL)
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    parser.add_argument("--no-overlay", action="store_true", help="skip the overlay type-check and tests")
    args = parser.parse_args(argv)
    if not (args.to_version or args.to_spec):
        parser.error("give --to VERSION or --to-spec FILE")
    try:
        old = (
            _side_from_file(args.from_spec)
            if args.from_spec
            else _side_from_version(args.base_url, args.from_version or SpecPin.load().version)
        )
        new = _side_from_file(args.to_spec) if args.to_spec else _side_from_version(args.base_url, args.to_version)
        report = make_report(old, new, overlay=not args.no_overlay)
    except (PinError, GenerateError, OSError, ValueError) as exc:
        print(f"diff: {exc}", file=sys.stderr)
        return 2
    args.out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"{old.label}_to_{new.label}".replace("/", "_")
    markdown = render_markdown(report)
    (args.out_dir / f"{stem}.md").write_text(markdown, encoding="utf-8")
    (args.out_dir / f"{stem}.json").write_text(json.dumps(report.as_dict(), indent=2) + "\n", encoding="utf-8")
    print(markdown)
    print(f"diff: wrote {args.out_dir / stem}.md and .json", file=sys.stderr)
    return 1 if report.breaks else 0


if __name__ == "__main__":
    sys.exit(main())
