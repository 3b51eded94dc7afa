"""The key never rides along in an httpx object the package hands out: a raw response's request,
the request on an httpx error chained under a connection error, anything else reachable from a
raw response or an error. httpx masks only `Authorization` in a headers repr, and nothing in
`headers["api-key"]` or a pickle; raw responses are made to be logged and attached to tickets.

Every object reachable from what the package returns or raises is walked: no text, header or
pickle of any of them holds the key or the URL password, whatever the attribute it sits in."""

from __future__ import annotations

import pickle
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pinecone_control as pc
import pytest
from pinecone_control.testing import Emulator
from pinecone_control.testing._transport import AsyncEmulatorTransport, EmulatorTransport

from ..support import Api

KIND = ["sync", "async"]
KEY = "pc-raw-canary-5c8e13d7"
URL_PASSWORD = "url-pass-91f2b6"
PROXY_SECRET = "proxy-cred-0a7d44"
SECRETS = [KEY, URL_PASSWORD, PROXY_SECRET]


def make(kind: str, **options: Any) -> Api:
    return Api(pc.Client(**options) if kind == "sync" else pc.AsyncClient(**options))


def _reachable(root: object) -> Iterator[object]:
    """Every object reachable from `root` through attributes, slots, chained exceptions and
    containers, staying inside httpx's and this package's own types (not sockets or frames)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        yield obj
        if isinstance(obj, str | bytes | int | float | bool | type(None)):
            continue
        if isinstance(obj, dict):
            stack += [*obj.keys(), *obj.values()]
            continue
        if isinstance(obj, list | tuple | set | frozenset):
            stack += list(obj)
            continue
        if isinstance(obj, httpx.Headers):
            stack += [repr(obj), str(dict(obj)), obj.raw]
            continue
        if not type(obj).__module__.startswith(("httpx", "pinecone_control")):
            continue
        if isinstance(obj, BaseException):
            stack += [obj.args, obj.__cause__, obj.__context__, str(obj), repr(obj)]
        if isinstance(obj, httpx.Request | httpx.Response | httpx.URL):
            stack.append(repr(obj))
        for name in getattr(type(obj), "__slots__", ()):
            stack.append(getattr(obj, name, None))
        stack += list(getattr(obj, "__dict__", {}).values())


def assert_no_secret_reachable(root: object) -> int:
    """Walks `root`; returns how many httpx requests it found (so a test knows it saw them)."""
    requests = 0
    for obj in _reachable(root):
        text = obj.decode("latin-1") if isinstance(obj, bytes) else obj if isinstance(obj, str) else ""
        assert not any(secret in text for secret in SECRETS), f"a secret in {text[:300]!r}"
        if isinstance(obj, httpx.Request):
            requests += 1
            assert obj.headers.get("api-key") in (None, "<redacted>")
            assert all(secret.encode() not in pickle.dumps(obj) for secret in SECRETS)
    assert all(secret.encode() not in pickle.dumps(root) for secret in SECRETS)
    return requests


class _Keeping(httpx.BaseTransport):
    """Keeps every request it forwards: what was sent must keep its key."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner, self.sent = inner, list[httpx.Request]()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return self.inner.handle_request(request)


class _AsyncKeeping(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner, self.sent = inner, list[httpx.Request]()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return await self.inner.handle_async_request(request)


@pytest.mark.parametrize("kind", KIND)
def test_a_raw_responses_request_carries_no_key(kind: str) -> None:
    """Old code: `repr(raw.http_response.request.headers)` showed 'api-key': 'pc-raw-canary-5c8e13d7'."""
    emulator = Emulator()
    transport: _Keeping | _AsyncKeeping
    if kind == "sync":
        transport = _Keeping(EmulatorTransport(emulator, emulator.clock))
    else:
        transport = _AsyncKeeping(AsyncEmulatorTransport(emulator, emulator.clock))
    api = make(
        kind,
        api_key=KEY,
        host=f"https://me:{URL_PASSWORD}@api.pinecone.emulator",
        transport=transport,
        extra_headers={"Proxy-Authorization": f"Basic {PROXY_SECRET}"},
    )
    raw = api.run(api.client.with_raw_response.list_indexes())
    api.close()
    request = raw.http_response.request
    assert request.headers["api-key"] == "<redacted>" and request.headers["Api-Key"] == "<redacted>"
    assert request.headers["authorization"] == "<redacted>"  # httpx's Basic auth from the URL
    assert request.headers["proxy-authorization"] == "<redacted>"
    assert request.url == raw.http_response.url and "me:" in str(request.url)
    assert KEY not in repr(request.headers) and KEY not in str(request.headers)
    assert assert_no_secret_reachable(raw) >= 1
    # Still a full response and request: what was asked, what came back.
    assert raw.http_response.json() == {"indexes": []} and request.method == "GET"
    assert request.url.path == "/indexes" and request.headers["x-pinecone-api-version"] == pc.API_VERSION
    # A copy: the request that was sent, kept by the caller's transport, still has the key.
    assert transport.sent[-1].headers["api-key"] == KEY


@pytest.mark.parametrize("kind", KIND)
def test_a_raw_response_over_a_real_socket_carries_no_key(kind: str) -> None:
    with Emulator().serve() as server:
        port = server.url.rsplit(":", 1)[1]
        api = make(kind, api_key=KEY, host=f"http://me:{URL_PASSWORD}@127.0.0.1:{port}", max_retries=0)
        raw = api.run(api.client.with_raw_response.list_indexes())
        api.close()
    assert raw.http_response.request.headers["api-key"] == "<redacted>"
    assert raw.http_response.http_version == "HTTP/1.1" and raw.http_response.reason_phrase == "OK"
    assert assert_no_secret_reachable(raw) >= 1


@pytest.mark.parametrize("kind", KIND)
def test_the_request_on_a_connection_errors_cause_carries_no_key(kind: str) -> None:
    """Old code: `error.__cause__.request.headers['api-key']` was the key, and so was its pickle."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed once the block ends: connections are refused
    api = make(kind, api_key=KEY, host=f"http://me:{URL_PASSWORD}@127.0.0.1:{port}", max_retries=0)
    with pytest.raises(pc.APIConnectionError) as info:
        api.list_indexes()
    api.close()
    cause = info.value.__cause__
    assert isinstance(cause, httpx.ConnectError)
    assert cause.request.headers["api-key"] == "<redacted>"
    assert assert_no_secret_reachable(info.value) == 1


@pytest.mark.parametrize("kind", KIND)
def test_status_errors_and_their_chain_carry_no_key(kind: str) -> None:
    emulator = Emulator()
    client = (emulator.client if kind == "sync" else emulator.async_client)(api_key=KEY, max_retries=0)
    api = Api(client)
    emulator.faults.fail_next(1, 500, operation="list_indexes")
    with pytest.raises(pc.InternalServerError) as info:
        api.list_indexes()
    with pytest.raises(pc.NotFoundError) as missing:
        api.describe_index("nope")
    api.close()
    assert_no_secret_reachable(info.value)
    assert_no_secret_reachable(missing.value)
