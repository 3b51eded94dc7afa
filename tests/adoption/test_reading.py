"""The README's "Reading responses" block is a user's script: it passes `mypy --strict` and runs
against the emulator; the spellings it replaces fail `mypy --strict` with the errors users saw."""

from __future__ import annotations

import re
import subprocess
import sys
import types
from pathlib import Path

import pytest
from codegen.pin import REPO_ROOT
from pinecone_control import MissingValueError, require, serverless_spec
from pinecone_control.testing import Emulator, Timings
from pinecone_control_api.types import UNSET

SECTION = "### Reading responses"


def readme_script() -> str:
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(SECTION) :]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None, "the section has a python block"
    return match.group(1)


def strict_mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    """mypy --strict on `source` as a user would run it: the installed package, no project config
    but strictness; the project's cache keeps it to a few seconds."""
    script = tmp_path / "user_script.py"
    script.write_text(source, encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file=",
            f"--cache-dir={REPO_ROOT / '.mypy_cache' / 'adoption'}",
            "--python-version=3.11",
            str(script),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess[str]]:
    """Both scripts in one mypy run each, shared by the tests below."""
    out = tmp_path_factory.mktemp("mypy")
    good, bad = out / "good", out / "bad"
    good.mkdir()
    bad.mkdir()
    wrong = (
        "from pinecone_control import Client\n"
        "def first_values(pc: Client) -> list[float]:\n"
        '    emb = pc.embed(model="multilingual-e5-large", inputs=["hi"])\n'
        "    return emb.data[0].values\n"
        "def wait(pc: Client) -> None:\n"
        '    pc.wait_for_index_ready("movies", timeout=10)\n'
    )
    return {"good": strict_mypy(good, readme_script()), "bad": strict_mypy(bad, wrong)}


def test_the_readme_block_passes_mypy_strict(checks: dict[str, subprocess.CompletedProcess[str]]) -> None:
    result = checks["good"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found in 1 source file" in result.stdout


def test_the_spellings_it_replaces_fail_mypy_strict(checks: dict[str, subprocess.CompletedProcess[str]]) -> None:
    out = checks["bad"].stdout
    assert checks["bad"].returncode == 1
    assert 'Value of type "list[Embedding] | Unset" is not indexable' in out
    assert re.search(r'Argument "timeout" to "wait_for_index_ready" of "\w+" has incompatible type "int"', out)


def test_the_readme_block_runs_against_the_emulator() -> None:
    namespace = types.ModuleType("readme_reading")
    exec(compile(readme_script(), "README.md#reading-responses", "exec"), namespace.__dict__)
    emulator = Emulator(timings=Timings.instant())
    with emulator.client() as pc:
        pc.create_index("movies", dimension=8, spec=serverless_spec("aws", "us-east-1"))
        lines = namespace.describe(pc, "movies")
    assert lines[0] == "1024 dims"
    assert re.fullmatch(r"\d+ tokens", lines[1])
    assert lines[2:] == [
        "serverless aws us-east-1",
        "ready",
        "1 index(es): movies",
        "movies: 8",
        "protection disabled",
    ]


def test_require_names_the_missing_field() -> None:
    with pytest.raises(MissingValueError, match="deletion_protection is not set in the response"):
        require(UNSET, "deletion_protection")
    assert require([1.0], "values") == [1.0]
