"""The API-change report as Markdown: the pull-request body and the CI job summary."""

from __future__ import annotations

from collections import Counter

from .baseline import entries_for
from .findings import Finding
from .impact import OverlayImpact
from .merge import prefix_of
from .pin import SpecFile
from .report import Report, Side

_ORDER = {"breaking": 0, "behaviour": 1, "non-breaking": 2, "documentation": 3}
_LIST_LIMIT = 60


def row(*cells: str) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |"


def severity_cell(f: Finding) -> str:
    text = f"**{f.severity}**" if f.gating else f.severity
    if f.override:
        text += f" ({f.default_severity} by rule; {f.override})"
    if f.accepted:
        text += ", accepted"
    return text


def detail_cell(f: Finding) -> str:
    return f.detail + (f" — _accepted: {f.accepted}_" if f.accepted else "")


def _table(findings: list[Finding], title: str) -> list[str]:
    lines = [f"### {title}", ""]
    relevant = [f for f in findings if f.severity != "documentation"]
    docs = [f for f in findings if f.severity == "documentation"]
    if relevant:
        lines += [row("severity", "where", "at", "change", "fingerprint"), row(*["---"] * 5)]
        for f in sorted(relevant, key=lambda f: (_ORDER[f.severity], f.where, f.at)):
            at = f"`{f.at}`" if f.at else ""
            lines.append(row(severity_cell(f), f"`{f.where}`", at, detail_cell(f), f"`{f.fingerprint}`"))
    else:
        lines.append("No breaking, behaviour or non-breaking changes.")
    if docs:
        lines += ["", f"<details><summary>{len(docs)} documentation-only changes</summary>", ""]
        lines += [
            f"- `{f.where}`{' ' + f.at if f.at else ''} {f.detail}" for f in sorted(docs, key=lambda f: (f.where, f.at))
        ]
        lines += ["", "</details>"]
    return [*lines, ""]


def _surface(report: Report) -> list[str]:
    lines = ["## 2. Python surface of `pinecone_control_api`", ""]
    findings = report.section("surface")
    if not findings:
        return [*lines, "No changes.", ""]
    counts = Counter(f.rule.removeprefix("surface-") for f in findings)
    breaking = sum(f.severity == "breaking" for f in findings)
    lines += [
        f"{counts['removed']} removed, {counts['added']} added, {counts['changed']} changed ({breaking} breaking: "
        "griffe's breakages, plus changed attribute, return and base types).",
        "",
        row("change", "kind", "path", "detail", "fingerprint"),
        row(*["---"] * 5),
    ]
    order = {"surface-removed": 0, "surface-changed": 1, "surface-added": 2}
    for f in sorted(findings, key=lambda f: (order[f.rule], f.severity != "breaking", f.where.split(" ", 1)[1])):
        change = f.rule.removeprefix("surface-")
        change = f"**{change}**" if f.gating else change + (", accepted" if f.accepted else "")
        if f.override:
            change += f" ({f.severity}; {f.default_severity} by rule; {f.override})"
        kind, path = f.where.split(" ", 1)
        detail = f"`{f.detail}`" if f.detail else ""
        if f.accepted:
            detail += f" — _accepted: {f.accepted}_"
        lines.append(row(change, kind, f"`{path}`", detail, f"`{f.fingerprint}`"))
    return [*lines, ""]


def _limited(items: list[str]) -> list[str]:
    shown = items[:_LIST_LIMIT]
    if len(items) > _LIST_LIMIT:
        shown.append(f"- … and {len(items) - _LIST_LIMIT} more (see the JSON report)")
    return shown


def _overlay(report: Report) -> list[str]:
    lines = ["## 3. Overlay impact", ""]
    impact: OverlayImpact | None = report.impact
    if impact is None:
        return [*lines, "Not checked (`--no-overlay`, or the overlay does not build on this version).", ""]
    verdict = "**nothing breaks**." if impact.ok else "**it breaks**."
    lines.append(
        "The overlay, type-checked (`mypy --strict`) and tested (`tests/overlay`) against the regenerated "
        f"package in {impact.seconds:.1f} s: {verdict}"
    )
    lines += ["", f"Result: {impact.summary()}."]
    gaps = len(impact.coverage_gaps)
    lines += [
        "",
        f"Client coverage: {impact.operations} operations; "
        + ("every one a method of both clients, every request field a parameter." if not gaps else f"{gaps} gaps:"),
    ]
    lines += [f"- {gap}" for gap in impact.coverage_gaps]
    marks = {f.fingerprint: f for f in report.section("overlay")}

    def accepted(fp: str) -> str:
        finding = marks.get(fp)
        return f" — _accepted: {finding.accepted}_" if finding and finding.accepted else ""

    overlay = report.section("overlay")
    if impact.type_errors:
        lines += ["", f"Type errors ({len(impact.type_errors)}), by file:", ""]
        for file, errors in impact.type_errors_by_file().items():
            lines.append(f"- `{file}` ({len(errors)})")
            for error in errors:
                code = f"  [{error.code}]" if error.code else ""
                message = f"{error.message} [{error.code}]" if error.code else error.message
                fp = next((f.fingerprint for f in overlay if (f.where, f.detail) == (file, message)), "")
                lines.append(f"  - line {error.line}: `{error.message}{code}`{accepted(fp)}")
    collection = [f for f in overlay if f.rule == "overlay-collection-error"]
    if collection:
        lines += ["", f"Test modules that could not be imported ({len(collection)}):", ""]
        lines += [f"- `{f.where}`: `{f.detail}`{accepted(f.fingerprint)}" for f in collection]
    tests = [f for f in overlay if f.rule in ("overlay-test-failed", "overlay-test-errored")]
    if tests:
        total = sum(f.count for f in tests)
        lines += ["", f"Failing tests ({total}), by cause:", ""]
        lines += _limited(
            [
                f"- {f.count} x `{f.detail}` ({f.where.split(', e.g. ', 1)[-1]}){accepted(f.fingerprint)}"
                for f in sorted(tests, key=lambda f: -f.count)
            ]
        )
    problems = [f for f in overlay if f.rule == "overlay-check-failed"]
    if problems:
        lines += ["", f"Could not run ({len(problems)}):", ""]
        lines += [f"- `{f.detail}`{accepted(f.fingerprint)}" for f in problems]
    return [*lines, ""]


def _normalisation(report: Report) -> list[str]:
    lines = [
        "## 4. Normalisation",
        "",
        "The rewrites `openapi/codegen/normalise.py` applied before generating each side (they fix how",
        "the generator reads the spec; the wire contract is unchanged).",
        "",
    ]
    old, new = (
        Counter(n.split(":", 1)[0] for n in report.old.notes),
        Counter(n.split(":", 1)[0] for n in report.new.notes),
    )
    if not old and not new:
        return [*lines, "No rewrites applied to either side.", ""]
    lines += [row("rewrite", f"notes on {report.old.label}", f"notes on {report.new.label}"), row("---", "---", "---")]
    for rewrite in sorted(old.keys() | new.keys()):
        lines.append(row(f"`{rewrite}`", str(old[rewrite]), str(new[rewrite])))
    only_new = [n for n in report.new.notes if n not in set(report.old.notes)]
    only_old = [n for n in report.old.notes if n not in set(report.new.notes)]
    for title, notes in ((f"only on {report.new.label}", only_new), (f"only on {report.old.label}", only_old)):
        if notes:
            lines += ["", f"<details><summary>{len(notes)} notes {title}</summary>", ""]
            lines += _limited([f"- {note}" for note in notes])
            lines += ["", "</details>"]
    return [*lines, ""]


def _baseline(report: Report) -> list[str]:
    lines = ["## 5. Baseline", ""]
    lines.append(
        f"Baseline: `{report.baseline}`; {len(report.accepted)} findings accepted, "
        f"{len(report.gating)} gating findings not accepted, {len(report.stale)} stale entries."
    )
    if report.stale:
        lines += ["", "Stale entries (they match nothing in this diff; remove them or fix their fingerprint):", ""]
        lines += [f"- `{e.fingerprint}` {e.rule} `{e.where}`: {e.reason}" for e in report.stale]
    block = entries_for(report.findings, report.new.version)
    if block:
        lines += [
            "",
            "To accept the gating findings after review, add these entries to the baseline, each with its reason:",
            "",
            "<details><summary>accepted-changes.yml entries</summary>",
            "",
            "```yaml",
            block.rstrip(),
            "```",
            "",
            "</details>",
        ]
    return [*lines, ""]


def _by_kind(side: Side) -> dict[str, SpecFile]:
    """Each file by its role in the set: the first is the control spec (`control_`/`db_control_`,
    or any local file), the others by their name's kind (`inference_...` -> `inference`)."""
    return {("control" if i == 0 else prefix_of(f.path).lower()): f for i, f in enumerate(side.files)}


def _source_rows(old: Side, new: Side) -> list[str]:
    """A source row and a sha256 row per file of either set, matched by kind (2024-07's set has no
    inference file: its cell says none)."""
    sides = [(side, _by_kind(side)) for side in (old, new)]
    lines = []
    for kind in dict.fromkeys([*sides[0][1], *sides[1][1]]):
        files = [(side, found.get(kind)) for side, found in sides]
        prefix = "" if kind == "control" else f"{kind} "
        lines.append(row(f"{prefix}source", *(f"`{f.path}`" if f else "none" for _s, f in files)))
        shas = [f"`{f.sha256[:16]}…`" + ("" if s.pinned else " (unpinned)") if f else "" for s, f in files]
        lines.append(row(f"{prefix}sha256", *shas))
    return lines


def render(report: Report) -> str:
    old, new = report.old, report.new
    lines = [
        f"# Control-plane API change: {old.label} → {new.label}",
        "",
        f"**Verdict: {report.verdict()}**",
        "",
        row("", "from", "to"),
        row("---", "---", "---"),
        row("API version", old.version, new.version),
        *_source_rows(old, new),
        "",
        "## 1. Spec changes",
        "",
        "Direction-aware: a request that accepts less, or a response that can carry more, breaks clients;",
        "a changed server default of a request field is a behaviour change. `$ref`s are followed; each",
        "component schema is compared once. Severities after the baseline's rule overrides.",
        "",
    ]
    spec = report.section("spec")
    lines += _table([f for f in spec if not f.where.startswith("schema ")], "Operations")
    lines += _table([f for f in spec if f.where.startswith("schema ")], "Schemas")
    lines += _surface(report)
    lines += _overlay(report)
    lines += _normalisation(report)
    lines += _baseline(report)
    lines += [f"_Report made in {report.seconds:.1f} s by `make diff`._", ""]
    return "\n".join(lines)
