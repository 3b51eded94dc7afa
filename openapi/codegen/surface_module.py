"""Render the conveniences around the operations, once for sync and async: `_surface.py` and `_exports.py`.

Everything comes from the operation table and its wait targets (`facade_module.wait_target`), so a
spec that adds a resource adds its conveniences, and one that renames a model renames them:

- A **resource** is what a wait target describes: a GET with one path parameter and a model
  (`describe_index`, `/indexes/{index_name}`). Its kind is that parameter without `_name`/`_id`
  (`index`, `collection`, `backup`); the parameter is `name` for a `<kind>_name`, as in the facade.
- `has_<kind>(key)`: one describe; a 404 means False.
- `wait_for_<kind>_ready` where some operation's wait target is that describe with the goal "ready";
  `wait_for_<kind>_deleted` where one's is "deleted".
- `ensure_<what>` (`create_<what>`'s twin) for each create whose wait target is "ready" and keyed by
  its own arguments only, so what it would create can be described first; with `apply` where an
  operation configures that resource.
- **Deployment builders**: one per branch of a create's "exactly one of" body object (`spec`:
  `serverless_spec`, `pod_spec`; at 2025-10 also `byoc_spec`). Required fields are positional (with
  the spec's server default, if it states one), optional ones keyword-only, flattened as the facade
  flattens (`metadata_config.indexed` is `indexed`).
- `_exports.py`: every model the public methods and builders name, for the package's re-exports.

The methods hand a small core (the overlay's `_convenience`, and the builders' `use_builder` hook)
their per-operation facts; the core builds the programs both clients run (`_run`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .facade_module import _BUILTIN_TYPES, _CLASS, Param, _body_params, _one_line, _success_model, wait_target
from .operation_metadata import FieldMeta, OperationMeta


class SurfaceError(Exception):
    """The spec's resources cannot be given distinct convenience names."""


@dataclass
class Resource:
    kind: str
    describe: OperationMeta
    key: FieldMeta
    param: str
    model: str
    goals: list[str] = field(default_factory=list)
    creates: list[OperationMeta] = field(default_factory=list)
    configurable: bool = False

    @property
    def words(self) -> str:
        return self.kind.replace("_", " ")


def resources(ops: list[OperationMeta]) -> list[Resource]:
    by_name = {op.python_name: op for op in ops}
    found: dict[str, Resource] = {}
    for op in ops:
        target = wait_target(op, ops)
        if target is None:
            continue
        describe = by_name[target.describe]
        keys = [p for p in describe.parameters if p.location == "path"]
        model = _success_model(describe)
        if len(keys) != 1 or model is None:
            continue
        resource = found.get(describe.python_name)
        if resource is None:
            key = keys[0]
            param = "name" if key.name.endswith("_name") else key.python_name
            kind = target.kind.replace(" ", "_")
            resource = found[describe.python_name] = Resource(kind, describe, key, param, model)
        if target.goal == "configured":
            resource.configurable = True
            continue
        if target.goal not in resource.goals:
            resource.goals.append(target.goal)
        if target.goal == "ready" and all(not source.startswith("response:") for _, source in target.keys):
            resource.creates.append(op)
    kinds: dict[str, str] = {}
    for r in found.values():
        if r.kind in kinds:
            raise SurfaceError(f"{kinds[r.kind]} and {r.describe.python_name} both describe a {r.kind!r}")
        kinds[r.kind] = r.describe.python_name
    return sorted(found.values(), key=lambda r: r.kind)


@dataclass
class Builder:
    name: str  # serverless_spec
    create: str  # create_index
    field: str  # spec
    branch: str  # serverless
    returns: str  # the field's model (a union at 2025-10)
    params: list[Param]
    defaults: dict[str, object]
    description: str


def builders(ops: list[OperationMeta], found: list[Resource]) -> list[Builder]:
    out: dict[str, Builder] = {}
    for op in (create for r in found for create in r.creates):
        for f in op.body_fields:
            groups = f.constraints.get("one_of_required") or ()
            if "." in f.path or not groups or not all(len(group) == 1 for group in groups):
                continue
            for (branch,) in groups:
                prefix = f"{f.path}.{branch}."
                inner = [
                    FieldMeta(
                        x.path[len(prefix) :],
                        x.name,
                        x.python_name,
                        x.python_type,
                        x.location,
                        x.required,
                        x.description,
                        x.constraints,
                    )
                    for x in op.body_fields
                    if x.path.startswith(prefix)
                ]
                branch_field = next((x for x in op.body_fields if x.path == f"{f.path}.{branch}"), None)
                if not inner or branch_field is None:
                    continue
                shell = OperationMeta(op.python_name, "", "", "", "", "", "", "", [], None, False, "", inner, [], "")
                params = _body_params(shell, set(), whole_too=False)
                defaults = {
                    p.name: x.constraints["server_default"]
                    for p in params
                    for x in inner
                    if x.path == p.source and p.required and "server_default" in x.constraints
                }
                name = f"{branch}_spec"
                if name not in out:
                    out[name] = Builder(
                        name, op.python_name, f.path, branch, f.python_type, params, defaults, branch_field.description
                    )
    return list(out.values())


# -- rendering ------------------------------------------------------------------------------------

_OPTIONS = (
    "timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN",
    "max_retries: int | NotGiven = NOT_GIVEN",
    "total_timeout: float | None | NotGiven = NOT_GIVEN",
)
_OPTION_DOCS = (
    "timeout: per-attempt timeout of each request (seconds or an httpx.Timeout).",
    "max_retries: retry budget of each request.",
    "total_timeout: time budget of each request, retries included.",
)


def _doc(lines: list[str]) -> str:
    return "\n".join(lines).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def _def(asynchronous: bool, name: str, sig: list[str], returns: str, doc: list[str], call: str) -> str:
    head = "async def" if asynchronous else "def"
    result = f"await self._run(self._convenience({call}))" if asynchronous else f"self._run(self._convenience({call}))"
    body = f"return cast({returns!r}, {result})" if returns != "None" else f"{result}\n        return None"
    params = ", ".join(["self", *sig])
    return f'    {head} {name}({params}) -> {returns}:\n        """{_doc(doc)}\n        """\n        {body}\n'


def _key_doc(r: Resource) -> str:
    return f"    {r.param}: {_one_line(r.key.description) or 'the ' + r.words}"


def _has(r: Resource, asynchronous: bool) -> str:
    method = f"has_{r.kind}"
    sig = [f"{r.param}: {r.key.python_type}", "*", *_OPTIONS[:2]]
    doc = [
        f"True if the {r.words} exists: one `{r.describe.python_name}`; a 404 means False.",
        "",
        "Args:",
        _key_doc(r),
        "    timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).",
        "    max_retries: this call's retry budget.",
    ]
    call = (
        f"{method!r}, 'has', {r.describe.python_name!r}, {{'path:{r.key.name}': {r.param}}}, "
        "CallOptions(timeout, max_retries, NOT_GIVEN, 0, None)"
    )
    return _def(asynchronous, method, sig, "bool", doc, call)


def _wait(r: Resource, goal: str, asynchronous: bool) -> str:
    method = f"wait_for_{r.kind}_{goal}"
    sig = [
        f"{r.param}: {r.key.python_type}",
        "*",
        "wait_timeout: float | None = None",
        "on_progress: Callable[[Any], object] | None = None",
        "timeout: Never = NOT_GIVEN",
    ]
    until = "is ready" if goal == "ready" else f"answers 404 (the {r.words} is gone)"
    doc = [
        f"Wait until the {r.words} {until}, polling `{r.describe.python_name}`; the first describe is at once.",
        "",
        "Args:",
        _key_doc(r),
        "    wait_timeout: seconds to wait at most (None: no deadline); then WaitTimeoutError.",
        "    on_progress: called with a WaitProgress after every poll.",
        "    timeout: not a wait's option: passing it raises TypeError naming `wait_timeout`.",
    ]
    call = (
        f"{method!r}, 'wait:{goal}', {r.describe.python_name!r}, {{'path:{r.key.name}': {r.param}}}, "
        "CallOptions(timeout, NOT_GIVEN, NOT_GIVEN, wait_timeout, on_progress)"
    )
    return _def(asynchronous, method, sig, r.model if goal == "ready" else "None", doc, call)


def _accepting_described(params: list[Param], shown: dict[str, str]) -> list[Param]:
    """`ensure_*`'s parameters: a create's, each top-level one also taking the type the describe shows
    for that field, so what a describe returned can be provisioned again as it is."""
    out = []
    for p in params:
        extra = shown.get(p.source)
        if extra and extra not in p.annotation.split(" | "):
            p = Param(p.name, p.source, f"{p.annotation} | {extra}", p.required, p.description, p.positional)
        out.append(p)
    return out


def _ensure(r: Resource, create: OperationMeta, params: list[Param], asynchronous: bool) -> str:
    from .facade_module import signature

    method = "ensure_" + create.python_name.removeprefix("create_")  # as ENSURES says
    sig = signature(params)
    if r.configurable:
        sig.append("apply: bool = False")
    sig += ["wait_timeout: float | None = 0", "on_progress: Callable[[Any], object] | None = None", *_OPTIONS]
    doc = [
        f"Create the {r.words} if it is missing (`{create.python_name}`); if it exists, return it when it matches.",
        "",
        "Safe to run again and again: describes first (`" + r.describe.python_name + "`), creates when missing",
        "(a create whose answer was lost is settled by describing; a 409 is compared), never returns one",
        "that is Terminating (it is waited out, then created) or failed.",
        "",
        "Args:",
    ]
    doc += [f"    {p.name}: as `{create.python_name}`." for p in params]
    if r.configurable:
        doc.append("    apply: when it differs only in what can be configured, configure it (and return it)")
        doc.append("        instead of raising.")
    doc += [
        "    wait_timeout: seconds to wait until it is ready: 0 returns at once, None waits without a deadline;",
        "        a Terminating one is waited out first within it (with 0, within `total_timeout`).",
        "    on_progress: called with each poll's progress while waiting.",
        *("    " + line for line in _OPTION_DOCS),
        "",
        "Raises:",
        "    ConfigurationDriftError: it exists with another configuration (`.differences`).",
        "    IndexInitializationFailedError: it exists in a failure state.",
        "    WaitTimeoutError: it was still Terminating (or not ready) at the deadline.",
        "    UnexpectedTerminationError: it was deleted again while this call created it.",
    ]
    arguments = ", ".join(f"{p.source!r}: {p.name}" for p in params)
    options = "CallOptions(timeout, max_retries, total_timeout, wait_timeout, on_progress)"
    call = f"{method!r}, 'ensure', {create.python_name!r}, {{{arguments}}}, {options}"
    if r.configurable:
        call += ", apply"
    return _def(asynchronous, method, sig, r.model, doc, call)


def _builder(b: Builder) -> str:
    sig = []
    for p in b.params:
        if p.required:
            default = f" = {b.defaults[p.name]!r}" if p.name in b.defaults else ""
            sig.append(f"{p.name}: {p.annotation}{default}")
    optional = [f"{p.name}: {p.annotation} | None = None" for p in b.params if not p.required]
    if optional:
        sig += ["*", *optional]
    doc = [
        f"A `{b.branch}` deployment for `{b.create}`'s `{b.field}`: {_one_line(b.description)}".rstrip(": "),
        "",
        "Only the values given are sent; the server fills in the rest.",
        "",
        "Args:",
        *(f"    {p.name}: {_one_line(p.description) or '(no description in the spec)'}" for p in b.params),
    ]
    values = ", ".join(f"{b.branch + '.' + p.source!r}: {p.name}" for p in b.params)
    call = f"_BUILD[0]({b.create!r}, {b.field!r}, {b.returns!r}, {{{values}}})"
    return (
        f'def {b.name}({", ".join(sig)}) -> {b.returns}:\n    """{_doc(doc)}\n    """\n'
        f"    return cast({b.returns!r}, {call})\n"
    )


_BUILDING = """

# -- deployment builders -------------------------------------------------------------------------


def build_unchecked(operation: str, field: str, model: str, values: dict[str, Any]) -> Any:
    \"\"\"The model `field` of `operation` takes, from the given leaf values (None: not given); of a
    union, the branch that has the values' top-level key. The `pinecone_control` package replaces
    this with a build that also checks the spec's rules (`use_builder`).\"\"\"
    import attrs

    from . import models

    body: dict[str, Any] = {}
    for path, value in values.items():
        if value is None:
            continue
        *parents, leaf = path.split(".")
        node = body
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    branch = next(iter(body))
    for name in model.split(" | "):
        cls = getattr(models, name)
        if branch in attrs.fields_dict(cls):
            return cls.from_dict(body)
    raise ValueError(f"{field}: no model of {model} holds {branch!r}")


_BUILD: list[Callable[[str, str, str, dict[str, Any]], Any]] = [build_unchecked]


def use_builder(build: Callable[[str, str, str, dict[str, Any]], Any]) -> None:
    \"\"\"Build (and check) every deployment with `build(operation, field, model, values)` from now on.\"\"\"
    _BUILD[0] = build


"""


HEADER = '''\
"""The conveniences around the operations. Written by openapi/codegen/generate.py; do not edit.

`SyncConveniences` / `AsyncConveniences` (existence checks, standalone waits, idempotent creates)
are extended by the clients of the `pinecone_control` package, which build each convenience's
program once (`_convenience`) and run it (`_run`).
The deployment builders build their model; the package installs its checks (`use_builder`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Never, cast

import httpx

from ._facade import NOT_GIVEN, CallOptions, NotGiven

'''


def _used(signatures: str) -> set[str]:
    """The models named by annotations in `signatures` (defaults and `httpx.` types left out)."""
    text = re.sub(r"httpx\.\w+|=[^,)]*", "", signatures)
    return set(_CLASS.findall(text)) - _BUILTIN_TYPES - {"NotGiven", "CallOptions", "Never", "NOT_GIVEN"}


@dataclass
class Surface:
    """What `_surface.py` and `_exports.py` are rendered from, worked out once."""

    methods: list[tuple[str, str]]  # (sync, async) source of each convenience
    built: list[str]  # source of each builder
    builders: list[str]  # their names
    ensures: dict[str, str]  # create -> its `ensure_*`
    imported: list[str]  # models the conveniences and builders name (for `_surface.py`'s imports)
    models: list[str]  # every model re-exported: the facade's, these, and the status enums


def plan(
    ops: list[OperationMeta], facade: str, status_enums: list[str], model_fields: dict[str, dict[str, str]]
) -> Surface:
    """`facade` is the rendered `_facade.py` (its models are re-exported too); `status_enums` the enums
    of the resources' states (`exports_module.status_enums`), re-exported because code compares states
    with them; `model_fields` each model's field types (`ensure_*` also takes what a describe shows for
    a field: `spec=described.spec`)."""
    from .facade_module import params_of

    found = resources(ops)
    methods: list[tuple[str, str]] = []
    for r in found:
        methods.append((_has(r, False), _has(r, True)))
        for goal in r.goals:
            methods.append((_wait(r, goal, False), _wait(r, goal, True)))
        for create in r.creates:
            params = _accepting_described(params_of(create), model_fields.get(r.model, {}))
            methods.append((_ensure(r, create, params, False), _ensure(r, create, params, True)))
    found_builders = builders(ops, found)
    built = [_builder(b) for b in found_builders]
    signatures = "".join(m.split('"""', 1)[0] for pair in methods for m in pair)
    signatures += "".join(b.split('"""', 1)[0] for b in built)
    imported = sorted(_used(signatures))
    in_facade = re.findall(r"^    from \.models import (\w+)$", facade, flags=re.MULTILINE)
    return Surface(
        methods=methods,
        built=built,
        builders=[b.name for b in found_builders],
        ensures={c.python_name: "ensure_" + c.python_name.removeprefix("create_") for r in found for c in r.creates},
        imported=imported,
        models=sorted(set(in_facade) | set(imported) | set(status_enums)),
    )


def render(surface: Surface) -> str:
    """`_surface.py`."""
    imports = "".join(f"    from .models import {name}\n" for name in surface.imported)
    type_checking = f"if TYPE_CHECKING:\n{imports}\n\n" if imports else ""
    core = (
        "    def _convenience(\n        self, method: str, action: str, operation: str, arguments: dict[str, Any], "
        "options: CallOptions, apply: bool = False\n    ) -> Any:\n        raise NotImplementedError\n\n"
        "    {head} _run(self, program: Any) -> Any:\n        raise NotImplementedError\n\n"
    )
    return (
        HEADER
        + type_checking
        + "class SyncConveniences:\n"
        + '    """Existence checks, standalone waits and idempotent creates, for every resource."""\n\n'
        + core.format(head="def")
        + "\n".join(pair[0] for pair in surface.methods)
        + '\n\nclass AsyncConveniences:\n    """The coroutine twins of `SyncConveniences`."""\n\n'
        + core.format(head="async def")
        + "\n".join(pair[1] for pair in surface.methods)
        + _BUILDING
        + "\n\n".join(surface.built)
        + f"\n\nENSURES: dict[str, str] = {surface.ensures!r}\n"
        + '"""Each create that has an `ensure_*` twin, and that method\'s name (for its messages)."""\n'
        + f"\nBUILDERS: tuple[str, ...] = {tuple(surface.builders)!r}\n"
        + '"""The deployment builders above, re-exported by the `pinecone_control` package."""\n\n'
        + f"MODELS: tuple[str, ...] = {tuple(surface.models)!r}\n"
        + '"""The models the public methods and builders name, and the status enums, re-exported likewise\n'
        + '(`_exports.py`)."""\n'
    )


def render_exports(surface: Surface) -> str:
    """The models and builders the public surface names, imported for real: what the
    `pinecone_control` package re-exports as the generated part of its surface (for type checkers
    and docs; at run time the package resolves the same names lazily)."""
    lines = "".join(f"from .models import {name} as {name}\n" for name in surface.models)
    lines += "".join(f"from ._surface import {name} as {name}\n" for name in surface.builders)
    listing = "".join(f"    {name!r},\n" for name in sorted([*surface.models, *surface.builders]))
    return (
        '"""The models and builders the public surface names, re-exported by the `pinecone_control`\n'
        'package. Written by openapi/codegen/generate.py; do not edit."""\n\n' + lines + f"\n__all__ = [\n{listing}]\n"
    )
