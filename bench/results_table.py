"""The results table (results.md): every row's median, min and max per contender, the in-process and
decoding tables, the targets' verdicts, this run's README table, and the failures."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from failures import failures
from readme_table import DASH, render_summary
from settings import AT_FILED, DECODER_ENV, FILED, OURS, REFERENCE
from targets import judge, targets


def _ratio(x: float) -> str:
    return f"{x:.2f}x"


def _range(s: Mapping[str, float], fmt: Callable[[float], str]) -> str:
    return f"{fmt(s['median'])} [{fmt(s['min'])} .. {fmt(s['max'])}]"


def _reason(record: Mapping[str, str]) -> str:
    text = record["error"].replace("|", "\\|")
    return text if len(text) <= 160 else text[:157] + "..."


def _cell(row: Mapping[str, Any], fmt: Callable[[float], str]) -> str:
    text = _range(row["value"], fmt)
    if "ratio" in row:
        text += "; " + _range(row["ratio"], _ratio)
    return text


def _ms(x: float) -> str:
    return f"{x * 1e3:.1f} ms"


def _us(x: float) -> str:
    return f"{x:.0f} µs"


def render(f: Mapping[str, Any]) -> str:
    labels: list[str] = f["contenders"]
    rows, errors, rounds = f["rows"], f["errors"], f["rounds"]
    lines = [
        f"Machine: {f.get('machine', '?')}.",
        "",
        "Each cell: median [min .. max] over the rounds; after `;` the ratio to raw httpx measured in the same",
        f"round, median [min .. max]. Lower is better, except throughput. `{OURS}` is the default install; "
        f"`{REFERENCE}` the same with {DECODER_ENV}=reference (`json.loads` + the generated `from_dict`); "
        f"`{AT_FILED}` the package as built when issue 23 was filed (memory rows only).",
        "",
        "| measure (rounds) | " + " | ".join(labels) + " |",
        "|" + " --- |" * (len(labels) + 1),
    ]

    def table_row(what: str, key: str, cell: Callable[[Mapping[str, Any]], str]) -> None:
        if key in errors:
            cells = [f"FAILED: {_reason(errors[key])}"] + ["—"] * (len(labels) - 1)
        elif key not in rows:
            cells = ["(pending)"] * len(labels)
        else:
            row = rows[key]
            cells = [
                "(not run)"
                if label not in row
                else f"FAILED: {_reason(row[label])}"
                if "error" in row[label]
                else cell(row[label])
                for label in labels
            ]
        lines.append(f"| {what} | " + " | ".join(cells) + " |")

    table_row(f"cold start: import + construct client ({rounds['cold']})", "cold", lambda c: _cell(c, _ms))
    table_row(f"list_indexes (100 indexes), sync, loopback ({rounds['sync']})", "list", lambda c: _cell(c, _us))
    table_row(f"describe_index, sync, loopback ({rounds['sync']})", "describe", lambda c: _cell(c, _us))
    table_row(
        f"RSS after import + construct + 1 list ({rounds['memory']})",
        "rss",
        lambda c: _cell(c, lambda x: f"{x:.1f} MB"),
    )
    table_row(
        f"RSS per 100-index list result kept ({rounds['memory']})",
        "per_list",
        lambda c: _cell(c, lambda x: f"{x:.0f} KB"),
    )
    for count in f["concurrent"]:
        table_row(
            f"async: {count:,} concurrent describe_index, successes/s ({rounds['async']})",
            f"async_{count}",
            lambda c: _cell(c, lambda x: f"{x:.0f}/s") + f"; {c['failed']:,} of {c['calls']:,} failed",
        )
    for seconds in f["waits"]:
        table_row(
            f"wait: Ready after {seconds:g} s (1)",
            f"wait_{seconds}",
            lambda c: f"+{c['lag']:.2f} s after the flip; {c['polls']} polls",
        )

    lines += [
        "",
        "In-process client CPU per call over raw httpx + `json.loads` (httpx MockTransport, no sockets; "
        f"{rounds['sync']} rounds; bench/overhead.py); the ratio is taken within each round:",
        "",
        "| build | decoder | list_indexes(100): extra; ratio | describe_index: extra; ratio |",
        "| --- | --- | --- | --- |",
    ]

    def extra(s: Mapping[str, Any]) -> str:
        over = _range(s["extra"], lambda x: f"{x:+.0f} µs")
        return f"{over}; {_range(s['ratio'], _ratio)} (raw {_us(s['raw']['median'])})"

    overhead = rows.get("overhead", {})
    if "overhead" in errors:
        lines.append(f"| all | — | FAILED: {_reason(errors['overhead'])} | — |")
    elif "overhead" not in rows:
        lines.append("| all | — | (pending) | (pending) |")
    for label, row in overhead.items():
        if "error" in row:
            lines.append(f"| {label} | — | FAILED: {_reason(row)} | — |")
        else:
            lines.append(f"| {label} | {row['decoder']} | {extra(row['list'])} | {extra(row['describe'])} |")
    lines += [
        "",
        "Decoding the list_indexes(100) body alone, bytes to model, in-process, garbage collector on "
        "(bench/overhead.py; the reference is `json.loads` + the generated `from_dict`):",
        "",
        "| build | decoder | `json.loads` alone | reference | this build | reference / this build |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for label, row in overhead.items():
        if "error" in row:
            continue
        dec = row["decoding"]
        lines.append(
            f"| {label} | {row['decoder']} | {_range(dec['json_loads'], _us)} | {_range(dec['reference'], _us)} "
            f"| {_range(dec['decoder'], _us)} | {dec['reference']['median'] / dec['decoder']['median']:.1f}x |"
        )
    filed = f.get("filed", FILED)
    if "filed_decoding" in errors:
        lines += ["", f"The same decoding as built at {filed}: FAILED: {_reason(errors['filed_decoding'])}"]
    elif "filed_decoding" in rows:
        row = rows["filed_decoding"]
        lines += [
            "",
            f"The same decoding as built at {filed} (json + `from_dict`) and by ours, one process each, "
            f"taking turns ({rounds['sync']} rounds, GC {'on' if row['gc'] else 'OFF'}): {_range(row['then'], _us)} "
            f"and {_range(row['now'], _us)}; {filed} / ours {_range(row['ratio'], lambda x: f'{x:.2f}x')}.",
        ]
    if "generate" in errors:
        lines += ["", f"make generate (wall): FAILED: {_reason(errors['generate'])}"]
    elif "generate" in rows:
        lines += ["", f"make generate (wall): {_range(rows['generate'], lambda x: f'{x:.2f} s')}."]

    lines += ["", "Targets (on medians):"]
    for target in targets(f).values():
        status, figure = judge(target, f)
        lines.append(
            f"- {target.what}: {status} ({figure})"
            if status == "NOT measured"
            else f"- {target.what}: {figure}, {status}"
        )

    lines += [
        "",
        "For the README (this run's medians; `python bench/run.py --readme RUN1.json RUN2.json` gives the "
        f"same table for two runs, first{DASH}second):",
        "",
        render_summary([f]).rstrip("\n"),
    ]
    if f["notes"]:
        lines += ["", "Notes:", *(f"- {note}" for note in f["notes"])]
    failed = failures(f)
    if failed:
        lines += ["", "Failures (the error, then the last lines of its traceback):"]
        for where, record in failed:
            lines += [
                "",
                f"- {where}: {record['error']}",
                "",
                "  ```",
                *(f"  {t}" for t in record["traceback"].splitlines()),
                "  ```",
            ]
    return "\n".join(lines) + "\n"
