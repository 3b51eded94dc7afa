"""The request route against the one it replaced (issue 23), on whichever generated package is first
on the path.

Before, a request went: arguments -> JSON body -> the spec checks -> the generated body model
(`from_dict`) -> the generated endpoint module's `_get_kwargs` (URL templating and quoting, query
parameters, `to_dict`) -> JSON bytes. Now `_calls.build_call` builds it from the operation table and
encodes the checked body once. For argument sets drawn from the spec (valid bodies from its schema,
then broken: a stated rule broken, a hostile value anywhere (a `str` or `int` subclass, a bool, NaN,
bytes, a lone surrogate, a list for a string...), a key dropped or added, objects given whole, as
leaves or as generated models, builder results and builder results changed afterwards, path
segments with `/`, `?`, `%`, spaces and `..`, query values of every type), both routes must send
the same method, URL (path and query), headers and body bytes, or both refuse, the new one with a
`ClientValidationError`. The one refusal only the new route makes is a query value the spec's
schema refuses (`broken_query`, judged by `jsonschema`): the old route sent query values as given.

Run in process for the pinned version (test_request_route.py), and in a scratch copy for each later
pinned version, its generated package first on the path:

    python -m tests.spec_driven.request_route VERSION EXAMPLES REPORT.json
"""

from __future__ import annotations

import copy
import importlib
import json
import math
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlencode

import attrs
import pinecone_control as pc
import pinecone_control_api.models as models
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from pinecone_control import _calls as ops
from pinecone_control import _schema_checks as schema
from pinecone_control._encoding import encode_body
from pinecone_control._errors import ClientValidationError
from pinecone_control._paths import leaves, put
from pinecone_control_api._operations import BY_NAME, Field, Operation
from pinecone_control_api.types import UNSET

from .checks import ends_in_newline, inject
from .expectations import JSON, bad_values, body_schema, to_json_schema


class Sent(NamedTuple):
    method: str
    url: str
    headers: dict[str, str]
    content: bytes | None


def reference(name: str, arguments: Mapping[str, Any]) -> Sent:
    """The route before issue 23, step by step as `_calls.build_call` and `_flows.request` ran it
    (commit 376534d): the same assembly and checks, then `from_dict`, `_get_kwargs` and json."""
    spec = BY_NAME[name]
    fields = {f.path: f for f in spec.body_fields}
    path: dict[str, Any] = {}
    query: dict[str, Any] = {}
    body: dict[str, Any] = {}
    for source, value in arguments.items():
        if value is None:
            continue
        where, _, key = source.partition(":")
        if where == "path" and key:
            path[key] = value
        elif where in {"query", "header"} and key:
            query[key] = value
        else:
            put(body, source, ops._json(fields, source, value))
    sends_body = spec.body_model is not None and (bool(body) or spec.body_required)
    if spec.body_model is not None and spec.method == "PATCH" and not body:
        raise ClientValidationError(f"{name} changes nothing")
    schema.check_request(spec, path, body if sends_body else None)
    python_names = {p.name: p.python_name for p in spec.parameters}
    kwargs = {python_names.get(key, key): value for key, value in {**path, **query}.items()}
    if spec.body_model is not None:
        if not sends_body:
            if spec.body_required:
                kwargs["body"] = None
        else:
            try:
                kwargs["body"] = getattr(models, spec.body_model).from_dict(body)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise ClientValidationError(f"{name}: the request body is not valid: {exc}") from exc
    built = importlib.import_module(spec.module)._get_kwargs(**kwargs)
    url = str(built["url"])
    if built.get("params"):
        url += "?" + urlencode(built["params"])
    content = encode_body(built.get("json"), name)
    return Sent(str(built["method"]).upper(), url, dict(built.get("headers") or {}), content)


def current(name: str, arguments: Mapping[str, Any]) -> Sent:
    """The route now: the request `build_call` builds, as `_flows.request` sends it."""
    request = ops.build_call(name, arguments).request
    return Sent(request.method, request.target, dict(request.headers), request.content)


def outcome(route: Callable[[str, Mapping[str, Any]], Sent], name: str, arguments: Mapping[str, Any]) -> Any:
    try:
        return route(name, arguments)
    except Exception as exc:  # what each route refuses with is compared by the caller
        return exc


class Verdict(NamedTuple):
    problem: str | None  # None: the routes agree
    after: Any  # what the new route gave: a `Sent` or the exception it raised
    dropped: list[str]  # keys the old route dropped inside a union (see `dropped_by_a_union`)
    query_refused: tuple[str, ...] = ()  # query parameters the old route sent and the new one refused


def difference(name: str, arguments: Mapping[str, Any], rules: Mapping[str, JSON] | None = None) -> Verdict:
    """`rules`: the spec's schema of each query parameter, by name (`query_rules`)."""
    before = outcome(reference, name, arguments)
    after = outcome(current, name, arguments)
    if isinstance(before, Sent):
        if after == before:
            return Verdict(None, after, [])
        broken = broken_query(rules or {}, arguments)
        named = {p.name: p.python_name for p in BY_NAME[name].parameters}
        said = str(after)
        if isinstance(after, ClientValidationError) and any(k in said or named.get(k, k) in said for k in broken):
            return Verdict(None, after, [], tuple(broken))  # the old route sent query values as given
        dropped = dropped_by_a_union(name, before, after) if isinstance(after, Sent) else []
        if dropped:
            return Verdict(None, after, dropped)
        shown = f"{type(after).__name__}: {after}" if isinstance(after, Exception) else after
        return Verdict(f"{name}{arguments!r}: the old route sent {before}, the new one {shown}", after, [])
    if not isinstance(after, ClientValidationError):
        found = f"the old route refused ({type(before).__name__}: {before}), the new one gave {after!r}"
        return Verdict(f"{name}{arguments!r}: {found}", after, [])
    return Verdict(None, after, [])


def query_rules(spec_op: JSON | None) -> dict[str, JSON]:
    """The schema of each query parameter of the spec's operation, by name."""
    parameters = (spec_op or {}).get("parameters") or []
    return {p["name"]: p.get("schema") or {} for p in parameters if p.get("in") == "query"}


_PYTHON_TYPES: dict[str, tuple[type, ...]] = {"integer": (int,), "number": (int, float), "string": (str,)}


def broken_query(rules: Mapping[str, JSON], arguments: Mapping[str, Any]) -> list[str]:
    """The query parameters given a value the spec's schema refuses, judged by `jsonschema` (not by
    the checks under test), or of another Python type than the schema's (a subclass, a float for an
    integer, a bool): the values the new route must refuse and the old one sent as given."""
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

    found = []
    for source, value in arguments.items():
        where, _, key = source.partition(":")
        if where != "query" or value is None or key not in rules:
            continue
        rule = rules[key]
        exact = _PYTHON_TYPES.get(str(rule.get("type")), (type(value),))
        plain = type(value) in exact and not (type(value) is float and not math.isfinite(value))
        if not plain or not Draft202012Validator(rule).is_valid(value):
            found.append(key)
    return found


def dropped_by_a_union(name: str, before: Sent, after: Sent) -> list[str]:
    """The one way the routes may differ: keys inside a union (2025-10's `read_capacity`: on-demand
    | dedicated) that the old route dropped, because the generated union parser tried a closed
    branch first and that branch's `from_dict` ignores keys it does not know (it turned
    `{"mode": "Dedicated", "dedicated": {...}}` into `{"mode": "Dedicated"}`). The new route sends
    what the caller gave. Returns those keys' paths when that is the whole difference, else []."""
    if before[:3] != after[:3] or before.content is None or after.content is None:
        return []
    old, new = json.loads(before.content), json.loads(after.content)
    unions = [f.path for f in BY_NAME[name].body_fields if " | " in f.python_type]
    found: list[tuple[str, str]] = []  # (sent path, table path)

    def pruned(new_value: Any, old_value: Any, shown: str, table: str) -> Any:
        if isinstance(new_value, dict) and isinstance(old_value, dict):
            out = {}
            for key, item in new_value.items():
                where, inner = (f"{shown}.{key}", f"{table}.{key}") if shown else (key, key)
                if key in old_value:
                    out[key] = pruned(item, old_value[key], where, inner)
                else:
                    found.append((where, inner))
            return out
        if isinstance(new_value, list) and isinstance(old_value, list) and len(new_value) == len(old_value):
            pairs = enumerate(zip(new_value, old_value, strict=True))
            return [pruned(a, b, f"{shown}[{i}]", f"{table}[]") for i, (a, b) in pairs]
        return new_value

    kept = pruned(new, old, "", "")
    same = encode_body(kept, name) == before.content
    inside = all(any(table.startswith(union + ".") for union in unions) for _, table in found)
    return [where for where, _ in found] if found and same and inside else []


# --- Argument sets ----------------------------------------------------------------------------


class Text(str):
    """A `str` subclass: `isinstance` says string, the generated `from_dict` said no."""

    def __repr__(self) -> str:
        return f"Text({str(self)!r})"


class Count(int):
    """An `int` subclass, likewise."""

    def __repr__(self) -> str:
        return f"Count({int(self)})"


class Colour(Enum):
    RED = "red"


HOSTILE: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**65), max_value=2**65),
    st.floats(),
    st.text(max_size=6),
    st.builds(Text, st.sampled_from(["movies", "aws", "cosine", "enabled", "p1.x1", "x"])),
    st.builds(Count, st.integers(min_value=-2, max_value=3)),
    st.sampled_from([b"bytes", frozenset({1}), ("tuple",), "\udc80", Colour.RED, float("nan"), 10**30]),
    st.builds(list),
    st.builds(dict),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers() | st.text(max_size=3), max_size=2),
)
SEGMENTS = st.sampled_from(["movies", "a/b", "a?b=c", "a#b", "%2F", "a b", "é", "..", ".", "", "-", "a" * 46])


def path_values(field: Field) -> st.SearchStrategy[Any]:
    named = st.from_regex(field.pattern, fullmatch=True) if field.pattern else st.text(max_size=10)
    return _mostly(named, st.one_of(SEGMENTS, st.text(max_size=8), HOSTILE))


def _mostly(usual: st.SearchStrategy[Any], odd: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """`usual` two times in three, else `odd`."""
    return st.integers(min_value=0, max_value=2).flatmap(lambda n: odd if n == 0 else usual)


def query_values(field: Field) -> st.SearchStrategy[Any]:
    return _mostly(st.none() | st.integers(min_value=1, max_value=100) | st.text(max_size=8), HOSTILE)


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for item in node.values():
            yield from _objects(item)
    elif isinstance(node, list):
        for item in node:
            yield from _objects(item)


def _scalars(node: Any) -> Iterator[tuple[Any, Any]]:
    """(container, key or index) of every string and number in `node`."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, item in items:
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            yield node, key
        else:
            yield from _scalars(item)


def _retyped(value: Any) -> Any:
    """An equal value of another type: what `isinstance` lets through and `from_dict` did not."""
    if isinstance(value, str):
        return Text(value)
    if isinstance(value, int):
        return Count(value) if value % 2 else float(value)
    return int(value) if value.is_integer() else Count(1)


@st.composite
def broken(draw: st.DrawFn, base: Any, op: Operation) -> Any:
    """`base` with up to three things done to it: a stated rule broken, a hostile value put at a
    table path, a key dropped, a key added, a string or number turned into an equal one of another
    type (a `str` or `int` subclass, `2.0` for `2`)."""
    body = copy.deepcopy(base)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        how = draw(st.sampled_from(["rule", "hostile", "drop", "add", "retype", "retype"]))
        if how == "retype":
            scalars = list(_scalars(body))
            if scalars:
                node, key = draw(st.sampled_from(scalars))
                node[key] = _retyped(node[key])
            continue
        if how in {"rule", "hostile"} and op.body_fields:
            field = draw(st.sampled_from(op.body_fields))
            rules = bad_values(field)
            if how == "rule" and rules:
                strategy, _ = draw(st.sampled_from(rules))
                inject(body, field.path, draw(strategy))
            else:
                inject(body, field.path, draw(HOSTILE))
        elif how == "drop":
            objects = [node for node in _objects(body) if node]
            if objects:
                node = draw(st.sampled_from(objects))
                del node[draw(st.sampled_from(sorted(node, key=str)))]
        elif how == "add":
            objects = list(_objects(body))
            if objects:
                names = sorted({f.name for f in op.body_fields if f.name not in {"[]", "*", "<key>"}})
                key = draw(st.sampled_from(names) | st.text(max_size=4)) if names else draw(st.text(max_size=4))
                draw(st.sampled_from(objects))[key] = draw(HOSTILE)
    return body


def _model_classes(python_type: str) -> list[type[Any]]:
    out = []
    for name in python_type.split(" | "):
        found = getattr(models, name.strip(), None)
        if isinstance(found, type) and attrs.has(found):
            out.append(found)
    return out


def _as_model(value: Any, python_type: str) -> Any:
    """`value` as a generated model of the field's type, when one takes it (else `value`)."""
    for cls in _model_classes(python_type):
        try:
            return cls.from_dict(value)
        except Exception:
            continue
    return value


@st.composite
def given_as(draw: st.DrawFn, op: Operation, body: Any) -> dict[str, Any]:
    """The body's top-level values as the facade passes them: whole, as leaves (`spec.pod.replicas`),
    as a generated model, as the bare branch model of an exactly-one-of object, or (a list of
    one-string objects) as plain strings."""
    fields = {f.path: f for f in op.body_fields}
    out: dict[str, Any] = {}
    for key, value in body.items():
        field = fields.get(key) if isinstance(key, str) else None
        how = draw(st.sampled_from(["whole", "leaves", "model", "branch", "strings"]))
        if how == "leaves" and isinstance(value, dict) and value:
            for path, leaf in leaves(value):
                out[f"{key}.{path}"] = leaf
        elif how == "model" and field is not None and isinstance(value, dict):
            out[key] = _as_model(value, field.python_type)
        elif how == "branch" and field is not None and field.one_of_required and isinstance(value, dict):
            (branch, inner), *rest = list(value.items()) or [(None, None)]
            child = fields.get(f"{key}.{branch}")
            out[key] = _as_model(inner, child.python_type) if child is not None and not rest else value
        elif how == "strings" and isinstance(value, list) and f"{key}[]" in fields:
            out[key] = [
                next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item for item in value
            ]
        else:
            out[key] = value
    return out


def _builders(op: Operation) -> list[tuple[str, str]]:
    """The generated deployment builders of `op`: (builder, body field)."""
    from pinecone_control_api import _surface

    out = []
    for name in _surface.BUILDERS:
        source = re.sub(r"\s", "", Path(_surface.__file__).read_text(encoding="utf-8"))
        found = re.search(rf"def{name}\(.*?_BUILD\[0\]\(['\"](\w+)['\"],['\"]([\w.]+)['\"]", source)
        if found is not None and found.group(1) == op.python_name:
            out.append((name, found.group(2)))
    return out


@st.composite
def built(draw: st.DrawFn, op: Operation, builder: str) -> Any:
    """A builder's result from drawn arguments (some hostile), maybe changed after it was built."""
    import inspect

    function = getattr(pc, builder)
    kwargs: dict[str, Any] = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.default is inspect.Parameter.empty or draw(st.booleans()):
            kwargs[parameter.name] = draw(
                st.one_of(st.sampled_from(["us-east-1", "aws", "gcp", "p1.x1", "e"]), st.integers(1, 4), HOSTILE)
            )
    try:
        model = function(**kwargs)
    except ClientValidationError:
        return None
    if draw(st.booleans()):  # changed after it was checked: the call must check it again
        node = model
        while True:
            names = [a.name for a in attrs.fields(type(node)) if a.name != "additional_properties"]
            set_names = [n for n in names if getattr(node, n) is not UNSET] or names
            name = draw(st.sampled_from(set_names))
            inner = getattr(node, name)
            if attrs.has(type(inner)) and draw(st.booleans()):
                node = inner
                continue
            setattr(node, name, draw(HOSTILE | st.integers(1, 3)))
            break
    return model


# --- The check --------------------------------------------------------------------------------

FUZZ = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)


class Tally(NamedTuple):
    sent: list[int]
    refused: list[int]
    dropped: list[int]  # of those sent, how many the old route sent with keys of a union dropped
    query_refused: set[str]  # the query parameters refused where the old route sent them


def check_operation(doc: JSON, spec_op: JSON | None, op: Operation, examples: int) -> Tally:
    """Runs the differential for one operation; raises AssertionError (hypothesis' falsifying
    example) on the first argument set the routes disagree on. Returns how many sets each route
    sent and refused, so a caller can tell the fuzz reached both."""
    tally = Tally([0], [0], [0], set())
    schema_of = body_schema(doc, spec_op) if spec_op is not None and op.body_model is not None else None
    bodies: st.SearchStrategy[Any] = st.just({})
    if schema_of is not None:
        bodies = from_schema(to_json_schema(doc, schema_of))
    builders = _builders(op)
    rules = query_rules(spec_op)

    @settings(FUZZ, max_examples=examples)
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        arguments: dict[str, Any] = {}
        for parameter in op.parameters:
            strategy = path_values(parameter) if parameter.location == "path" else query_values(parameter)
            if parameter.location == "path" or data.draw(st.booleans(), label="give " + parameter.name):
                arguments[f"{parameter.location}:{parameter.name}"] = data.draw(strategy, label=parameter.name)
        if op.body_model is not None:
            base = data.draw(bodies, label="body")
            assume(not ends_in_newline(base))
            body = data.draw(_mostly(st.just(base), broken(base, op)), label="body as given")
            if isinstance(body, dict):
                arguments.update(data.draw(given_as(op, body), label="given as"))
            if builders and data.draw(_mostly(st.just(False), st.just(True)), label="use a builder"):
                builder, field = data.draw(st.sampled_from(builders), label="builder")
                model = data.draw(built(op, builder), label="built")
                if model is not None:
                    arguments = {k: v for k, v in arguments.items() if k != field and not k.startswith(field + ".")}
                    arguments[field] = model
        frozen = repr(arguments)
        verdict = difference(op.python_name, arguments, rules)
        assert repr(arguments) == frozen, "a route changed its arguments"
        assert verdict.problem is None, verdict.problem
        (tally.sent if isinstance(verdict.after, Sent) else tally.refused)[0] += 1
        tally.dropped[0] += bool(verdict.dropped)
        tally.query_refused.update(verdict.query_refused)

    run()
    return tally


def query_probe(op: Operation, rules: Mapping[str, JSON]) -> list[str]:
    """The query parameters of `op` that the new route refuses, and the old one sent, when given a
    value of the wrong type (a number for a string, a string for a number), all else valid: one
    deterministic call each, so no parameter depends on the fuzz happening to break it."""
    from hypothesis import find

    def valid(parameter: Field) -> Callable[[Any], bool]:
        return lambda value: schema.value_violation(parameter, value) is None

    base: dict[str, Any] = {}
    for parameter in op.parameters:
        if parameter.location == "path":
            named = st.from_regex(parameter.pattern, fullmatch=True) if parameter.pattern else st.text(min_size=1)
            base[f"path:{parameter.name}"] = find(named, valid(parameter))
    refused = []
    for parameter in op.parameters:
        if parameter.location != "query" or parameter.name not in rules:
            continue
        wrong = 5 if rules[parameter.name].get("type") == "string" else "5"
        verdict = difference(op.python_name, {**base, f"query:{parameter.name}": wrong}, rules)
        if verdict.problem is None and verdict.query_refused == (parameter.name,):
            refused.append(parameter.name)
    return refused


def check_version(doc: JSON, examples: int) -> dict[str, Any]:
    """Every operation of the generated package first on the path, against `doc` (its normalised
    spec): {operation: {"sent": n, "refused": n} or {"failure": the falsifying example}}."""
    spec_ops = {op["operationId"]: op for item in doc["paths"].values() for op in item.values() if isinstance(op, dict)}
    report: dict[str, Any] = {}
    for op in BY_NAME.values():
        try:
            tally = check_operation(doc, spec_ops.get(op.operation_id), op, examples)
        except AssertionError as exc:
            report[op.python_name] = {"failure": str(exc)[:4000]}
            continue
        report[op.python_name] = {
            "sent": tally.sent[0],
            "refused": tally.refused[0],
            "dropped": tally.dropped[0],
            # What the checks can refuse: a body, a path or query parameter.
            "checked": op.body_model is not None or any(p.location in {"path", "query"} for p in op.parameters),
            "unions": any(" | " in f.python_type for f in op.body_fields),
            "query_refused": sorted(
                tally.query_refused | set(query_probe(op, query_rules(spec_ops.get(op.operation_id))))
            ),
            "query_parameters": sorted(p.name for p in op.parameters if p.location == "query"),
        }
    return report


def main() -> int:
    from codegen.normalise import load_spec, normalise
    from codegen.pin import known_versions
    from pinecone_control_api import _provenance

    version, examples, out = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    assert version == _provenance.API_VERSION, f"{_provenance.API_VERSION} is first on the path, not {version}"
    doc = normalise(load_spec(known_versions()[version].read_verified()))[0]
    out.write_text(json.dumps({"version": version, "operations": check_version(doc, examples)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
