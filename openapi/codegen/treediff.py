"""Byte-for-byte comparison of two directory trees (interpreter caches ignored)."""

from __future__ import annotations

from pathlib import Path

_IGNORED_DIRS = frozenset({"__pycache__"})
_IGNORED_SUFFIXES = frozenset({".pyc"})


def files_of(root: Path) -> dict[str, Path]:
    if not root.is_dir():
        return {}
    found: dict[str, Path] = {}
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if any(part in _IGNORED_DIRS for part in rel.parts) or path.suffix in _IGNORED_SUFFIXES:
            continue
        if path.is_file():
            found[rel.as_posix()] = path
    return found


def diff_trees(*, expected: Path, actual: Path) -> list[str]:
    """One line per file that differs; empty when the trees hold the same bytes."""
    want, have = files_of(expected), files_of(actual)
    problems = [f"missing:  {name}" for name in sorted(want.keys() - have.keys())]
    problems += [f"extra:    {name}" for name in sorted(have.keys() - want.keys())]
    problems += [
        f"modified: {name}"
        for name in sorted(want.keys() & have.keys())
        if want[name].read_bytes() != have[name].read_bytes()
    ]
    return problems
