"""Failures as results.json keeps them: the error a failed subprocess raises (its stderr kept), each
failure's one-line reason and traceback tail, and the list of everything that failed in a run."""

from __future__ import annotations

import traceback
from collections.abc import Mapping
from typing import Any

TAIL = 12  # traceback lines kept per failure


class WorkerError(RuntimeError):
    """A subprocess that failed; `detail` is its stderr (the worker's traceback)."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(message)
        self.detail = detail


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
