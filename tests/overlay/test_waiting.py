"""Waiting for indexes and collections: success, failure states, deadlines, progress, polling."""

from __future__ import annotations

import logging

import httpx
import pinecone_control as pc
import pytest
from pinecone_control._waiting import PollSchedule

from ..support import Api
from .conftest import Recorder, collection_payload, error_reply, index_payload, json_reply

NOT_FOUND = error_reply(404, "NOT_FOUND", "gone")
POD = {"environment": "us-east1-gcp", "pod_type": "p1.x1", "replicas": 1, "shards": 1, "pods": 1}


def _states(recorder: Recorder) -> list[str]:
    return [f"{r.method} {r.url.path}" for r in recorder.requests]


def test_create_index_waits_until_ready(api: Api, recorder: Recorder, sleeps: list[float]) -> None:
    recorder.script(
        json_reply(201, index_payload(state="Initializing")),
        json_reply(200, index_payload(state="Initializing")),
        json_reply(200, index_payload(state="Ready", ready=False)),  # not ready until both agree
        json_reply(200, index_payload(state="Ready")),
    )
    seen: list[pc.WaitProgress] = []
    index = api.create_index(
        "movies", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"), wait_timeout=60, on_progress=seen.append
    )
    assert index.status.state == "Ready" and index.status.ready
    assert _states(recorder) == ["POST /indexes"] + ["GET /indexes/movies"] * 3
    assert [p.state for p in seen] == ["Initializing", "Ready", "Ready"]
    assert [p.polls for p in seen] == [1, 2, 3]
    assert all(p.kind == "index" and p.target == "ready" for p in seen)
    assert len(sleeps) == 3


def test_create_returns_at_once_when_already_ready(api: Api, recorder: Recorder, sleeps: list[float]) -> None:
    recorder.script(json_reply(201, index_payload(state="Ready")))
    api.create_index("movies", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"), wait_timeout=None)
    assert len(recorder.requests) == 1 and sleeps == []


@pytest.mark.parametrize("wait_timeout", [0, -1, -0.5])
def test_zero_or_negative_deadline_returns_at_once(api: Api, recorder: Recorder, wait_timeout: float) -> None:
    recorder.script(json_reply(201, index_payload(state="Initializing")))
    index = api.create_index(
        "movies", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"), wait_timeout=wait_timeout
    )
    assert index.status.state == "Initializing" and len(recorder.requests) == 1


def test_initialization_failed_raises(api: Api, recorder: Recorder) -> None:
    recorder.script(
        json_reply(201, index_payload(state="Initializing")),
        json_reply(200, index_payload(state="InitializationFailed", ready=False)),
    )
    with pytest.raises(pc.IndexInitializationFailedError) as info:
        api.create_index("movies", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"), wait_timeout=None)
    assert info.value.name == "movies" and info.value.last.status.state == "InitializationFailed"


def test_unexpected_terminating_raises(api: Api, recorder: Recorder) -> None:
    recorder.script(
        json_reply(201, index_payload(state="Initializing")),
        json_reply(200, index_payload(state="Terminating", ready=False)),
    )
    with pytest.raises(pc.UnexpectedTerminationError):
        api.create_index("movies", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"), wait_timeout=None)


def test_index_deleted_while_waiting_for_ready_raises(api: Api, recorder: Recorder) -> None:
    recorder.script(json_reply(201, index_payload(state="Initializing")), NOT_FOUND)
    with pytest.raises(pc.UnexpectedTerminationError):
        api.create_index("movies", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"), wait_timeout=None)


def test_deadline_raises_wait_timeout_with_the_last_state(kind: str, recorder: Recorder) -> None:
    # Real sleeps here, tiny ones: the deadline is wall-clock.
    from .conftest import make_client

    client = make_client(kind, recorder, poll=PollSchedule(interval=0.02, steady_for=1.0))
    recorder.script(json_reply(201, index_payload(state="Initializing")))
    with pytest.raises(pc.WaitTimeoutError) as info:
        Api(client).create_index("movies", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"), wait_timeout=0.1)
    assert isinstance(info.value, TimeoutError)
    assert info.value.last.status.state == "Initializing"
    assert "not ready after" in str(info.value)
    assert 2 <= len(recorder.requests) <= 12


def test_delete_waits_until_gone(api: Api, recorder: Recorder) -> None:
    recorder.script(
        httpx.Response(202),
        json_reply(200, index_payload(state="Terminating", ready=False)),
        json_reply(200, index_payload(state="Terminating", ready=False)),
        NOT_FOUND,
    )
    assert api.delete_index("movies", wait_timeout=30) is None
    assert _states(recorder) == ["DELETE /indexes/movies"] + ["GET /indexes/movies"] * 3


def test_configure_waits_until_the_change_settles(api: Api, recorder: Recorder) -> None:
    recorder.script(
        json_reply(202, index_payload("pods", "Ready", pod=POD)),  # old values, still "Ready"
        json_reply(200, index_payload("pods", "ScalingUp", ready=False, pod=POD)),
        json_reply(200, index_payload("pods", "Ready", pod={**POD, "replicas": 3})),
    )
    index = api.configure_index("pods", replicas=3, wait_timeout=60)
    assert index.spec.pod.replicas == 3
    assert len(recorder.requests) == 3


def test_configure_waits_for_pod_type_and_protection(api: Api, recorder: Recorder) -> None:
    recorder.script(
        json_reply(202, index_payload("pods", "ScalingUpPodSize", ready=False, pod=POD)),
        json_reply(200, index_payload("pods", "Ready", pod={**POD, "pod_type": "p1.x2"})),  # protection not yet
        json_reply(
            200, {**index_payload("pods", "Ready", pod={**POD, "pod_type": "p1.x2"}), "deletion_protection": "enabled"}
        ),
    )
    index = api.configure_index("pods", pod_type="p1.x2", deletion_protection="enabled", wait_timeout=60)
    assert index.deletion_protection == "enabled" and len(recorder.requests) == 3


def test_collection_waits(api: Api, recorder: Recorder) -> None:
    recorder.script(
        json_reply(201, collection_payload("snap", "Initializing")),
        json_reply(200, collection_payload("snap", "Initializing")),
        json_reply(200, collection_payload("snap", "Ready")),
    )
    assert api.create_collection("snap", source="pods", wait_timeout=None).status == "Ready"
    recorder.script(httpx.Response(202), json_reply(200, collection_payload("snap", "Terminating")), NOT_FOUND)
    assert api.delete_collection("snap", wait_timeout=None) is None
    recorder.script(
        json_reply(201, collection_payload("snap2", "Initializing")),
        json_reply(200, collection_payload("snap2", "Terminating")),
    )
    with pytest.raises(pc.UnexpectedTerminationError):
        api.create_collection("snap2", source="pods", wait_timeout=None)


def test_standalone_waits_poll_at_once(api: Api, recorder: Recorder, sleeps: list[float]) -> None:
    recorder.script(json_reply(200, index_payload(state="Ready")))
    assert api.wait_for_index_ready("movies").status.state == "Ready"
    assert len(recorder.requests) == 1 and sleeps == []
    recorder.script(NOT_FOUND)
    assert api.wait_for_index_deleted("movies") is None
    recorder.script(json_reply(200, collection_payload("snap", "Ready")))
    assert api.wait_for_collection_ready("snap").status == "Ready"
    recorder.script(NOT_FOUND)
    assert api.wait_for_collection_deleted("snap") is None


def test_errors_while_polling_propagate(api: Api, recorder: Recorder) -> None:
    recorder.script(json_reply(201, index_payload(state="Initializing")), error_reply(401, "UNAUTHENTICATED", "bad"))
    with pytest.raises(pc.AuthenticationError):
        api.create_index("movies", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"), wait_timeout=None)


def test_progress_is_logged(api: Api, recorder: Recorder, caplog: pytest.LogCaptureFixture) -> None:
    recorder.script(
        json_reply(201, index_payload(state="Initializing")),
        json_reply(200, index_payload(state="Initializing")),
        json_reply(200, index_payload(state="Ready")),
    )
    with caplog.at_level(logging.INFO, logger="pinecone_control"):
        api.create_index("movies", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"), wait_timeout=None)
    messages = [r.getMessage() for r in caplog.records if r.name == "pinecone_control"]
    assert any("index movies: Initializing" in m for m in messages)
    assert any("index movies: Ready" in m for m in messages)


def test_poll_schedule_is_steady_then_backs_off() -> None:
    schedule = PollSchedule(interval=1.0, steady_for=3.0, factor=2.0, maximum=5.0)
    delays = schedule.delays()
    assert [next(delays) for _ in range(7)] == [1.0, 1.0, 1.0, 2.0, 4.0, 5.0, 5.0]


def test_default_schedule_polls_about_once_a_second_at_first() -> None:
    delays = PollSchedule().delays()
    first_30s: list[float] = []
    while sum(first_30s) < 30:
        first_30s.append(next(delays))
    assert max(first_30s) <= 1.0 and len(first_30s) <= 31
