"""`make bench` keeps what it measured when a row fails (issue 23): bench/run.py's stage runner,
with stages injected, and the tables it writes (bench/results_table.py, bench/readme_table.py); the
real benchmark is not run."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

from codegen.pin import REPO_ROOT

sys.path.append(str(REPO_ROOT / "bench"))
import run as bench  # bench/run.py and its siblings, found through the path just added
from failures import WorkerError, failure
from readme_table import render_summary
from results_table import render
from settings import AT_FILED, COLD_RUNS, MEMORY_RUNS, OURS, RAW, REFERENCE, SDK5_LABEL, SDK10_LABEL

LABELS = [RAW, OURS, REFERENCE, SDK5_LABEL, SDK10_LABEL, AT_FILED]


def spread(*values: float) -> dict[str, float]:
    return bench.spread(values)


def cold() -> dict[str, Any]:
    row: dict[str, Any] = {label: {"value": spread(0.06, 0.07)} for label in LABELS[:5]}
    for label in LABELS[1:5]:
        row[label]["ratio"] = spread(1.04, 1.06)
    return {"cold": row}


def sync() -> dict[str, Any]:
    raise RuntimeError("the stub server did not start")


def memory() -> dict[str, Any]:
    """A cell that failed inside a stage that did not: pinecone 10's worker."""
    row: dict[str, Any] = {label: {"value": spread(30.0, 30.2)} for label in LABELS if label != SDK10_LABEL}
    row[SDK10_LABEL] = failure(WorkerError("`python worker.py sdk memory` exited 1", "ImportError: x"))
    return {"rss": row, "per_list": {label: {"value": spread(115.0)} for label in LABELS[:5]}}


def generate() -> dict[str, Any]:
    return {"generate": spread(0.9, 1.0, 1.1)}


STAGES = [
    bench.Stage("cold", ("cold",), cold),
    bench.Stage("sync", ("list", "describe"), sync),
    bench.Stage("memory", ("rss", "per_list"), memory),
    bench.Stage("generate", ("generate",), generate),
]


def test_a_failing_stage_keeps_the_other_rows_and_every_write_has_them(tmp_path: Path) -> None:
    f = bench.new_results()
    written: list[dict[str, Any]] = []

    def write(results: dict[str, Any]) -> None:
        written.append(copy.deepcopy(results))
        bench.write_results(results, [tmp_path])

    status = bench.run_stages(f, STAGES, write)

    assert status == 1  # something failed, reported only after every stage ran and was written
    assert len(written) == len(STAGES)
    assert set(written[0]["rows"]) == {"cold"}  # written right after the first stage
    assert set(written[1]["rows"]) == {"cold"} and set(written[1]["errors"]) == {"list", "describe"}
    assert set(f["rows"]) == {"cold", "rss", "per_list", "generate"}
    error = f["errors"]["list"]
    assert error["error"] == "RuntimeError: the stub server did not start"
    assert "in sync" in error["traceback"]  # the traceback's tail names where it failed

    saved = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert saved["rows"]["cold"] == f["rows"]["cold"] and saved["errors"]["describe"] == error
    table = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert table == render(saved)
    lines = table.splitlines()

    def line(start: str) -> str:
        (found,) = [text for text in lines if text.startswith(start)]
        return found

    assert "| 60.0 ms [60.0 ms .. 70.0 ms]" not in table  # a median of two: 65.0 ms
    assert "65.0 ms [60.0 ms .. 70.0 ms]; 1.05x [1.04x .. 1.06x]" in line("| cold start:")
    assert "FAILED: RuntimeError: the stub server did not start" in line("| list_indexes (100 indexes)")
    assert "FAILED: `python worker.py sdk memory` exited 1: ImportError: x" in line(
        f"| RSS after import + construct + 1 list ({MEMORY_RUNS})"
    )
    assert "30.1 MB" in line(
        f"| RSS after import + construct + 1 list ({MEMORY_RUNS})"
    )  # the other contenders' cells of that row
    assert "- cold start ≤ 1.10x raw (`import httpx; httpx.Client()`): 1.050x, met" in lines
    assert (
        "- list_indexes(100) over loopback ≤ 1.05x raw: NOT measured "
        "(the row failed: RuntimeError: the stub server did not start)"
    ) in lines
    assert "- make generate < 10 s: 1.00 s, met" in lines
    assert "- row `list`: RuntimeError: the stub server did not start" in lines  # the Failures section
    readme = line("| `list_indexes(100)` over loopback, ratio")
    assert readme.endswith("| FAILED | FAILED | FAILED | FAILED | ≤ 1.05x: **not measured** |")


def test_a_table_written_before_any_stage_ran_says_pending() -> None:
    table = render(bench.new_results())
    assert "| cold start: import + construct client (15) | (pending) |" in table.replace(f"({COLD_RUNS})", "(15)")
    assert "- make generate < 10 s: NOT measured (not run (yet))" in table


def test_a_contender_that_fails_leaves_the_others_cells(tmp_path: Path) -> None:
    """interleaved() with a real worker run (raw httpx's cold start) and one whose venv is missing."""
    works = bench.Contender(RAW, Path(sys.executable), "raw")
    missing = bench.Contender(OURS, None, "ours", error={"error": "pip: no such package", "traceback": ""})
    broken = bench.Contender(REFERENCE, tmp_path / "no-python", "ours")
    runs, errors = bench.interleaved([works, missing, broken], 2, "cold")
    assert list(runs) == [RAW] and len(runs[RAW]) == 2
    assert errors[OURS]["error"] == "RuntimeError: not run: its venv could not be built (pip: no such package)"
    assert errors[REFERENCE]["error"].startswith("FileNotFoundError")
    row = bench.measured_row(runs, errors, "seconds")
    assert "value" in row[RAW] and row[OURS] == errors[OURS]


def test_two_runs_merge_into_the_readmes_ranges() -> None:
    first, second = bench.new_results(), bench.new_results()
    for f, ratio in ((first, 1.02), (second, 1.04)):
        f["rows"]["list"] = {
            RAW: {"value": spread(400)},
            **{label: {"value": spread(410), "ratio": spread(ratio)} for label in LABELS[1:5]},
        }
    second["rows"]["list"][SDK10_LABEL]["ratio"] = spread(1.02)
    table = render_summary([first, second])
    (line,) = [text for text in table.splitlines() if text.startswith("| `list_indexes(100)` over loopback")]
    ranges = " | ".join(["1.02x\u20131.04x"] * 3)
    assert line == f"| `list_indexes(100)` over loopback, ratio | {ranges} | 1.02x | ≤ 1.05x: met |"


def test_a_run_of_ours_with_another_decoder_than_its_column_fails() -> None:
    """The reference column run without PINECONE_CONTROL_DECODER=reference decodes with msgspec (the
    dev venv has it): that run measured the wrong build, and its cell fails instead of being kept."""
    wrong = bench.Contender(REFERENCE, Path(sys.executable), "ours")
    runs, errors = bench.interleaved([wrong], 1, "probe")
    assert runs == {}
    assert errors[REFERENCE]["error"].startswith("RuntimeError: decoded with msgspec, not json")
