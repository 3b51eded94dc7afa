"""Configuration, headers, timeouts, pool ownership, and keeping the API key secret."""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Callable
from typing import Any

import httpx
import pinecone_control as pc
import pytest
from pinecone_control._logging import LOG_ENV, logger, setup_from_env

from ..support import Api
from .conftest import API_KEY, HOST, AsyncTransport, Recorder, SyncTransport, error_reply, json_reply, make_client

OK_LIST = json_reply(200, {"indexes": []})


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("PINECONE_API_KEY", "PINECONE_CONTROLLER_HOST", LOG_ENV):
        monkeypatch.delenv(var, raising=False)


@pytest.mark.parametrize("cls", [pc.Client, pc.AsyncClient])
def test_no_key_is_a_clear_error_at_construction(cls: type) -> None:
    with pytest.raises(pc.ClientValidationError, match="PINECONE_API_KEY"):
        cls()
    with pytest.raises(pc.ClientValidationError):
        cls(api_key="   ")


def test_key_and_host_from_the_environment(monkeypatch: pytest.MonkeyPatch, recorder: Recorder) -> None:
    monkeypatch.setenv("PINECONE_API_KEY", "env-key-123")
    monkeypatch.setenv("PINECONE_CONTROLLER_HOST", "https://controller.example.io/")
    recorder.script(OK_LIST)
    with pc.Client(transport=SyncTransport(recorder)) as client:
        client.list_indexes()
    assert recorder.last.headers["Api-Key"] == "env-key-123"
    assert str(recorder.last.url) == "https://controller.example.io/indexes"


def test_default_host(recorder: Recorder) -> None:
    recorder.script(OK_LIST)
    with pc.Client(api_key="k", transport=SyncTransport(recorder)) as client:
        client.list_indexes()
    assert str(recorder.last.url) == "https://api.pinecone.io/indexes"


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("api.example.io", "https://api.example.io"),
        ("https://api.example.io/", "https://api.example.io"),
        ("http://127.0.0.1:5080", "http://127.0.0.1:5080"),
        ("http://localhost:5080", "http://localhost:5080"),
        ("http://[::1]:5080", "http://[::1]:5080"),
    ],
)
def test_hosts(host: str, expected: str) -> None:
    assert pc.Client(api_key="k", host=host).options.host == expected


@pytest.mark.parametrize(
    "host", ["http://api.example.io", "http://10.0.0.5:80", "ftp://x", "https://h/?q=1", "https://"]
)
def test_insecure_or_odd_hosts_are_refused(host: str) -> None:
    with pytest.raises(pc.ClientValidationError):
        pc.Client(api_key="k", host=host)


def test_plain_http_needs_an_explicit_opt_in() -> None:
    assert pc.Client(api_key="k", host="http://proxy.internal", allow_insecure_http=True).options.host == (
        "http://proxy.internal"
    )


def test_headers_source_tag_and_extra_headers(recorder: Recorder) -> None:
    recorder.script(OK_LIST)
    client = make_client("sync", recorder, source_tag="My App", extra_headers={"X-Team": "search"})
    Api(client).list_indexes()
    headers = recorder.last.headers
    assert headers["X-Team"] == "search"
    assert headers["User-Agent"].endswith("source_tag=my_app")
    assert "pinecone-control/" in headers["User-Agent"] and f"api {pc.API_VERSION}" in headers["User-Agent"]


def _sent(request: httpx.Request) -> list[tuple[str, str]]:
    skipped = {"host", "content-length"}
    return sorted((k.lower(), v) for k, v in request.headers.multi_items() if k.lower() not in skipped)


def test_every_request_carries_the_options_headers_once(kind: str, recorder: Recorder) -> None:
    """The client's own pool carries its headers (a call passes none); a derived client adds its
    extra headers per call without changing the original's; a caller's http_client, whose pool
    knows nothing of ours, gets all of them on every request."""
    recorder.script(OK_LIST)
    api = Api(make_client(kind, recorder, extra_headers={"X-Team": "search"}))
    api.list_indexes()
    base = _sent(recorder.last)
    assert [k for k, _ in base].count("user-agent") == 1 and [k for k, _ in base].count("accept") == 1
    assert ("api-key", API_KEY) in base and ("x-team", "search") in base and ("accept", "application/json") in base
    derived = Api(api.client.with_options(extra_headers={"X-Trace": "1"}))
    derived.list_indexes()
    assert _sent(recorder.last) == sorted([*base, ("x-trace", "1")])
    Api(api.client.with_options(timeout=5)).list_indexes()
    api.list_indexes()
    assert _sent(recorder.last) == base, "a derived client's headers never reach the original's requests"
    if kind == "sync":
        own = httpx.Client(transport=SyncTransport(recorder), headers={"X-Mine": "1"})
        with pc.Client(api_key=API_KEY, host=HOST, http_client=own, extra_headers={"X-Team": "search"}) as client:
            client.list_indexes()
        assert _sent(recorder.last) == sorted([*base, ("x-mine", "1")])
        own.close()
    api.close()


@pytest.mark.parametrize("headers", [{"Api-Key": "x"}, {"x-pinecone-api-version": "2025-01"}])
def test_extra_headers_cannot_override_key_or_version(headers: dict[str, str]) -> None:
    with pytest.raises(pc.ClientValidationError):
        pc.Client(api_key="k", extra_headers=headers)


def test_the_version_header_refusal_says_what_the_version_is_and_how_it_is_chosen() -> None:
    with pytest.raises(pc.ClientValidationError) as info:
        pc.Client(api_key="k", extra_headers={"X-Pinecone-Api-Version": "2025-01"})
    message = str(info.value)
    assert "api_key" not in message
    assert f"API version this release speaks ({pc.API_VERSION}" in message
    assert "release built from that version's spec" in message
    with pytest.raises(pc.ClientValidationError, match="use the api_key argument instead"):
        pc.Client(api_key="k", extra_headers={"api-key": "x"})


def test_timeouts_per_client_and_per_call(kind: str, recorder: Recorder) -> None:
    recorder.script(OK_LIST)
    api = Api(make_client(kind, recorder))
    api.list_indexes()
    assert recorder.last.extensions["timeout"] == {"connect": 10.0, "read": 30.0, "write": 30.0, "pool": 30.0}
    api = Api(make_client(kind, recorder, timeout=5))
    api.list_indexes()
    assert recorder.last.extensions["timeout"]["read"] == 5.0
    api.list_indexes(timeout=httpx.Timeout(1.0, connect=0.5))
    assert recorder.last.extensions["timeout"] == {"connect": 0.5, "read": 1.0, "write": 1.0, "pool": 1.0}
    Api(api.client.with_options(timeout=2.5)).list_indexes()
    assert recorder.last.extensions["timeout"]["read"] == 2.5
    api.list_indexes()
    assert recorder.last.extensions["timeout"]["read"] == 5.0, "with_options must not change the original"


def test_with_options_shares_the_pool_and_leaves_the_original_alone(recorder: Recorder) -> None:
    client = make_client("sync", recorder)
    derived = client.with_options(max_retries=0, extra_headers={"X-Trace": "1"})
    assert derived._http is client._http
    assert client.options.extra_headers == {} and client.options.retry.max_retries == 3
    derived.close()
    assert not client._http.is_closed, "a derived client never closes the shared pool"
    client.close()
    assert client._http.is_closed


def test_a_caller_supplied_http_client_is_not_closed(recorder: Recorder) -> None:
    http = httpx.Client(transport=SyncTransport(recorder))
    recorder.script(OK_LIST)
    with pc.Client(api_key="k", host=HOST, http_client=http) as client:
        client.list_indexes()
    assert not http.is_closed
    http.close()


def test_a_caller_supplied_async_http_client_is_not_closed(recorder: Recorder) -> None:
    async def scenario() -> bool:
        http = httpx.AsyncClient(transport=AsyncTransport(recorder))
        recorder.script(OK_LIST)
        async with pc.AsyncClient(api_key="k", host=HOST, http_client=http) as client:
            await client.list_indexes()
        closed = http.is_closed
        await http.aclose()
        return closed

    assert asyncio.run(scenario()) is False


def test_a_caller_supplied_transport_is_not_closed() -> None:
    closed: list[bool] = []

    class Transport(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, json={"indexes": []})

        def close(self) -> None:
            closed.append(True)

    with pc.Client(api_key="k", transport=Transport()) as client:
        client.list_indexes()
    assert closed == []


def test_http_client_and_transport_are_exclusive(recorder: Recorder) -> None:
    with pytest.raises(pc.ClientValidationError):
        pc.Client(api_key="k", http_client=httpx.Client(), transport=SyncTransport(recorder))


def test_tls_verification_is_on_by_default() -> None:
    client = pc.Client(api_key="k")
    pool = client._http._transport._pool  # type: ignore[attr-defined]
    assert pool._ssl_context.verify_mode.name == "CERT_REQUIRED"


# -- secrets ------------------------------------------------------------------------------------


def _exercise(kind: str, recorder: Recorder) -> list[BaseException]:
    """Drive every kind of failure and return the exceptions raised."""
    recorder.script(
        OK_LIST,
        error_reply(401, "UNAUTHENTICATED", "Invalid API key."),
        httpx.ConnectError("refused"),
        httpx.Response(200, content=b"{broken"),
    )
    client = make_client(kind, recorder, max_retries=0)
    api = Api(client)
    errors: list[BaseException] = []
    api.list_indexes()
    calls: tuple[Callable[[], Any], ...] = (
        lambda: api.list_indexes(),
        lambda: api.describe_index("x"),
        lambda: api.describe_index("y"),
        lambda: api.describe_index("Bad Name"),
    )
    for call in calls:
        try:
            call()
        except pc.PineconeError as exc:
            errors.append(exc)
    assert len(errors) == 4
    return errors


def test_the_key_never_appears_in_logs_reprs_errors_or_tracebacks(
    kind: str, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        errors = _exercise(kind, recorder)
    client = make_client(kind, recorder)
    texts: list[str] = [repr(client), str(client), repr(client.options), str(client.options)]
    texts += [r.getMessage() for r in caplog.records]
    for exc in errors:
        texts += [str(exc), repr(exc), "".join(traceback.format_exception(exc)), repr(vars(exc))]
    assert any("list_indexes: GET" in t for t in texts), "DEBUG request logging should be present"
    assert all(API_KEY not in text for text in texts)


def test_the_scrubber_masks_a_key_that_reaches_our_logger(caplog: pytest.LogCaptureFixture) -> None:
    pc.Client(api_key=API_KEY)
    with caplog.at_level(logging.DEBUG, logger="pinecone_control"):
        logger.debug("oops %s", API_KEY)
    assert API_KEY not in caplog.text and "<redacted>" in caplog.text


def test_debug_logging_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LOG_ENV, "debug")
    before = list(logger.handlers)
    try:
        setup_from_env()
        setup_from_env()  # idempotent
        added = [h for h in logger.handlers if h not in before]
        assert len(added) == 1 and logger.level == logging.DEBUG
    finally:
        for handler in logger.handlers[:]:
            if handler not in before:
                logger.removeHandler(handler)
        logger.setLevel(logging.NOTSET)


def test_public_surface_is_the_same_sync_and_async() -> None:
    def surface(cls: type) -> dict[str, Any]:
        import inspect

        return {
            name: list(inspect.signature(getattr(cls, name)).parameters)
            for name in dir(cls)
            if not name.startswith("_") and callable(getattr(cls, name))
        }

    assert surface(pc.Client) == surface(pc.AsyncClient)
    operations = {
        "list_indexes",
        "create_index",
        "describe_index",
        "delete_index",
        "configure_index",
        "list_collections",
        "create_collection",
        "describe_collection",
        "delete_collection",
        "embed",
        "has_index",
    }
    assert operations <= set(surface(pc.Client))
