"""The official TypeScript client, `@pinecone-database/pinecone` 3.0.3 (API 2024-07; installed by
`make setup` beside Prism, pinned by package-lock.json), runs its own compiled control-plane
integration tests (dist/integration/control/*.test.js, shipped in its npm package) against the
emulator CLI, through `ts_sdk_runner.js` (the few Jest globals they use). The CLI has a pod quota
(`--max-pods 4`), so the suite's quota test meets the real answer instead of passing vacuously."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from codegen.pin import REPO_ROOT

pytestmark = pytest.mark.contract

SDK = REPO_ROOT / "node_modules" / "@pinecone-database" / "pinecone"
SUITE = SDK / "dist" / "integration" / "control"
RUNNER = Path(__file__).with_name("ts_sdk_runner.js")
KEY = "ts-contract-key"


@pytest.fixture
def cli() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "pinecone_control.testing", "--speed", "200", "--max-pods", "4", "--api-key", KEY],
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


def test_the_official_ts_client_passes_its_control_plane_tests_against_the_emulator(cli: str) -> None:
    node = shutil.which("node")
    if node is None or not SUITE.is_dir():
        pytest.skip("node or @pinecone-database/pinecone is missing: run `make setup`")
    version = json.loads((SDK / "package.json").read_text())["version"]
    assert version == "3.0.3", version
    files = [
        str(SUITE / f"{name}.test.js") for name in ("createIndex", "describeIndex", "listIndexes", "configureIndex")
    ]
    env = {**os.environ, "PINECONE_API_KEY": KEY, "PINECONE_CONTROLLER_HOST": cli, "TEST_ENV": "emulator"}
    run = subprocess.run([node, str(RUNNER), *files], capture_output=True, text=True, timeout=300, env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads(run.stdout.strip().splitlines()[-1])
    failed = [f"{r['test']}: {r['detail']}" for r in results if not r["ok"]]
    ran = [r for r in results if not r.get("skipped")]
    print(f"\n@pinecone-database/pinecone {version}: {len(results)} tests, {len(ran)} ran, {len(failed)} failed")
    assert failed == [], "\n".join(failed)
    assert len(ran) >= 17
    quota = next(r for r in results if r["test"].endswith("cannot configure index when exceeding quota"))
    assert quota["detail"] == "3 assertions", quota  # the 403 was met, not skipped over
