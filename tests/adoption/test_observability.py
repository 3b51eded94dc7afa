"""Observability: raw responses of every method, the per-attempt hook, OpenTelemetry spans; sync
and async, against the emulator in-process (request ids added by a wrapping transport, since the
emulator sends none)."""

from __future__ import annotations

import asyncio
import itertools
import logging
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

import httpx
import pinecone_control as pc
import pytest
from codegen.pin import REPO_ROOT
from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.sdk.trace.sampling import Decision, Sampler, SamplingResult
from opentelemetry.trace import Link, SpanKind, StatusCode, TraceState
from opentelemetry.util.types import Attributes
from pinecone_control.testing import Emulator, Timings
from pinecone_control.testing._transport import AsyncEmulatorTransport, EmulatorTransport

from ..support import Api

KIND = ["sync", "async"]
KEY = "obs-canary-key-3b9f7c1e"
HOST = "https://api.pinecone.emulator"
SPEC = pc.serverless_spec("aws", "us-east-1")


class _Ids:
    """Numbers each answer's `x-pinecone-request-id`, as Pinecone's gateway does."""

    def __init__(self) -> None:
        self.counter = itertools.count(1)

    def tag(self, response: httpx.Response) -> httpx.Response:
        response.headers["x-pinecone-request-id"] = f"req-{next(self.counter)}"
        return response


class _Tagged(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport, ids: _Ids) -> None:
        self.inner, self.ids = inner, ids

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.ids.tag(self.inner.handle_request(request))


class _AsyncTagged(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, ids: _Ids) -> None:
        self.inner, self.ids = inner, ids

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self.ids.tag(await self.inner.handle_async_request(request))


class _SteppingClock:
    """Each `now()` is a quarter second after the previous one: an attempt's elapsed time read
    from this clock is exactly 0.25, and from any other clock it is not."""

    def __init__(self) -> None:
        self.t = 0.0

    def now(self) -> float:
        self.t += 0.25
        return self.t

    def sleep(self, seconds: float) -> None:
        self.t += seconds


class _AsyncSteppingClock(_SteppingClock):
    async def sleep(self, seconds: float) -> None:  # type: ignore[override]
        self.t += seconds


def _api(kind: str, emulator: Emulator, **options: Any) -> Api:
    ids = _Ids()
    options = {"api_key": KEY, "host": HOST, **options}
    if kind == "sync":
        options.setdefault("clock", emulator.client_clock())
        return Api(pc.Client(transport=_Tagged(EmulatorTransport(emulator, emulator.clock), ids), **options))
    options.setdefault("clock", emulator.async_client_clock())
    transport = _AsyncTagged(AsyncEmulatorTransport(emulator, emulator.clock), ids)
    return Api(pc.AsyncClient(transport=transport, **options))


def _emulator() -> Emulator:
    return Emulator(timings=Timings.instant(), api_keys=[KEY])


def _raw(api: Api, name: str, *args: Any, **kwargs: Any) -> pc.RawResponse[Any]:
    result: pc.RawResponse[Any] = api.run(getattr(api.client.with_raw_response, name)(*args, **kwargs))
    return result


# -- raw responses ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KIND)
def test_raw_response_of_a_generated_method(kind: str) -> None:
    emulator = _emulator()
    api = _api(kind, emulator)
    api.create_index("movies", dimension=8, spec=SPEC)
    raw = _raw(api, "describe_index", "movies")
    assert raw.status_code == 200
    assert raw.request_id == "req-2" == raw.headers["x-pinecone-request-id"]
    assert raw.attempts == 1
    assert raw.http_response.request.url.path == "/indexes/movies"
    model = raw.parse()
    assert isinstance(model, pc.IndexModel) and model.name == "movies"
    assert "req-2" in repr(raw) and "[200]" in repr(raw)
    api.close()


@pytest.mark.parametrize("kind", KIND)
def test_raw_response_counts_retries_and_times_the_call_on_the_clients_clock(kind: str) -> None:
    emulator = _emulator()
    delays: list[float | None] = []
    api = _api(kind, emulator, on_attempt=lambda info: delays.append(info.retry_delay))
    api.create_index("movies", dimension=8, spec=SPEC)
    emulator.faults.fail_next(2, 503, operation="describe_index")
    before = emulator.clock.now()
    raw = _raw(api, "describe_index", "movies")
    assert raw.attempts == 3 and raw.status_code == 200
    assert raw.request_id is not None
    slept = sum(d for d in delays if d is not None)
    # the emulator's clock: its sleeps are virtual, so the backoff is all of the elapsed time
    assert 0 < slept <= raw.elapsed <= emulator.clock.now() - before
    api.close()


@pytest.mark.parametrize("kind", KIND)
def test_raw_response_of_conveniences_and_waits(kind: str) -> None:
    # A create that is not Ready at once (instant timings answer Ready: no wait, no describe).
    emulator = Emulator(timings=replace(Timings.instant(), serverless_ready=5.0), api_keys=[KEY])
    api = _api(kind, emulator)
    created = _raw(api, "create_index", "movies", dimension=8, spec=SPEC, wait_timeout=60)
    assert isinstance(created.parse(), pc.IndexModel)
    assert created.http_response.request.method == "GET"  # the wait's last describe
    assert created.attempts >= 2
    missing = _raw(api, "has_index", "nope")
    assert missing.parse() is False and missing.status_code == 404
    listed = _raw(api, "list_indexes")
    assert listed.parse().names() == ["movies"]
    ready = _raw(api, "wait_for_index_ready", "movies")
    assert ready.parse().name == "movies" and ready.request_id is not None
    deleted = _raw(api, "delete_index", "movies")
    assert deleted.parse() is None and deleted.status_code == 202
    api.close()


@pytest.mark.parametrize("kind", KIND)
def test_raw_response_reaches_every_public_method(kind: str) -> None:
    """Derived from the class, not from a list: a method added later is covered too."""
    api = _api(kind, _emulator())
    view = api.client.with_raw_response
    methods = [
        name
        for name in dir(type(api.client))
        if not name.startswith("_")
        and callable(getattr(type(api.client), name))
        and name not in {"close", "with_options"}
    ]
    assert {"describe_index", "create_collection", "embed", "has_index", "wait_for_index_ready"} <= set(methods)
    for name in methods:
        assert getattr(view, name).__name__ == name
    for name in ("close", "with_options", "options", "_invocation", "nonexistent"):
        with pytest.raises(AttributeError, match=name):
            getattr(view, name)
    api.close()


@pytest.mark.parametrize("kind", KIND)
def test_raw_response_typed_form_and_errors(kind: str) -> None:
    emulator = _emulator()
    api = _api(kind, emulator)
    client: Any = api.client
    api.create_index("movies", dimension=8, spec=SPEC)
    raw = api.run(client.with_raw_response(client.describe_index)("movies"))
    assert raw.parse().name == "movies" and raw.status_code == 200
    with pytest.raises(TypeError, match="method of this client"):
        client.with_raw_response(len)
    other = _api(kind, emulator)
    with pytest.raises(TypeError, match="method of this client"):
        client.with_raw_response(other.client.describe_index)
    # A failing call raises its usual typed error, request id included.
    with pytest.raises(pc.NotFoundError) as caught:
        _raw(api, "describe_index", "nope")
    assert caught.value.request_id is not None
    other.close()
    api.close()


def test_raw_response_typed_for_mypy_strict(tmp_path: Any) -> None:
    from .test_reading import strict_mypy

    script = (
        "from pinecone_control import AsyncClient, Client, IndexModel, RawResponse\n"
        "def sync(pc: Client) -> None:\n"
        "    raw: RawResponse[IndexModel] = pc.with_raw_response(pc.describe_index)('x')\n"
        "    model: IndexModel = raw.parse()\n"
        "    rid: str | None = raw.request_id\n"
        "    status: int = raw.status_code\n"
        "    print(model, rid, status, raw.attempts, raw.elapsed, raw.headers)\n"
        "    pc.with_raw_response.has_index('x').parse()\n"
        "async def run(pc: AsyncClient) -> None:\n"
        "    raw = await pc.with_raw_response(pc.describe_index)('x')\n"
        "    model: IndexModel = raw.parse()\n"
        "    print(model)\n"
        "def wrong(pc: Client) -> None:\n"
        "    pc.with_raw_response(pc.describe_index)(1)\n"
    )
    result = strict_mypy(tmp_path, script)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert 'user_script.py:14: error: Argument 1 has incompatible type "int"; expected "str"' in errors[0]


# -- the on_attempt hook ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KIND)
def test_on_attempt_sees_every_attempt(kind: str) -> None:
    emulator = _emulator()
    seen: list[pc.AttemptInfo] = []
    api = _api(kind, emulator, on_attempt=seen.append)
    api.create_index("movies", dimension=8, spec=SPEC)
    emulator.faults.fail_next(1, 503, operation="describe_index")
    emulator.faults.drop_next(1, operation="describe_index")
    api.describe_index("movies")
    create, *describes = seen
    assert (create.operation, create.method, create.status_code, create.attempt) == ("create_index", "POST", 201, 1)
    assert create.url == f"{HOST}/indexes" and create.retry_delay is None and create.request_id == "req-1"
    assert [(i.attempt, i.outcome, i.error_type) for i in describes] == [
        (1, "503", None),
        (2, "RemoteProtocolError", "RemoteProtocolError"),
        (3, "200", None),
    ]
    assert describes[0].retry_delay is not None and describes[1].retry_delay is not None
    assert describes[2].retry_delay is None
    assert describes[1].status_code is None and describes[1].request_id is None
    assert describes[2].request_id is not None
    assert all(i.operation == "describe_index" and i.url == f"{HOST}/indexes/movies" for i in describes)
    api.close()


@pytest.mark.parametrize("kind", KIND)
def test_on_attempt_elapsed_comes_from_the_clients_clock(kind: str) -> None:
    emulator = _emulator()
    seen: list[pc.AttemptInfo] = []
    clock = _SteppingClock() if kind == "sync" else _AsyncSteppingClock()
    api = _api(kind, emulator, on_attempt=seen.append, clock=clock)
    api.list_indexes()
    assert [i.elapsed for i in seen] == [0.25]
    api.close()


@pytest.mark.parametrize("kind", KIND)
def test_on_attempt_redacts_a_password_in_the_host(kind: str) -> None:
    seen: list[pc.AttemptInfo] = []
    api = _api(kind, _emulator(), on_attempt=seen.append, host="https://user:hunter2-secret@api.pinecone.emulator")
    api.list_indexes()
    assert seen[0].url == "https://user:<redacted>@api.pinecone.emulator/indexes"
    api.close()


@pytest.mark.parametrize("kind", KIND)
def test_a_hook_that_raises_is_logged_and_the_call_goes_on(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    calls: list[int] = []

    def broken(info: pc.AttemptInfo) -> None:
        calls.append(info.attempt)
        raise RuntimeError(f"metrics backend down ({KEY})")

    emulator = _emulator()
    api = _api(kind, emulator, on_attempt=broken)
    emulator.faults.fail_next(1, 503, operation="list_indexes")
    with caplog.at_level(logging.ERROR, logger="pinecone_control"):
        assert api.list_indexes().names() == []
    assert calls == [1, 2]  # the retry still happened
    records = [r for r in caplog.records if "on_attempt hook raised" in r.getMessage()]
    assert len(records) == 2 and records[0].exc_info is not None
    assert KEY not in caplog.text  # the logger's filter masks the key, in the traceback too
    api.close()


def test_on_attempt_must_be_callable() -> None:
    with pytest.raises(pc.ClientValidationError, match="on_attempt must be callable"):
        pc.Client(api_key=KEY, on_attempt="print")  # type: ignore[arg-type]


def test_with_options_keeps_the_hook() -> None:
    seen: list[pc.AttemptInfo] = []
    api = _api("sync", _emulator(), on_attempt=seen.append)
    Api(api.client.with_options(max_retries=0)).list_indexes()
    assert len(seen) == 1
    api.close()


# -- OpenTelemetry ------------------------------------------------------------------------------


class _Switch(Sampler):
    """Samples only while a test asks for spans: OpenTelemetry's global provider is set once per
    process, and later tests must not pay for (or keep in memory) spans nobody reads."""

    on = False

    def should_sample(
        self,
        parent_context: Context | None,
        trace_id: int,
        name: str,
        kind: SpanKind | None = None,
        attributes: Attributes = None,
        links: Sequence[Link] | None = None,
        trace_state: TraceState | None = None,
    ) -> SamplingResult:
        return SamplingResult(Decision.RECORD_AND_SAMPLE if self.on else Decision.DROP, attributes, trace_state)

    def get_description(self) -> str:
        return "tests: on while a test asks for spans"


_EXPORTER = InMemorySpanExporter()
_SWITCH = _Switch()


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    """The process's tracer provider (set once), recording into memory for this test only."""
    if not isinstance(trace.get_tracer_provider(), TracerProvider):
        provider = TracerProvider(sampler=_SWITCH)
        provider.add_span_processor(SimpleSpanProcessor(_EXPORTER))
        trace.set_tracer_provider(provider)
    _EXPORTER.clear()
    _SWITCH.on = True
    try:
        yield _EXPORTER
    finally:
        _SWITCH.on = False
        _EXPORTER.clear()


def _ours(exporter: InMemorySpanExporter) -> list[Any]:
    return [
        s
        for s in exporter.get_finished_spans()
        if s.instrumentation_scope and s.instrumentation_scope.name == "pinecone_control"
    ]


@pytest.mark.parametrize("kind", KIND)
def test_spans_follow_the_http_client_conventions(kind: str, spans: InMemorySpanExporter) -> None:
    emulator = _emulator()
    api = _api(kind, emulator, host="https://user:hunter2-secret@api.pinecone.emulator")
    api.create_index("movies", dimension=8, spec=SPEC)
    emulator.faults.fail_next(1, 503, operation="describe_index")
    emulator.faults.drop_next(1, operation="describe_index")
    api.describe_index("movies")
    create, first, second, third = _ours(spans)
    assert create.name == "POST" and create.kind == SpanKind.CLIENT
    assert dict(create.attributes) == {
        "http.request.method": "POST",
        "url.full": "https://user:<redacted>@api.pinecone.emulator/indexes",
        "server.address": "api.pinecone.emulator",
        "server.port": 443,
        "http.response.status_code": 201,
    }
    assert create.status.status_code == StatusCode.UNSET
    assert first.name == "GET" and first.attributes["http.response.status_code"] == 503
    assert first.attributes["error.type"] == "503" and first.status.status_code == StatusCode.ERROR
    assert "http.request.resend_count" not in first.attributes
    assert second.attributes["http.request.resend_count"] == 1
    assert second.attributes["error.type"] == "httpx.RemoteProtocolError"
    assert "http.response.status_code" not in second.attributes
    assert third.attributes["http.request.resend_count"] == 2
    assert third.attributes["http.response.status_code"] == 200 and "error.type" not in third.attributes
    api.close()


@pytest.mark.parametrize("kind", KIND)
def test_the_key_never_reaches_a_span(kind: str, spans: InMemorySpanExporter) -> None:
    emulator = _emulator()
    api = _api(kind, emulator, extra_headers={"X-Team": "search"})
    api.create_index("movies", dimension=8, spec=SPEC)
    emulator.faults.fail_next(1, 401, body={"error": {"code": "UNAUTHENTICATED", "message": f"bad key {KEY}"}})
    with pytest.raises(pc.AuthenticationError):
        api.list_indexes()
    found = _ours(spans)
    assert len(found) == 2
    for span in found:
        text = repr(dict(span.attributes)) + repr(span.events) + span.name + repr(span.status)
        assert KEY not in text
    api.close()


def test_spans_are_children_of_the_callers_span(spans: InMemorySpanExporter) -> None:
    emulator = _emulator()
    tracer = trace.get_tracer("app")
    api = _api("sync", emulator)
    with tracer.start_as_current_span("deploy") as parent:
        api.list_indexes()

    async def run() -> None:
        client = pc.AsyncClient(api_key=KEY, host=HOST, transport=AsyncEmulatorTransport(emulator, emulator.clock))
        with tracer.start_as_current_span("deploy-async"):
            await client.list_indexes()
        await client.close()

    asyncio.run(run())
    sync_span, async_span = _ours(spans)
    async_parent = next(s for s in spans.get_finished_spans() if s.name == "deploy-async")
    assert sync_span.parent is not None and sync_span.parent.span_id == parent.get_span_context().span_id
    assert async_span.parent is not None and async_span.parent.span_id == async_parent.context.span_id
    api.close()


def test_the_readme_example_prints_what_the_readme_shows(capsys: pytest.CaptureFixture[str]) -> None:
    """The "Observability" block runs as shown; its printed lines match the README's up to timings."""
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Observability") :]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    shown = re.search(r"```text\n(.*?)```", section, re.DOTALL)
    assert code is not None and shown is not None
    exec(compile(code.group(1), "README-observability", "exec"), {"__name__": "readme"})

    def timeless(lines: str) -> str:
        return re.sub(r"\d+\.\d+", "N", lines)

    assert timeless(capsys.readouterr().out) == timeless(shown.group(1))


def test_a_cancelled_attempt_still_ends_its_span(spans: InMemorySpanExporter) -> None:
    """A task cancelled mid-attempt leaves no span open; the span names the cancellation."""
    started = asyncio.Event()

    async def never(request: httpx.Request) -> httpx.Response:
        started.set()
        await asyncio.sleep(3600)
        raise AssertionError("unreachable")

    async def run() -> None:
        client = pc.AsyncClient(api_key=KEY, host=HOST, transport=httpx.MockTransport(never))
        task = asyncio.create_task(client.list_indexes())
        await started.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await client.close()

    asyncio.run(run())
    (span,) = _ours(spans)
    assert span.attributes["error.type"] == "asyncio.exceptions.CancelledError"
    assert span.status.status_code == StatusCode.ERROR


def test_without_opentelemetry_calls_work_and_import_stays_light() -> None:
    """The base install: `opentelemetry` absent (blocked here) changes nothing; installed, it is
    not imported by `import pinecone_control` or constructing a client, only at the first request."""
    script = (
        "import sys\n"
        "import pinecone_control as pc\n"
        "pc.Client(api_key='k')\n"
        "assert not any(m.startswith('opentelemetry') for m in sys.modules), 'imported at construction'\n"
        "sys.modules['opentelemetry'] = None  # as if not installed: importing it raises ImportError\n"
        "from pinecone_control.testing import Emulator\n"
        "seen = []\n"
        "with Emulator().client(on_attempt=seen.append) as client:\n"
        "    raw = client.with_raw_response.list_indexes()\n"
        "assert raw.status_code == 200 and [i.status_code for i in seen] == [200]\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout == "ok\n", done.stderr
