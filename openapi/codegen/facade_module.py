"""Render every operation as a typed public method: the generated module `_facade.py`.

`SyncOperations` and `AsyncOperations` hold one method per operation of the spec. Each method's
signature and docstring come from the spec; its body hands the arguments, by field path, to
`self._invocation(...)` (the program that performs it) and runs it with `self._run(...)`, which the
overlay's clients implement once for all operations (requests,
checks, retries, errors, waits). A spec bump therefore adds methods without a hand-written line.

The rules, each from what the spec says (documented in the README, tested in tests/spec_driven):

- Parameters: path parameters (positional), then a body property called `name` (positional, the
  resource's name: `create_index("movies", ...)`; with a `None` default where the spec makes it
  optional). Every other parameter is keyword-only, required ones first (no default), then optional
  ones (`None` = not sent): a later spec that adds a field, or makes a required one optional, cannot
  shift or break a call written against this one wherever the spec keeps the fields it passes.
- A single path parameter named `<resource>_name` is called `name` (the official SDK's shape),
  unless a body property is called `name` too.
- Nested plain objects are flattened into their leaves (`configure_index(name, replicas=2)` for
  `spec.pod.replicas`), unless a leaf name would collide, the object is a `oneOf` (kept whole, as
  the union model, a branch model or a mapping) or a map (kept as a mapping). An optional object
  is also offered whole (`spec=...`), the spelling that survives a bump turning it into a union
  or a map; of an optional `oneOf`, each branch leaf whose name is unique is a parameter too (at
  2025-10 `configure_index`'s `spec` is a union, and `replicas=` still says `spec.pod.replicas`).
- Enum parameters take the generated enum or its string; model parameters the model or a mapping;
  a list of objects that hold one string property also takes plain strings.
- Waits: an operation that answers 201/202 gets `wait_timeout`/`on_progress` when the spec has a
  GET to describe what it changed (same path for PATCH/DELETE; for a create, the GET that returns
  the same model, keyed by a response or body field) — see `WAIT_TARGETS`.
- Deletes: every DELETE operation takes `missing_ok: bool = False`; with True a 404 (nothing by
  that name) is a success, so a cleanup can run twice.
"""

from __future__ import annotations

import keyword
import re
from collections import Counter
from dataclasses import dataclass, field

from .operation_metadata import FieldMeta, OperationMeta
from .operations_module import kind_of

_CLASS = re.compile(r"\b[A-Z][A-Za-z0-9_]*\b")
_BUILTIN_TYPES = {"Any", "Mapping", "Sequence", "Callable", "None"}


@dataclass
class Param:
    name: str
    source: str  # "path:<name>", "query:<name>" or a body field path
    annotation: str
    required: bool
    description: str
    positional: bool = False  # path parameters and the body's `name`; everything else is keyword-only


@dataclass
class WaitTarget:
    describe: str
    goal: str  # "ready", "configured" or "deleted"
    keys: list[tuple[str, str]] = field(default_factory=list)  # describe parameter -> "path:x"/"body:x"/"response:x"
    kind: str = ""  # what the describe describes, in words (its last path parameter's resource)


def _is_class(python_type: str) -> bool:
    return bool(python_type) and python_type[0].isupper() and python_type not in _BUILTIN_TYPES


def _children(fields: list[FieldMeta], path: str) -> list[FieldMeta]:
    prefix = path + "."
    return [f for f in fields if f.path.startswith(prefix) and "." not in f.path[len(prefix) :] and f.python_name]


def _is_map(fields: list[FieldMeta], path: str) -> bool:
    return any(f.path == f"{path}.*" for f in fields)


def _flattenable(fields: list[FieldMeta], f: FieldMeta) -> bool:
    c = f.constraints
    return (
        c.get("type") == "object"
        and " | " not in f.python_type  # a union's branches hold different leaves: it is given whole
        and not c.get("one_of_required")
        and not _is_map(fields, f.path)
        and bool(_children(fields, f.path))
    )


def _annotation(fields: list[FieldMeta], f: FieldMeta) -> str:
    t, c = f.python_type, f.constraints
    if c.get("enum") is not None and _is_class(t):
        return f"{t} | str"
    if t.startswith("list[") and t.endswith("]"):
        inner = t[5:-1]
        if _is_class(inner):
            items = _children(fields, f"{f.path}[]")
            shorthand = " | str" if len(items) == 1 and items[0].python_type == "str" else ""
            return f"Sequence[{inner} | Mapping[str, Any]{shorthand}]"
        return f"Sequence[{inner}]"
    if _is_class(t):
        branches = ""
        for group in c.get("one_of_required") or ():
            if len(group) == 1:
                child = next((x for x in fields if x.path == f"{f.path}.{group[0]}"), None)
                if child is not None and _is_class(child.python_type):
                    branches += f" | {child.python_type}"
        return f"{t}{branches} | Mapping[str, Any]"
    return t


def _body_params(op: OperationMeta, taken: set[str], whole_too: bool = True) -> list[Param]:
    fields = op.body_fields
    top = [f for f in fields if "." not in f.path and "[" not in f.path]

    def leaves(f: FieldMeta, required: bool) -> list[tuple[FieldMeta, bool]]:
        if not _flattenable(fields, f):
            return [(f, required)]
        out: list[tuple[FieldMeta, bool]] = []
        for child in _children(fields, f.path):
            out += leaves(child, required and child.required)
        return out

    chosen: list[tuple[FieldMeta, bool]] = []
    for f in top:
        others = taken | {x.python_name for x in top if x is not f} | {leaf.python_name for leaf, _ in chosen}
        if whole_too and not f.required and f.constraints.get("one_of_required"):
            # An optional union of objects: kept whole, and each branch's leaf whose name no other
            # branch (or parameter) has is a parameter too: it says its branch (`replicas` -> `pod`).
            branch_leaves = [leaf for child in _children(fields, f.path) for leaf, _ in leaves(child, False)]
            counts = Counter(leaf.python_name for leaf in branch_leaves)
            unique = [x for x in branch_leaves if counts[x.python_name] == 1 and x.python_name not in others]
            chosen += [(f, False), *((leaf, False) for leaf in unique if leaf.path != f.path)]
            continue
        flat = leaves(f, f.required)
        names = [leaf.python_name for leaf, _ in flat]
        if len(flat) > 1 and (len(set(names)) != len(names) or set(names) & others):
            flat = [(f, f.required)]  # a leaf name would collide: keep the object whole
        elif len(flat) > 1 and whole_too and not f.required and f.python_name not in names:
            # The object whole too: the spelling that survives a bump turning it into a union or a map.
            flat = [(f, False), *flat]
        chosen += flat
    return [
        Param(leaf.python_name, leaf.path, _annotation(fields, leaf), required, leaf.description)
        for leaf, required in chosen
    ]


def params_of(op: OperationMeta) -> list[Param]:
    body_names = {f.python_name for f in op.body_fields if "." not in f.path}
    path_params = [p for p in op.parameters if p.location == "path"]
    out: list[Param] = []
    for p in path_params:
        name = p.python_name
        if len(path_params) == 1 and name.endswith("_name") and "name" not in body_names:
            name = "name"
        out.append(Param(name, f"path:{p.name}", p.python_type, True, p.description, positional=True))
    taken = {p.name for p in out}
    query = [
        Param(p.python_name, f"{p.location}:{p.name}", p.python_type, p.required, p.description)
        for p in op.parameters
        if p.location != "path"
    ]
    body = _body_params(op, taken | {q.name for q in query})
    for b in body:
        b.positional = b.source == "name"  # the resource's name, as every create of the official SDKs
    params = out + [b for b in body if b.positional]
    params += [q for q in query if q.required] + [b for b in body if b.required and not b.positional]
    params += [q for q in query if not q.required] + [b for b in body if not b.required and not b.positional]
    for param in params:
        if keyword.iskeyword(param.name):
            param.name += "_"
    return params


def signature(params: list[Param]) -> list[str]:
    """The parameters as source: the positional ones, `*`, then the keyword-only ones (a positional
    optional `name` takes a `None` default, so nothing after it may be positional-only)."""
    out = [p for p in params if p.positional]
    rest = [p for p in params if not p.positional]
    sig = [f"{p.name}: {p.annotation}" if p.required else f"{p.name}: {p.annotation} | None = None" for p in out]
    sig.append("*")
    sig += [f"{p.name}: {p.annotation}" if p.required else f"{p.name}: {p.annotation} | None = None" for p in rest]
    return sig


def _success_model(op: OperationMeta) -> str | None:
    return next((r.model for r in op.responses if 200 <= r.status < 300 and r.model), None)


def wait_target(op: OperationMeta, ops: list[OperationMeta]) -> WaitTarget | None:
    """How to describe what a 201/202 operation changed, when the spec says (see the module doc)."""
    if not {201, 202} & set(op.success):
        return None
    gets = [o for o in ops if o.method == "GET" and o is not op]
    if op.method in {"PATCH", "DELETE"}:
        same = next((o for o in gets if o.path == op.path), None)
        if same is None:
            return None
        same_keys = [(p.name, f"path:{p.name}") for p in same.parameters if p.location == "path"]
        goal = "configured" if op.method == "PATCH" else "deleted"
        return WaitTarget(same.python_name, goal, same_keys, kind_of(same_keys[-1][0]) if same_keys else "")
    model = _success_model(op)
    if op.method != "POST" or model is None:
        return None
    body = {f.name for f in op.body_fields if "." not in f.path}
    own = {p.name for p in op.parameters if p.location == "path"}
    for get in gets:
        if _success_model(get) != model:
            continue
        keys: list[tuple[str, str]] = []
        for p in (p for p in get.parameters if p.location == "path"):
            if p.name in own:
                keys.append((p.name, f"path:{p.name}"))
                continue
            match = next((b for b in sorted(body) if p.name == b or p.name.endswith("_" + b)), None)
            keys.append((p.name, f"body:{match}" if match else f"response:{p.name}"))
        if keys and all(p.location != "query" or not p.required for p in get.parameters):
            return WaitTarget(get.python_name, "ready", keys, kind_of(keys[-1][0]))
    return None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def docstring(op: OperationMeta, params: list[Param], wait: WaitTarget | None) -> str:
    lines = [_one_line(op.summary or op.python_name)]
    if op.description and _one_line(op.description) != lines[0]:
        lines += ["", "\n".join(line.rstrip() for line in op.description.strip().splitlines())]
    lines += ["", "Args:"]
    for p in params:
        where = "" if p.source.startswith(("path:", "query:")) or p.source == p.name else f" (`{p.source}`)"
        lines.append(f"    {p.name}: {_one_line(p.description) or '(no description in the spec)'}{where}")
    if wait is not None:
        goal = {"ready": "is ready", "configured": "shows the change", "deleted": "is gone"}[wait.goal]
        lines.append(
            f"    wait_timeout: seconds to wait until what this call changed {goal} (polling `{wait.describe}`):"
            " 0 returns at once, None waits without a deadline."
        )
        lines.append("    on_progress: called with each poll's progress while waiting.")
    if op.method == "DELETE":
        lines.append("    missing_ok: True makes a 404 (nothing by that name) a success: the call returns None.")
    lines.append("    timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).")
    lines.append("    max_retries: this call's retry budget.")
    lines.append("    total_timeout: this call's total time budget, retries and waits between them included.")
    success = [r for r in op.responses if 200 <= r.status < 300]
    lines += ["", "Returns:"]
    lines += [f"    {r.model or 'None'}: ({r.status}) {_one_line(r.description)}".rstrip() for r in success] or [
        "    None"
    ]
    errors = [r for r in op.responses if not 200 <= r.status < 300]
    lines += ["", "Raises:", "    ClientValidationError: an argument breaks a rule the spec states; nothing was sent."]
    lines += [f"    {error_name(r.status)}: (HTTP {r.status}) {_one_line(r.description)}".rstrip() for r in errors]
    return "\n".join(lines).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


# What the overlay raises for each status (`pinecone_control._errors.error_class_for`; a test keeps
# the two equal), so a docstring's Raises names the class a caller catches.
_STATUS_ERRORS = {
    400: "BadRequestError",
    401: "AuthenticationError",
    402: "PaymentRequiredError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    412: "PreconditionFailedError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
}


def error_name(status: int) -> str:
    return _STATUS_ERRORS.get(status) or ("InternalServerError" if 500 <= status <= 599 else "APIStatusError")


def _method(op: OperationMeta, ops: list[OperationMeta], asynchronous: bool) -> str:
    params = params_of(op)
    wait = wait_target(op, ops)
    model = _success_model(op)
    returns = model if model is not None else "None"
    sig = ["self", *signature(params)]
    if wait is not None:
        sig += ["wait_timeout: float | None = 0", "on_progress: Callable[[Any], object] | None = None"]
    deletes = op.method == "DELETE"
    if deletes:
        sig.append("missing_ok: bool = False")
    sig += [
        "timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN",
        "max_retries: int | NotGiven = NOT_GIVEN",
        "total_timeout: float | None | NotGiven = NOT_GIVEN",
    ]
    arguments = ", ".join(f"{p.source!r}: {p.name}" for p in params)
    waits = "wait_timeout, on_progress" if wait is not None else "0, None"
    if deletes:
        waits += ", missing_ok"
    call = (
        f"self._run(self._invocation({op.python_name!r}, {{{arguments}}}, "
        f"CallOptions(timeout, max_retries, total_timeout, {waits})))"
    )
    head = "async def" if asynchronous else "def"
    result = f"await {call}" if asynchronous else call
    doc = docstring(op, params, wait)
    body = f"return cast({returns!r}, {result})" if model is not None else f"{result}\n        return None"
    return (
        f'    {head} {op.python_name}({", ".join(sig)}) -> {returns}:\n        """{doc}\n        """\n        {body}\n'
    )


HEADER = '''\
"""Every operation of the spec as a typed method. Written by openapi/codegen/generate.py; do not edit.

`SyncOperations` / `AsyncOperations` are extended by the clients of the `pinecone_control` package,
which build each operation's program once (`_invocation`) and run it (`_run`). Arguments reach
`_invocation` keyed by where they go:
`path:<name>`, `query:<name>`, or a request-body field path (`spec.pod.replicas`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import httpx


class NotGiven:
    """Marks an argument the caller did not pass (None is a meaningful timeout). The clients'
    `NOT_GIVEN` is this one instance."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Any = NotGiven()

'''


def render(ops: list[OperationMeta]) -> str:
    used: set[str] = set()
    sync_methods, async_methods, targets = [], [], []
    for op in ops:
        sync_methods.append(_method(op, ops, asynchronous=False))
        async_methods.append(_method(op, ops, asynchronous=True))
        for p in params_of(op):
            used |= set(_CLASS.findall(p.annotation))
        model = _success_model(op)
        if model:
            used.add(model)
        wait = wait_target(op, ops)
        if wait is not None:
            targets.append(
                f"    {op.python_name!r}: "
                f"WaitTarget({wait.describe!r}, {wait.goal!r}, {tuple(wait.keys)!r}, {wait.kind!r}),\n"
            )
    models = sorted(used - _BUILTIN_TYPES)
    imports = "".join(f"    from .models import {name}\n" for name in models)
    type_checking = f"if TYPE_CHECKING:\n{imports}\n\n" if imports else ""
    return (
        HEADER
        + type_checking
        + '''class CallOptions(NamedTuple):
    """Per-call options every method takes; NOT_GIVEN keeps the client's setting."""

    timeout: float | httpx.Timeout | None | NotGiven
    max_retries: int | NotGiven
    total_timeout: float | None | NotGiven
    wait_timeout: float | None
    on_progress: Callable[[Any], object] | None
    missing_ok: bool = False  # DELETE operations: a 404 is a success


class WaitTarget(NamedTuple):
    """How to see what an operation changed: the describing operation, the goal, where each of its
    path parameters comes from (`path:x` this call's, `body:x` its body's, `response:x` the answer's),
    and what it describes, in words (`index`, `restore job`)."""

    describe: str
    goal: str
    keys: tuple[tuple[str, str], ...]
    kind: str


WAIT_TARGETS: dict[str, WaitTarget] = {
'''
        + "".join(targets)
        + '''}


class SyncOperations:
    """Every operation as a method; the client's `_invocation` builds its program, `_run` runs it."""

    def _invocation(self, operation: str, arguments: dict[str, Any], options: CallOptions) -> Any:
        raise NotImplementedError

    def _run(self, program: Any) -> Any:
        raise NotImplementedError

'''
        + "\n".join(sync_methods)
        + '''

class AsyncOperations:
    """Every operation as a coroutine method; the client's `_invocation` builds its program, `_run` runs it."""

    def _invocation(self, operation: str, arguments: dict[str, Any], options: CallOptions) -> Any:
        raise NotImplementedError

    async def _run(self, program: Any) -> Any:
        raise NotImplementedError

'''
        + "\n".join(async_methods)
    )
