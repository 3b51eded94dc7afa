"""The emulator package is layered by concern: no module imports one that (transitively) imports
it back, and the front-ends (`_server`, `_transport`) never import the emulator itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pinecone_control.testing as testing

PACKAGE = Path(testing.__file__).parent


def _imports() -> dict[str, set[str]]:
    """module -> the package's modules it imports at run time (TYPE_CHECKING blocks included)."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.glob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    names.add(node.module)
                else:
                    names.update(alias.name for alias in node.names)
        graph[path.stem] = names & {p.stem for p in PACKAGE.glob("*.py")}
    return graph


def test_no_import_cycle() -> None:
    graph = _imports()

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, set()):
            if nxt == target or (nxt not in seen and reaches(nxt, target, seen | {nxt})):
                return True
        return False

    cycles = [module for module in graph if reaches(module, module, {module})]
    assert cycles == [], {m: graph[m] for m in cycles}


def test_front_ends_do_not_import_the_emulator() -> None:
    graph = _imports()
    for front_end in ("_server", "_transport"):
        assert "_emulator" not in graph[front_end], graph[front_end]
