"""A settle that fails does not hide the error it was settling: a DELETE (or a create) whose outcome
is unknown is settled by describing, and when that describe fails too (401, 503, a dropped
connection, a body that is not JSON) the original error is raised, with the describe's attached
(as `__cause__` and a note)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pinecone_control as pc
import pytest

from ..support import Api
from .test_data_loss import index_payload

KIND = ["sync", "async"]
Answer = Callable[[httpx.Request], httpx.Response]


def _error(status: int, code: str) -> httpx.Response:
    return httpx.Response(status, json={"error": {"code": code, "message": f"injected {status}"}, "status": status})


def _dropped(request: httpx.Request) -> httpx.Response:
    raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)


SETTLE_FAILURES: list[Any] = [
    pytest.param(lambda r: _error(401, "UNAUTHENTICATED"), pc.AuthenticationError, id="401"),
    pytest.param(lambda r: _error(503, "UNAVAILABLE"), pc.InternalServerError, id="503"),
    pytest.param(_dropped, pc.APIConnectionError, id="dropped-connection"),
    pytest.param(
        lambda r: httpx.Response(200, text="<html>gateway</html>", headers={"content-type": "text/html"}),
        pc.ResponseValidationError,
        id="not-json",
    ),
]


def _client(kind: str, handle: Answer) -> Api:
    options: dict[str, Any] = {"api_key": "k", "host": "https://api.test", "transport": httpx.MockTransport(handle)}
    return Api(pc.Client(**options) if kind == "sync" else pc.AsyncClient(**options))


def _assert_attached(error: BaseException, settle_error: type[Exception]) -> None:
    assert isinstance(error.__cause__, settle_error), repr(error.__cause__)
    notes = getattr(error, "__notes__", [])
    assert any("describe_index" in note and "settle" in note for note in notes), notes


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize(("describe", "settle_error"), SETTLE_FAILURES)
def test_a_failed_settle_raises_the_deletes_own_error(
    kind: str, describe: Answer, settle_error: type[Exception], sleeps: list[float]
) -> None:
    sent: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request.method)
        if request.method == "DELETE":
            return _error(500, "INTERNAL")
        return describe(request)

    api = _client(kind, handle)
    try:
        with pytest.raises(pc.PineconeError) as caught:
            api.delete_index("x")
    finally:
        api.close()
    error = caught.value
    assert type(error) is pc.InternalServerError, f"{type(error).__name__}: {error}"
    assert (error.status_code, error.operation) == (500, "delete_index")
    _assert_attached(error, settle_error)
    assert sent.count("DELETE") == 1  # never resent


@pytest.mark.parametrize("kind", KIND)
def test_a_lost_delete_answer_whose_settle_fails_raises_the_timeout(kind: str, sleeps: list[float]) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.method == "DELETE":
            raise httpx.ReadTimeout("timed out", request=request)
        return _error(401, "UNAUTHENTICATED")

    api = _client(kind, handle)
    try:
        with pytest.raises(pc.PineconeError) as caught:
            api.delete_index("x")
    finally:
        api.close()
    assert type(caught.value) is pc.APITimeoutError, f"{type(caught.value).__name__}: {caught.value}"
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)  # the transport's error stays the cause
    assert any("AuthenticationError" in note for note in getattr(caught.value, "__notes__", []))


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize(("describe", "settle_error"), SETTLE_FAILURES)
def test_a_failed_settle_of_a_create_raises_the_creates_own_error(
    kind: str, describe: Answer, settle_error: type[Exception], sleeps: list[float]
) -> None:
    describes: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            return _error(500, "INTERNAL")
        describes.append(request.url.path)
        if len(describes) == 1:  # ensure_index's first look: missing
            return _error(404, "NOT_FOUND")
        return describe(request)

    api = _client(kind, handle)
    try:
        with pytest.raises(pc.PineconeError) as caught:
            api.ensure_index("x", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"))
    finally:
        api.close()
    error = caught.value
    assert type(error) is pc.InternalServerError, f"{type(error).__name__}: {error}"
    assert (error.status_code, error.operation) == (500, "create_index")
    _assert_attached(error, settle_error)


@pytest.mark.parametrize("kind", KIND)
def test_a_settle_that_succeeds_still_settles(kind: str, sleeps: list[float]) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.method == "DELETE":
            return _error(500, "INTERNAL")
        return httpx.Response(200, json=index_payload("x", "Terminating"))

    api = _client(kind, handle)
    try:
        assert api.delete_index("x") is None
    finally:
        api.close()
