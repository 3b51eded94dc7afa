"""Idempotent provisioning: `ensure_index` / `ensure_collection` as one program for both clients.

Describe first; create when missing; when it exists, compare what was asked for with what the
description shows and return it, raise `ConfigurationDriftError`, or (with `apply`) change what the
spec's configure operation can change. A create whose outcome is unknown (5xx, read timeout,
dropped connection) is settled by describing: there and matching means it went through; a 404
means it did not, and it is sent again. A 409 (someone created it meanwhile) is compared too.
A resource found Terminating is gone soon, so it is waited out and then created; one in a failure
state (InitializationFailed) raises: neither is ever returned as provisioned.

Everything about operations and fields comes from the generated tables: the describe and configure
operations from `WAIT_TARGETS`, the changeable fields from the configure body, the defaults from
the create body's `server_default`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pinecone_control_api._facade import WAIT_TARGETS
from pinecone_control_api._operations import BY_NAME as SPEC
from pinecone_control_api._surface import ENSURES

from . import _calls as ops
from . import _flows as flows
from . import _paths as paths
from . import _waiting as waiting
from ._config import ClientOptions
from ._effects import Program, Sleep
from ._errors import (
    APIConnectionError,
    ClientValidationError,
    ConfigurationDriftError,
    ConflictError,
    Difference,
    IndexInitializationFailedError,
    InternalServerError,
    UnexpectedTerminationError,
    WaitTimeoutError,
)
from ._logging import logger
from ._validation import finite_or_none
from ._waiting import GONE, ProgressCallback, Seen

_NOT_SHOWN = object()  # the described model has no such field: nothing to compare
# After a wait for a Terminating resource used up wait_timeout: one last look before WaitTimeoutError.
_LAST_LOOK = 0.001
_OMITTED = object()  # the model has the field, the answer left it out: the spec's default applies


def ensure(
    options: ClientOptions,
    create: str,
    arguments: Mapping[str, Any],
    *,
    apply: bool = False,
    wait_timeout: float | None = 0,
    on_progress: ProgressCallback | None = None,
) -> Program[Any]:
    """The resource `create` makes, made if missing, checked against `arguments` if not."""
    seconds = finite_or_none(wait_timeout, "wait_timeout")
    call = ops.build_call(create, arguments)  # every check before anything is sent
    target = WAIT_TARGETS[create]
    keys = flows._keys(target, call, None)
    if keys is None:
        raise ClientValidationError(f"{_verb(create)}: the request does not name what it creates")
    kind, name = target.kind, str(call.resource)
    seen = yield from flows._describe_or_gone(target.describe, keys, options, None)
    if waiting.state_of(seen) == waiting.TERMINATING:  # gone soon: wait for the name, then create
        start = options.now()
        seen = yield from _outlast(create, kind, name, target.describe, keys, seconds, options, on_progress)
        if seconds is not None and flows._wants_wait(seconds):  # one wait_timeout for both waits
            seconds = max(seconds - (options.now() - start), _LAST_LOOK)
    created = False
    if seen is GONE:
        seen, created = yield from _create(call, target.describe, keys, options)
    if not created:
        _refuse_dying(create, kind, name, seen)
        differences = compare(create, call.body or {}, seen)
        if differences:
            configure = _configure_of(target.describe)
            if not apply or configure is None or not all(d.changeable for d in differences):
                raise _drift(create, kind, name, differences, seen, apply)
            changes = {d.field: d.wanted for d in differences}
            logger.info("%s: %s %r differs in %s; configuring", _verb(create), kind, name, ", ".join(changes))
            path = {
                f"path:{p.name}": keys[f"path:{p.name}"] for p in SPEC[configure].parameters if p.location == "path"
            }
            return (yield from flows.invoke(options, configure, {**path, **changes}, seconds, on_progress))
    if flows._wants_wait(seconds) and not waiting.is_ready(seen):
        goal = waiting.ready(kind)
        seen = yield from flows._wait(goal, target.describe, keys, seconds, options, on_progress)
    return seen


def _outlast(
    create: str,
    kind: str,
    name: str,
    describe: str,
    keys: Mapping[str, Any],
    seconds: float | None,
    options: ClientOptions,
    on_progress: ProgressCallback | None,
) -> Program[Seen]:
    """Poll a Terminating resource until its name is free (GONE, or a new resource someone else
    made). The deadline is `wait_timeout` when the call waits; with 0 it is the call's
    `total_timeout` (None: none), since returning a resource about to vanish is never an answer."""
    budget = seconds if flows._wants_wait(seconds) else options.total_timeout
    logger.info("%s: %s %r is Terminating; waiting for it to be gone, then creating it", _verb(create), kind, name)
    try:
        seen: Seen = yield from flows._wait(waiting.freed(kind), describe, keys, budget, options, on_progress)
    except WaitTimeoutError as exc:
        which = "wait_timeout" if flows._wants_wait(seconds) else "the call's total_timeout, as wait_timeout is 0"
        raise WaitTimeoutError(
            f"{_verb(create)}: {kind} {name!r} is still Terminating after {budget}s ({which}), so its name is "
            "not free to create it again; give it a longer wait_timeout, or run it again later",
            name=name,
            last=exc.last,
        ) from exc
    return seen


def _refuse_dying(create: str, kind: str, name: str, seen: Seen) -> None:
    """An existing resource that will never be ready is no answer to `ensure_*`: a failure state
    (the waits' table), or Terminating when it was deleted again while this call created it."""
    state = waiting.state_of(seen)
    if state in waiting.FAILED_STATES:
        raise IndexInitializationFailedError(
            f"{_verb(create)}: {kind} {name!r} exists but is {state}: it will never be ready; delete it, then "
            "ensure it again",
            name=name,
            last=seen,
        )
    if state == waiting.TERMINATING:
        raise UnexpectedTerminationError(
            f"{_verb(create)}: {kind} {name!r} is Terminating: it was deleted while this call created it; "
            "run it again once it is gone",
            name=name,
            last=seen,
        )


def _create(
    call: ops.Call[Any], describe: str, keys: Mapping[str, Any], options: ClientOptions
) -> Program[tuple[Seen, bool]]:
    """Send the create; (the model, True) when this call made it, (the model, False) when the
    resource turned out to exist (a 409, or a lost answer settled by describing)."""
    attempts = 1 + options.retry.max_retries
    for attempt in range(1, attempts + 1):
        settled: list[Seen] = []
        try:
            answer = yield from flows.request(call, options, settle=_settler(describe, keys, options, settled))
        except ConflictError:
            seen = yield from flows._describe_or_gone(describe, keys, options, None)
            if seen is GONE:
                raise  # created and deleted again meanwhile: report the conflict as it was
            return seen, False
        except (InternalServerError, APIConnectionError):
            if settled != [GONE] or attempt == attempts:
                raise  # not settled (e.g. never sent), or out of attempts
            logger.info(
                "%s: describing found no %r: the create did not happen; sending it again", describe, call.resource
            )
            yield Sleep(options.retry.backoff(attempt, options.random()))
            continue
        if answer is None:  # settled: the create went through though its answer was lost
            return settled[-1], False
        return answer, True
    raise AssertionError("unreachable: the last attempt returns or raises")


def _settler(
    describe: str, keys: Mapping[str, Any], options: ClientOptions, seen: list[Seen]
) -> Callable[[], Program[bool]]:
    """Settles a create whose answer was lost by describing; what it saw goes into `seen`."""

    def settle() -> Program[bool]:
        found = yield from flows._describe_or_gone(describe, keys, options, None)
        seen.append(found)
        return found is not GONE

    return settle


def compare(create: str, body: Mapping[str, Any], seen: Any) -> list[Difference]:
    """Every field asked for (and every top-level field left out whose spec states a server
    default) that the described model shows with another value. Fields the model does not have
    (a collection's `source`) cannot be compared and are skipped; nested fields left out are not
    compared either, since the server derives some of them (`pods` from replicas and shards). A
    field the description omits has the spec's server default, as one the request omits does."""
    defaults = {f.path: f.server_default for f in SPEC[create].body_fields if f.server_default is not None}
    wanted = dict(paths.leaves(body))
    for path, default in defaults.items():
        if "." not in path and path not in wanted:
            wanted[path] = default
    changeable = _changeable(create)
    out = []
    for path, value in wanted.items():
        actual = _shown(seen, path)
        if actual is _OMITTED:
            actual = defaults.get(path)
        if actual is not _NOT_SHOWN and actual != value:
            out.append(Difference(path, value, actual, path in changeable))
    return out


def _shown(model: Any, path: str) -> Any:
    """The value at `path` as JSON data; `_OMITTED` when the model has the field but the answer
    left it out; None when the object holding it is absent (a serverless index asked to be a pod
    one: no default applies); `_NOT_SHOWN` when the model has no such field at all."""
    node = model
    for part in path.split("."):
        if node is None or node is _OMITTED:
            return None  # what holds it is absent: no default applies
        if isinstance(node, Mapping):
            node = node.get(part)
            continue
        if not hasattr(type(node), "__attrs_attrs__") or part not in {a.name for a in type(node).__attrs_attrs__}:
            return _NOT_SHOWN
        node = getattr(node, part)
        if type(node).__name__ == "Unset":
            node = _OMITTED
    if node is _OMITTED:
        return node
    return ops.plain(node)


def _configure_of(describe: str) -> str | None:
    """The operation whose changes `describe` shows (configure_index for describe_index)."""
    return next((n for n, t in WAIT_TARGETS.items() if t.describe == describe and t.goal == "configured"), None)


def _changeable(create: str) -> frozenset[str]:
    """Body paths the configure operation sets, as the spec's configure body says."""
    configure = _configure_of(WAIT_TARGETS[create].describe)
    if configure is None:
        return frozenset()
    fields = SPEC[configure].body_fields
    return frozenset(f.path for f in fields if not any(o.path.startswith(f.path + ".") for o in fields))


def _verb(create: str) -> str:
    """The `ensure_*` method of `create`, for messages (named by the generated surface)."""
    return ENSURES.get(create, create)


def _drift(
    create: str, kind: str, name: str, differences: list[Difference], seen: Any, apply: bool
) -> ConfigurationDriftError:
    listed = "; ".join(f"{d.field}: wanted {d.wanted!r}, is {d.actual!r}" for d in differences)
    fixed = [d.field for d in differences if not d.changeable]
    if apply:
        hint = f"{', '.join(fixed)} cannot be changed in place; delete and re-create it, or ask for what it has"
    elif len(fixed) < len(differences):
        hint = "apply=True changes " + ", ".join(d.field for d in differences if d.changeable)
        hint += f"; {', '.join(fixed)} cannot be changed in place" if fixed else ""
    else:
        hint = "none of this can be changed in place; delete and re-create it, or ask for what it has"
    return ConfigurationDriftError(
        f"{_verb(create)}: {kind} {name!r} exists with another configuration ({listed}) -- {hint}",
        name=name,
        differences=tuple(differences),
        current=seen,
    )
