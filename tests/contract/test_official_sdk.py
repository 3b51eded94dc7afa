"""The official SDK for this API version, `pinecone-client==5.0.1`, drives the emulator CLI as a
user's code would: installed into its own venv (build/contract-sdk-5.0.1, git-ignored, reused when
present), run by that venv's python against `python -m pinecone_control.testing` on 127.0.0.1.
Every control-plane operation, success and error paths, retry loops that never describe, and a
fault injected through the control API. Skipped (with the reason) only when PyPI is unreachable
and the venv is not there yet."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from codegen.pin import REPO_ROOT

pytestmark = pytest.mark.contract

SDK = "pinecone-client==5.0.1"
VENV = REPO_ROOT / "build" / "contract-sdk-5.0.1"
SCENARIO = Path(__file__).with_name("sdk_scenario.py")
KEY = "sdk-contract-key"
SPEED = "200"  # emulated seconds per wall second: the real-shaped timings in milliseconds


def _has_sdk(python: Path) -> bool:
    probe = "import importlib.metadata as m, sys; sys.exit(m.version('pinecone-client') != '5.0.1')"
    return python.exists() and subprocess.run([str(python), "-c", probe], capture_output=True).returncode == 0


def _pypi_reachable() -> str | None:
    """None when PyPI answers, else why not."""
    try:
        with urllib.request.urlopen("https://pypi.org/simple/pinecone-client/", timeout=15) as response:
            response.read(1)
        return None
    except OSError as exc:
        return f"{type(exc).__name__}: {exc}"


@pytest.fixture(scope="module")
def sdk_python() -> Path:
    python = VENV / "bin" / "python"
    if _has_sdk(python):
        return python
    unreachable = _pypi_reachable()
    if unreachable is not None:
        pytest.skip(f"PyPI is unreachable ({unreachable}), so {SDK} cannot be installed into {VENV}")
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", SDK],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    assert _has_sdk(python)
    return python


@pytest.fixture
def emulator_cli() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "pinecone_control.testing", "--control", "--speed", SPEED, "--api-key", KEY],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().rsplit(" ", 1)[-1].strip()
    finally:
        process.terminate()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def test_the_official_sdk_passes_against_the_emulator_cli(sdk_python: Path, emulator_cli: str) -> None:
    run = subprocess.run(
        [str(sdk_python), str(SCENARIO), emulator_cli, KEY], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads(run.stdout.strip().splitlines()[-1])
    failed = [f"{r['step']}: {r['detail']}\n{r.get('tb', '')}" for r in results if not r["ok"]]
    retries = {r["step"]: r["detail"] for r in results if "retried" in r["step"]}
    print(f"\n{SDK}: {len(results)} steps, {len(failed)} failed; retry loops (tries): {retries}")
    assert failed == [], "\n".join(failed)
    assert len(results) >= 45
    assert all(tries > 1 for tries in retries.values()), retries  # each loop did meet the refusal first
