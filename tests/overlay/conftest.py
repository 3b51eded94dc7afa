"""An in-process transport that records requests and answers from a script, and a client
fixture that runs each test against both the sync and the async client."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pinecone_control
import pytest
from pinecone_control._waiting import PollSchedule
from pinecone_control.testing._answers import complete, named
from pinecone_control_api._operations import BY_NAME

from ..support import Api

API_KEY = "pc-canary-3f9a7c1e5b"
HOST = "https://api.test.pinecone.io"
FAST_POLL = PollSchedule(interval=0.01, steady_for=1.0, factor=1.5, maximum=0.05)

Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


def json_reply(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        status, content=json.dumps(body).encode(), headers={"content-type": "application/json", **(headers or {})}
    )


def error_reply(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> httpx.Response:
    return json_reply(status, {"status": status, "error": {"code": code, "message": message}}, headers)


def answer_of(operation: str, payload: dict[str, Any]) -> dict[str, Any]:
    """`payload` as the spec of this version answers `operation`: what the payload states, plus every
    required field a later version adds (its default or example), through the emulator's own
    completion. The canned answers state behaviour, not one version's shape."""
    model = next(r.model for r in BY_NAME[operation].responses if 200 <= r.status < 300 and r.model)
    completed: dict[str, Any] = complete(named(model), payload)
    return completed


def index_payload(
    name: str = "movies", state: str = "Ready", ready: bool | None = None, *, pod: dict[str, Any] | None = None
) -> dict[str, Any]:
    spec: dict[str, Any] = {"pod": pod} if pod is not None else {"serverless": {"cloud": "aws", "region": "us-east-1"}}
    return answer_of(
        "describe_index",
        {
            "name": name,
            "dimension": 8,
            "metric": "cosine",
            "host": f"{name}-abc123.svc.aped-4627-b74a.pinecone.io",
            "deletion_protection": "disabled",
            "spec": spec,
            "status": {"ready": state == "Ready" if ready is None else ready, "state": state},
        },
    )


def collection_payload(name: str = "snap", status: str = "Ready") -> dict[str, Any]:
    return answer_of(
        "describe_collection",
        {
            "name": name,
            "status": status,
            "environment": "us-east1-gcp",
            "size": 3126700,
            "dimension": 8,
            "vector_count": 99,
        },
    )


@dataclass
class Recorder:
    """Answers requests from `replies` in order (the last one repeats); records every request."""

    replies: list[Reply] = field(default_factory=list)
    requests: list[httpx.Request] = field(default_factory=list)

    def script(self, *replies: Reply) -> Recorder:
        self.replies = list(replies)
        return self

    def answer(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if not self.replies:
            raise AssertionError(f"unexpected request {request.method} {request.url}")
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        if isinstance(reply, Exception):
            raise reply
        if callable(reply):
            return reply(request)
        return httpx.Response(reply.status_code, headers=reply.headers, content=reply.content)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def body(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


class SyncTransport(httpx.BaseTransport):
    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.recorder.answer(request)


class AsyncTransport(httpx.AsyncBaseTransport):
    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self.recorder.answer(request)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def make_client(kind: str, recorder: Recorder, **kwargs: Any) -> pinecone_control.Client | pinecone_control.AsyncClient:
    kwargs.setdefault("api_key", API_KEY)
    kwargs.setdefault("host", HOST)
    kwargs.setdefault("poll", FAST_POLL)
    if kind == "sync":
        return pinecone_control.Client(transport=SyncTransport(recorder), **kwargs)
    return pinecone_control.AsyncClient(transport=AsyncTransport(recorder), **kwargs)


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def api(kind: str, recorder: Recorder, sleeps: list[float]) -> Iterator[Api]:
    wrapped = Api(make_client(kind, recorder))
    yield wrapped
    wrapped.close()
