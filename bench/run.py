"""`make bench`: pinecone-control against raw httpx (the floor) and the official SDK (pinecone-client
5.0.1, API 2024-07), each in its own venv, against a fast local stub in its own process.

Every figure is a median over repeated runs, and also a ratio to its floor measured in the same
run, so the table holds on a noisy machine. Writes bench/results.md and bench/results.json.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
WORKER = ROOT / "bench" / "worker.py"
STUB = ROOT / "bench" / "stub_server.py"
SDK = "pinecone-client==5.0.1"
COLD_RUNS = int(os.environ.get("BENCH_COLD_RUNS", "15"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
WAITS = tuple(float(t) for t in os.environ.get("BENCH_WAITS", "0.5,3,20").split(","))
CONCURRENT = (1_000, 10_000)
CONCURRENT_ROUNDS = int(os.environ.get("BENCH_CONCURRENT_ROUNDS", "3"))


def venv(name: str, *requirements: str) -> Path:
    """A venv under .bench/ with exactly `requirements` installed (ours: `pip install .`)."""
    path = WORK / name
    python = path / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip==26.3"], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *requirements], check=True)
    return python


def worker(python: Path, *args: str) -> dict[str, Any]:
    result = subprocess.run([str(python), str(WORKER), *args], check=True, capture_output=True, text=True)
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


def interleaved(contenders: tuple[tuple[str, Path], ...], rounds: int, *args: str) -> dict[str, list[dict[str, Any]]]:
    results: dict[str, list[dict[str, Any]]] = {name: [] for name, _python in contenders}
    for _ in range(rounds):
        for name, python in contenders:
            results[name].append(worker(python, name, *args))
    return results


def generate_seconds() -> float:
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
    return statistics.median(times)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main() -> int:
    WORK.mkdir(exist_ok=True)
    print("bench: preparing venvs (.bench/)", flush=True)
    ours = venv("venv-ours", "--force-reinstall", "--no-deps", str(ROOT))
    subprocess.run([str(ours), "-m", "pip", "install", "--quiet", str(ROOT)], check=True)  # its runtime deps
    sdk = venv("venv-sdk", SDK)
    figures: dict[str, Any] = {}

    contenders = (("raw", ours), ("ours", ours), ("sdk", sdk))
    # Contenders take turns within each round, so drift of a noisy machine hits all of them alike.
    print(f"bench: cold start, {COLD_RUNS} fresh interpreters each", flush=True)
    cold = interleaved(contenders, COLD_RUNS, "cold")
    for name, _python in contenders:
        figures[f"cold_{name}"] = statistics.median(r["seconds"] for r in cold[name])

    print(f"bench: sync list_indexes(100) / describe_index, {ROUNDS} rounds", flush=True)
    with stub(ours) as port:
        sync = interleaved(contenders, ROUNDS, "sync", "--port", str(port))
        for name, _python in contenders:
            figures[f"list_{name}"] = statistics.median(r["list_us"] for r in sync[name])
            figures[f"describe_{name}"] = statistics.median(r["describe_us"] for r in sync[name])
        for count in CONCURRENT:
            print(f"bench: async, {count} concurrent describe_index", flush=True)
            concurrent = interleaved(
                contenders[:2], CONCURRENT_ROUNDS, "async", "--port", str(port), "--concurrent", str(count)
            )
            for name in ("raw", "ours"):
                runs = concurrent[name]
                figures[f"async_{count}_{name}"] = statistics.median(r["per_second"] for r in runs)
                figures[f"async_{count}_{name}_failed"] = sum(r["failed"] for r in runs)
                figures[f"async_{count}_{name}_calls"] = count * len(runs)

    for seconds in WAITS:
        print(f"bench: waiting for an index that is Ready after {seconds} s", flush=True)
        for name, python in (("ours", ours), ("sdk", sdk)):
            with stub(ours, ready_after=seconds) as port:
                figures[f"wait_{seconds}_{name}"] = worker(
                    python, name, "wait", "--port", str(port), "--ready-after", str(seconds)
                )

    print("bench: make generate", flush=True)
    figures["generate_s"] = generate_seconds()
    figures["machine"] = machine()
    table = render(figures)
    (ROOT / "bench" / "results.md").write_text(table, encoding="utf-8")
    (ROOT / "bench" / "results.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(table)
    return 0


def render(f: dict[str, Any]) -> str:
    def row(what: str, floor: str, ours: str, ratio: str, sdk: str, sdk_ratio: str, target: str, met: bool) -> str:
        return f"| {what} | {floor} | {ours} | {ratio} | {sdk} | {sdk_ratio} | {target} | {'yes' if met else 'no'} |"

    lines = [
        f"Machine: {f['machine']}. Medians of {COLD_RUNS} cold starts and {ROUNDS} rounds; ratios are to the",
        "floor measured in the same run (lower is better, except throughput).",
        "",
        "| measure | floor: raw httpx | pinecone-control | ratio | pinecone-client 5.0.1 | ratio | target | met |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    cold = f["cold_ours"] / f["cold_raw"]
    lines.append(
        row(
            "cold start: import + construct client",
            f"{f['cold_raw'] * 1e3:.1f} ms",
            f"{f['cold_ours'] * 1e3:.1f} ms",
            f"{cold:.2f}x",
            f"{f['cold_sdk'] * 1e3:.1f} ms",
            f"{f['cold_sdk'] / f['cold_raw']:.2f}x",
            "≤ 1.10x",
            cold <= 1.10,
        )
    )
    for key, what, target in (
        ("list", "list_indexes (100 indexes), sync", 1.15),
        ("describe", "describe_index, sync", 1.05),
    ):
        ratio = f[f"{key}_ours"] / f[f"{key}_raw"]
        lines.append(
            row(
                what,
                f"{f[f'{key}_raw']:.0f} µs",
                f"{f[f'{key}_ours']:.0f} µs",
                f"{ratio:.2f}x",
                f"{f[f'{key}_sdk']:.0f} µs",
                f"{f[f'{key}_sdk'] / f[f'{key}_raw']:.2f}x",
                f"≤ {target:.2f}x",
                ratio <= target,
            )
        )
    for count in CONCURRENT:
        raw, ours = f[f"async_{count}_raw"], f[f"async_{count}_ours"]
        throughput = ours / raw if raw else float("inf")
        calls = f[f"async_{count}_ours_calls"]
        failed_raw, failed_ours = f[f"async_{count}_raw_failed"], f[f"async_{count}_ours_failed"]
        lines.append(
            row(
                f"async: {count:,} concurrent describe_index (successes/s; failed of {calls:,})",
                f"{raw:.0f}/s; {failed_raw:,} failed",
                f"{ours:.0f}/s; {failed_ours:,} failed",
                f"{throughput:.2f}x",
                "(no async)",
                "",
                "all succeed; ≥ 0.90x",
                failed_ours == 0 and throughput >= 0.9,
            )
        )
    for seconds in WAITS:
        ours, sdk = f[f"wait_{seconds}_ours"], f[f"wait_{seconds}_sdk"]
        rate = ours["polls"] / ours["seconds"]
        met = ours["lag"] <= 1.0 and rate <= 1.0 + 1e-9
        lines.append(
            row(
                f"wait: Ready after {seconds:g} s (seen after flip; polls)",
                "—",
                f"+{ours['lag']:.2f} s; {ours['polls']} polls ({rate:.2f}/s)",
                "",
                f"+{sdk['lag']:.2f} s; {sdk['polls']} polls",
                "",
                "≤ 1 s; ≤ 1 poll/s",
                met,
            )
        )
    lines.append(
        row("make generate (wall)", "—", f"{f['generate_s']:.2f} s", "", "—", "", "< 10 s", f["generate_s"] < 10)
    )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
