"""Waits take `wait_timeout`; a `timeout=` there is refused with the right name, before any request."""

from __future__ import annotations

from typing import Any

import httpx
import pinecone_control as pc
import pytest

from ..overlay.conftest import index_payload
from ..support import Api

KIND = ["sync", "async"]
WAITS = ["wait_for_index_ready", "wait_for_index_deleted", "wait_for_collection_ready", "wait_for_collection_deleted"]


def _client(kind: str, seen: list[httpx.Request]) -> Api:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.startswith("/collections"):
            body: dict[str, Any] = {"name": "movies", "status": "Ready", "environment": "us-east1-gcp"}
            return httpx.Response(200, json=body)
        return httpx.Response(200, json=index_payload())

    options: dict[str, Any] = {"api_key": "k", "host": "https://api.test"}
    if kind == "sync":
        return Api(pc.Client(transport=httpx.MockTransport(answer), **options))
    return Api(pc.AsyncClient(transport=httpx.MockTransport(answer), **options))


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize("method", WAITS)
def test_timeout_on_a_wait_names_wait_timeout(kind: str, method: str) -> None:
    seen: list[httpx.Request] = []
    api = _client(kind, seen)
    with pytest.raises(TypeError, match=rf"{method}\(\) takes wait_timeout= .*wait_timeout=10\)"):
        getattr(api, method)("movies", timeout=10)
    assert seen == []
    api.close()


@pytest.mark.parametrize("kind", KIND)
def test_the_documented_spellings_still_work(kind: str) -> None:
    seen: list[httpx.Request] = []
    api = _client(kind, seen)
    assert api.wait_for_index_ready("movies", wait_timeout=10).name == "movies"
    assert api.wait_for_index_ready("movies").name == "movies"
    assert (
        Api(api.client.with_options(timeout=5)).wait_for_collection_ready("movies", wait_timeout=None).name == "movies"
    )
    assert api.describe_index("movies", timeout=5).name == "movies"
    assert len(seen) == 4
    api.close()
