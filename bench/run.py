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
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
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

# The commit issue 23 was filed against: the "today" of its memory target and the "before" of its
# decoding target.
FILED = "7a5bd5f"
# Selects pinecone-control's decoder; never inherited from the caller's environment by a worker.
DECODER_ENV = "PINECONE_CONTROL_DECODER"
REFERENCE_ENV: Mapping[str, str] = MappingProxyType({DECODER_ENV: "reference"})

RAW, OURS, REFERENCE = "raw", "ours", "ours, reference decoder"
SDK5_LABEL, SDK10_LABEL = SDK5.replace("==", " "), SDK10.replace("==", " ")
AT_FILED = f"ours @{FILED}"
# What `pinecone_control._decoding.DECODER` must report in each build of ours; a run that reports
# another decoder measured something else and fails.
EXPECTED_DECODER = {OURS: "msgspec", REFERENCE: "json"}
TAIL = 12  # traceback lines kept per failure
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


class WorkerError(RuntimeError):
    """A subprocess that failed; `detail` is its stderr (the worker's traceback)."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(message)
        self.detail = detail


class NotMeasured(Exception):
    """A figure is missing: the reason is the message; `failed`: it was tried and failed."""

    def __init__(self, reason: str, *, failed: bool = False) -> None:
        super().__init__(reason)
        self.failed = failed


# -- failures -------------------------------------------------------------------------------------


def failure(exc: BaseException) -> dict[str, str]:
    """A failure as recorded in results.json: a one-line reason and the traceback's last lines."""
    if isinstance(exc, WorkerError):
        lines = exc.detail.strip().splitlines()
        reason = f"{exc}: {lines[-1].strip()}" if lines else str(exc)
    else:
        lines = "".join(traceback.format_exception(exc)).strip().splitlines()
        reason = f"{type(exc).__name__}: {exc}"
    return {"error": reason.replace("\n", " "), "traceback": "\n".join(lines[-TAIL:])}


def failures(f: Mapping[str, Any]) -> list[tuple[str, Mapping[str, str]]]:
    """Everything that failed: whole rows, contenders' venvs, and single cells."""
    found: list[tuple[str, Mapping[str, str]]] = [(f"row `{key}`", e) for key, e in f["errors"].items()]
    found += [(f"venv of {label}", e) for label, e in f["contender_errors"].items()]
    for key, row in f["rows"].items():
        if isinstance(row, dict):
            found += [(f"row `{key}`, {label}", c) for label, c in row.items() if isinstance(c, dict) and "error" in c]
    return found


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


# -- figures and targets --------------------------------------------------------------------------


def _get(f: Mapping[str, Any], key: str, label: str | None = None) -> Any:
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


def _median(f: Mapping[str, Any], key: str, label: str, part: str = "ratio") -> float:
    cell = _get(f, key, label)
    if part not in cell:
        raise NotMeasured(f"{label} has no {part} (the floor failed)")
    value: float = cell[part]["median"]
    return value


class Target(NamedTuple):
    what: str  # the verdict line
    short: str  # the README table's target column
    check: Callable[[Mapping[str, Any]], tuple[bool, str]]  # met?, the figure it was judged on


def _ratio(x: float) -> str:
    return f"{x:.2f}x"


def targets(f: Mapping[str, Any]) -> dict[str, Target]:
    filed = f.get("filed", FILED)

    def ratio_at_most(key: str, limit: float) -> Callable[[Mapping[str, Any]], tuple[bool, str]]:
        def judged(f: Mapping[str, Any]) -> tuple[bool, str]:
            ratio = _median(f, key, OURS)
            return ratio <= limit, f"{ratio:.3f}x"

        return judged

    def in_process(f: Mapping[str, Any]) -> tuple[bool, str]:
        ratio: float = _get(f, "overhead", OURS)["list"]["ratio"]["median"]
        return ratio <= 1.05, f"{ratio:.3f}x"

    def rss(f: Mapping[str, Any]) -> tuple[bool, str]:
        ours, then = _median(f, "rss", OURS, "value"), _median(f, "rss", AT_FILED, "value")
        return ours - then <= 2.0, f"{ours:.1f} MB, {ours - then:+.1f} MB over {then:.1f} MB"

    def decoding(f: Mapping[str, Any]) -> tuple[bool, str]:
        row = _get(f, "filed_decoding")
        if not row["gc"]:
            raise NotMeasured("the garbage collector was off")
        ratio: float = row["ratio"]["median"]
        return ratio >= 3, f"{ratio:.2f}x ({row['then']['median']:.0f} → {row['now']['median']:.0f} µs)"

    def concurrent(count: int) -> Callable[[Mapping[str, Any]], tuple[bool, str]]:
        def judged(f: Mapping[str, Any]) -> tuple[bool, str]:
            cell = _get(f, f"async_{count}", OURS)
            ratio = _median(f, f"async_{count}", OURS)
            return cell["failed"] == 0 and ratio >= 0.9, f"{ratio:.3f}x, {cell['failed']:,} failed"

        return judged

    def waited(seconds: float) -> Callable[[Mapping[str, Any]], tuple[bool, str]]:
        def judged(f: Mapping[str, Any]) -> tuple[bool, str]:
            cell = _get(f, f"wait_{seconds}", OURS)
            ok = cell["lag"] <= 1.0 and cell["polls"] <= cell["seconds"] + 1e-9
            return ok, f"+{cell['lag']:.2f} s, {cell['polls']} polls"

        return judged

    def generate(f: Mapping[str, Any]) -> tuple[bool, str]:
        median: float = _get(f, "generate")["median"]
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


# -- the table ------------------------------------------------------------------------------------


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


# -- the README's figures table ----------------------------------------------------------------------

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
        return lambda label: [(_median(f, key, label), "{:.2f}x")]

    def value(key: str, fmt: str) -> Callable[[str], list[Part]]:
        return lambda label: [(_median(f, key, label, "value"), fmt)]

    def in_process(what: str) -> Callable[[str], list[Part]]:
        def make(label: str) -> list[Part]:
            row = _get(f, "overhead", label)[what]
            return [(row["ratio"]["median"], "{:.2f}x"), " (", (row["extra"]["median"], "{:+.0f} µs"), ")"]

        return make

    def decoding(label: str) -> list[Part]:
        return [(_get(f, "overhead", label)["decoding"]["decoder"]["median"], "{:.0f} µs")]

    def concurrent(count: int) -> Callable[[str], list[Part]]:
        def make(label: str) -> list[Part]:
            cell = _get(f, f"async_{count}", label)
            return [
                (cell["value"]["median"], "{:,.0f}/s"),
                ", ",
                (_median(f, f"async_{count}", label), "{:.2f}x"),
                " raw, ",
                (cell["failed"], "{:,.0f}"),
                f" of {cell['calls']:,} failed",
            ]

        return make

    def waits(label: str) -> list[Part]:
        cells = [_get(f, f"wait_{seconds}", label) for seconds in f["waits"]]
        parts: list[Part] = []
        for cell in cells:
            parts += [" / " if parts else "", (cell["lag"], "{:+.2f}")]
        return [*parts, " s; ", " / ".join(str(c["polls"]) for c in cells), " polls"]

    def generate(label: str) -> list[Part]:
        return [(_get(f, "generate")["median"], "{:.2f} s")]

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
                then(lambda: float(_get(f, "filed_decoding")["then"]["median"]), "{:.0f} µs"),
                " → ",
                then(lambda: float(_get(f, "filed_decoding")["now"]["median"]), "{:.0f} µs"),
                "); ",
                then(lambda: float(_get(f, "filed_decoding")["ratio"]["median"]), "{:.1f}x"),
            ],
        ),
        *concurrent_rows,
        SummaryRow(
            "RSS after import + construct + 1 list",
            cells(value("rss", "{:.1f} MB")),
            ("rss",),
            [
                f"≤ +2 MB over {AT_FILED} (",
                then(lambda: _median(f, "rss", AT_FILED, "value"), "{:.1f} MB"),
                "; raw httpx ",
                then(lambda: _median(f, "rss", RAW, "value"), "{:.1f} MB"),
                "); ",
                then(lambda: _median(f, "rss", OURS, "value") - _median(f, "rss", AT_FILED, "value"), "{:+.1f} MB"),
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


if __name__ == "__main__":
    sys.exit(main())
