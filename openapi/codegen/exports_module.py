"""The status enums `pinecone_control` re-exports (through `_exports.py`, surface_module.py), found in
the spec rather than written by hand, so a spec that renames a model renames the export with it:
the enum of each resource's status as its describe operation (a GET answering one model) returns
it, the model's `status` when that is an enum (collections), else `status.state` (indexes). It is
what a wait reads and what code compares a state with.
"""

from __future__ import annotations

from typing import Any

from .operation_metadata import OperationMeta, _code


def _property(model: Any, name: str) -> Any:
    if model is None:
        return None
    properties = [*model.required_properties, *model.optional_properties]
    return next((p for p in properties if p.name == name), None)


def _enum_name(prop: Any) -> str | None:
    return str(prop.class_info.name) if type(prop).__name__ == "EnumProperty" else None


def status_enums(generator_data: Any, operations: list[OperationMeta]) -> list[str]:
    models = {str(m.class_info.name): m for m in generator_data.models}
    found: set[str] = set()
    for op in operations:
        if op.method.lower() != "get":
            continue
        for response in op.responses:
            if not 200 <= response.status < 300 or response.model is None:
                continue
            status = _property(models.get(response.model), "status")
            if status is None:
                continue
            name = _enum_name(status)
            if name is None and type(status).__name__ == "ModelProperty":
                name = _enum_name(_property(models.get(str(status.class_info.name)), "state"))
            if name is not None:
                found.add(name)
    return sorted(found)


def model_fields(generator_data: Any) -> dict[str, dict[str, str]]:
    """Each model's fields and their types (without `Unset`), by class name."""
    out: dict[str, dict[str, str]] = {}
    for model in generator_data.models:
        properties = [*(model.required_properties or []), *(model.optional_properties or [])]
        out[_code(model.class_info.name)] = {
            _code(p.name): _code(p.get_type_string(no_optional=True)) for p in properties
        }
    return out
