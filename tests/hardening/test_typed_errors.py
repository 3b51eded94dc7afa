"""Only `PineconeError` escapes: every input the caller got wrong is a `ClientValidationError`
before any I/O, and a closed client says so with a typed error."""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
from typing import Any

import httpx
import pinecone_control as pc
import pytest

from ..support import Api, shared_loop
from .servers import RawServer, silent

KIND = ["sync", "async"]


def make(kind: str, **options: Any) -> Api:
    options.setdefault("api_key", "k")
    options.setdefault("host", "https://api.test")
    return Api(pc.Client(**options) if kind == "sync" else pc.AsyncClient(**options))


class Recorder:
    def __init__(self, answer: httpx.Response | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.answer = answer or httpx.Response(200, json={"indexes": []})

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answer

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


# -- closed clients -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KIND)
def test_a_call_on_a_closed_client_is_a_typed_error(kind: str) -> None:
    api = make(kind, transport=Recorder().transport())
    api.close()
    with pytest.raises(pc.ClientClosedError):
        api.list_indexes()
    derived = api.client.with_options(max_retries=0)
    with pytest.raises(pc.ClientClosedError):
        Api(derived).list_indexes()


@pytest.mark.parametrize("kind", KIND)
def test_a_call_in_flight_during_close_is_a_typed_error(kind: str) -> None:
    with RawServer(silent) as server:
        api = make(kind, host=server.url, timeout=5, max_retries=3)
        errors: list[BaseException] = []

        def call() -> None:
            try:
                api.list_indexes()
            except BaseException as exc:
                errors.append(exc)

        thread = threading.Thread(target=call)
        thread.start()
        time.sleep(0.3)  # the request is on the wire, waiting for an answer that never comes
        api.close()
        thread.join(10)
    assert len(errors) == 1
    assert isinstance(errors[0], pc.PineconeError), repr(errors[0])


@pytest.mark.parametrize("kind", KIND)
def test_a_wait_in_progress_during_close_is_a_typed_error(kind: str) -> None:
    payload = {
        "name": "x",
        "dimension": 8,
        "metric": "cosine",
        "host": "x.io",
        "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}},
        "status": {"ready": False, "state": "Initializing"},
    }
    api = make(kind, transport=Recorder(httpx.Response(200, json=payload)).transport())
    errors: list[BaseException] = []

    def wait() -> None:
        try:
            api.wait_for_index_ready("x", wait_timeout=10)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=wait)
    thread.start()
    time.sleep(0.3)  # between polls: the wait sleeps a second between describes
    api.close()
    thread.join(15)
    assert len(errors) == 1
    assert isinstance(errors[0], pc.ClientClosedError), repr(errors[0])


# -- inputs that cannot travel --------------------------------------------------------------------


@pytest.mark.parametrize("kind", KIND)
def test_a_lone_surrogate_is_refused_before_io(kind: str) -> None:
    recorder = Recorder()
    api = make(kind, transport=recorder.transport())
    with pytest.raises(pc.ClientValidationError, match=r"inputs\[1\]\.text"):
        api.embed(model="multilingual-e5-large", inputs=["fine", "bad \udcff text"])
    with pytest.raises(pc.ClientValidationError, match="not valid Unicode"):
        api.create_index("x", dimension=8, spec=pc.pod_spec("us-east1-gcp\udc80", "p1.x1"))
    api.close()
    assert recorder.requests == []


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize(
    "headers", [{"x-team": "café"}, {"x-team": "a\r\nb"}, {"bad header": "v"}, {"x-ok": "zero\u200bwidth"}]
)
def test_headers_that_cannot_be_sent_are_refused_at_construction(kind: str, headers: dict[str, str]) -> None:
    with pytest.raises(pc.ClientValidationError):
        make(kind, extra_headers=headers)
    api = make(kind)
    with pytest.raises(pc.ClientValidationError):
        api.client.with_options(extra_headers=headers)
    api.close()


BAD_TIMEOUTS = [math.nan, math.inf, -1.0, 0, 1e300, httpx.Timeout(-1.0), httpx.Timeout(5.0, read=math.nan), "5"]


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize("timeout", BAD_TIMEOUTS, ids=repr)
def test_timeouts_that_cannot_work_are_refused(kind: str, timeout: Any) -> None:
    with pytest.raises(pc.ClientValidationError):
        make(kind, timeout=timeout)
    recorder = Recorder()
    api = make(kind, transport=recorder.transport())
    with pytest.raises(pc.ClientValidationError):
        api.list_indexes(timeout=timeout)
    with pytest.raises(pc.ClientValidationError):
        make(kind, total_timeout=timeout if not isinstance(timeout, httpx.Timeout) else math.inf)
    api.close()
    assert recorder.requests == []


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize("wait_timeout", [math.nan, math.inf, "10"])
def test_wait_timeouts_that_cannot_work_are_refused(kind: str, wait_timeout: Any) -> None:
    api = make(kind, transport=Recorder().transport())
    with pytest.raises(pc.ClientValidationError):
        api.wait_for_index_ready("x", wait_timeout=wait_timeout)
    api.close()


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize("host", ["http://127.0.0.1:99999", "https://api.test:0", "https://api.test:65536"])
def test_ports_out_of_range_are_refused(kind: str, host: str) -> None:
    with pytest.raises(pc.ClientValidationError, match="port"):
        make(kind, host=host)


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize(
    "poll",
    [
        pc.PollSchedule(interval=0),
        pc.PollSchedule(interval=-1),
        pc.PollSchedule(interval=math.nan),
        pc.PollSchedule(interval=math.inf),
        pc.PollSchedule(maximum=0),
        pc.PollSchedule(factor=0.5),
        pc.PollSchedule(steady_for=math.nan),
    ],
    ids=repr,
)
def test_poll_schedules_that_would_spin_or_overflow_are_refused(kind: str, poll: pc.PollSchedule) -> None:
    with pytest.raises(pc.ClientValidationError):
        make(kind, poll=poll)


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("ALL_PROXY", "socks5://127.0.0.1:1080"),
        ("HTTPS_PROXY", "ftp://127.0.0.1:21"),
        ("HTTPS_PROXY", "http://[::1"),
        ("https_proxy", "http://127.0.0.1:99999"),
    ],
)
def test_proxy_settings_that_cannot_work_are_typed(
    kind: str, variable: str, value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(variable, value)
    with pytest.raises(pc.ClientValidationError, match=variable):
        make(kind)
    monkeypatch.setenv("NO_PROXY", "api.test")
    make(kind).close()  # bypassed: the broken proxy is never used, so it is no error


# -- bodies that cannot be parsed -----------------------------------------------------------------


@pytest.mark.parametrize("kind", KIND)
def test_a_deeply_nested_success_body_is_a_validation_error(kind: str) -> None:
    nested = b"[" * 100_000 + b"]" * 100_000
    recorder = Recorder(httpx.Response(200, content=nested, headers={"content-type": "application/json"}))
    api = make(kind, transport=recorder.transport())
    with pytest.raises(pc.ResponseValidationError) as info:
        api.list_indexes()
    api.close()
    assert info.value.body == nested


def test_the_shared_loop_is_left_usable() -> None:
    # The async cases above run on the test session's shared loop; a leaked task would break it.
    assert asyncio.run_coroutine_threadsafe(asyncio.sleep(0, result=1), shared_loop()).result(5) == 1
    assert json.loads("[]") == []
