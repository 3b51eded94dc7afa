"""mkdocs hook: a page's `<!-- generated: models -->` (or `builders`) marker becomes one `:::` entry per
name the generated surface re-exports (`pinecone_control_api._surface.MODELS` / `BUILDERS`), so the
reference follows the spec: a bump that adds or renames a model documents it without a hand-written
line. Names a page already documents by hand are left to it."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

_MARKER = re.compile(r"<!-- generated: (models|builders) -->")
_SURFACE = Path(__file__).resolve().parents[2] / "generated" / "pinecone_control_api" / "_surface.py"


def _generated(kind: str) -> tuple[str, ...]:
    """Read statically (the docs build imports nothing of the package)."""
    for node in ast.parse(_SURFACE.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == kind.upper():
            value = ast.literal_eval(node.value) if node.value is not None else ()
            return tuple(str(name) for name in value)
    return ()


def on_page_markdown(markdown: str, **_: Any) -> str:
    def entries(match: re.Match[str]) -> str:
        documented = set(re.findall(r"^::: pinecone_control\.(\w+)$", markdown, flags=re.MULTILINE))
        names = [name for name in _generated(match.group(1)) if name not in documented]
        return "\n\n".join(f"::: pinecone_control.{name}" for name in names)

    return _MARKER.sub(entries, markdown)
