"""`make diff` / `openapi/review diff`: what changes between two control-plane specs, as a CI gate.

    openapi/review diff --to 2024-10 [--from 2024-07] [--format markdown|json|junit|github|changelog]
    openapi/review diff --from-spec old.yaml --to-spec new.yaml [--baseline FILE] [--no-overlay]
    openapi/review diff --to-spec db_control.yaml inference.yaml    # a set: its files, merged

Writes build/diff/<from>_to_<to>.{md,json,junit.xml,changelog.md}, prints the chosen format and
exits 0 when nothing gating remains (no breaking or behaviour change, or every one accepted in the
baseline), 1 when an unaccepted one remains, 2 when the diff itself could not be made. With
`--format github` the Markdown report also goes to `$GITHUB_STEP_SUMMARY` when that is set.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

from . import baseline as baselines
from . import findings as found
from . import report_formats, report_markdown
from .generate import GenerateError, generate_spec, package_name
from .impact import overlay_impact
from .merge import set_bytes
from .normalise import load_spec, normalise
from .pin import REPO_ROOT, UPSTREAM_BASE_URL, PinError, SpecFile, SpecPin, sha256_of
from .pull import spec_for
from .report import Report, Side
from .specdiff import diff_specs
from .surface import surface_diff

OUT_DIR = REPO_ROOT / "build" / "diff"
EXIT_OK, EXIT_BREAKING, EXIT_ERROR = 0, 1, 2


def side_from_version(base_url: str, version: str) -> Side:
    data, pin, pinned = spec_for(base_url, version)
    return Side(version, version, pin.files, pinned, data)


def side_from_files(paths: list[Path]) -> Side:
    """Local spec files as one side: one file, or the files of a set (the control spec first)."""
    read = [(str(path), path.read_bytes()) for path in paths]
    data = set_bytes(read)
    version = str(load_spec(data).get("info", {}).get("version", "unknown"))
    files = tuple(SpecFile(name, sha256_of(blob)) for name, blob in read)
    return Side(paths[0].name, version, files, False, data)


def make_report(old: Side, new: Side, *, overlay: bool = True, baseline: baselines.Baseline | None = None) -> Report:
    started = time.perf_counter()
    old_doc, new_doc = load_spec(old.data), load_spec(new.data)
    old.notes, new.notes = normalise(old_doc)[1], normalise(new_doc)[1]
    spec_changes = diff_specs(old_doc, new_doc)
    with tempfile.TemporaryDirectory(prefix="pcdiff-") as tmp:
        work = Path(tmp)
        packages = []
        for name, side in (("old", old), ("new", new)):
            (work / name).mkdir()
            pin = SpecPin(version=side.version, files=side.files)
            packages.append(generate_spec(side.data, work / name, pin))
        surface = surface_diff(packages[0], packages[1])
        impact = overlay_impact(packages[1], work) if overlay else None
    package = package_name()
    findings = [found.from_spec(c) for c in spec_changes]
    findings += [found.from_surface(c, package) for c in surface]
    findings += found.from_impact(impact) if impact is not None else []
    baseline = baseline or baselines.Baseline()
    applied = baselines.apply(findings, baseline, old.version, new.version, overlay_checked=impact is not None)
    return Report(
        old,
        new,
        spec_changes,
        surface,
        impact,
        applied.findings,
        applied.stale,
        baseline.source,
        time.perf_counter() - started,
    )


def write_outputs(report: Report, out_dir: Path) -> Path:
    """Every format into `out_dir`; returns the common stem."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = out_dir / f"{report.old.label}_to_{report.new.label}".replace("/", "_")
    Path(f"{stem}.md").write_text(report_markdown.render(report), encoding="utf-8")
    Path(f"{stem}.json").write_text(report_formats.to_json(report), encoding="utf-8")
    Path(f"{stem}.junit.xml").write_text(report_formats.to_junit(report), encoding="utf-8")
    Path(f"{stem}.changelog.md").write_text(report_formats.to_changelog(report), encoding="utf-8")
    return stem


def render(report: Report, fmt: str, baseline_file: Path | None) -> str:
    if fmt == "json":
        return report_formats.to_json(report)
    if fmt == "junit":
        return report_formats.to_junit(report)
    if fmt == "github":
        return report_formats.to_github(report, baseline_file)
    if fmt == "changelog":
        return report_formats.to_changelog(report)
    return report_markdown.render(report)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--to", dest="to_version", help="API version to compare with")
    p.add_argument("--from", dest="from_version", help="baseline version (default: the pinned one)")
    p.add_argument("--from-spec", type=Path, nargs="+", help="baseline spec file(s) of one set, control first")
    p.add_argument("--to-spec", type=Path, nargs="+", help="spec file(s) to compare with, control first")
    p.add_argument("--base-url", default=os.environ.get("SPEC_BASE_URL") or UPSTREAM_BASE_URL)
    p.add_argument("--out-dir", type=Path, default=OUT_DIR)
    p.add_argument("--format", choices=report_formats.FORMATS, default="markdown", help="what to print")
    p.add_argument("--baseline", type=Path, default=baselines.BASELINE_FILE, help="accepted changes (YAML)")
    p.add_argument("--no-overlay", action="store_true", help="skip the overlay type-check and tests")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not (args.to_version or args.to_spec):
        print(
            "diff: give --to VERSION or --to-spec FILE (with make: make diff TO=VERSION or TO_SPEC=FILE)",
            file=sys.stderr,
        )
        return EXIT_ERROR
    try:
        baseline = baselines.load(args.baseline)
        old = (
            side_from_files(args.from_spec)
            if args.from_spec
            else side_from_version(args.base_url, args.from_version or SpecPin.load().version)
        )
        new = side_from_files(args.to_spec) if args.to_spec else side_from_version(args.base_url, args.to_version)
        report = make_report(old, new, overlay=not args.no_overlay, baseline=baseline)
        stem = write_outputs(report, args.out_dir)
    except (PinError, GenerateError, OSError, ValueError) as exc:  # BaselineError is a ValueError
        print(f"diff: could not diff: {exc}", file=sys.stderr)
        if args.format == "github":  # visible on the run page, not only in the log
            print(report_formats.command("error", f"could not diff: {exc}", title="API change review"))
        return EXIT_ERROR
    print(render(report, args.format, args.baseline), end="" if args.format != "markdown" else "\n")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(report_markdown.render(report) + "\n")
    print(f"diff: wrote {stem}.md, .json, .junit.xml and .changelog.md", file=sys.stderr)
    return EXIT_BREAKING if report.breaks else EXIT_OK


def run(argv: list[str] | None = None) -> int:
    """Entry point. Anything unexpected is "could not diff" (2), never Python's default 1, which
    a CI job would read as "breaking"; argparse's usage errors exit 2 already."""
    try:
        return main(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    except Exception:  # the gate must still tell "broken pipeline" from "breaking"
        traceback.print_exc()
        print("diff: could not diff (internal error above)", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(run())
