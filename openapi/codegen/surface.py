"""The Python surface of two generated packages, compared with griffe: what an importing team feels."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import griffe


@dataclass(frozen=True)
class SurfaceChange:
    change: str  # "added", "removed" or "changed"
    kind: str  # "module", "class", "function", "attribute"
    path: str  # dotted path, e.g. pinecone_control_api.models.index_model.IndexModel.dimension
    detail: str
    breaking: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def load(package_dir: Path) -> griffe.Object:
    """Statically load the package at `package_dir` (no import, so two versions can coexist)."""
    loaded = griffe.load(
        package_dir.name,
        search_paths=[package_dir.parent],
        allow_inspection=False,
        modules_collection=griffe.ModulesCollection(),
        lines_collection=griffe.LinesCollection(),
    )
    assert isinstance(loaded, griffe.Object)
    return loaded


def _public(obj: griffe.Object) -> Iterator[griffe.Object]:
    """Members defined here (aliases skipped: they repeat what their target reports), public only."""
    for name, member in sorted(obj.members.items()):
        if member.is_alias or (name.startswith("_") and not (name.startswith("__") and name.endswith("__"))):
            continue
        if name.startswith("__") and not isinstance(member, griffe.Function):
            continue
        assert isinstance(member, griffe.Object)
        yield member


def _signature(obj: griffe.Object) -> str:
    if isinstance(obj, griffe.Function):
        params = []
        for p in obj.parameters:
            text = p.name if p.annotation is None else f"{p.name}: {p.annotation}"
            if p.default is not None:
                text += f" = {p.default}"
            params.append(f"{p.kind.value}:{text}")
        return f"({', '.join(params)}) -> {obj.returns}"
    if isinstance(obj, griffe.Attribute):
        shown = f": {obj.annotation}" if obj.annotation is not None else ""
        return f"{shown} = {obj.value}" if obj.value is not None else shown
    if isinstance(obj, griffe.Class):
        return f"({', '.join(str(base) for base in obj.bases)})"
    return ""


def _index(root: griffe.Object) -> dict[str, griffe.Object]:
    found: dict[str, griffe.Object] = {}
    stack = [root]
    while stack:
        obj = stack.pop()
        for member in _public(obj):
            found[member.path] = member
            if isinstance(member, griffe.Module | griffe.Class):
                stack.append(member)
    return found


def surface_diff(old_dir: Path, new_dir: Path) -> list[SurfaceChange]:
    old, new = load(old_dir), load(new_dir)
    old_index, new_index = _index(old), _index(new)
    breaking_paths = {b.obj.path for b in griffe.find_breaking_changes(old, new)}
    changes: list[SurfaceChange] = []
    removed = sorted(old_index.keys() - new_index.keys())
    # A removed module or class implies its members: report only the outermost removal.
    for path in removed:
        if not any(path.startswith(parent + ".") for parent in removed if parent != path):
            obj = old_index[path]
            changes.append(SurfaceChange("removed", obj.kind.value, path, _signature(obj), True))
    added = sorted(new_index.keys() - old_index.keys())
    for path in added:
        if not any(path.startswith(parent + ".") for parent in added if parent != path):
            obj = new_index[path]
            changes.append(SurfaceChange("added", obj.kind.value, path, _signature(obj), False))
    for path in sorted(old_index.keys() & new_index.keys()):
        before, after = old_index[path], new_index[path]
        if before.kind != after.kind:
            changes.append(
                SurfaceChange("changed", after.kind.value, path, f"{before.kind.value} -> {after.kind.value}", True)
            )
            continue
        old_sig, new_sig = _signature(before), _signature(after)
        if old_sig != new_sig:
            breaking = path in breaking_paths or _type_changed(before, after)
            changes.append(SurfaceChange("changed", after.kind.value, path, f"{old_sig}  ->  {new_sig}", breaking))
    return changes


def _type_changed(before: griffe.Object, after: griffe.Object) -> bool:
    """Beyond griffe's own breakages: a model attribute whose type changes (`int` -> `int | Unset`)
    breaks its readers under a type checker; so does a changed return type or base class."""
    if isinstance(before, griffe.Attribute) and isinstance(after, griffe.Attribute):
        return str(before.annotation) != str(after.annotation)
    if isinstance(before, griffe.Function) and isinstance(after, griffe.Function):
        return str(before.returns) != str(after.returns)
    if isinstance(before, griffe.Class) and isinstance(after, griffe.Class):
        return [str(b) for b in before.bases] != [str(b) for b in after.bases]
    return False
