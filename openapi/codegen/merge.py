"""Merge the files of a version's set into one OpenAPI document, before normalisation and generation.

From 2024-10 on, Pinecone publishes `embed`, `rerank` and the model catalogue in
`inference_<v>.oas.yaml` beside `db_control_<v>.oas.yaml`; the client is one package on one host,
so the generator must see one document. The first file (the control spec) gives `info`,
`servers`, `security` and `externalDocs`; every later file adds its paths, components and tags.

Nothing is overwritten silently. A path, operationId, component or tag defined in two files is
merged once only if both definitions are exactly equal (as parsed data, descriptions included);
otherwise it is a `MergeError` naming both files. The one exception is listed, reviewed, in
`RENAMED_WHEN_DIFFERENT`: both definitions are kept, the later file's under a prefixed name.
What the merge did is recorded in `info.x-spec-set` (normalise turns it into notes).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from .walk import JSON, operations

SPEC_SET_KEY = "x-spec-set"

# The inference spec's ErrorResponse is the control spec's minus two error codes and with other
# descriptions (every version 2024-10..2025-10). Both are kept: errors of inference operations
# are typed by their own file's schema, renamed `InferenceErrorResponse`.
RENAMED_WHEN_DIFFERENT = frozenset({"ErrorResponse"})


class MergeError(ValueError):
    """Two files of one set define the same name differently."""


def prefix_of(path: str) -> str:
    """`2024-10/inference_2024-10.oas.yaml` -> `Inference` (the file's kind, as a class-name prefix)."""
    stem = PurePosixPath(path).name.split(".", 1)[0]
    kind = re.sub(r"_\d{4}-\d{2}$", "", stem)
    return "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", kind) if part)


def merge(sources: Sequence[tuple[str, JSON]]) -> JSON:
    """One document from (file path, parsed document) pairs, the control spec first."""
    if not sources:
        raise MergeError("a spec set needs at least one file")
    first_path, first = sources[0]
    merged = copy.deepcopy(first)
    owners = _owners(merged, first_path)
    notes: list[str] = []
    for path, doc in sources[1:]:
        doc = copy.deepcopy(doc)
        _same_root(merged, doc, first_path, path)
        notes += _rename_differing_schemas(merged, doc, path)
        notes += _scope_root_settings(merged, doc, path)
        _add_paths(merged, doc, path, owners)
        _add_components(merged, doc, path, owners)
        _add_tags(merged, doc, path, owners)
    info = merged.setdefault("info", {})
    info[SPEC_SET_KEY] = {"files": [p for p, _ in sources], "notes": notes}
    return merged


def _owners(doc: JSON, path: str) -> dict[str, str]:
    """Which file each mergeable name came from, for the error messages."""
    owners = {f"path {p}": path for p in doc.get("paths") or {}}
    owners |= {f"operationId {op['operationId']}": path for _p, _m, op in operations(doc) if "operationId" in op}
    for kind, entries in (doc.get("components") or {}).items():
        owners |= {f"components.{kind} {name}": path for name in entries or {}}
    owners |= {f"tag {t.get('name')}": path for t in doc.get("tags") or [] if isinstance(t, dict)}
    return owners


def _clash(what: str, first: str, second: str) -> MergeError:
    return MergeError(f"{what} is defined differently in {first} and in {second}; a spec set must not redefine it")


def _same_root(merged: JSON, doc: JSON, first_path: str, path: str) -> None:
    pairs = {
        "the OpenAPI version": (merged.get("openapi"), doc.get("openapi")),
        "info.version": ((merged.get("info") or {}).get("version"), (doc.get("info") or {}).get("version")),
    }
    for label, (a, b) in pairs.items():
        if a != b:
            raise MergeError(f"{label} differs: {a!r} in {first_path}, {b!r} in {path}")


def _rename_differing_schemas(merged: JSON, doc: JSON, path: str) -> list[str]:
    mine = (merged.get("components") or {}).get("schemas") or {}
    theirs = (doc.get("components") or {}).get("schemas") or {}
    renames = {
        name: prefix_of(path) + name
        for name in RENAMED_WHEN_DIFFERENT
        if name in mine and name in theirs and mine[name] != theirs[name]
    }
    if not renames:
        return []
    doc["components"]["schemas"] = {renames.get(k, k): v for k, v in theirs.items()}
    _rewrite_refs(doc, {f"#/components/schemas/{a}": f"#/components/schemas/{b}" for a, b in renames.items()})
    return [f"schema {a} of {path} differs from the control spec's: kept as {b}" for a, b in sorted(renames.items())]


def _rewrite_refs(node: Any, refs: dict[str, str]) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str) and node["$ref"] in refs:
            node["$ref"] = refs[node["$ref"]]
        for value in node.values():
            _rewrite_refs(value, refs)
    elif isinstance(node, list):
        for value in node:
            _rewrite_refs(value, refs)


def _scope_root_settings(merged: JSON, doc: JSON, path: str) -> list[str]:
    """A later file's own root `servers` / `security`, where they differ, move onto its paths and
    operations (OpenAPI allows both there), so its operations keep the host and auth it states."""
    notes = []
    if "servers" in doc and doc["servers"] != merged.get("servers"):
        for item in (doc.get("paths") or {}).values():
            if isinstance(item, dict):
                item.setdefault("servers", copy.deepcopy(doc["servers"]))
        notes.append(f"servers of {path} differ from the control spec's: set on each of its paths")
    if doc.get("security") != merged.get("security"):
        for _p, _m, op in operations(doc):
            op.setdefault("security", copy.deepcopy(doc.get("security") or []))
        notes.append(f"root security of {path} differs from the control spec's: set on each of its operations")
    return notes


def _add_paths(merged: JSON, doc: JSON, path: str, owners: dict[str, str]) -> None:
    paths = merged.setdefault("paths", {})
    known_ops = {op["operationId"]: (p, m) for p, m, op in operations(merged) if "operationId" in op}
    for template, item in (doc.get("paths") or {}).items():
        if template in paths:
            if paths[template] != item:
                raise _clash(f"path {template}", owners[f"path {template}"], path)
            continue
        for _p, method, op in operations({"paths": {template: item}}):
            op_id = op.get("operationId")
            if op_id in known_ops and known_ops[op_id] != (template, method):
                raise _clash(f"operationId {op_id}", owners[f"operationId {op_id}"], path)
            if op_id is not None:
                known_ops[op_id] = (template, method)
                owners[f"operationId {op_id}"] = path
        paths[template] = item
        owners[f"path {template}"] = path


def _add_components(merged: JSON, doc: JSON, path: str, owners: dict[str, str]) -> None:
    for kind, entries in (doc.get("components") or {}).items():
        target = merged.setdefault("components", {}).setdefault(kind, {})
        for name, definition in (entries or {}).items():
            key = f"components.{kind} {name}"
            if name in target:
                if target[name] != definition:
                    raise _clash(key, owners[key], path)
                continue
            target[name] = definition
            owners[key] = path


def _add_tags(merged: JSON, doc: JSON, path: str, owners: dict[str, str]) -> None:
    if not doc.get("tags"):
        return
    tags = merged.setdefault("tags", [])
    for tag in doc["tags"]:
        key = f"tag {tag.get('name')}"
        same = [t for t in tags if isinstance(t, dict) and t.get("name") == tag.get("name")]
        if same and same[0] != tag:
            raise _clash(key, owners[key], path)
        if not same:
            tags.append(tag)
            owners[key] = path


def set_bytes(files: Sequence[tuple[str, bytes]]) -> bytes:
    """A set as one spec: a single file's own bytes (unchanged: the pinned generation depends on
    them), or the merged document of several as JSON."""
    from .normalise import dump, load_spec  # normalise imports this module

    if len(files) == 1:
        return files[0][1]
    return dump(merge([(p, load_spec(b)) for p, b in files])).encode()
