"""The README's bump workflow, run exactly as written in a scratch copy of the repository:
`make pull API_VERSION=<v> ACCEPT=1`, then a plain `make generate` builds the new pinned version."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from codegen.pin import PULLED_DIR, REPO_ROOT, known_versions

BUMP_TO = "2025-04"


def _scratch_repo(tmp: Path) -> Path:
    repo = tmp / "repo"
    (repo / "openapi").mkdir(parents=True)
    # copy2 keeps mtimes, so make sees the venv's install stamp as up to date and installs nothing.
    for name in ("Makefile", "pyproject.toml", "generator-config.yml"):
        shutil.copy2(REPO_ROOT / name, repo / name)
    shutil.copytree(REPO_ROOT / "requirements", repo / "requirements", copy_function=shutil.copy2)
    for name in ("spec-pin.json", "spec-versions.json"):
        shutil.copy2(REPO_ROOT / "openapi" / name, repo / "openapi" / name)
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("codegen", "templates"):
        shutil.copytree(REPO_ROOT / "openapi" / name, repo / "openapi" / name, ignore=ignore)
    (repo / ".venv").symlink_to(REPO_ROOT / ".venv", target_is_directory=True)
    return repo


def _make(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The already pulled specs serve as the upstream mirror: same layout, no network.
    base_url = PULLED_DIR.as_uri() + "/"
    env = {k: v for k, v in os.environ.items() if k not in {"API_VERSION", "SPEC_BASE_URL", "MAKEFLAGS"}}
    cmd = ["make", "--no-print-directory", "-o", ".venv/.installed", *args, f"SPEC_BASE_URL={base_url}"]
    return subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_plain_make_generate_uses_the_version_a_bump_pinned(tmp_path: Path) -> None:
    assert known_versions()[BUMP_TO].all_pulled(), "make specs pulls every pinned version"
    repo = _scratch_repo(tmp_path)

    pulled = _make(repo, "pull", f"API_VERSION={BUMP_TO}", "ACCEPT=1")
    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    assert json.loads((repo / "openapi" / "spec-pin.json").read_text())["version"] == BUMP_TO

    generated = _make(repo, "generate")
    assert generated.returncode == 0, generated.stdout + generated.stderr
    provenance = (repo / "generated" / "pinecone_control_api" / "_provenance.py").read_text()
    assert f'API_VERSION = "{BUMP_TO}"' in provenance
    assert (REPO_ROOT / "openapi" / "spec-pin.json").read_text() != (repo / "openapi" / "spec-pin.json").read_text()
