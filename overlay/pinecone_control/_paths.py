"""Field paths in JSON bodies (`spec.pod.replicas`): one meaning for the calls that build bodies from
them, the waits that look for a change in an answer, and provisioning that compares the two."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._errors import ClientValidationError

MISSING = object()
"""`at`'s answer for a path the data does not have (None is a value)."""


def put(body: dict[str, Any], path: str, value: Any) -> None:
    """Set `path` in `body`; an object given whole and one of its leaves given apart (`spec=` and
    `replicas=`) merge, unless they disagree."""
    *parents, leaf = path.split(".")
    node = body
    for part in parents:
        node = node.setdefault(part, {})
        if not isinstance(node, dict):
            raise ClientValidationError(f"{path}: {part} is not an object here")
    if leaf in node and node[leaf] != value:
        raise ClientValidationError(f"{path} given twice, as {node[leaf]!r} and as {value!r}")
    node[leaf] = value


def at(data: Any, path: str) -> Any:
    """The value at `path` in nested mappings, or `MISSING`."""
    for part in path.split("."):
        if not isinstance(data, dict) or part not in data:
            return MISSING
        data = data[part]
    return data


def leaves(data: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Every (path, value) whose value is not a non-empty mapping, depth first."""
    out: list[tuple[str, Any]] = []
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else key
        out += leaves(value, path) if isinstance(value, Mapping) and value else [(path, value)]
    return out
