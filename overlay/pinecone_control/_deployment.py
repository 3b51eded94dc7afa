"""The checks every deployment builder runs before any I/O. The builders themselves (`serverless_spec`,
`pod_spec`, and whatever branches a later spec's deployment has) are generated from the spec
(`pinecone_control_api._surface`); importing this module makes them check what they build against
the rules the spec states for the create's field (types, enums, ranges, exactly one branch).

What was checked is vouched for (`_calls.vouch`): the call that sends the built model checks the
rest of its body, not this field again, as long as the model still holds exactly what was checked."""

from __future__ import annotations

from typing import Any

from pinecone_control_api._operations import BY_NAME
from pinecone_control_api._surface import build_unchecked, use_builder

from . import _schema_checks as schema
from ._calls import plain, vouch
from ._errors import ClientValidationError
from ._paths import put


def checked_build(operation: str, field: str, model: str, values: dict[str, Any]) -> Any:
    """The model `field` of `operation` takes, built from the given leaf values once they pass the
    spec's rules for that field; any failure is a `ClientValidationError` naming what is wrong."""
    given = {path: plain(value) for path, value in values.items() if value is not None}
    body: dict[str, Any] = {}
    for path, value in given.items():
        put(body, path, value)
    fields = {f.path: f for f in BY_NAME[operation].body_fields}
    for path, value in given.items():
        spec_field = fields.get(f"{field}.{path}")
        # What a deployment requires is never blank: the server would only answer a vaguer 400 or 404.
        if spec_field is not None and spec_field.required and value == "":
            raise ClientValidationError(f"{path.rsplit('.', 1)[-1]} must be a non-empty string (it is required)")
    schema.check_field(BY_NAME[operation], field, body)
    try:
        built = build_unchecked(operation, field, model, given)
    except (KeyError, TypeError, ValueError) as exc:
        raise ClientValidationError(f"{field}: {exc}") from exc
    vouch(built, operation, field, _copy(body))  # a copy: the model shares its lists with `body`
    return built


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


use_builder(checked_build)
