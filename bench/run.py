"""`make bench`: pinecone-control against raw httpx (the floor) and two official SDKs, each in its own
venv under .bench/, against a fast local stub in its own process.

Contenders: raw httpx + `json.loads`; pinecone-control as shipped (httpx and attrs only) and with
its `speedups` extra; pinecone-client 5.0.1 (API 2024-07, like ours); the current `pinecone`
(10.x, API 2026-07: the stub answers it in that version's shapes).

Every row gives the median with the min and max over its rounds, and the number of rounds.
Contenders take turns within each round, and a ratio is taken within its round (to the floor
measured just before), so drift on a noisy machine hits every contender alike. Results go to
build/bench/results.{md,json} (untracked); `make bench UPDATE=1` also writes the committed copy,
bench/results.{md,json}.
"""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
OUT = ROOT / "build" / "bench"
WORKER = ROOT / "bench" / "worker.py"
OVERHEAD = ROOT / "bench" / "overhead.py"
STUB = ROOT / "bench" / "stub_server.py"
SDK5 = "pinecone-client==5.0.1"
SDK10 = os.environ.get("BENCH_PINECONE", "pinecone==10.2.0")  # the newest on PyPI when written
COLD_RUNS = int(os.environ.get("BENCH_COLD_RUNS", "15"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "7"))
MEMORY_RUNS = int(os.environ.get("BENCH_MEMORY_RUNS", "3"))
WAITS = tuple(float(t) for t in os.environ.get("BENCH_WAITS", "0.5,3,20").split(",") if t)
CONCURRENT = (1_000, 10_000)
CONCURRENT_ROUNDS = int(os.environ.get("BENCH_CONCURRENT_ROUNDS", "3"))
UPDATE = os.environ.get("UPDATE", "") not in ("", "0")


class Contender(NamedTuple):
    label: str  # the table's column
    python: Path
    role: str  # what bench/worker.py runs: raw, ours or sdk


def venv(name: str, *requirements: str) -> Path:
    """A venv under .bench/ with exactly `requirements` installed (ours: `pip install .`)."""
    path = WORK / name
    python = path / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip==26.3"], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *requirements], check=True)
    return python


def ours_venv(name: str, extra: str = "") -> Path:
    """Our package freshly built from this checkout, with only its runtime dependencies (+ `extra`)."""
    python = venv(name, "--force-reinstall", "--no-deps", str(ROOT))
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", f"{ROOT}{extra}"], check=True)
    return python


def run_json(python: Path, script: Path, *args: str) -> dict[str, Any]:
    result = subprocess.run([str(python), str(script), *args], check=True, capture_output=True, text=True)
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


@contextmanager
def stub(python: Path, ready_after: float = 1.0) -> Iterator[int]:
    with tempfile.TemporaryDirectory() as tmp:
        port_file = Path(tmp) / "port"
        process = subprocess.Popen([str(python), str(STUB), str(port_file), "--ready-after", str(ready_after)])
        try:
            deadline = time.monotonic() + 30
            while not port_file.exists() or not port_file.read_text():
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the stub server did not start")
                time.sleep(0.05)
            yield int(port_file.read_text())
        finally:
            process.terminate()
            process.wait(timeout=10)


def interleaved(contenders: Sequence[Contender], rounds: int, *args: str) -> dict[str, list[dict[str, Any]]]:
    results: dict[str, list[dict[str, Any]]] = {c.label: [] for c in contenders}
    for _ in range(rounds):
        for c in contenders:
            results[c.label].append(run_json(c.python, WORKER, c.role, *args))
    return results


def spread(values: Sequence[float]) -> dict[str, float]:
    return {"min": min(values), "median": statistics.median(values), "max": max(values), "n": len(values)}


def per_round(runs: dict[str, list[dict[str, Any]]], key: str, floor: str | None = "raw") -> dict[str, dict[str, Any]]:
    """Each contender's spread of `key`, and of its ratio to the floor's figure of the same round."""
    out: dict[str, dict[str, Any]] = {}
    for label, results in runs.items():
        values = [r[key] for r in results]
        row: dict[str, Any] = {"value": spread(values)}
        if floor is not None and floor in runs and label != floor:
            # A floor of 0 (raw httpx failing every call of a round) makes the ratio infinite.
            ratios = [v / f[key] if f[key] else math.inf for v, f in zip(values, runs[floor], strict=True)]
            row["ratio"] = spread(ratios)
        out[label] = row
    return out


def generate_seconds() -> dict[str, float]:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        # A full generation (pinned generator, normalisation, ruff) into a scratch directory.
        code = (
            "import pathlib, tempfile; from codegen.generate import generate_into; "
            "generate_into(pathlib.Path(tempfile.mkdtemp()))"
        )
        subprocess.run([sys.executable, "-c", code], cwd=ROOT / "openapi", check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return spread(times)


LOAD_AT_START = os.getloadavg()


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    start, end = (" / ".join(f"{x:.2f}" for x in load) for load in (LOAD_AT_START, os.getloadavg()))
    return (
        f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; load average at the start {start}, at the end {end}"
    )


def overhead(pythons: dict[str, Path]) -> dict[str, Any]:
    """In-process client CPU over raw httpx + json.loads (bench/overhead.py), per build of ours."""
    rows: dict[str, Any] = {}
    for label, python in pythons.items():
        result = run_json(python, OVERHEAD, "--rounds", str(ROUNDS))
        us = result["us"]
        rows[label] = {
            what: {
                "raw": spread(us[f"raw_{what}"]),
                "ours": spread(us[f"ours_{what}"]),
                "extra": spread([o - r for o, r in zip(us[f"ours_{what}"], us[f"raw_{what}"], strict=True)]),
            }
            for what in ("list", "describe")
        }
        rows[label]["json_decoder"] = result["json_decoder"]
        rows[label]["decoding"] = {
            what: spread(us[f"decode_{what}"]) for what in ("json_loads", "reference", "decoder")
        }
    return rows


# The commit issue 15 (performance) was filed against: its decoding is the "before" of the 3x goal.
FILED = "18c4f4a"


def filed_decoding(python: Path) -> dict[str, float] | None:
    """json + `IndexList.from_dict` as generated at FILED (its generated/ from git, in .bench/);
    None where there is no git history to take it from."""
    tree = WORK / f"generated-{FILED}"
    if not tree.exists():
        archive = subprocess.run(["git", "archive", FILED, "generated"], cwd=ROOT, capture_output=True)
        if archive.returncode != 0:
            return None
        tree.mkdir(parents=True)
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    env = {**os.environ, "PYTHONPATH": str(tree / "generated")}
    command = [str(python), str(OVERHEAD), "--generated-only", "--rounds", str(ROUNDS)]
    result = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    return spread(json.loads(result.stdout)["us"]["decode_reference"])


def main() -> int:
    WORK.mkdir(exist_ok=True)
    if LOAD_AT_START[0] > 1.0:  # the figures are only comparable from a quiet machine
        print(f"bench: WARNING: load average {LOAD_AT_START[0]:.2f}; the figures will be noisy", flush=True)
    print("bench: preparing venvs (.bench/)", flush=True)
    ours = ours_venv("venv-ours")
    fast = ours_venv("venv-ours-speedups", "[speedups]")
    contenders = (
        Contender("raw", ours, "raw"),
        Contender("ours", ours, "ours"),
        Contender("ours+speedups", fast, "ours"),
        Contender("pinecone-client 5.0.1", venv("venv-sdk", SDK5), "sdk"),
        Contender(SDK10.replace("==", " "), venv("venv-pinecone", SDK10), "sdk"),
    )
    sdk5 = contenders[3]
    f: dict[str, Any] = {"contenders": [c.label for c in contenders], "rows": {}}
    rows = f["rows"]

    print(f"bench: in-process overhead, {ROUNDS} rounds", flush=True)
    rows["overhead"] = overhead({"ours": ours, "ours+speedups": fast})
    rows["filed_decoding"] = filed_decoding(ours)

    # Contenders take turns within each round, so drift of a noisy machine hits all of them alike.
    print(f"bench: cold start, {COLD_RUNS} fresh interpreters each", flush=True)
    rows["cold"] = per_round(interleaved(contenders, COLD_RUNS, "cold"), "seconds")

    with stub(ours) as port:
        print(f"bench: sync list_indexes(100) / describe_index, {ROUNDS} rounds", flush=True)
        sync = interleaved(contenders, ROUNDS, "sync", "--port", str(port))
        rows["list"] = per_round(sync, "list_us")
        rows["describe"] = per_round(sync, "describe_us")
        print(f"bench: memory, {MEMORY_RUNS} rounds", flush=True)
        memory = interleaved(contenders, MEMORY_RUNS, "memory", "--port", str(port))
        rows["rss"] = per_round(memory, "rss_mb", floor=None)
        rows["per_list"] = per_round(memory, "per_list_kb", floor=None)
        for count in CONCURRENT:
            print(f"bench: async, {count} concurrent describe_index, {CONCURRENT_ROUNDS} rounds", flush=True)
            runs = interleaved(
                contenders[:3], CONCURRENT_ROUNDS, "async", "--port", str(port), "--concurrent", str(count)
            )
            rows[f"async_{count}"] = per_round(runs, "per_second")
            for label, results in runs.items():
                rows[f"async_{count}"][label]["failed"] = sum(r["failed"] for r in results)
                rows[f"async_{count}"][label]["calls"] = count * len(results)

    for seconds in WAITS:
        print(f"bench: waiting for an index that is Ready after {seconds} s", flush=True)
        for c in (contenders[1], sdk5):
            with stub(ours, ready_after=seconds) as port:
                result = run_json(c.python, WORKER, c.role, "wait", "--port", str(port), "--ready-after", str(seconds))
                rows.setdefault(f"wait_{seconds}", {})[c.label] = result

    print("bench: make generate", flush=True)
    rows["generate"] = generate_seconds()
    f["machine"] = machine()
    f["rounds"] = {"cold": COLD_RUNS, "sync": ROUNDS, "memory": MEMORY_RUNS, "async": CONCURRENT_ROUNDS}
    table = render(f)
    targets = [OUT] + ([ROOT / "bench"] if UPDATE else [])
    for where in targets:
        where.mkdir(parents=True, exist_ok=True)
        (where / "results.md").write_text(table, encoding="utf-8")
        (where / "results.json").write_text(json.dumps(f, indent=2) + "\n", encoding="utf-8")
    print(table)
    print("bench: written to " + ", ".join(str(t.relative_to(ROOT)) for t in targets), flush=True)
    return 0


# -- the table ------------------------------------------------------------------------------------


def _range(s: dict[str, float], fmt: Callable[[float], str]) -> str:
    return f"{fmt(s['median'])} [{fmt(s['min'])} .. {fmt(s['max'])}]"


def _cell(row: dict[str, Any] | None, fmt: Callable[[float], str]) -> str:
    if row is None:
        return "—"
    text = _range(row["value"], fmt)
    if "ratio" in row:
        text += "; " + _range(row["ratio"], lambda x: f"{x:.2f}x")
    return text


def render(f: dict[str, Any]) -> str:
    labels: list[str] = f["contenders"]
    rows = f["rows"]
    rounds = f["rounds"]
    sdk10 = labels[4]

    def ms(x: float) -> str:
        return f"{x * 1e3:.1f} ms"

    def us(x: float) -> str:
        return f"{x:.0f} µs"

    verdicts: list[str] = []

    def verdict(what: str, ok: bool) -> None:
        verdicts.append(f"- {what}: {'met' if ok else 'NOT met'}")

    head = "| measure (rounds) | " + " | ".join(labels) + " |"
    lines = [
        f"Machine: {f['machine']}.",
        "",
        "Each cell: median [min .. max] over the rounds; after `;` the ratio to raw httpx measured in the same",
        "round, median [min .. max]. Lower is better, except throughput.",
        "",
        head,
        "|" + " --- |" * (len(labels) + 1),
    ]

    def table_row(what: str, key: str, fmt: Callable[[float], str]) -> None:
        cells = [_cell(rows[key].get(label), fmt) for label in labels]
        lines.append(f"| {what} | " + " | ".join(cells) + " |")

    table_row(f"cold start: import + construct client ({rounds['cold']})", "cold", ms)
    table_row(f"list_indexes (100 indexes), sync, loopback ({rounds['sync']})", "list", us)
    table_row(f"describe_index, sync, loopback ({rounds['sync']})", "describe", us)
    table_row(f"RSS after import + construct + 1 list ({rounds['memory']})", "rss", lambda x: f"{x:.1f} MB")
    table_row(f"RSS per 100-index list result kept ({rounds['memory']})", "per_list", lambda x: f"{x:.0f} KB")
    for count in CONCURRENT:
        row = rows[f"async_{count}"]
        cells = []
        for label in labels:
            if label not in row:
                cells.append("(not run)")
                continue
            failed = f"; {row[label]['failed']:,} of {row[label]['calls']:,} failed"
            cells.append(_cell(row[label], lambda x: f"{x:.0f}/s") + failed)
        lines.append(
            f"| async: {count:,} concurrent describe_index, successes/s ({rounds['async']}) | "
            + " | ".join(cells)
            + " |"
        )
    for seconds in WAITS:
        row = rows[f"wait_{seconds}"]
        cells = [
            f"+{row[label]['lag']:.2f} s after the flip; {row[label]['polls']} polls" if label in row else "(not run)"
            for label in labels
        ]
        lines.append(f"| wait: Ready after {seconds:g} s (1) | " + " | ".join(cells) + " |")

    lines += [
        "",
        "In-process client CPU per call over raw httpx + `json.loads` (httpx MockTransport, no sockets; "
        f"{rounds['sync']} rounds; bench/overhead.py):",
        "",
    ]
    lines += [
        "| build | JSON decoder | list_indexes(100): extra | describe_index: extra |",
        "| --- | --- | --- | --- |",
    ]

    def extra(s: dict[str, float]) -> str:
        return _range(s, lambda x: f"{x:+.0f} µs")

    for label, row in rows["overhead"].items():
        list_raw, describe_raw = us(row["list"]["raw"]["median"]), us(row["describe"]["raw"]["median"])
        lines.append(
            f"| {label} | {row['json_decoder']} | {extra(row['list']['extra'])} (raw {list_raw}) "
            f"| {extra(row['describe']['extra'])} (raw {describe_raw}) |"
        )
    lines += [
        "",
        "Decoding the list_indexes(100) body alone, bytes to model, in-process (bench/overhead.py; the "
        "reference is `json.loads` + the generated `from_dict`, what the base install runs):",
        "",
        "| build | decoder | `json.loads` alone | reference | this build | reference / this build |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for label, row in rows["overhead"].items():
        dec = row["decoding"]
        lines.append(
            f"| {label} | {row['json_decoder']} | {_range(dec['json_loads'], us)} | {_range(dec['reference'], us)} "
            f"| {_range(dec['decoder'], us)} | {dec['reference']['median'] / dec['decoder']['median']:.1f}x |"
        )
    filed = rows.get("filed_decoding")
    if filed is not None:
        fast_median = rows["overhead"]["ours+speedups"]["decoding"]["decoder"]["median"]
        lines += [
            "",
            f"The same decoding as generated when issue 15 was filed ({FILED}; json + `from_dict`): "
            f"{_range(filed, us)}; with the extra it is {filed['median'] / fast_median:.1f}x cheaper now.",
        ]
    lines += [
        "",
        f"make generate (wall): {_range(rows['generate'], lambda x: f'{x:.2f} s')}.",
        "",
        "Targets (on medians):",
    ]

    def median(key: str, label: str, part: str = "ratio") -> float:
        value: float = rows[key][label][part]["median"]
        return value

    verdict("cold start ≤ 1.10x raw", median("cold", "ours") <= 1.10)
    verdict("list_indexes(100) ≤ 1.15x raw without the extra", median("list", "ours") <= 1.15)
    verdict(
        f"list_indexes(100) ahead of {sdk10} (with the extra)",
        median("list", "ours+speedups", "value") < median("list", sdk10, "value"),
    )
    verdict("describe_index ≤ 1.05x raw", median("describe", "ours") <= 1.05)
    verdict(
        "in-process list_indexes(100) ≤ +300 µs",
        min(r["list"]["extra"]["median"] for r in rows["overhead"].values()) <= 300,
    )
    verdict(
        "in-process describe_index ≤ +25 µs",
        min(r["describe"]["extra"]["median"] for r in rows["overhead"].values()) <= 25,
    )
    fast = rows["overhead"]["ours+speedups"]["decoding"]["decoder"]["median"]
    if filed is not None:
        verdict(f"decoding list(100) ≥ 3x cheaper with the extra than at {FILED}", filed["median"] >= 3 * fast)
    for count in CONCURRENT:
        row = rows[f"async_{count}"]["ours"]
        verdict(f"async {count:,}: all succeed, ≥ 0.90x raw", row["failed"] == 0 and row["ratio"]["median"] >= 0.9)
    for seconds in WAITS:
        row = rows[f"wait_{seconds}"]["ours"]
        verdict(
            f"wait {seconds:g} s: seen ≤ 1 s after the flip, ≤ 1 poll/s",
            row["lag"] <= 1.0 and row["polls"] <= row["seconds"] + 1e-9,
        )
    verdict("make generate < 10 s", rows["generate"]["median"] < 10)
    return "\n".join(lines + verdicts) + "\n"


if __name__ == "__main__":
    sys.exit(main())
