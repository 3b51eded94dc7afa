"""The README's figures table: one row per measure with the medians of one run or of several merged
("first-second", an en dash between), and the target column with its verdict in every run."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from settings import AT_FILED, FILED, OURS, RAW, REFERENCE, SDK5_LABEL, SDK10_LABEL
from targets import NotMeasured, judge, measured, median_of, targets

# A cell of the README table: text and (number, format) slots; two runs' cells of the same shape merge
# slot by slot into "first-second" (with an en dash, as the README writes ranges).
Part = str | tuple[float, str]
DASH = "\u2013"
SUMMARY_LABELS = (OURS, REFERENCE, SDK5_LABEL, SDK10_LABEL)


class SummaryRow(NamedTuple):
    what: str
    cells: list[list[Part]]  # one per SUMMARY_LABELS
    targets: tuple[str, ...]  # the targets judged on it (none: "reported")
    target: list[Part]  # the target column, before its verdict


def summary(f: Mapping[str, Any]) -> list[SummaryRow]:
    """The README table's rows for one run."""

    def cells(make: Callable[[str], list[Part]], labels: Sequence[str] = SUMMARY_LABELS) -> list[list[Part]]:
        out: list[list[Part]] = []
        for label in SUMMARY_LABELS:
            try:
                out.append(make(label) if label in labels else [""])
            except NotMeasured as missing:
                out.append(["FAILED" if missing.failed else "—"])
        return out

    def ratio(key: str) -> Callable[[str], list[Part]]:
        return lambda label: [(median_of(f, key, label), "{:.2f}x")]

    def value(key: str, fmt: str) -> Callable[[str], list[Part]]:
        return lambda label: [(median_of(f, key, label, "value"), fmt)]

    def in_process(what: str) -> Callable[[str], list[Part]]:
        def make(label: str) -> list[Part]:
            row = measured(f, "overhead", label)[what]
            return [(row["ratio"]["median"], "{:.2f}x"), " (", (row["extra"]["median"], "{:+.0f} µs"), ")"]

        return make

    def decoding(label: str) -> list[Part]:
        return [(measured(f, "overhead", label)["decoding"]["decoder"]["median"], "{:.0f} µs")]

    def concurrent(count: int) -> Callable[[str], list[Part]]:
        def make(label: str) -> list[Part]:
            cell = measured(f, f"async_{count}", label)
            return [
                (cell["value"]["median"], "{:,.0f}/s"),
                ", ",
                (median_of(f, f"async_{count}", label), "{:.2f}x"),
                " raw, ",
                (cell["failed"], "{:,.0f}"),
                f" of {cell['calls']:,} failed",
            ]

        return make

    def waits(label: str) -> list[Part]:
        cells = [measured(f, f"wait_{seconds}", label) for seconds in f["waits"]]
        parts: list[Part] = []
        for cell in cells:
            parts += [" / " if parts else "", (cell["lag"], "{:+.2f}")]
        return [*parts, " s; ", " / ".join(str(c["polls"]) for c in cells), " polls"]

    def generate(label: str) -> list[Part]:
        return [(measured(f, "generate")["median"], "{:.2f} s")]

    def then(get: Callable[[], float], fmt: str) -> Part:
        try:
            return (get(), fmt)
        except NotMeasured:
            return "?"

    filed = f.get("filed", FILED)
    builds = (OURS, REFERENCE)
    concurrent_rows = [
        SummaryRow(f"{n:,} concurrent async describes", cells(concurrent(n), builds), (f"async_{n}",), ["≥ 0.9x"])
        for n in f["concurrent"]
    ]
    waited = tuple(f"wait_{seconds}" for seconds in f["waits"])
    return [
        SummaryRow("cold start (import + construct), ratio to raw httpx", cells(ratio("cold")), ("cold",), ["≤ 1.10x"]),
        SummaryRow("`list_indexes(100)` over loopback, ratio", cells(ratio("list")), ("list",), ["≤ 1.05x"]),
        SummaryRow("`describe_index` over loopback, ratio", cells(ratio("describe")), ("describe",), ["≤ 1.03x"]),
        SummaryRow(
            "in-process `list_indexes(100)`, ratio (extra)",
            cells(in_process("list"), builds),
            ("overhead",),
            ["≤ 1.05x"],
        ),
        SummaryRow("in-process `describe_index`, ratio (extra)", cells(in_process("describe"), builds), (), []),
        SummaryRow(
            "decoding the list(100) body (bytes → `IndexList`), GC on",
            cells(decoding, builds),
            ("decoding",),
            [
                f"≥ 3x cheaper than at {filed} (",
                then(lambda: float(measured(f, "filed_decoding")["then"]["median"]), "{:.0f} µs"),
                " → ",
                then(lambda: float(measured(f, "filed_decoding")["now"]["median"]), "{:.0f} µs"),
                "); ",
                then(lambda: float(measured(f, "filed_decoding")["ratio"]["median"]), "{:.1f}x"),
            ],
        ),
        *concurrent_rows,
        SummaryRow(
            "RSS after import + construct + 1 list",
            cells(value("rss", "{:.1f} MB")),
            ("rss",),
            [
                f"≤ +2 MB over {AT_FILED} (",
                then(lambda: median_of(f, "rss", AT_FILED, "value"), "{:.1f} MB"),
                "; raw httpx ",
                then(lambda: median_of(f, "rss", RAW, "value"), "{:.1f} MB"),
                "); ",
                then(lambda: median_of(f, "rss", OURS, "value") - median_of(f, "rss", AT_FILED, "value"), "{:+.1f} MB"),
            ],
        ),
        SummaryRow("RSS per kept 100-index list", cells(value("per_list", "{:.0f} KB")), (), []),
        SummaryRow(
            "wait: Ready seen after the flip (" + " / ".join(f"{s:g}" for s in f["waits"]) + " s)",
            cells(waits, (OURS, SDK5_LABEL)),
            waited,
            ["≤ 1 s, ≤ 1 poll/s"],
        ),
        SummaryRow("`make generate` (wall)", cells(generate, (OURS,)), ("generate",), ["< 10 s"]),
    ]


def _text(cell: Sequence[Part]) -> str:
    return "".join(p if isinstance(p, str) else p[1].format(p[0]) for p in cell)


def _merged(cells: Sequence[Sequence[Part]]) -> str:
    """Several runs' cells: numbers of the same slot as "first-second" (one figure if equal)."""
    shapes = [[p if isinstance(p, str) else p[1] for p in cell] for cell in cells]
    if any(shape != shapes[0] for shape in shapes):
        return " / ".join(_text(cell) for cell in cells)
    out: list[str] = []
    for parts in zip(*cells, strict=True):
        if isinstance(parts[0], str):
            out.append(parts[0])
            continue
        texts = [_text([p]) for p in parts]
        out.append(DASH.join(dict.fromkeys(texts)))
    return "".join(out)


def render_summary(runs: Sequence[Mapping[str, Any]]) -> str:
    """The README's figures table: one row per measure, each cell the runs' medians (first-second),
    the target column its verdict in every run."""
    tables = [summary(f) for f in runs]
    lines = [
        "| measure | " + " | ".join(_heading(label) for label in SUMMARY_LABELS) + " | target |",
        "|" + " --- |" * (len(SUMMARY_LABELS) + 2),
    ]
    for index, row in enumerate(tables[0]):
        same = [table[index] for table in tables]
        cells = [_merged([r.cells[i] for r in same]) for i in range(len(SUMMARY_LABELS))]
        target = "reported"
        if row.targets:
            statuses = [_status(f, row.targets) for f in runs]
            verdict = (
                statuses[0]
                if len(set(statuses)) == 1
                else ", ".join(f"run {i}: {s}" for i, s in enumerate(statuses, 1))
            )
            target = (
                _merged([r.target for r in same]) + ": " + (verdict if verdict == "met" else f"**{verdict.lower()}**")
            )
        lines.append(f"| {row.what} | " + " | ".join(cells) + f" | {target} |")
    return "\n".join(lines) + "\n"


def _heading(label: str) -> str:
    """An SDK's column as the README names it: `pinecone` 10.2.0."""
    name, _, version = label.partition(" ")
    return f"`{name}` {version}" if label in (SDK5_LABEL, SDK10_LABEL) else label


def _status(f: Mapping[str, Any], keys: Sequence[str]) -> str:
    """The worst verdict of `keys` in `f`: NOT measured, NOT met, or met."""
    found = targets(f)
    judged = [judge(found[key], f)[0] for key in keys]
    return next((s for s in ("NOT measured", "NOT met") if s in judged), "met")
