"""The overlay's operation table agrees with the spec the package was generated from (its set, as one
document) and the generated endpoints."""

from __future__ import annotations

import inspect
from importlib import import_module

from codegen.normalise import load_spec
from codegen.pin import known_versions
from codegen.walk import operations
from pinecone_control._calls import OPERATIONS
from pinecone_control_api import _provenance
from pinecone_control_api._operations import BY_NAME as SPEC_TABLE

SPEC = load_spec(known_versions()[_provenance.API_VERSION].read_verified())
BY_ID = {op["operationId"]: (method, path, op) for path, method, op in operations(SPEC)}


def test_every_spec_operation_is_covered_once() -> None:
    assert sorted(op.name for op in OPERATIONS) == sorted(BY_ID)


def test_success_statuses_match_the_spec() -> None:
    for op in OPERATIONS:
        _method, _path, spec_op = BY_ID[op.name]
        documented = {int(code) for code in spec_op["responses"] if str(code).startswith("2")}
        assert op.success == documented, op.name
        has_body = any("content" in spec_op["responses"][str(code)] for code in documented)
        assert (op.parse is not None) == has_body, op.name


def test_creates_and_deletes_are_unsafe_to_resend() -> None:
    """The rule, from the spec: a POST answering 201 or 202 (it creates something, at once or as a
    job: 2025-04's `create_index_from_backup_operation`) or a DELETE may have acted when its answer
    is lost, so it is resent only when it never left; GET, PATCH and a POST answering only 200
    (embed computes, creates nothing) are safe."""
    for op in OPERATIONS:
        method, _path, spec_op = BY_ID[op.name]
        creates = method == "post" and bool({"201", "202"} & {str(code) for code in spec_op["responses"]})
        assert op.idempotent == (not creates and method != "delete"), op.name


class _Body:
    """Stands in for a generated request model: only `to_dict` is called."""

    def to_dict(self) -> dict[str, object]:
        return {}


def test_each_generated_request_builder_targets_the_spec_path() -> None:
    for op in OPERATIONS:
        get_kwargs = import_module(SPEC_TABLE[op.name].module)._get_kwargs
        method, path, _ = BY_ID[op.name]
        path_params = {segment[1:-1]: "x" for segment in path.split("/") if segment.startswith("{")}
        extra = {"body": _Body()} if "body" in inspect.signature(get_kwargs).parameters else {}
        built = get_kwargs(*path_params.values(), **extra)
        assert (built["method"], built["url"]) == (method, path.format(**path_params)), op.name
