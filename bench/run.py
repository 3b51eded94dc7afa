"""`make bench`: pinecone-control against raw httpx (the floor) and two official SDKs, each in its own
venv under .bench/, against a fast local stub in its own process.

    python bench/run.py                      the benchmark (`make bench`)
    python bench/run.py --readme A.json B.json   the README's figures table from two runs' results.json

Contenders: raw httpx + `json.loads`; pinecone-control as installed by default ("ours": msgspec's
one-pass decoding); the same install with its reference decoder (`json.loads` + the generated
`from_dict`), chosen by PINECONE_CONTROL_DECODER=reference in the workers' environment;
pinecone-client 5.0.1 (API 2024-07, like ours); the current `pinecone` (10.x, API 2026-07: the stub
answers it in that version's shapes). For the memory rows and the decoding target only, "ours @FILED":
the package as built at the commit issue 23 was filed against (`git archive`, its own venv).

Every row gives the median with the min and max over its rounds, and the number of rounds.
Contenders take turns within each round, and a ratio is taken within its round (to the floor
measured just before), so drift on a noisy machine hits every contender alike.

Each measurement stage runs guarded, and each contender within it: a failure is recorded (its error
and the traceback's tail) for that row or cell, the table shows it as FAILED with the reason, and
targets that need it say "NOT measured". The results are written after every stage, so a crash
later keeps the rows already measured; the exit status is 1 if anything failed. Results go to
build/bench/results.{md,json} (untracked); `make bench UPDATE=1` also writes the committed copy,
bench/results.{md,json}.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from failures import WorkerError, failure, failures
from readme_table import render_summary
from results_table import render
from settings import (
    AT_FILED,
    COLD_RUNS,
    CONCURRENT,
    CONCURRENT_ROUNDS,
    DECODER_ENV,
    FILED,
    MEMORY_RUNS,
    OURS,
    RAW,
    REFERENCE,
    REFERENCE_ENV,
    ROUNDS,
    SDK5,
    SDK5_LABEL,
    SDK10,
    SDK10_LABEL,
    WAITS,
)

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
OUT = ROOT / "build" / "bench"
WORKER = ROOT / "bench" / "worker.py"
OVERHEAD = ROOT / "bench" / "overhead.py"
STUB = ROOT / "bench" / "stub_server.py"
UPDATE = os.environ.get("UPDATE", "") not in ("", "0")

# What `pinecone_control._decoding.DECODER` must report in each build of ours; a run that reports
# another decoder measured something else and fails.
EXPECTED_DECODER = {OURS: "msgspec", REFERENCE: "json"}
FORMAT = 2  # results.json's shape; `--readme` merges only runs of this one


class Contender(NamedTuple):
    label: str  # the table's column
    python: Path | None  # None: its venv could not be built (`error` says why)
    role: str  # what bench/worker.py runs: raw, ours or sdk
    env: Mapping[str, str] = MappingProxyType({})  # set for each of its worker processes
    error: Mapping[str, str] | None = None


class Stage(NamedTuple):
    title: str  # printed as it starts
    rows: tuple[str, ...]  # the rows it fills; all marked failed if it raises
    run: Callable[[], dict[str, Any]]  # {row: figures}


# -- running the stages ---------------------------------------------------------------------------


def run_stages(f: dict[str, Any], stages: Sequence[Stage], write: Callable[[dict[str, Any]], None]) -> int:
    """Each stage guarded, the results written after each; 1 if anything failed (after writing)."""
    for stage in stages:
        print(f"bench: {stage.title}", flush=True)
        try:
            f["rows"].update(stage.run())
        except Exception as exc:
            record = failure(exc)
            for key in stage.rows:
                f["errors"][key] = record
            print(f"bench: FAILED: {stage.title}: {record['error']}", flush=True)
        write(f)
    failed = failures(f)
    for where, what in failed:
        print(f"bench: FAILED: {where}: {what['error']}", file=sys.stderr, flush=True)
    return 1 if failed else 0


# -- running things -------------------------------------------------------------------------------


def check(command: Sequence[str | Path], **kwargs: Any) -> subprocess.CompletedProcess[Any]:
    """`command`, its output captured; a WorkerError with its stderr if it fails."""
    result = subprocess.run([str(c) for c in command], capture_output=True, **kwargs)
    if result.returncode != 0:
        stderr = result.stderr if isinstance(result.stderr, str) else result.stderr.decode(errors="replace")
        name = " ".join(Path(str(c)).name if i < 2 else str(c) for i, c in enumerate(command[:4]))
        raise WorkerError(f"`{name} ...` exited {result.returncode}", stderr)
    return result


def run_json(python: Path, script: Path, *args: str, env: Mapping[str, str] | None = None) -> dict[str, Any]:
    environment = {k: v for k, v in os.environ.items() if k != DECODER_ENV}
    environment.update(env or {})
    result = check([python, script, *args], text=True, env=environment)
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


def run_contender(c: Contender, script: Path, *args: str) -> dict[str, Any]:
    """One worker run of `c`, in its venv with its environment; its decoder must be the expected one."""
    if c.python is None:
        raise RuntimeError(f"not run: its venv could not be built ({(c.error or {}).get('error', '?')})")
    result = run_json(c.python, script, *args, env=c.env)
    expected = EXPECTED_DECODER.get(c.label)
    if expected is not None and "decoder" in result and result["decoder"] != expected:
        raise RuntimeError(f"decoded with {result['decoder']}, not {expected}: it measured the wrong build")
    return result


def venv(name: str, *requirements: str) -> Path:
    """A venv under .bench/ with exactly `requirements` installed (ours: `pip install .`)."""
    path = WORK / name
    python = path / "bin" / "python"
    if not python.exists():
        check([sys.executable, "-m", "venv", path])
        check([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip==26.3"])
    check([python, "-m", "pip", "install", "--quiet", *requirements])
    return python


def ours_venv(name: str, source: Path = ROOT) -> Path:
    """Our package freshly built from `source`, with only its runtime dependencies."""
    python = venv(name, "--force-reinstall", "--no-deps", str(source))
    check([python, "-m", "pip", "install", "--quiet", str(source)])
    return python


def decoder_of(python: Path, env: Mapping[str, str]) -> str:
    decoder: str = run_json(python, WORKER, "ours", "probe", env=env)["decoder"]
    return decoder


def ours_pythons(notes: list[str]) -> tuple[Path, Path]:
    """The default install's venv, and the one its reference decoder runs from: the same, with
    PINECONE_CONTROL_DECODER=reference (checked: a build that ignores it would measure msgspec twice)."""
    python = ours_venv("venv-ours")
    if decoder_of(python, REFERENCE_ENV) != "json":
        raise RuntimeError(f"{DECODER_ENV}=reference is not honoured by this build")
    return python, python


def filed_python() -> Path:
    """pinecone-control as built at FILED (its whole tree from git, its generated/ committed)."""
    source = WORK / f"src-{FILED}"
    if not (source / "pyproject.toml").exists():
        archive = check(["git", "archive", FILED], cwd=ROOT)
        source.mkdir(parents=True, exist_ok=True)
        check(["tar", "-x", "-C", source], input=archive.stdout)
    return ours_venv(f"venv-ours-{FILED}", source)


def prepare(notes: list[str], errors: dict[str, Any]) -> tuple[list[Contender], Contender]:
    """Every venv, each guarded: a contender whose venv fails keeps `python` None and its error."""

    def failed(label: str, exc: Exception) -> Mapping[str, str]:
        errors[label] = record = failure(exc)
        print(f"bench: FAILED: the venv of {label}: {record['error']}", flush=True)
        return record

    def built(label: str, make: Callable[[], Path]) -> tuple[Path | None, Mapping[str, str] | None]:
        try:
            return make(), None
        except Exception as exc:
            return None, failed(label, exc)

    ours: Path | None = None
    reference: Path | None = None
    ours_error: Mapping[str, str] | None = None
    try:
        ours, reference = ours_pythons(notes)
    except Exception as exc:
        ours_error = failed(OURS, exc)
    sdk5, sdk5_error = built(SDK5_LABEL, lambda: venv("venv-sdk", SDK5))
    sdk10, sdk10_error = built(SDK10_LABEL, lambda: venv("venv-pinecone", SDK10))
    filed, filed_error = built(AT_FILED, filed_python)
    contenders = [
        Contender(RAW, ours, "raw", error=ours_error),
        Contender(OURS, ours, "ours", error=ours_error),
        Contender(REFERENCE, reference, "ours", REFERENCE_ENV, error=ours_error),
        Contender(SDK5_LABEL, sdk5, "sdk", error=sdk5_error),
        Contender(SDK10_LABEL, sdk10, "sdk", error=sdk10_error),
    ]
    return contenders, Contender(AT_FILED, filed, "ours", error=filed_error)


@contextmanager
def stub(ready_after: float = 1.0) -> Iterator[int]:
    with tempfile.TemporaryDirectory() as tmp:
        port_file = Path(tmp) / "port"
        command = [sys.executable, str(STUB), str(port_file), "--ready-after", str(ready_after)]
        process = subprocess.Popen(command)
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


def interleaved(
    contenders: Sequence[Contender], rounds: int, *args: str
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, dict[str, str]]]:
    """Each contender's worker results over `rounds`, taking turns; a contender that fails once is
    left out of the later rounds and its failure returned instead."""
    runs: dict[str, list[dict[str, Any]]] = {c.label: [] for c in contenders}
    errors: dict[str, dict[str, str]] = {}
    for _ in range(rounds):
        for c in contenders:
            if c.label in errors:
                continue
            try:
                runs[c.label].append(run_contender(c, WORKER, c.role, *args))
            except Exception as exc:
                errors[c.label] = failure(exc)
    return {label: results for label, results in runs.items() if label not in errors}, errors


def each(contenders: Sequence[Contender], measure: Callable[[Contender], Any]) -> dict[str, Any]:
    """`measure` of each contender, guarded one by one: a failure becomes that cell's error."""
    cells: dict[str, Any] = {}
    for c in contenders:
        try:
            cells[c.label] = measure(c)
        except Exception as exc:
            cells[c.label] = failure(exc)
    return cells


def spread(values: Sequence[float]) -> dict[str, float]:
    return {"min": min(values), "median": statistics.median(values), "max": max(values), "n": len(values)}


def per_round(runs: dict[str, list[dict[str, Any]]], key: str, floor: str | None = RAW) -> dict[str, dict[str, Any]]:
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


def measured_row(
    runs: dict[str, list[dict[str, Any]]], errors: dict[str, dict[str, str]], key: str, floor: str | None = RAW
) -> dict[str, Any]:
    row: dict[str, Any] = per_round(runs, key, floor)
    row.update(errors)
    return row


def generate_seconds() -> dict[str, float]:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        # A full generation (pinned generator, normalisation, ruff) into a scratch directory.
        code = (
            "import pathlib, tempfile; from codegen.generate import generate_into; "
            "generate_into(pathlib.Path(tempfile.mkdtemp()))"
        )
        check([sys.executable, "-c", code], cwd=ROOT / "openapi")
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


def overhead_row(result: Mapping[str, Any]) -> dict[str, Any]:
    """bench/overhead.py's per-round microseconds: ours over raw httpx + json.loads, as an extra and
    as a ratio taken within each round; the list body's decoding alone."""
    us = result["us"]
    row: dict[str, Any] = {
        what: {
            "raw": spread(us[f"raw_{what}"]),
            "ours": spread(us[f"ours_{what}"]),
            "extra": spread([o - r for o, r in zip(us[f"ours_{what}"], us[f"raw_{what}"], strict=True)]),
            "ratio": spread([o / r for o, r in zip(us[f"ours_{what}"], us[f"raw_{what}"], strict=True)]),
        }
        for what in ("list", "describe")
    }
    row["decoder"] = result["decoder"]
    row["gc"] = result["gc"]
    row["decoding"] = {what: spread(us[f"decode_{what}"]) for what in ("json_loads", "reference", "decoder")}
    return row


def filed_decoding(filed: Contender, ours: Contender) -> dict[str, Any]:
    """The list(100) body's decoding as built at FILED (json + `IndexList.from_dict`, its own venv) and
    by ours' decoder, taking turns, one process each a round; the ratio taken within each round."""
    then: list[float] = []
    now: list[float] = []
    gc_on = True
    for _ in range(ROUNDS):
        for build, which, times in ((filed, "reference", then), (ours, "decoder", now)):
            result = run_contender(build, OVERHEAD, "--decoding", which, "--rounds", "1")
            times += result["us"][f"decode_{which}"]
            gc_on = gc_on and result["gc"]
    return {
        "then": spread(then),
        "now": spread(now),
        "ratio": spread([t / n for t, n in zip(then, now, strict=True)]),
        "gc": gc_on,
    }


def stages(contenders: Sequence[Contender], filed: Contender) -> list[Stage]:
    by_label = {c.label: c for c in contenders}
    ours_builds = [by_label[OURS], by_label[REFERENCE]]

    def overhead() -> dict[str, Any]:
        rounds = ("--rounds", str(ROUNDS))
        return {"overhead": each(ours_builds, lambda c: overhead_row(run_contender(c, OVERHEAD, *rounds)))}

    def cold() -> dict[str, Any]:
        return {"cold": measured_row(*interleaved(contenders, COLD_RUNS, "cold"), "seconds")}

    def sync() -> dict[str, Any]:
        with stub() as port:
            runs, errors = interleaved(contenders, ROUNDS, "sync", "--port", str(port))
        return {"list": measured_row(runs, errors, "list_us"), "describe": measured_row(runs, errors, "describe_us")}

    def memory() -> dict[str, Any]:
        with stub() as port:
            runs, errors = interleaved([*contenders, filed], MEMORY_RUNS, "memory", "--port", str(port))
        return {
            "rss": measured_row(runs, errors, "rss_mb", floor=None),
            "per_list": measured_row(runs, errors, "per_list_kb", floor=None),
        }

    def concurrent(count: int) -> Callable[[], dict[str, Any]]:
        def run() -> dict[str, Any]:
            args = ("async", "--concurrent", str(count))
            with stub() as port:
                runs, errors = interleaved([by_label[RAW], *ours_builds], CONCURRENT_ROUNDS, *args, "--port", str(port))
            row = measured_row(runs, errors, "per_second")
            for label, results in runs.items():
                row[label]["failed"] = sum(r["failed"] for r in results)
                row[label]["calls"] = count * len(results)
            return {f"async_{count}": row}

        return run

    def wait(seconds: float) -> Callable[[], dict[str, Any]]:
        def one(c: Contender) -> dict[str, Any]:
            with stub(ready_after=seconds) as port:
                return run_contender(c, WORKER, c.role, "wait", "--port", str(port), "--ready-after", str(seconds))

        return lambda: {f"wait_{seconds}": each([by_label[OURS], by_label[SDK5_LABEL]], one)}

    return [
        Stage(f"in-process overhead, {ROUNDS} rounds", ("overhead",), overhead),
        Stage(
            f"decoding as built at {FILED} and by ours, taking turns, {ROUNDS} rounds",
            ("filed_decoding",),
            lambda: {"filed_decoding": filed_decoding(filed, by_label[OURS])},
        ),
        Stage(f"cold start, {COLD_RUNS} fresh interpreters each", ("cold",), cold),
        Stage(f"sync list_indexes(100) / describe_index, {ROUNDS} rounds", ("list", "describe"), sync),
        Stage(f"memory, {MEMORY_RUNS} rounds", ("rss", "per_list"), memory),
        *(
            Stage(
                f"async, {count} concurrent describe_index, {CONCURRENT_ROUNDS} rounds",
                (f"async_{count}",),
                concurrent(count),
            )
            for count in CONCURRENT
        ),
        *(
            Stage(f"waiting for an index that is Ready after {seconds} s", (f"wait_{seconds}",), wait(seconds))
            for seconds in WAITS
        ),
        Stage("make generate", ("generate",), lambda: {"generate": generate_seconds()}),
    ]


def write_results(f: dict[str, Any], targets: Sequence[Path]) -> None:
    f["machine"] = machine()
    table = render(f)
    for where in targets:
        where.mkdir(parents=True, exist_ok=True)
        (where / "results.md").write_text(table, encoding="utf-8")
        (where / "results.json").write_text(json.dumps(f, indent=2) + "\n", encoding="utf-8")


def new_results() -> dict[str, Any]:
    return {
        "format": FORMAT,
        "contenders": [RAW, OURS, REFERENCE, SDK5_LABEL, SDK10_LABEL, AT_FILED],
        "filed": FILED,
        "rounds": {"cold": COLD_RUNS, "sync": ROUNDS, "memory": MEMORY_RUNS, "async": CONCURRENT_ROUNDS},
        "waits": list(WAITS),
        "concurrent": list(CONCURRENT),
        "notes": [],
        "contender_errors": {},
        "errors": {},
        "rows": {},
    }


def bench() -> int:
    WORK.mkdir(exist_ok=True)
    if LOAD_AT_START[0] > 1.0:  # the figures are only comparable from a quiet machine
        print(f"bench: WARNING: load average {LOAD_AT_START[0]:.2f}; the figures will be noisy", flush=True)
    targets = [OUT] + ([ROOT / "bench"] if UPDATE else [])
    f = new_results()
    print("bench: preparing venvs (.bench/)", flush=True)
    contenders, filed = prepare(f["notes"], f["contender_errors"])
    write_results(f, targets)
    status = run_stages(f, stages(contenders, filed), lambda results: write_results(results, targets))
    print(render(f))
    print("bench: written to " + ", ".join(str(t.relative_to(ROOT)) for t in targets), flush=True)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readme", nargs="+", metavar="RESULTS_JSON", help="print the README's figures table")
    args = parser.parse_args(argv)
    if args.readme:
        runs = [json.loads(Path(p).read_text(encoding="utf-8")) for p in args.readme]
        older = [p for p, f in zip(args.readme, runs, strict=True) if f.get("format") != FORMAT]
        if older:
            print(f"bench: not written by this bench/run.py (format {FORMAT}): {', '.join(older)}", file=sys.stderr)
            return 2
        print(render_summary(runs), end="")
        return 0
    return bench()


if __name__ == "__main__":
    sys.exit(main())
