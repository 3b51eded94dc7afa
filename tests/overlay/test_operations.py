"""All 10 operations (+ has_index), sync and async: the exact request sent and the typed result."""

from __future__ import annotations

from typing import Any

import pytest
from pinecone_control import (
    API_VERSION,
    CollectionList,
    CollectionModel,
    EmbeddingsList,
    IndexList,
    IndexModel,
    __version__,
    pod_spec,
    serverless_spec,
)
from pinecone_control_api import _provenance

from ..support import Api
from .conftest import API_KEY, HOST, Recorder, answer_of, collection_payload, index_payload, json_reply


def assert_request(recorder: Recorder, method: str, path: str, body: Any = None) -> None:
    request = recorder.last
    assert request.method == method
    assert str(request.url) == HOST + path
    assert request.headers["Api-Key"] == API_KEY
    assert "authorization" not in request.headers
    assert request.headers["X-Pinecone-Api-Version"] == _provenance.API_VERSION == API_VERSION
    assert request.headers["User-Agent"].startswith(f"pinecone-control/{__version__} (api {API_VERSION};")
    if body is None:
        assert request.content == b""
    else:
        assert request.headers["content-type"] == "application/json"
        assert recorder.body() == body


def test_list_indexes(api: Api, recorder: Recorder) -> None:
    recorder.script(json_reply(200, {"indexes": [index_payload("a"), index_payload("b", "Initializing")]}))
    result = api.list_indexes()
    assert_request(recorder, "GET", "/indexes")
    assert isinstance(result, IndexList)
    assert result.names() == ["a", "b"]
    assert len(result) == 2
    assert [index.status.state for index in result] == ["Ready", "Initializing"]


def test_create_serverless_index(api: Api, recorder: Recorder) -> None:
    recorder.script(json_reply(201, index_payload("movies", "Initializing")))
    result = api.create_index(
        "movies",
        dimension=8,
        spec=serverless_spec("aws", "us-east-1"),
        metric="dotproduct",
        deletion_protection="enabled",
    )
    assert_request(
        recorder,
        "POST",
        "/indexes",
        {
            "name": "movies",
            "dimension": 8,
            "metric": "dotproduct",
            "deletion_protection": "enabled",
            "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}},
        },
    )
    assert isinstance(result, IndexModel)
    assert result.status.state == "Initializing"
    assert len(recorder.requests) == 1, "wait_timeout=0 by default: no polling"


def test_create_pod_index_sends_only_what_was_given(api: Api, recorder: Recorder) -> None:
    recorder.script(
        json_reply(201, index_payload("pods", "Initializing", pod={"environment": "us-east1-gcp", "pod_type": "p1.x2"}))
    )
    api.create_index("pods", dimension=8, spec=pod_spec("us-east1-gcp", "p1.x2", replicas=2, indexed=["genre"]))
    assert recorder.body() == {
        "name": "pods",
        "dimension": 8,
        "spec": {
            "pod": {
                "environment": "us-east1-gcp",
                "pod_type": "p1.x2",
                "replicas": 2,
                "metadata_config": {"indexed": ["genre"]},
            }
        },
    }


def test_create_index_accepts_a_json_shaped_spec(api: Api, recorder: Recorder) -> None:
    recorder.script(json_reply(201, index_payload()))
    api.create_index("movies", dimension=8, spec={"serverless": {"cloud": "gcp", "region": "us-central1"}})
    assert recorder.body()["spec"] == {"serverless": {"cloud": "gcp", "region": "us-central1"}}


def test_describe_index(api: Api, recorder: Recorder) -> None:
    recorder.script(json_reply(200, index_payload("movies")))
    result = api.describe_index("movies")
    assert_request(recorder, "GET", "/indexes/movies")
    assert isinstance(result, IndexModel)
    assert result.host == "movies-abc123.svc.aped-4627-b74a.pinecone.io"


def test_delete_index(api: Api, recorder: Recorder) -> None:
    recorder.script(httpx_empty(202))
    assert api.delete_index("movies") is None
    assert_request(recorder, "DELETE", "/indexes/movies")


@pytest.mark.parametrize(
    ("kwargs", "body"),
    [
        ({"replicas": 3}, {"spec": {"pod": {"replicas": 3}}}),
        ({"pod_type": "p1.x4"}, {"spec": {"pod": {"pod_type": "p1.x4"}}}),
        ({"deletion_protection": "disabled"}, {"deletion_protection": "disabled"}),
        ({"replicas": 2, "pod_type": "s1.x2"}, {"spec": {"pod": {"replicas": 2, "pod_type": "s1.x2"}}}),
    ],
)
def test_configure_index_sends_only_what_was_passed(
    api: Api, recorder: Recorder, kwargs: dict[str, Any], body: dict[str, Any]
) -> None:
    recorder.script(json_reply(202, index_payload("pods", "ScalingUp", pod={"environment": "e", "pod_type": "p1.x1"})))
    result = api.configure_index("pods", **kwargs)
    assert_request(recorder, "PATCH", "/indexes/pods", body)
    assert result.status.state == "ScalingUp"


def test_list_collections(api: Api, recorder: Recorder) -> None:
    recorder.script(json_reply(200, {"collections": [collection_payload("c1"), collection_payload("c2")]}))
    result = api.list_collections()
    assert_request(recorder, "GET", "/collections")
    assert isinstance(result, CollectionList)
    assert result.names() == ["c1", "c2"]


def test_create_collection(api: Api, recorder: Recorder) -> None:
    recorder.script(json_reply(201, collection_payload("snap", "Initializing")))
    result = api.create_collection("snap", source="pods")
    assert_request(recorder, "POST", "/collections", {"name": "snap", "source": "pods"})
    assert isinstance(result, CollectionModel)
    assert result.status == "Initializing"


def test_describe_collection(api: Api, recorder: Recorder) -> None:
    recorder.script(json_reply(200, collection_payload("snap")))
    result = api.describe_collection("snap")
    assert_request(recorder, "GET", "/collections/snap")
    assert result.vector_count == 99


def test_delete_collection(api: Api, recorder: Recorder) -> None:
    recorder.script(httpx_empty(202))
    assert api.delete_collection("snap") is None
    assert_request(recorder, "DELETE", "/collections/snap")


def test_embed(api: Api, recorder: Recorder) -> None:
    recorder.script(
        json_reply(
            200,
            answer_of(
                "embed",
                {
                    "model": "multilingual-e5-large",
                    "data": [{"values": [0.1, 0.2]}, {"values": [0.3, 0.4]}],
                    "usage": {"total_tokens": 7},
                },
            ),
        )
    )
    result = api.embed(
        model="multilingual-e5-large",
        inputs=["hello", {"text": "world"}],
        parameters={"input_type": "passage", "truncate": "END"},
    )
    assert_request(
        recorder,
        "POST",
        "/embed",
        {
            "model": "multilingual-e5-large",
            "inputs": [{"text": "hello"}, {"text": "world"}],
            "parameters": {"input_type": "passage", "truncate": "END"},
        },
    )
    assert isinstance(result, EmbeddingsList)
    assert [item["values"] for item in result.to_dict()["data"]] == [[0.1, 0.2], [0.3, 0.4]]
    assert result.to_dict()["usage"] == {"total_tokens": 7}


def test_embed_without_parameters_sends_none(api: Api, recorder: Recorder) -> None:
    recorder.script(json_reply(200, answer_of("embed", {"model": "m", "data": [], "usage": {"total_tokens": 0}})))
    api.embed(model="m", inputs=["x"])
    assert recorder.body() == {"model": "m", "inputs": [{"text": "x"}]}


def test_has_index_is_one_describe(api: Api, recorder: Recorder) -> None:
    recorder.script(json_reply(200, index_payload("movies")))
    assert api.has_index("movies") is True
    recorder.script(json_reply(404, {"status": 404, "error": {"code": "NOT_FOUND", "message": "not found"}}))
    assert api.has_index("other") is False
    assert [(r.method, r.url.path) for r in recorder.requests] == [
        ("GET", "/indexes/movies"),
        ("GET", "/indexes/other"),
    ]


def test_unknown_state_in_a_list_still_parses(api: Api, recorder: Recorder) -> None:
    # A state no version of the spec lists (2025-04 adds "Disabled", so that is no longer unknown).
    recorder.script(json_reply(200, {"indexes": [index_payload("a"), index_payload("b", "Hibernating", ready=False)]}))
    result = api.list_indexes()
    assert result.names() == ["a", "b"]
    state = list(result)[1].status.state
    assert state == "Hibernating" and state.is_unknown


def httpx_empty(status: int) -> Any:
    import httpx

    return httpx.Response(status)
