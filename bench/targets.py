"""Issue 23's targets and their verdicts on a run's results: each figure looked up (or why it is not
measured), judged met, NOT met or NOT measured."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from settings import AT_FILED, CONCURRENT, FILED, OURS, WAITS


class NotMeasured(Exception):
    """A figure is missing: the reason is the message; `failed`: it was tried and failed."""

    def __init__(self, reason: str, *, failed: bool = False) -> None:
        super().__init__(reason)
        self.failed = failed


def measured(f: Mapping[str, Any], key: str, label: str | None = None) -> Any:
    """A row (or one contender's cell of it), or NotMeasured saying why it is missing."""
    if key in f["errors"]:
        raise NotMeasured(f"the row failed: {f['errors'][key]['error']}", failed=True)
    if key not in f["rows"]:
        raise NotMeasured("not run (yet)")
    row = f["rows"][key]
    if label is None:
        return row
    if label not in row:
        raise NotMeasured(f"{label} not run")
    if "error" in row[label]:
        raise NotMeasured(f"{label} failed: {row[label]['error']}", failed=True)
    return row[label]


def median_of(f: Mapping[str, Any], key: str, label: str, part: str = "ratio") -> float:
    """A contender's median of `part` in a row (its ratio to the floor, or its value), or NotMeasured."""
    cell = measured(f, key, label)
    if part not in cell:
        raise NotMeasured(f"{label} has no {part} (the floor failed)")
    value: float = cell[part]["median"]
    return value


class Target(NamedTuple):
    what: str  # the verdict line
    short: str  # the README table's target column
    check: Callable[[Mapping[str, Any]], tuple[bool, str]]  # met?, the figure it was judged on


def targets(f: Mapping[str, Any]) -> dict[str, Target]:
    filed = f.get("filed", FILED)

    def ratio_at_most(key: str, limit: float) -> Callable[[Mapping[str, Any]], tuple[bool, str]]:
        def judged(f: Mapping[str, Any]) -> tuple[bool, str]:
            ratio = median_of(f, key, OURS)
            return ratio <= limit, f"{ratio:.3f}x"

        return judged

    def in_process(f: Mapping[str, Any]) -> tuple[bool, str]:
        ratio: float = measured(f, "overhead", OURS)["list"]["ratio"]["median"]
        return ratio <= 1.05, f"{ratio:.3f}x"

    def rss(f: Mapping[str, Any]) -> tuple[bool, str]:
        ours, then = median_of(f, "rss", OURS, "value"), median_of(f, "rss", AT_FILED, "value")
        return ours - then <= 2.0, f"{ours:.1f} MB, {ours - then:+.1f} MB over {then:.1f} MB"

    def decoding(f: Mapping[str, Any]) -> tuple[bool, str]:
        row = measured(f, "filed_decoding")
        if not row["gc"]:
            raise NotMeasured("the garbage collector was off")
        ratio: float = row["ratio"]["median"]
        return ratio >= 3, f"{ratio:.2f}x ({row['then']['median']:.0f} → {row['now']['median']:.0f} µs)"

    def concurrent(count: int) -> Callable[[Mapping[str, Any]], tuple[bool, str]]:
        def judged(f: Mapping[str, Any]) -> tuple[bool, str]:
            cell = measured(f, f"async_{count}", OURS)
            ratio = median_of(f, f"async_{count}", OURS)
            return cell["failed"] == 0 and ratio >= 0.9, f"{ratio:.3f}x, {cell['failed']:,} failed"

        return judged

    def waited(seconds: float) -> Callable[[Mapping[str, Any]], tuple[bool, str]]:
        def judged(f: Mapping[str, Any]) -> tuple[bool, str]:
            cell = measured(f, f"wait_{seconds}", OURS)
            ok = cell["lag"] <= 1.0 and cell["polls"] <= cell["seconds"] + 1e-9
            return ok, f"+{cell['lag']:.2f} s, {cell['polls']} polls"

        return judged

    def generate(f: Mapping[str, Any]) -> tuple[bool, str]:
        median: float = measured(f, "generate")["median"]
        return median < 10, f"{median:.2f} s"

    found = {
        "cold": Target(
            "cold start ≤ 1.10x raw (`import httpx; httpx.Client()`)", "≤ 1.10x", ratio_at_most("cold", 1.10)
        ),
        "overhead": Target("in-process list_indexes(100) ≤ 1.05x raw httpx + json.loads", "≤ 1.05x", in_process),
        "list": Target("list_indexes(100) over loopback ≤ 1.05x raw", "≤ 1.05x", ratio_at_most("list", 1.05)),
        "describe": Target("describe_index over loopback ≤ 1.03x raw", "≤ 1.03x", ratio_at_most("describe", 1.03)),
        "rss": Target(f"RSS after import + construct + 1 list within 2 MB of {AT_FILED}", "≤ +2 MB", rss),
        "decoding": Target(
            f"decoding list(100) ≥ 3x cheaper than json + from_dict at {filed}, GC on", "≥ 3x cheaper", decoding
        ),
    }
    for count in f.get("concurrent", CONCURRENT):
        found[f"async_{count}"] = Target(f"async {count:,}: all succeed, ≥ 0.90x raw", "≥ 0.9x", concurrent(count))
    for seconds in f.get("waits", WAITS):
        found[f"wait_{seconds}"] = Target(
            f"wait {seconds:g} s: seen ≤ 1 s after the flip, ≤ 1 poll/s", "≤ 1 s", waited(seconds)
        )
    found["generate"] = Target("make generate < 10 s", "< 10 s", generate)
    return found


def judge(target: Target, f: Mapping[str, Any]) -> tuple[str, str]:
    """("met" | "NOT met" | "NOT measured", the figure or the reason)."""
    try:
        ok, figure = target.check(f)
    except NotMeasured as missing:
        return "NOT measured", str(missing)
    return ("met" if ok else "NOT met"), figure
