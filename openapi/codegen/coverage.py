"""Client coverage: which operations and request fields of a generated package the clients expose.

`make diff` runs it against the regenerated package of the new spec (`client_coverage`), and the
bump proof test does too: an operation that is not a method of both clients, or a request field no
parameter reaches, is a gap. With the generated facade there should be none; this is the check.

    python -m codegen.coverage     # in an interpreter whose `pinecone_control_api` is the package to check
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from .pin import OPENAPI_DIR


def invoked_sources(facade: Path) -> dict[str, dict[str, str]]:
    """For each generated method: its `_invocation` arguments as {source: parameter name}."""
    tree = ast.parse(facade.read_text(encoding="utf-8"))
    out: dict[str, dict[str, str]] = {}
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "SyncOperations"):
        for fn in (n for n in cls.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")):
            for node in ast.walk(fn):
                if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                    continue
                if node.func.attr == "_invocation":
                    arguments = node.args[1]
                    if isinstance(arguments, ast.Dict):
                        out[fn.name] = {
                            str(k.value): str(v.id)
                            for k, v in zip(arguments.keys, arguments.values, strict=True)
                            if isinstance(k, ast.Constant) and isinstance(v, ast.Name)
                        }
    return out


def unreachable(op: Any, sources: dict[str, str]) -> list[str]:
    """Parameters and body fields of `op` that no method parameter reaches (lists and maps are
    reached through their own field; a flattened object through its leaves)."""
    missing = [f"{p.location}:{p.name}" for p in op.parameters if f"{p.location}:{p.name}" not in sources]
    for field in op.body_fields:
        if any(part in field.path for part in ("[]", ".*", ".<key>")):
            continue
        path = field.path
        if not any(path == s or path.startswith(s + ".") or s.startswith(path + ".") for s in sources):
            missing.append(path)
    return missing


def report() -> dict[str, Any]:
    import pinecone_control as pc
    import pinecone_control_api
    from pinecone_control_api._operations import OPERATIONS

    sources = invoked_sources(Path(pinecone_control_api.__file__).parent / "_facade.py")
    gaps = [
        f"{op.python_name} is not a method of {cls.__name__}"
        for op in OPERATIONS
        for cls in (pc.Client, pc.AsyncClient)
        if not callable(getattr(cls, op.python_name, None))
    ]
    for op in OPERATIONS:
        gaps += [
            f"{op.python_name}: {path} has no parameter" for path in unreachable(op, sources.get(op.python_name, {}))
        ]
    return {"operations": len(OPERATIONS), "gaps": gaps}


def client_coverage(package_dir: Path) -> dict[str, Any]:
    """`report()` with `package_dir` (a generated `pinecone_control_api`) in place of the shipped one."""
    path = os.pathsep.join([str(package_dir.parent), str(OPENAPI_DIR), os.environ.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-m", "codegen.coverage"],
        env={**os.environ, "PYTHONPATH": path},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines()
        return {"operations": 0, "gaps": [], "error": lines[-1] if lines else f"exit {result.returncode}"}
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


if __name__ == "__main__":
    json.dump(report(), sys.stdout)
