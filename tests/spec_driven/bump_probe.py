"""Run in a scratch copy after a bump, with the scratch `overlay/` and `generated/` first on the path:
does the unchanged overlay expose what the new spec adds, and do the new operations work?

    python bump_probe.py PINNED_OPERATIONS.json PRISM_URL [MUST_CALL.json]  ->  a JSON report on stdout

Every operation must be a method of both clients, every request field reachable from a parameter;
each operation the pinned version lacks, and each one MUST_CALL names (the version's inference
operations, which the pinned version may share: `embed`), is called (sync and async) against
`prism mock` of the new spec with arguments made from the spec's own tables, and must return its
typed model. Every generated deployment builder is called, and every wait target must have its
standalone wait on both clients.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import re
import sys
from pathlib import Path
from typing import Any

import pinecone_control as pc
import pinecone_control_api
import pinecone_control_api.models as models
from codegen import coverage
from pinecone_control_api._operations import BY_NAME as SPEC
from pinecone_control_api._operations import OPERATIONS, Field, Operation


def invoked_sources() -> dict[str, dict[str, str]]:
    return coverage.invoked_sources(Path(pinecone_control_api.__file__).parent / "_facade.py")


def unreachable(op: Operation, sources: dict[str, str]) -> list[str]:
    return coverage.unreachable(op, sources)


def example(op: Operation, path: str) -> Any:
    """A value the spec's table for `path` accepts (the first enum value, the minimum, a name)."""
    fields = {f.path: f for f in op.body_fields}
    field = fields[path]
    return _value(fields, field)


def _value(fields: dict[str, Field], field: Field) -> Any:
    if field.enum:
        return field.enum[0]
    kind = field.type
    if kind == "integer":
        return int(field.minimum) if field.minimum is not None else 1
    if kind == "number":
        return float(field.minimum) if field.minimum is not None else 1.0
    if kind == "boolean":
        return True
    if kind == "array":
        items = fields.get(f"{field.path}[]")
        return [] if items is None else [_value(fields, items)]
    if kind == "object" or any(f.path.startswith(field.path + ".") for f in fields.values()):
        if f"{field.path}.*" in fields:
            return {"example": _value(fields, fields[f"{field.path}.*"])}
        if field.one_of_required:
            names = field.one_of_required[0]
        else:
            names = tuple(
                f.name
                for f in fields.values()
                if f.required and f.path == f"{field.path}.{f.name}" and f.name not in {"*", "<key>", "[]"}
            )
        return {name: _value(fields, fields[f"{field.path}.{name}"]) for name in names}
    text = "example-1"
    if field.min_length is not None and len(text) < field.min_length:
        text = text.ljust(field.min_length, "x")
    return text


def _parameter_value(parameter: Field) -> Any:
    if parameter.enum:
        return parameter.enum[0]
    if parameter.type == "integer":
        return int(parameter.minimum) if parameter.minimum is not None else 1
    return "example-1"


def arguments(op: Operation, sources: dict[str, str]) -> dict[str, Any]:
    """Keyword arguments for the method: every required parameter, from the tables."""
    by_source = {f"{p.location}:{p.name}": p for p in op.parameters}
    out: dict[str, Any] = {}
    signature = inspect.signature(getattr(pc.Client, op.python_name))
    for source, name in sources.items():
        parameter = signature.parameters[name]
        if parameter.default is not inspect.Parameter.empty:
            continue  # optional: not sent
        out[name] = _parameter_value(by_source[source]) if source in by_source else example(op, source)
    return out


def expected_type(op: Operation) -> type[Any] | None:
    model = next((r.model for r in op.responses if 200 <= r.status < 300 and r.model), None)
    return None if model is None else getattr(models, model)


def call(op: Operation, sources: dict[str, str], url: str) -> dict[str, Any]:
    kwargs = arguments(op, sources)
    wanted = expected_type(op)
    outcome: dict[str, Any] = {"operation": op.python_name, "arguments": sorted(kwargs)}
    options: dict[str, Any] = {"api_key": "probe-key", "host": url, "max_retries": 0}
    try:
        with pc.Client(**options) as client:
            result = getattr(client, op.python_name)(**kwargs)

        async def run() -> Any:
            async with pc.AsyncClient(**options) as client:
                return await getattr(client, op.python_name)(**kwargs)

        async_result = asyncio.run(run())
    except Exception as exc:  # the report says what failed; the test asserts on it
        outcome["error"] = f"{type(exc).__name__}: {exc}"
        return outcome
    for got in (result, async_result):
        if (wanted is None and got is not None) or (wanted is not None and not isinstance(got, wanted)):
            outcome["error"] = f"returned {type(got).__name__}, expected {getattr(wanted, '__name__', None)}"
        elif got is not None:
            try:  # typed all the way down: a nested part left as a dict has no `to_dict`
                got.to_dict()
            except Exception as exc:
                outcome["error"] = f"the result does not round-trip: {type(exc).__name__}: {exc}"
    outcome["returned"] = type(result).__name__
    return outcome


def builders() -> dict[str, str]:
    """Every generated deployment builder, called through `pinecone_control` (so with its checks)
    with values from the spec's tables: the name, and what it built or why it failed. What a
    builder builds, and where each parameter goes, is read from its generated body."""
    from pinecone_control_api import _surface

    out: dict[str, str] = {}
    for name in _surface.BUILDERS:
        builder = getattr(pc, name)
        body = _compact(builder)
        target = re.search(r"_BUILD\[0\]\('(\w+)','([\w.]+)'", body)
        assert target is not None, f"{name} does not build through _BUILD"
        fields = {f.path: f for f in SPEC[target.group(1)].body_fields}
        kwargs: dict[str, Any] = {}
        for parameter in inspect.signature(builder).parameters.values():
            where = re.search(rf"'([\w.]+)':{parameter.name}[,}}]", body)
            if parameter.default is inspect.Parameter.empty and where is not None:
                kwargs[parameter.name] = _value(fields, fields[f"{target.group(2)}.{where.group(1)}"])
        try:
            out[name] = type(builder(**kwargs)).__name__
        except Exception as exc:
            out[name] = f"error: {type(exc).__name__}: {exc}"
    return out


def _compact(function: Any) -> str:
    return inspect.getsource(function).replace('"', "'").replace("\n", "").replace(" ", "")


def waits_without_method() -> list[str]:
    """Each wait target's standalone wait (`wait:<goal>` on its describe) must be a method of both
    clients: read from the generated methods' bodies, not from a naming rule."""
    from pinecone_control_api._facade import WAIT_TARGETS

    wanted = {(t.describe, t.goal) for t in WAIT_TARGETS.values() if t.goal in {"ready", "deleted"}}
    missing = []
    for cls in (pc.Client, pc.AsyncClient):
        found = set()
        for name in dir(cls):
            member = getattr(cls, name)
            if name.startswith("wait_for_") and callable(member):
                compact = _compact(member)
                found |= {(d, g) for d, g in wanted if f"'wait:{g}','{d}'" in compact}
        missing += [f"{cls.__name__}: {d} {g}" for d, g in sorted(wanted - found)]
    return missing


def main() -> int:
    pinned = set(json.loads(Path(sys.argv[1]).read_text()))
    url = sys.argv[2]
    must_call = set(json.loads(Path(sys.argv[3]).read_text())) if len(sys.argv) > 3 else set()
    sources = invoked_sources()
    report: dict[str, Any] = {
        "operations": [op.python_name for op in OPERATIONS],
        "added": sorted({op.python_name for op in OPERATIONS} - pinned),
        "not_methods": [
            f"{cls.__name__}.{op.python_name}"
            for cls in (pc.Client, pc.AsyncClient)
            for op in OPERATIONS
            if not callable(getattr(cls, op.python_name, None))
        ],
        "unreachable": {op.python_name: unreachable(op, sources[op.python_name]) for op in OPERATIONS},
        "builders": builders(),
        "waits_without_method": waits_without_method(),
        "calls": [
            call(op, sources[op.python_name], url)
            for op in OPERATIONS
            if op.python_name not in pinned or op.python_name in must_call
        ],
    }
    report["unreachable"] = {k: v for k, v in report["unreachable"].items() if v}
    json.dump(report, sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
