"""Running the real review commands (`openapi/review ...`) the way CI does, with their exit codes."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from codegen.pin import REPO_ROOT

REVIEW = REPO_ROOT / "openapi" / "review"


def review(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(REVIEW), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
        timeout=600,
    )
