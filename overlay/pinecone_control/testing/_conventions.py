"""What each operation of the table does, read from its method and path template alone (REST
conventions), so a version's new operations are served without a line naming them:

    GET    /things                      list       POST /things                     create
    GET    /things/{thing_id}           describe   PATCH|PUT /things/{thing_id}     configure
    DELETE /things/{thing_id}           delete
    GET    /things/{thing_id}/others    list `others` of that thing (a sub-collection: `others` is
    POST   /things/{thing_id}/others    create        also a collection of its own, /others/...)
    POST   /things/literal              create a `things` a second way (e.g. create-for-model)
    POST   /things/{thing_id}/literal   an action on a thing (e.g. create-index from a backup)
    POST   /literal                     a computation, no resource (e.g. embed, rerank)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from pinecone_control_api._operations import BY_NAME, OPERATIONS, Operation

Verb = Literal["list", "create", "describe", "configure", "delete", "action", "compute"]


@dataclass(frozen=True)
class Convention:
    verb: Verb
    kind: str  # the collection: "indexes", "backups", "restore-jobs"; for a computation its path
    parent: str | None = None  # the parent's kind for a sub-collection: "indexes" for an index's backups
    variant: str | None = None  # the literal segment: "create-for-model", "create-index"
    key: str | None = None  # the path parameter naming the item (or the parent)
    operation: str = ""  # the operation's name (for its body fields' rules in the table)


def _parts(path: str) -> list[str]:
    return path.strip("/").split("/")


def _param(part: str) -> str | None:
    return part[1:-1] if part.startswith("{") else None


@cache
def _collections() -> frozenset[str]:
    return frozenset(_parts(op.path)[0] for op in OPERATIONS)


def classify(op: Operation) -> Convention | None:
    found = _classify(op)
    return None if found is None else replace(found, operation=op.python_name)


def _classify(op: Operation) -> Convention | None:
    parts, method = _parts(op.path), op.method.upper()
    head = parts[0]
    if len(parts) == 1:
        if method == "GET":
            return Convention("list", head)
        if method == "POST":
            # A collection only if something else lives under it (an item); else a computation.
            items = any(len(_parts(o.path)) > 1 and _parts(o.path)[0] == head for o in OPERATIONS)
            return Convention("create", head) if items else Convention("compute", head)
        return None
    key = _param(parts[1])
    if len(parts) == 2:
        if key is None:
            return Convention("create", head, variant=parts[1]) if method == "POST" else None
        verbs: dict[str, Verb] = {"GET": "describe", "PATCH": "configure", "PUT": "configure", "DELETE": "delete"}
        return Convention(verbs[method], head, key=key) if method in verbs else None
    if len(parts) == 3 and key is not None:
        tail = parts[2]
        if tail in _collections():
            verb: Verb | None = {"GET": "list", "POST": "create"}.get(method)  # type: ignore[assignment]
            return Convention(verb, tail, parent=head, key=key) if verb else None
        return Convention("action", head, variant=tail, key=key) if method == "POST" else None
    return None


def convention(operation: str) -> Convention | None:
    return classify(BY_NAME[operation])


@cache
def item_operation(kind: str, verb: Verb = "describe") -> Operation | None:
    """The operation that describes (or lists) one `kind`; its response model is the kind's model."""
    for op in OPERATIONS:
        found = classify(op)
        if found is not None and found.verb == verb and found.kind == kind and found.parent is None:
            return op
    return None


def response_model(op: Operation) -> str | None:
    return next((r.model for r in op.responses if r.status in op.success and r.model), None)


def noun(kind: str) -> str:
    """The singular a message names: `indexes` -> Index, `restore-jobs` -> Restore job."""
    word = kind[:-2] if kind.endswith("xes") else kind.removesuffix("s")
    return word.replace("-", " ").capitalize()
