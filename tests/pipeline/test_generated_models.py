"""What the normalisation and the enum template buy in the generated package."""

from __future__ import annotations

import inspect
import pkgutil
from importlib import import_module

import pinecone_control_api.api as api_pkg
from codegen.pin import SpecPin
from pinecone_control_api import _provenance
from pinecone_control_api.client import AuthenticatedClient
from pinecone_control_api.models import (
    CollectionModelStatus,
    ConfigureIndexRequest,
    ConfigureIndexRequestSpec,
    ConfigureIndexRequestSpecPod,
    CreateIndexRequest,
    EmbedRequest,
    EmbedRequestInputsItem,
    ErrorResponse,
    ErrorResponseErrorCode,
    IndexModel,
    IndexModelStatusState,
    IndexSpec,
    PodSpec,
    ServerlessSpec,
    ServerlessSpecCloud,
)


def test_create_index_spec_is_a_typed_model_that_serialises() -> None:
    body = CreateIndexRequest(
        name="movies",
        dimension=8,
        spec=IndexSpec(serverless=ServerlessSpec(cloud=ServerlessSpecCloud.AWS, region="us-east-1")),
    )
    assert body.to_dict() == {
        "name": "movies",
        "dimension": 8,
        "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}},
    }
    pod = CreateIndexRequest(name="p", dimension=8, spec=IndexSpec(pod=PodSpec(environment="e", pod_type="p1.x2")))
    assert pod.to_dict()["spec"] == {"pod": {"environment": "e", "pod_type": "p1.x2"}}
    # Annotated by name (the generator imports it under TYPE_CHECKING); `Any` before normalisation.
    assert CreateIndexRequest.__annotations__["spec"] == "IndexSpec"


def test_configure_body_carries_only_what_the_caller_set() -> None:
    body = ConfigureIndexRequest(spec=ConfigureIndexRequestSpec(pod=ConfigureIndexRequestSpecPod(replicas=3)))
    assert body.to_dict() == {"spec": {"pod": {"replicas": 3}}}


def test_no_request_model_sends_unset_defaults() -> None:
    assert EmbedRequest(model="m", inputs=[EmbedRequestInputsItem(text="hi")]).to_dict() == {
        "model": "m",
        "inputs": [{"text": "hi"}],
    }


def _index_payload(state: str) -> dict[str, object]:
    return {
        "name": "movies",
        "dimension": 8,
        "metric": "cosine",
        "host": "movies-abc.svc.pinecone.io",
        "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}},
        "status": {"ready": False, "state": state},
    }


def test_unknown_index_state_parses_and_round_trips() -> None:
    payload = _index_payload("Disabled")
    model = IndexModel.from_dict(payload)
    assert model.status.state == "Disabled"
    assert model.status.state.is_unknown
    assert isinstance(model.status.state, IndexModelStatusState)
    assert model.to_dict() == payload


def test_unknown_error_code_parses_and_round_trips() -> None:
    payload = {"status": 402, "error": {"code": "PAYMENT_REQUIRED", "message": "Upgrade your plan."}}
    model = ErrorResponse.from_dict(payload)
    assert model.error.code.value == "PAYMENT_REQUIRED"
    assert model.to_dict() == payload


def test_known_enum_values_behave_as_before() -> None:
    assert IndexModelStatusState("Ready") is IndexModelStatusState.READY
    assert not IndexModelStatusState.READY.is_unknown
    assert len(IndexModelStatusState) == 8
    assert "Disabled" not in [m.value for m in IndexModelStatusState]
    assert [m.value for m in CollectionModelStatus] == ["Initializing", "Ready", "Terminating"]
    assert ErrorResponseErrorCode("NOT_FOUND") is ErrorResponseErrorCode.NOT_FOUND
    assert IndexModel.from_dict(_index_payload("Ready")).status.state is IndexModelStatusState.READY


def test_non_string_enum_values_are_still_rejected() -> None:
    try:
        IndexModelStatusState(5)  # type: ignore[arg-type]
    except ValueError:
        return
    raise AssertionError("a non-string enum value must not parse")


def test_every_endpoint_requires_an_authenticated_client() -> None:
    modules = [
        import_module(info.name)
        for pkg in pkgutil.iter_modules(api_pkg.__path__, api_pkg.__name__ + ".")
        for info in pkgutil.iter_modules(import_module(pkg.name).__path__, pkg.name + ".")
    ]
    assert len(modules) == 10
    for module in modules:
        annotation = inspect.signature(module.sync_detailed, eval_str=True).parameters["client"].annotation
        assert annotation is AuthenticatedClient, module.__name__


def test_provenance_matches_the_pin() -> None:
    pin = SpecPin.load()
    assert _provenance.API_VERSION == pin.version == "2024-07"
    assert [(f.path, f.sha256) for f in pin.files] == [(_provenance.SPEC_PATH, _provenance.SPEC_SHA256)]
    assert _provenance.GENERATOR_VERSION == "0.29.1"
