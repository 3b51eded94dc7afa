"""The bump proof: for each later pinned version, the README's bump workflow exactly (`make pull
API_VERSION=<v> ACCEPT=1`, then a plain `make generate`) in a scratch copy, the overlay unchanged:

- every operation of that version is a method of both clients, every request field a parameter;
- every operation it adds, and every operation of its inference file (`embed`, `rerank`, the model
  catalogue: from 2024-10 on a second file of the version's set), called sync and async against
  `prism mock` of *that* version's merged spec, sends a request Prism accepts and returns its typed model;
- `mypy --strict` on the overlay passes, except where hand-written code names something the
  version removes; `openapi/review diff`'s overlay section lists exactly those places;
- the unchanged emulator serves every operation of the version (`emulator_probe.py`): through
  `Client` and `AsyncClient`, in process and against the CLI, each returns its typed model, every
  answer validates against the version's response schema, and each resource kind's lifecycle
  (create, intermediate state, ready, list, describe, configure, delete, 404) holds.

Hand-written lines needed per bump: none (the overlay is copied unchanged). The figures land in
build/bump-proof.json for the README table."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from codegen.normalise import load_spec
from codegen.pin import REPO_ROOT, known_versions
from codegen.walk import operations
from pinecone_control_api._operations import OPERATIONS

from ..contract.conftest import Prism
from ..pipeline.test_bump_workflow import _make, _scratch_repo

LATER = ["2024-10", "2025-01", "2025-04", "2025-10"]
PROBE = Path(__file__).with_name("bump_probe.py")
EMULATOR_PROBE = Path(__file__).with_name("emulator_probe.py")
RESULTS = REPO_ROOT / "build" / "bump-proof.json"
_MYPY_ERROR = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: (?P<message>.*)$")


def _run(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    """A step of the proof in its own process; the caller asserts on what it printed."""
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def readme_block(heading: str) -> str:
    """The first python block under `heading` in the README, as a user would copy it."""
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```python\n(.*?)```", text[text.index(heading) :], re.DOTALL)
    assert match is not None, f"{heading} has a python block"
    return match.group(1)


def model_names(package: Path) -> set[str]:
    tree = ast.parse((package / "models" / "__init__.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return {str(e.value) for e in getattr(node.value, "elts", []) if isinstance(e, ast.Constant)}
    return set()


@pytest.fixture(scope="module")
def pinned_operations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pinned") / "operations.json"
    path.write_text(json.dumps([op.python_name for op in OPERATIONS]))
    return path


def inference_operations(version: str) -> list[str]:
    """The operation ids of the version's inference file (none before 2024-10: one file then)."""
    files = [data for path, data in known_versions()[version].read_files() if "/inference_" in path]
    return sorted(op["operationId"] for data in files for _p, _m, op in operations(load_spec(data)))


@pytest.mark.parametrize("version", LATER)
def test_a_bump_needs_no_hand_written_line(version: str, pinned_operations: Path, tmp_path: Path) -> None:
    repo = _scratch_repo(tmp_path)
    shutil.copytree(REPO_ROOT / "overlay", repo / "overlay", ignore=shutil.ignore_patterns("__pycache__"))
    for args in (("pull", f"API_VERSION={version}", "ACCEPT=1"), ("generate",)):
        done = _make(repo, *args)
        assert done.returncode == 0, done.stdout + done.stderr
    package = repo / "generated" / "pinecone_control_api"
    removed = model_names(REPO_ROOT / "generated" / "pinecone_control_api") - model_names(package)

    # 1-2. Methods, parameters, and the added operations against prism mock of that version.
    paths = [str(repo / "overlay"), str(repo / "generated"), str(REPO_ROOT / "openapi")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    inference = inference_operations(version)
    assert {"embed", "rerank"} <= set(inference), "every later version publishes embed and rerank"
    must_call = tmp_path / "must-call.json"
    must_call.write_text(json.dumps(inference))
    merged = tmp_path / f"spec-{version}.json"  # the set as one document: what was generated from
    merged.write_bytes(known_versions()[version].read_verified())
    with Prism("mock", str(merged)) as prism:
        probed = _run(
            [sys.executable, str(PROBE), str(pinned_operations), prism.url, str(must_call)], tmp_path, env=env
        )
    assert probed.returncode == 0, probed.stderr
    report: dict[str, Any] = json.loads(probed.stdout)
    assert report["not_methods"] == []
    assert report["unreachable"] == {}
    failed = [c for c in report["calls"] if "error" in c]
    assert failed == [], failed
    assert report["waits_without_method"] == []
    assert report["builders"] and all(not built.startswith("error") for built in report["builders"].values()), report[
        "builders"
    ]
    assert set(inference) <= set(report["operations"]), "each inference operation is generated"
    assert set(inference) <= {c["operation"] for c in report["calls"]}, "and called through Prism"

    # 3. The type checker: the overlay, the README's Using-the-client block and the quickstart,
    # all unchanged, pass mypy --strict against the bumped package (the surface is generated).
    (repo / "readme_block.py").write_text(readme_block("## Using the client"), encoding="utf-8")
    shutil.copy2(REPO_ROOT / "examples" / "quickstart.py", repo / "quickstart.py")
    mypy = _run(
        [
            sys.executable,
            "-m",
            "mypy",
            "overlay/pinecone_control",
            "readme_block.py",
            "quickstart.py",
            "--cache-dir",
            str(tmp_path / "mypy"),
        ],
        repo,
    )
    errors = [m.groupdict() for line in mypy.stdout.splitlines() if (m := _MYPY_ERROR.match(line))]
    assert (mypy.returncode == 0) == (errors == []), mypy.stdout + mypy.stderr
    assert errors == [], "a bump needs no hand-written line: " + mypy.stdout

    # ... and the review's overlay section lists exactly those places.
    review = _run(
        [
            str(REPO_ROOT / "openapi" / "review"),
            "diff",
            "--to",
            version,
            "--format",
            "json",
            "--out-dir",
            str(tmp_path),
        ],
        REPO_ROOT,
    )
    assert review.returncode in (0, 1), review.stderr
    listed = json.loads(review.stdout)["overlay_impact"]["type_errors"]
    shown = {(e["file"], int(e["line"])) for e in listed}
    assert shown == {(e["file"], int(e["line"])) for e in errors}
    coverage = json.loads(review.stdout)["overlay_impact"]["client_coverage"]
    assert coverage == {"operations": len(report["operations"]), "gaps": []}

    # 4. The emulator of the bumped copy, its code untouched: every operation, every lifecycle.
    served = {where: _probe_emulator(where, env, tmp_path) for where in ("inprocess", "cli")}
    for where, outcome in served.items():
        assert outcome["version"] == version, (where, outcome["version"])
        assert outcome["not_called"] == [], (where, outcome["not_called"])
        assert outcome["failures"] == [], (where, outcome["failures"])
        # The generated mirror built every success answer, as the reference would (issue 23).
        assert outcome["fast_path"]["problems"] == [], (where, outcome["fast_path"]["problems"])
        assert outcome["fast_path"]["fast"] == outcome["success_models"], (where, outcome["fast_path"]["fast"])

    # 5. The quickstart and the README's Using-the-client block, unchanged, run to the end against
    #    the bumped copy's emulator (the block builds its `Client()` from the environment).
    quickstart = _run([sys.executable, str(REPO_ROOT / "examples" / "quickstart.py")], tmp_path, env=env, timeout=120)
    assert quickstart.returncode == 0, quickstart.stdout + quickstart.stderr
    assert "done:" in quickstart.stdout
    block = tmp_path / "readme_block.py"
    block.write_text(readme_block("## Using the client"), encoding="utf-8")
    readme = _run([sys.executable, "-c", _SERVED_README.format(block=str(block))], tmp_path, env=env, timeout=120)
    assert readme.returncode == 0, readme.stdout + readme.stderr

    _record(version, report, errors, removed, inference, served)


# The README block as a user runs it: `Client()` from the environment, here the emulator served on
# loopback with every change due at once.
_SERVED_README = """
import os, runpy
from pinecone_control.testing import Emulator, Timings
with Emulator(timings=Timings.instant()).serve() as server:
    os.environ.update(PINECONE_CONTROLLER_HOST=server.url, PINECONE_API_KEY="readme-key")
    runpy.run_path({block!r})
"""


def _probe_emulator(where: str, env: dict[str, str], cwd: Path) -> dict[str, Any]:
    done = _run([sys.executable, str(EMULATOR_PROBE), where], cwd, env=env)
    assert done.returncode == 0, done.stderr
    outcome: dict[str, Any] = json.loads(done.stdout)
    return outcome


def _record(
    version: str,
    report: dict[str, Any],
    errors: list[dict[str, str]],
    removed: set[str],
    inference: list[str],
    served: dict[str, dict[str, Any]],
) -> None:
    RESULTS.parent.mkdir(exist_ok=True)
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results[version] = {
        "operations": len(report["operations"]),
        "added": report["added"],
        "inference": inference,
        "called": sorted(c["operation"] for c in report["calls"] if "error" not in c),
        "calls_ok": len([c for c in report["calls"] if "error" not in c]),
        "hand_written_lines": 0,
        "mypy_errors": [f"{e['file']}:{e['line']}: {e['message']}" for e in errors],
        "removed_models": sorted(removed),
        "emulator": {where: sorted(outcome["returned"]) for where, outcome in served.items()},
    }
    RESULTS.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
