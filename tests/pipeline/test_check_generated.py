"""The drift check: generated/ is exactly what the pipeline produces, and any change is caught."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from codegen.generate import GENERATED_DIR, generate_into
from codegen.pin import OPENAPI_DIR
from codegen.treediff import diff_trees, files_of

COMMITTED = GENERATED_DIR / "pinecone_control_api"


def test_make_check_generated_passes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "codegen.generate", "--check"], cwd=OPENAPI_DIR, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "matches, byte for byte" in result.stdout


def test_committed_tree_matches_a_fresh_generation(fresh_generation: Path) -> None:
    assert diff_trees(expected=fresh_generation, actual=COMMITTED) == []


def test_generating_twice_gives_identical_bytes(fresh_generation: Path, tmp_path: Path) -> None:
    again = generate_into(tmp_path)
    assert diff_trees(expected=fresh_generation, actual=again) == []


def test_generation_leaves_no_caches_and_uses_lf(fresh_generation: Path) -> None:
    assert not list(fresh_generation.rglob(".ruff_cache"))
    assert not list(fresh_generation.rglob("__pycache__"))
    for path in files_of(fresh_generation).values():
        assert b"\r" not in path.read_bytes(), path


@pytest.fixture
def committed_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "copy"
    shutil.copytree(COMMITTED, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_one_changed_byte_in_any_generated_file_is_caught(fresh_generation: Path, committed_copy: Path) -> None:
    names = sorted(files_of(committed_copy))
    assert len(names) > 40
    for name in names:
        path = committed_copy / name
        original = path.read_bytes()
        if original:
            middle = len(original) // 2
            path.write_bytes(original[:middle] + bytes([original[middle] ^ 0x20]) + original[middle + 1 :])
        else:
            path.write_bytes(b"\n")  # an empty file (py.typed) gains its first byte
        try:
            assert diff_trees(expected=fresh_generation, actual=committed_copy) == [f"modified: {name}"]
        finally:
            path.write_bytes(original)


def test_extra_and_missing_files_are_caught(fresh_generation: Path, committed_copy: Path) -> None:
    (committed_copy / "models" / "hand_written.py").write_text("x = 1\n")
    (committed_copy / "types.py").unlink()
    assert diff_trees(expected=fresh_generation, actual=committed_copy) == [
        "missing:  types.py",
        "extra:    models/hand_written.py",
    ]
