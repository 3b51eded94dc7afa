"""The README's main job: examples/quickstart.py runs end to end against the bundled emulator."""

from __future__ import annotations

import os
import subprocess
import sys

from codegen.pin import REPO_ROOT


def test_quickstart_runs_without_key_or_network() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PINECONE_")}
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "examples" / "quickstart.py")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "emulator listening on http://127.0.0.1:" in out
    assert "-> movies: Ready" in out and "-> archive: Ready" in out
    assert "list indexes -> ['movies', 'archive']" in out
    assert "-> replicas 2, state Ready" in out
    assert "-> archive-snapshot: Ready" in out
    assert out.count("-> 1024 dims") == 2
    assert "list indexes -> [], collections -> []" in out
