"""What a regenerated package does to the overlay: type-check it and run its tests against it.

Counts come from pytest's own JUnit XML, never from guesses: a module that fails to import is a
collection error (with its cause, e.g. the `ImportError`), not a test that ran and failed. Tests
in the other modules still run (`--continue-on-collection-errors`), so the report says how much
of the overlay still works.
"""

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

from .coverage import client_coverage
from .pin import REPO_ROOT

OVERLAY_DIR = REPO_ROOT / "overlay"
OVERLAY_TESTS = REPO_ROOT / "tests" / "overlay"
# mypy's incremental cache, kept between runs: the stdlib, httpx and attrs are checked once (a cold
# check is ~5 s of the report). Safe because each run's package lives in a fresh temporary
# directory: mypy re-hashes any module whose path differs from its cache entry (it trusts size and
# mtime only on the same path) and re-checks what changed and everything that depends on it.
MYPY_CACHE = REPO_ROOT / "build" / "mypy-diff-cache"

_MYPY_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: (?P<message>.*?)(?:\s+\[(?P<code>[\w-]+)\])?$")


@dataclass(frozen=True)
class TypeCheckError:
    """One `mypy --strict` error in the overlay."""

    file: str  # overlay/pinecone_control/_client.py
    line: int
    message: str
    code: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" + (f"  [{self.code}]" if self.code else "")


@dataclass(frozen=True)
class TestProblem:
    """A test that failed or errored, or a test module that could not be collected."""

    kind: str  # "failed", "error" (setup/teardown) or "collection" (the module did not import)
    test: str  # tests/overlay/test_x.py::test_y, or the module for a collection error
    cause: str  # the exception line (`ImportError: cannot import name ...`)

    def __str__(self) -> str:
        return f"{self.test}: {self.cause}"


@dataclass
class OverlayImpact:
    type_errors: list[TypeCheckError] = field(default_factory=list)
    tests_run: int = 0  # test functions that ran (passed + failed + errored)
    tests_passed: int = 0
    tests_skipped: int = 0
    test_problems: list[TestProblem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # a check could not run at all, with its cause
    coverage_gaps: list[str] = field(default_factory=list)  # operations / request fields the clients miss
    operations: int = 0  # operations of the new spec, for the coverage line
    seconds: float = 0.0

    @property
    def failed(self) -> list[TestProblem]:
        return [p for p in self.test_problems if p.kind == "failed"]

    @property
    def errored(self) -> list[TestProblem]:
        return [p for p in self.test_problems if p.kind == "error"]

    @property
    def collection_errors(self) -> list[TestProblem]:
        return [p for p in self.test_problems if p.kind == "collection"]

    @property
    def ok(self) -> bool:
        return not (self.type_errors or self.test_problems or self.problems or self.coverage_gaps)

    def type_errors_by_file(self) -> dict[str, list[TypeCheckError]]:
        grouped: dict[str, list[TypeCheckError]] = {}
        for error in sorted(self.type_errors, key=lambda e: (e.file, e.line, e.message)):
            grouped.setdefault(error.file, []).append(error)
        return grouped

    def summary(self) -> str:
        """One line: what ran and what broke."""
        if self.problems and not self.tests_run:
            tests = "its tests could not start"
        else:
            tests = (
                f"{self.tests_run} tests ran: {self.tests_passed} passed, {len(self.failed)} failed, "
                f"{len(self.errored)} errored"
            )
            if self.collection_errors:
                tests += f"; {len(self.collection_errors)} test modules could not be imported"
        return f"{len(self.type_errors)} type errors; {tests}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "type_errors": [asdict(e) for e in self.type_errors],
            "tests": {
                "run": self.tests_run,
                "passed": self.tests_passed,
                "failed": len(self.failed),
                "errored": len(self.errored),
                "skipped": self.tests_skipped,
                "collection_errors": len(self.collection_errors),
            },
            "test_problems": [asdict(p) for p in self.test_problems],
            "client_coverage": {"operations": self.operations, "gaps": self.coverage_gaps},
            "problems": self.problems,
            "seconds": round(self.seconds, 2),
        }


def parse_mypy(output: str) -> list[TypeCheckError]:
    errors = []
    for line in output.splitlines():
        match = _MYPY_LINE.match(line.strip())
        if match:
            file = re.sub(r"^.*?/overlay/", "overlay/", match["file"])
            errors.append(TypeCheckError(file, int(match["line"]), match["message"], match["code"] or ""))
    return errors


def _mypy(package_dir: Path, work: Path) -> tuple[list[TypeCheckError], list[str]]:
    config = work / "mypy.ini"
    config.write_text(
        "[mypy]\nstrict = True\npython_version = 3.11\n"
        f"mypy_path = {package_dir.parent}:{OVERLAY_DIR}\ncache_dir = {MYPY_CACHE}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), "-p", "pinecone_control"],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    errors = parse_mypy(result.stdout)
    if result.returncode not in (0, 1) or (result.returncode == 1 and not errors):
        return errors, [f"mypy could not run (exit {result.returncode}): {_last_lines(result.stdout + result.stderr)}"]
    return errors, []


def _last_lines(text: str, limit: int = 300) -> str:
    return " / ".join(line.strip() for line in text.strip().splitlines()[-3:])[-limit:]


def exception_line(text: str) -> str:
    """The exception a pytest traceback ends in (`E   ImportError: ...`), else its last line."""
    reasons = [line[1:].strip() for line in text.splitlines() if line.startswith("E ")]
    exceptions = [r for r in reasons if re.match(r"^[\w.]+(Error|Exception|Exit|Interrupt)\b", r)]
    chosen = exceptions or reasons or [line.strip() for line in text.strip().splitlines()[-1:]]
    return chosen[-1][:240] if chosen else "no output"


def parse_junit(report: Path) -> tuple[int, int, int, list[TestProblem]]:
    """(run, passed, skipped, problems) from a pytest JUnit XML file."""
    root = ElementTree.parse(report).getroot()
    run = passed = skipped = 0
    problems: list[TestProblem] = []
    for case in root.iter("testcase"):
        classname, name = case.get("classname") or "", case.get("name") or ""
        failure, error = case.find("failure"), case.find("error")
        if error is not None and (error.get("message") or "").startswith("collection failure"):
            # pytest files a module that did not import as a testcase named after the module.
            module = name.replace(".", "/") + ".py"
            problems.append(TestProblem("collection", module, exception_line(error.text or "")))
            continue
        if case.find("skipped") is not None and failure is None and error is None:
            skipped += 1
            continue
        run += 1
        test = f"{classname.replace('.', '/')}.py::{name}" if classname else name
        if failure is not None:
            problems.append(TestProblem("failed", test, _cause(failure)))
        elif error is not None:
            problems.append(TestProblem("error", test, _cause(error)))
        else:
            passed += 1
    return run, passed, skipped, problems


def _cause(element: ElementTree.Element) -> str:
    text = element.text or ""
    found = exception_line(text) if text.strip() else ""
    return found or (element.get("message") or "").split("\n", 1)[0][:240]


def _pytest(package_dir: Path, work: Path, impact: OverlayImpact) -> None:
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
            "--continue-on-collection-errors",
            "--tb=line",  # one line per failure: full tracebacks of hundreds of failures take ~40 s
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
        impact.problems.append(f"pytest could not start (exit {result.returncode}): {exception_line(output)}")
        return
    impact.tests_run, impact.tests_passed, impact.tests_skipped, problems = parse_junit(report)
    # Scratch and checkout paths differ per run; the report (and fingerprints) must not.
    roots = (f"{package_dir.parent}{os.sep}", f"{REPO_ROOT}{os.sep}")
    impact.test_problems = [TestProblem(p.kind, p.test, _strip(p.cause, roots)) for p in problems]


def _strip(text: str, prefixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        text = text.replace(prefix, "")
    return text


def overlay_impact(package_dir: Path, work: Path) -> OverlayImpact:
    """Type-check the overlay and run its tests with `package_dir` in place of the shipped package."""
    started = time.perf_counter()
    impact = OverlayImpact()
    impact.type_errors, impact.problems = _mypy(package_dir, work)
    _pytest(package_dir, work, impact)
    coverage = client_coverage(package_dir)
    impact.operations, impact.coverage_gaps = coverage["operations"], coverage["gaps"]
    if "error" in coverage:
        impact.problems.append(f"client coverage could not run: {coverage['error']}")
    impact.seconds = time.perf_counter() - started
    return impact
