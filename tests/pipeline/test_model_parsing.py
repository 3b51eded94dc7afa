"""The model template builds nested models inside their parent's `from_dict` (no call per object):
the result, the errors and their messages must be those of each nested model's own `from_dict`."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pinecone_control_api.models import (
    ErrorResponse,
    ErrorResponseError,
    IndexList,
    IndexModel,
    IndexModelSpec,
    IndexModelStatus,
    IndexModelStatusState,
    PodSpec,
    PodSpecMetadataConfig,
    ServerlessSpec,
    ServerlessSpecCloud,
)


def _pod_index() -> dict[str, Any]:
    return {
        "name": "archive",
        "dimension": 8,
        "metric": "cosine",
        "host": "archive-abc.svc.pinecone.io",
        "spec": {
            "pod": {
                "environment": "us-east1-gcp",
                "pod_type": "p1.x1",
                "replicas": 2,
                "shards": 1,
                "pods": 2,
                "metadata_config": {"indexed": ["genre"]},
            }
        },
        "status": {"ready": True, "state": "Ready"},
        "deletion_protection": "enabled",
    }


def _serverless_index() -> dict[str, Any]:
    body = _pod_index()
    body["spec"] = {"serverless": {"cloud": "aws", "region": "us-east-1"}}
    return body


def _with_extra_keys(body: dict[str, Any]) -> dict[str, Any]:
    """An unknown key at every level of the body."""
    body = copy.deepcopy(body)
    for level in (body, body["spec"], body["status"], *body["spec"].values()):
        level["added_later"] = {"nested": [1, "two"]}
    if "pod" in body["spec"]:
        body["spec"]["pod"]["metadata_config"]["added_later"] = 3
    return body


@pytest.mark.parametrize("body", [_pod_index(), _serverless_index(), _with_extra_keys(_pod_index())])
def test_nested_models_are_those_of_their_own_from_dict(body: dict[str, Any]) -> None:
    model = IndexModel.from_dict(body)
    assert type(model.spec) is IndexModelSpec and type(model.status) is IndexModelStatus
    assert model.spec == IndexModelSpec.from_dict(body["spec"])
    assert model.status == IndexModelStatus.from_dict(body["status"])
    if "pod" in body["spec"]:
        assert type(model.spec.pod) is PodSpec and type(model.spec.pod.metadata_config) is PodSpecMetadataConfig
        assert model.spec.pod == PodSpec.from_dict(body["spec"]["pod"])
    else:
        assert type(model.spec.serverless) is ServerlessSpec
        assert model.spec.serverless.cloud is ServerlessSpecCloud.AWS
    assert model.to_dict() == body
    assert IndexList.from_dict({"indexes": [body]}).to_dict() == {"indexes": [body]}


def test_unknown_keys_are_kept_at_every_level() -> None:
    model = IndexModel.from_dict(_with_extra_keys(_pod_index()))
    pod = model.spec.pod
    assert isinstance(pod, PodSpec) and isinstance(pod.metadata_config, PodSpecMetadataConfig)
    for level in (model, model.spec, model.status, pod):
        assert level.additional_properties == {"added_later": {"nested": [1, "two"]}}
    assert pod.metadata_config.additional_properties == {"added_later": 3}


def _set(body: dict[str, Any], path: tuple[str, ...], value: Any) -> dict[str, Any]:
    body = copy.deepcopy(body)
    parent = body
    for step in path[:-1]:
        parent = parent[step]
    if value is _DROP:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return body


_DROP = object()
# (where, the broken value, the nested model that owns the field)
BROKEN = [
    (("status", "ready"), "yes", IndexModelStatus),
    (("status", "ready"), _DROP, IndexModelStatus),
    (("status", "state"), 5, IndexModelStatus),
    (("status", "state"), ["Ready"], IndexModelStatus),
    (("spec", "pod", "replicas"), True, PodSpec),  # a bool is no integer
    (("spec", "pod", "environment"), 7, PodSpec),
    (("spec", "pod", "pod_type"), _DROP, PodSpec),
    (("spec", "pod", "metadata_config"), "genre", PodSpec),
    (("spec", "pod"), "not an object", IndexModelSpec),
    (("spec",), [], IndexModelSpec),
]


@pytest.mark.parametrize(("path", "value", "owner"), BROKEN, ids=lambda v: repr(v) if isinstance(v, tuple) else None)
def test_a_broken_nested_field_raises_what_its_own_model_raises(path: tuple[str, ...], value: Any, owner: Any) -> None:
    body = _set(_pod_index(), path, value)
    depth = {IndexModelStatus: 1, IndexModelSpec: 1, PodSpec: 2}[owner]
    nested: Any = body
    for step in path[:depth]:
        nested = nested[step]
    with pytest.raises((KeyError, TypeError, ValueError, AttributeError)) as own:
        owner.from_dict(nested)
    with pytest.raises(type(own.value)) as inline:
        IndexModel.from_dict(body)
    assert str(inline.value) == str(own.value)


def test_nested_enums_keep_unknown_values_and_reject_other_types() -> None:
    model = IndexModel.from_dict(_set(_pod_index(), ("status", "state"), "Disabled"))
    assert model.status.state.is_unknown and model.status.state == "Disabled"
    assert model.status.state is IndexModelStatusState("Disabled")
    with pytest.raises(ValueError, match="ServerlessSpecCloud"):
        IndexModel.from_dict(_set(_serverless_index(), ("spec", "serverless", "cloud"), 1))


def test_error_bodies_parse_their_nested_error_inline() -> None:
    body: dict[str, Any] = {
        "status": 404,
        "error": {"code": "NOT_FOUND", "message": "gone", "details": {"index": "x"}},
        "more": 1,
    }
    model = ErrorResponse.from_dict(body)
    assert type(model.error) is ErrorResponseError and model.error == ErrorResponseError.from_dict(body["error"])
    assert model.additional_properties == {"more": 1}
    assert model.to_dict() == body
