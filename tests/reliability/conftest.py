from __future__ import annotations

import pytest


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the matrix size in every run's output, also without -s."""
    from .test_fault_matrix import CELLS, FAULTS, OPERATIONS

    terminalreporter.write_line(
        f"fault matrix: {len(FAULTS)} faults x {len(OPERATIONS)} operations -> {len(CELLS)} applicable cells "
        f"x 2 clients (sync, async) = {2 * len(CELLS)} cells"
    )
