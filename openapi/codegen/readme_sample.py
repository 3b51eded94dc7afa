"""Rewrite the README's `make diff TO=2024-10` sample from a real report, trimmed the same way each time.

    make diff TO=2024-10; python -m codegen.readme_sample build/diff/2024-07_to_2024-10.md

(`make readme-sample` does both.) tests/pipeline/test_review_gate.py checks that the sample is
still what the command prints.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .pin import REPO_ROOT

README = REPO_ROOT / "README.md"
HEADING = "### Sample: `make diff TO=2024-10`"


def _index(lines: list[str], prefix: str, start: int = 0) -> int:
    for i in range(start, len(lines)):
        if lines[i].startswith(prefix):
            return i
    raise ValueError(f"the report has no line starting with {prefix!r}")


def trim(report: str) -> list[str]:
    """The report with long lists cut to a few rows and `…` where rows were left out."""
    lines = report.split("\n")
    surface, overlay = _index(lines, "## 2. Python surface"), _index(lines, "## 3. Overlay")
    table = _index(lines, "| change | kind", surface)
    rows = [line for line in lines[table + 2 : overlay] if line.startswith("|")]
    baseline = _index(lines, "## 5. Baseline")
    return [
        *lines[:table + 2],
        *rows[:2], "| … |", *rows[-3:], "",
        *_overlay_and_normalisation(lines, overlay, baseline),
        *lines[baseline : baseline + 5], "…",
    ]  # fmt: skip


def _overlay_and_normalisation(lines: list[str], overlay: int, baseline: int) -> list[str]:
    """The overlay section cut after the first type errors when it lists any (they run long), else whole."""
    try:
        type_errors = _index(lines[:baseline], "Type errors", overlay)
        modules = _index(lines[:baseline], "Test modules that could not", overlay)
    except ValueError:
        return lines[overlay:baseline]
    return [*lines[overlay : type_errors + 4], "…", "", *lines[modules:baseline]]


def rewrite(readme: str, report: str) -> str:
    start = readme.index(HEADING)
    first = readme.index("\n> ", start) + 1
    end = readme.index("\n### ", first)
    quoted = "\n".join(f"> {line}" if line else ">" for line in trim(report))
    return readme[:first] + quoted + "\n" + readme[end:]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m codegen.readme_sample REPORT.md", file=sys.stderr)
        return 2
    README.write_text(rewrite(README.read_text(encoding="utf-8"), Path(args[0]).read_text(encoding="utf-8")))
    print(f"readme-sample: rewrote the sample in {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
