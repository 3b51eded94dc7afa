"""A foreign client at each later version: the official Python SDK that speaks it (`pinecone`
6.0.2 sends 2025-01, 7.3.0 sends 2025-04, 8.1.2 sends 2025-10 in `X-Pinecone-Api-Version`), in its
own venv (build/contract-sdk-pinecone-<v>, git-ignored, reused), drives the emulator CLI of a
scratch copy bumped to that version by the README's workflow (`make pull API_VERSION=<v> ACCEPT=1`,
`make generate`), the emulator's code untouched: create and wait, describe, list, tags, deletion
protection, sparse indexes, pod scaling, create-for-model, backups, restore jobs, error answers
(`sdk_later_scenario.py`). Skipped only when PyPI is unreachable and the venv is not there yet."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from codegen.pin import REPO_ROOT

from ..pipeline.test_bump_workflow import _make, _scratch_repo
from .test_official_sdk import _pypi_reachable

pytestmark = pytest.mark.contract

SCENARIO = Path(__file__).with_name("sdk_later_scenario.py")
KEY = "sdk-later-key"
SDKS = {"2025-01": "6.0.2", "2025-04": "7.3.0", "2025-10": "8.1.2"}


def _sdk_python(release: str) -> Path:
    venv = REPO_ROOT / "build" / f"contract-sdk-pinecone-{release.split('.')[0]}"
    python = venv / "bin" / "python"
    probe = f"import importlib.metadata as m, sys; sys.exit(m.version('pinecone') != {release!r})"
    if python.exists() and subprocess.run([str(python), "-c", probe], capture_output=True).returncode == 0:
        return python
    unreachable = _pypi_reachable()
    if unreachable is not None:
        pytest.skip(f"PyPI is unreachable ({unreachable}), so pinecone=={release} cannot be installed")
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"pinecone=={release}"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    return python


@contextmanager
def _bumped_cli(version: str, tmp: Path) -> Iterator[str]:
    repo = _scratch_repo(tmp)
    shutil.copytree(REPO_ROOT / "overlay", repo / "overlay", ignore=shutil.ignore_patterns("__pycache__"))
    for args in (("pull", f"API_VERSION={version}", "ACCEPT=1"), ("generate",)):
        done = _make(repo, *args)
        assert done.returncode == 0, done.stdout + done.stderr
    path = os.pathsep.join([str(repo / "overlay"), str(repo / "generated")])
    process = subprocess.Popen(
        [sys.executable, "-m", "pinecone_control.testing", "--control", "--speed", "1000", "--api-key", KEY],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": path},
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert f"API {version}" in line, line
        yield line.rsplit(" ", 1)[-1].strip()
    finally:
        process.terminate()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


@pytest.mark.parametrize("version", sorted(SDKS))
def test_the_official_sdk_of_a_later_version_passes_against_its_emulator(version: str, tmp_path: Path) -> None:
    python = _sdk_python(SDKS[version])
    with _bumped_cli(version, tmp_path) as url:
        run = subprocess.run([str(python), str(SCENARIO), url, KEY], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads(run.stdout.strip().splitlines()[-1])
    failed = [f"{r['step']}: {r['detail']}\n{r.get('tb', '')}" for r in results if not r["ok"]]
    print(f"\npinecone=={SDKS[version]} at {version}: {len(results)} steps, {len(failed)} failed")
    assert failed == [], "\n".join(failed)
    assert len(results) >= (25 if version == "2025-01" else 35)
    # Every version from 2024-10 merges its inference spec, so the SDK's inference calls are served.
    steps = {r["step"] for r in results}
    assert {"embed", "rerank"} <= steps, sorted(steps)
