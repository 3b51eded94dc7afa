"""A delete is never resent once it may have acted; an unknown outcome is settled by describing.

The service here is scripted (an httpx MockTransport over a dict of indexes) so that each test can
lose exactly the answer it means to, and re-create a name between two requests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pinecone_control as pc
import pytest

from ..support import Api

KIND = ["sync", "async"]


def index_payload(name: str, state: str) -> dict[str, Any]:
    return {
        "name": name,
        "dimension": 8,
        "metric": "cosine",
        "host": f"{name}-abc.svc.pinecone.io",
        "deletion_protection": "disabled",
        "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}},
        "status": {"ready": state == "Ready", "state": state},
    }


class Service:
    """Indexes by name; `on_delete` decides what happens to each DELETE (after it is counted)."""

    def __init__(self, on_delete: Callable[[Service, httpx.Request, int], httpx.Response]) -> None:
        self.indexes: dict[str, str] = {"x": "Ready"}
        self.deletes = 0
        self.on_delete = on_delete

    def handle(self, request: httpx.Request) -> httpx.Response:
        name = request.url.path.rsplit("/", 1)[-1]
        if request.method == "DELETE":
            self.deletes += 1
            return self.on_delete(self, request, self.deletes)
        if name in self.indexes:
            return httpx.Response(200, json=index_payload(name, self.indexes[name]))
        return httpx.Response(404, json={"error": {"code": "NOT_FOUND", "message": f"Resource {name} not found"}})

    def client(self, kind: str) -> Api:
        transport = httpx.MockTransport(self.handle)
        options: dict[str, Any] = {"api_key": "k", "host": "https://api.test", "transport": transport}
        return Api(pc.Client(**options) if kind == "sync" else pc.AsyncClient(**options))


def delete_then_lose_answer(recreate: bool) -> Callable[[Service, httpx.Request, int], httpx.Response]:
    """The first DELETE is carried out, then its answer is lost (read timeout); with `recreate`,
    someone creates the name again before the client can retry. Later DELETEs are carried out."""

    def on_delete(service: Service, request: httpx.Request, count: int) -> httpx.Response:
        service.indexes.pop("x", None)
        if count == 1:
            if recreate:
                service.indexes["x"] = "Ready"
            raise httpx.ReadTimeout("timed out", request=request)
        return httpx.Response(202)

    return on_delete


@pytest.mark.parametrize("kind", KIND)
def test_a_lost_delete_answer_never_deletes_a_recreated_index(kind: str, sleeps: list[float]) -> None:
    service = Service(delete_then_lose_answer(recreate=True))
    api = service.client(kind)
    with pytest.raises(pc.APITimeoutError):
        api.delete_index("x")
    api.close()
    assert service.deletes == 1, "the DELETE was resent and removed the index re-created meanwhile"
    assert service.indexes == {"x": "Ready"}


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize("wait_timeout", [0, 5])
def test_a_delete_that_went_through_succeeds_though_its_answer_was_lost(
    kind: str, wait_timeout: float, sleeps: list[float]
) -> None:
    service = Service(delete_then_lose_answer(recreate=False))
    api = service.client(kind)
    assert api.delete_index("x", wait_timeout=wait_timeout) is None
    api.close()
    assert service.deletes == 1


@pytest.mark.parametrize("kind", KIND)
def test_terminating_settles_a_lost_delete_as_done(kind: str, sleeps: list[float]) -> None:
    def on_delete(service: Service, request: httpx.Request, count: int) -> httpx.Response:
        service.indexes["x"] = "Terminating"
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)

    service = Service(on_delete)
    api = service.client(kind)
    assert api.delete_index("x") is None
    api.close()
    assert service.deletes == 1


@pytest.mark.parametrize("kind", KIND)
def test_a_500_on_delete_is_not_resent(kind: str, sleeps: list[float]) -> None:
    def on_delete(service: Service, request: httpx.Request, count: int) -> httpx.Response:
        return httpx.Response(500, json={"error": {"code": "INTERNAL", "message": "oops"}})

    service = Service(on_delete)
    api = service.client(kind)
    with pytest.raises(pc.InternalServerError) as info:
        api.delete_index("x")
    api.close()
    assert service.deletes == 1
    assert info.value.status_code == 500


@pytest.mark.parametrize("kind", KIND)
def test_a_delete_that_never_left_is_resent(kind: str, sleeps: list[float]) -> None:
    def on_delete(service: Service, request: httpx.Request, count: int) -> httpx.Response:
        if count == 1:
            raise httpx.ConnectError("connection refused", request=request)
        service.indexes.pop("x")
        return httpx.Response(202)

    service = Service(on_delete)
    api = service.client(kind)
    assert api.delete_index("x") is None
    api.close()
    assert service.deletes == 2
    assert len(sleeps) == 1


@pytest.mark.parametrize("kind", KIND)
def test_404_is_the_goal_of_a_delete_that_waits(kind: str, sleeps: list[float]) -> None:
    service = Service(lambda s, r, n: httpx.Response(404, json={"error": {"code": "NOT_FOUND", "message": "x"}}))
    service.indexes.clear()
    api = service.client(kind)
    assert api.delete_index("x", wait_timeout=5) is None
    with pytest.raises(pc.NotFoundError):
        api.delete_index("x")  # without a wait, a missing index is still reported
    api.close()


@pytest.mark.parametrize("kind", KIND)
def test_collections_settle_the_same_way(kind: str, sleeps: list[float]) -> None:
    deletes = []

    def handle(request: httpx.Request) -> httpx.Response:
        if request.method == "DELETE":
            deletes.append(request)
            raise httpx.ReadTimeout("timed out", request=request)
        payload = {"name": "snap", "status": "Terminating", "environment": "us-east1-gcp"}
        return httpx.Response(200, json=payload)

    options: dict[str, Any] = {"api_key": "k", "host": "https://api.test", "transport": httpx.MockTransport(handle)}
    api = Api(pc.Client(**options) if kind == "sync" else pc.AsyncClient(**options))
    assert api.delete_collection("snap") is None
    api.close()
    assert len(deletes) == 1
