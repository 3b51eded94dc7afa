"""The public API of `pinecone_control` as a contract: a committed snapshot, checked on every test run.

    openapi/review public-api             # check overlay/ against openapi/public-api.json
    openapi/review public-api --update    # rewrite the snapshot (after a reviewed change)

The snapshot lists every name a user can reach: each module's `__all__` (`pinecone_control`,
`pinecone_control.testing`), and for classes their public members (inherited ones included),
with signatures, read statically by griffe. Additions never fail. A removed name, a changed kind,
or an incompatible signature (a parameter removed, renamed, reordered, made required or of
another kind; a default dropped; a return, attribute or base type changed) fails unless the
package version is bumped as CHANGELOG.md's policy says: the major version from 1.0 on, the
minor version while at 0.x. A development version (`0.3.0.dev0`) is on its way to its release
(`0.3.0`) and is judged as that release.

Exit codes: 0 compatible, 1 incompatible without the bump, 2 the check could not run.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import griffe

from .pin import OPENAPI_DIR, REPO_ROOT

SNAPSHOT_FILE = OPENAPI_DIR / "public-api.json"
OVERLAY_DIR = REPO_ROOT / "overlay"
GENERATED_DIR = REPO_ROOT / "generated"
PACKAGE = "pinecone_control"
PUBLIC_MODULES = ("pinecone_control", "pinecone_control.testing")
EXPORTS_MODULE = "pinecone_control_api._exports"
_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)(\.dev\d+)?$")
_POSITIONAL = ("positional-only", "positional or keyword")


class PublicApiError(Exception):
    """The package or the snapshot could not be read."""


def _is_public(name: str) -> bool:
    return not name.startswith("_") or (name.startswith("__") and name.endswith("__"))


def _target(obj: griffe.Object | griffe.Alias) -> griffe.Object:
    target = obj.final_target if isinstance(obj, griffe.Alias) else obj
    assert isinstance(target, griffe.Object)
    return target


def _describe(obj: griffe.Object) -> dict[str, Any]:
    if isinstance(obj, griffe.Function):
        return {
            "kind": "function",
            "parameters": [
                {
                    "name": p.name,
                    "kind": p.kind.value,
                    "annotation": None if p.annotation is None else str(p.annotation),
                    "default": None if p.default is None else str(p.default),
                }
                for p in obj.parameters
            ],
            "returns": None if obj.returns is None else str(obj.returns),
        }
    if isinstance(obj, griffe.Class):
        return {"kind": "class", "bases": [str(b) for b in obj.bases]}
    if isinstance(obj, griffe.Attribute):
        return {"kind": "attribute", "annotation": None if obj.annotation is None else str(obj.annotation)}
    return {"kind": obj.kind.value}


def _class_members(path: str, cls: griffe.Class, out: dict[str, dict[str, Any]], depth: int = 0) -> None:
    for name, member in sorted(cls.all_members.items()):
        if not _is_public(name) or (name.startswith("__") and name not in _DUNDERS):
            continue
        try:
            target = _target(member)
        except (griffe.AliasResolutionError, griffe.CyclicAliasError):
            continue
        out[f"{path}.{name}"] = _describe(target)
        if isinstance(target, griffe.Class) and depth < 2:
            _class_members(f"{path}.{name}", target, out, depth + 1)


# Dunders that are part of how a class is used: construction, context managers, containers.
_DUNDERS = frozenset(
    {"__init__", "__call__", "__enter__", "__exit__", "__aenter__", "__aexit__", "__iter__", "__len__"}
    | {"__getitem__", "__contains__", "__bool__", "__eq__", "__hash__"}
)


def _add_exported(module: griffe.Module, module_path: str, shown_as: str, api: dict[str, dict[str, Any]]) -> None:
    """Every name of `module`'s literal `__all__`, recorded as `<shown_as>.<name>`."""
    exported = module.members.get("__all__")
    if not isinstance(exported, griffe.Attribute) or not isinstance(exported.value, griffe.ExprList):
        raise PublicApiError(f"{module_path} has no literal __all__")
    for element in exported.value.elements:
        name = str(element).strip("'\"")
        if name not in module.members:
            raise PublicApiError(f"{module_path}.__all__ names {name!r}, which the module does not define")
        try:
            target = _target(module.members[name])
        except (griffe.AliasResolutionError, griffe.CyclicAliasError) as exc:
            raise PublicApiError(f"{module_path}.{name} cannot be resolved: {exc}") from exc
        api[f"{shown_as}.{name}"] = _describe(target)
        if isinstance(target, griffe.Class):
            _class_members(f"{shown_as}.{name}", target, api)


def snapshot(overlay_dir: Path = OVERLAY_DIR, generated_dir: Path = GENERATED_DIR) -> dict[str, Any]:
    """The public surface of the package under `overlay_dir` (statically; nothing is imported)."""
    try:
        # The generated package first, so `__all__ += <generated module>.__all__` can be expanded.
        loader = griffe.GriffeLoader(
            search_paths=[overlay_dir, generated_dir],
            allow_inspection=False,
            modules_collection=griffe.ModulesCollection(),
            lines_collection=griffe.LinesCollection(),
        )
        loader.load("pinecone_control_api")
        root = loader.load(PACKAGE)
        loader.resolve_aliases(external=True, implicit=False)
    except (ImportError, OSError, griffe.GriffeError) as exc:
        raise PublicApiError(f"cannot load {PACKAGE} from {overlay_dir}: {exc}") from exc
    assert isinstance(root, griffe.Module)
    api: dict[str, dict[str, Any]] = {}
    for module_path in PUBLIC_MODULES:
        module = root if module_path == PACKAGE else root[module_path.removeprefix(PACKAGE + ".")]
        _add_exported(module, module_path, module_path, api)
    # The generated part of the surface: the models the methods name and the deployment builders,
    # which `pinecone_control` re-exports from `pinecone_control_api._exports`.
    exports = root.modules_collection.get_member(EXPORTS_MODULE) if EXPORTS_MODULE in root.modules_collection else None
    if exports is None:
        exports = griffe.load(
            EXPORTS_MODULE,
            search_paths=[generated_dir],
            allow_inspection=False,
            resolve_aliases=True,
            resolve_external=True,
            modules_collection=root.modules_collection,
            lines_collection=griffe.LinesCollection(),
        )
    assert isinstance(exports, griffe.Module)
    _add_exported(exports, EXPORTS_MODULE, PACKAGE, api)
    return {"package": PACKAGE, "version": package_version(overlay_dir), "api": dict(sorted(api.items()))}


def package_version(overlay_dir: Path = OVERLAY_DIR) -> str:
    text = (overlay_dir / PACKAGE / "_version.py").read_text(encoding="utf-8")
    match = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    if not match:
        raise PublicApiError(f"no __version__ in {overlay_dir / PACKAGE / '_version.py'}")
    return match.group(1)


@dataclass(frozen=True)
class ApiChange:
    name: str
    change: str  # "removed", "added", "changed"
    detail: str
    breaking: bool


def _parameter_breaks(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    reasons = []
    old_by_name, new_by_name = {p["name"] for p in old}, {p["name"]: p for p in new}
    for p in old:
        q = new_by_name.get(p["name"])
        if q is None:
            reasons.append(f"parameter {p['name']!r} removed")
            continue
        if q["kind"] != p["kind"] and not (p["kind"] == "positional-only" and q["kind"] == "positional or keyword"):
            reasons.append(f"parameter {p['name']!r} is now {q['kind']} (was {p['kind']})")
        if p["default"] is not None and q["default"] is None:
            reasons.append(f"parameter {p['name']!r} lost its default (now required)")
    for q in new:
        variadic = q["kind"] in ("variadic positional", "variadic keyword")
        if q["name"] not in old_by_name and q["default"] is None and not variadic:
            reasons.append(f"new required parameter {q['name']!r}")
    # A positional call keeps its meaning only if the old positional parameters keep their places:
    # a parameter inserted before them, or a reordering, shifts every argument after it.
    old_positional = [p["name"] for p in old if p["kind"] in _POSITIONAL]
    new_positional = [p["name"] for p in new if p["kind"] in _POSITIONAL]
    if new_positional[: len(old_positional)] != old_positional:
        reasons.append(f"positional parameters {old_positional} -> {new_positional}")
    return reasons


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[ApiChange]:
    changes = []
    before, after = old["api"], new["api"]
    for name in sorted(before.keys() - after.keys()):
        # A removed class implies its members: report the outermost removal only.
        if not any(name.startswith(parent + ".") for parent in before.keys() - after.keys()):
            changes.append(ApiChange(name, "removed", before[name]["kind"], True))
    for name in sorted(after.keys() - before.keys()):
        changes.append(ApiChange(name, "added", after[name]["kind"], False))
    for name in sorted(before.keys() & after.keys()):
        was, now = before[name], after[name]
        if was == now:
            continue
        if was["kind"] != now["kind"]:
            changes.append(ApiChange(name, "changed", f"{was['kind']} -> {now['kind']}", True))
            continue
        reasons: list[str] = []
        if was["kind"] == "function":
            reasons = _parameter_breaks(was["parameters"], now["parameters"])
            if was["returns"] != now["returns"]:
                reasons.append(f"returns {was['returns']} -> {now['returns']}")
        elif was["kind"] == "attribute" and was["annotation"] != now["annotation"]:
            reasons.append(f"type {was['annotation']} -> {now['annotation']}")
        elif was["kind"] == "class":
            removed = [b for b in was["bases"] if b not in now["bases"]]
            if removed:
                reasons.append(f"base classes {removed} removed")
        detail = "; ".join(reasons) or "signature changed compatibly (annotations or defaults)"
        changes.append(ApiChange(name, "changed", detail, bool(reasons)))
    return changes


def parse_version(version: str) -> tuple[int, int, int]:
    """The release a version is or leads to: `0.3.0.dev0` -> (0, 3, 0)."""
    match = _VERSION.match(version)
    if not match:
        raise PublicApiError(f"version {version!r} is not MAJOR.MINOR.PATCH (or MAJOR.MINOR.PATCH.devN)")
    major, minor, patch = (int(g) for g in match.groups()[:3])
    return major, minor, patch


def is_development(version: str) -> bool:
    match = _VERSION.match(version)
    return bool(match and match[4])


def _may_break(major: int, minor: int, patch: int) -> bool:
    """A release the policy lets break every release before it: M.0.0 from 1.0, 0.m.0 before."""
    return patch == 0 and (minor == 0 if major >= 1 else minor >= 1)


def required_bump(old_version: str) -> str:
    """The smallest version that may break the API of `old_version` (the CHANGELOG.md policy). A
    snapshot taken on the way to a release that may break (`0.3.0.dev0`) may still be broken by
    that release: the API it compares with is the last release's, before 0.3.0."""
    major, minor, patch = parse_version(old_version)
    if is_development(old_version) and _may_break(major, minor, patch):
        return f"{major}.{minor}.{patch}"
    return f"{major + 1}.0.0" if major >= 1 else f"0.{minor + 1}.0"


def bump_allows_breaking(old_version: str, new_version: str) -> bool:
    return parse_version(new_version) >= parse_version(required_bump(old_version))


def check(snapshot_file: Path = SNAPSHOT_FILE, overlay_dir: Path = OVERLAY_DIR) -> tuple[int, str]:
    """(exit code, report)."""
    try:
        old = json.loads(snapshot_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PublicApiError(f"cannot read the snapshot {snapshot_file}: {exc}; make api-snapshot writes it") from exc
    new = snapshot(overlay_dir)
    changes = compare(old, new)
    breaking = [c for c in changes if c.breaking]
    lines = [f"public API of {PACKAGE} {new['version']} against the snapshot of {old['version']}:"]
    for c in changes:
        lines.append(f"  {'BREAKING ' if c.breaking else ''}{c.change}: {c.name} ({c.detail})")
    if not changes:
        lines.append("  unchanged")
    if breaking and not bump_allows_breaking(old["version"], new["version"]):
        lines.append(
            f"{len(breaking)} incompatible changes need version {required_bump(old['version'])} or later "
            f"(now {new['version']}; CHANGELOG.md, 'Versioning'); or restore the old names and signatures."
        )
        return 1, "\n".join(lines)
    if breaking:
        lines.append(f"incompatible changes allowed by the version bump {old['version']} -> {new['version']}.")
    if changes:
        lines.append("the snapshot is out of date: `make api-snapshot` after review, and commit it.")
    return 0, "\n".join(lines)


def write(snapshot_file: Path = SNAPSHOT_FILE, overlay_dir: Path = OVERLAY_DIR) -> None:
    data = snapshot(overlay_dir)
    # One line per public name: a change to the API is a one-line diff in review.
    entries = ",\n".join(f"  {json.dumps(name)}: {json.dumps(entry)}" for name, entry in data["api"].items())
    head = f'{{\n "package": {json.dumps(data["package"])},\n "version": {json.dumps(data["version"])},\n'
    snapshot_file.write_text(f'{head} "api": {{\n{entries}\n }}\n}}\n', encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="rewrite the snapshot from the current package")
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT_FILE)
    parser.add_argument("--overlay-dir", type=Path, default=OVERLAY_DIR)
    try:
        args = parser.parse_args(argv)
        if args.update:
            write(args.snapshot, args.overlay_dir)
            print(f"public-api: wrote {args.snapshot}")
            return 0
        code, report = check(args.snapshot, args.overlay_dir)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    except (PublicApiError, OSError) as exc:
        print(f"public-api: {exc}", file=sys.stderr)
        return 2
    print(report)
    return code


if __name__ == "__main__":
    sys.exit(main())
