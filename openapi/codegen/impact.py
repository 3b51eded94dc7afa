"""What a regenerated package does to the overlay: type-check it and run its tests against it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .pin import REPO_ROOT

OVERLAY_DIR = REPO_ROOT / "overlay"
OVERLAY_TESTS = REPO_ROOT / "tests" / "overlay"


@dataclass
class OverlayImpact:
    mypy_errors: list[str] = field(default_factory=list)
    tests_run: int = 0
    test_failures: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # the checks themselves could not run
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.mypy_errors or self.test_failures or self.problems)

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok}


def _mypy(package_dir: Path, work: Path) -> list[str]:
    config = work / "mypy.ini"
    config.write_text(
        "[mypy]\nstrict = True\npython_version = 3.11\n"
        f"mypy_path = {package_dir.parent}:{OVERLAY_DIR}\ncache_dir = {work / 'mypy-cache'}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), "-p", "pinecone_control"],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    return [line for line in result.stdout.splitlines() if ": error:" in line]


def _pytest(package_dir: Path, work: Path) -> tuple[int, list[str], list[str]]:
    report = work / "overlay-tests.xml"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(package_dir.parent), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(OVERLAY_TESTS),
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:pinecone_control",
            f"--junitxml={report}",
        ],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if not report.exists():
        output = result.stdout + result.stderr
        reasons = [line[1:].strip() for line in output.splitlines() if line.startswith("E ")]
        return 0, [], [f"pytest could not start (exit {result.returncode}): " + " / ".join(reasons or [output[-300:]])]
    root = ElementTree.parse(report).getroot()
    failures = []
    run = 0
    for case in root.iter("testcase"):
        run += 1
        broken = case.find("failure")
        if broken is None:
            broken = case.find("error")
        if broken is not None:
            reason = (broken.get("message") or "").splitlines()[0][:160] if broken.get("message") else ""
            failures.append(f"{case.get('classname')}::{case.get('name')}: {reason}")
    return run, failures, []


def overlay_impact(package_dir: Path, work: Path) -> OverlayImpact:
    """Type-check the overlay and run its tests with `package_dir` in place of the shipped package."""
    started = time.perf_counter()
    impact = OverlayImpact()
    impact.mypy_errors = [re.sub(r"^.*?/overlay/", "overlay/", line) for line in _mypy(package_dir, work)]
    impact.tests_run, impact.test_failures, impact.problems = _pytest(package_dir, work)
    impact.seconds = time.perf_counter() - started
    return impact
