"""Retry policy: which failures are retried, how long the client waits, and the budget."""

from __future__ import annotations

import email.utils
import math
import time

import httpx
import pinecone_control as pc
import pytest
from pinecone_control._retry import RetryPolicy, parse_retry_after

from ..support import Api
from .conftest import Recorder, error_reply, index_payload, json_reply

OK_LIST = json_reply(200, {"indexes": []})


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_retryable_statuses_are_retried_then_succeed(
    api: Api, recorder: Recorder, sleeps: list[float], status: int
) -> None:
    recorder.script(httpx.Response(status), httpx.Response(status), OK_LIST)
    assert api.list_indexes().names() == []
    assert len(recorder.requests) == 3
    assert len(sleeps) == 2
    # Exponential backoff with up to 25% jitter off: 0.5 then 1.0 seconds.
    assert 0.375 <= sleeps[0] <= 0.5 and 0.75 <= sleeps[1] <= 1.0


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 412, 422])
def test_other_4xx_are_never_retried(api: Api, recorder: Recorder, sleeps: list[float], status: int) -> None:
    recorder.script(error_reply(status, "X", "no"), OK_LIST)
    with pytest.raises(pc.APIStatusError):
        api.list_indexes()
    assert len(recorder.requests) == 1 and sleeps == []


def test_retry_budget_is_honoured(api: Api, recorder: Recorder, sleeps: list[float]) -> None:
    recorder.script(httpx.Response(503))
    with pytest.raises(pc.InternalServerError):
        api.list_indexes()
    assert len(recorder.requests) == 4  # 1 + the default 3 retries
    recorder.requests.clear()
    with pytest.raises(pc.InternalServerError):
        api.list_indexes(max_retries=1)
    assert len(recorder.requests) == 2
    recorder.requests.clear()
    with pytest.raises(pc.InternalServerError):
        api.list_indexes(max_retries=0)
    assert len(recorder.requests) == 1


def test_with_options_sets_the_budget_without_touching_the_original(api: Api, recorder: Recorder) -> None:
    recorder.script(httpx.Response(500))
    strict = api.client.with_options(max_retries=0)
    with pytest.raises(pc.InternalServerError):
        Api(strict).describe_index("movies")
    assert len(recorder.requests) == 1
    assert api.client.options.retry.max_retries == 3


def test_connection_errors_are_retried(api: Api, recorder: Recorder, sleeps: list[float]) -> None:
    recorder.script(httpx.ConnectError("refused"), httpx.ReadError("reset"), OK_LIST)
    assert api.list_indexes().names() == []
    assert len(recorder.requests) == 3


def test_retry_after_seconds_is_honoured(api: Api, recorder: Recorder, sleeps: list[float]) -> None:
    recorder.script(error_reply(429, "RESOURCE_EXHAUSTED", "slow", {"retry-after": "2.5"}), OK_LIST)
    api.list_indexes()
    assert sleeps == [2.5]


def test_retry_after_http_date_is_honoured(api: Api, recorder: Recorder, sleeps: list[float]) -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    recorder.script(httpx.Response(503, headers={"retry-after": when}), OK_LIST)
    api.list_indexes()
    assert len(sleeps) == 1 and 27 <= sleeps[0] <= 30


def test_retry_after_beyond_the_cap_is_reported_not_waited(api: Api, recorder: Recorder, sleeps: list[float]) -> None:
    recorder.script(error_reply(429, "QUOTA_EXCEEDED", "later", {"retry-after": "3600"}), OK_LIST)
    with pytest.raises(pc.RateLimitError) as info:
        api.list_indexes()
    assert info.value.retry_after == 3600 and sleeps == [] and len(recorder.requests) == 1


@pytest.mark.parametrize("operation", ["create_index", "create_collection"])
@pytest.mark.parametrize(
    "failure", [httpx.Response(500), httpx.Response(502), httpx.Response(504), httpx.ReadTimeout("t")]
)
def test_creates_are_not_resent_after_the_server_may_have_acted(
    api: Api, recorder: Recorder, operation: str, failure: httpx.Response | Exception
) -> None:
    recorder.script(failure, json_reply(201, index_payload()))
    with pytest.raises(pc.PineconeError):
        _create(api, operation)
    assert len(recorder.requests) == 1


@pytest.mark.parametrize("operation", ["create_index", "create_collection"])
@pytest.mark.parametrize("failure", [error_reply(429, "RESOURCE_EXHAUSTED", "slow"), httpx.ConnectError("refused")])
def test_creates_are_resent_when_the_server_cannot_have_acted(
    api: Api, recorder: Recorder, operation: str, failure: httpx.Response | Exception
) -> None:
    body = index_payload() if operation == "create_index" else {"name": "snap", "status": "Ready", "environment": "e"}
    recorder.script(failure, json_reply(201, body))
    _create(api, operation)
    assert len(recorder.requests) == 2


def _create(api: Api, operation: str) -> object:
    if operation == "create_index":
        return api.create_index("movies", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"))
    return api.create_collection("snap", source="pods")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", 0.0),
        ("12", 12.0),
        (" 12 ", 12.0),
        ("+7", 7.0),
        ("1.5", 1.5),
        ("soon", None),
        ("", None),
        (None, None),
        # Negative is a server bug, not "hurry": treated as absent, so the normal backoff applies.
        ("-3", None),
        ("-5", None),
        ("-inf", None),
        # Exponents are read as written; non-finite and overflowing numbers are "longer than any cap".
        ("1e308", 1e308),
        ("1e400", math.inf),
        ("9" * 400, math.inf),
        ("inf", math.inf),
        ("Infinity", math.inf),
        ("nan", math.inf),
        # float() would accept these; a header must not.
        ("1_0", None),
        ("\u0661\u0662", None),
        ("0x10", None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value) == expected


def test_parse_retry_after_dates() -> None:
    now = 1_700_000_000.0
    assert parse_retry_after(email.utils.formatdate(now + 10, usegmt=True), now=now) == 10.0
    assert parse_retry_after(email.utils.formatdate(now - 10, usegmt=True), now=now) == 0.0
    assert parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now=now) == 253402300799.0 - now
    assert parse_retry_after("Mon, 32 Foo 2024 99:99:99 GMT", now=now) is None


def _delay(value: str, *, status: int = 429, retries_done: int = 0, now: float | None = None) -> float | None:
    policy = RetryPolicy()
    response = httpx.Response(status, headers={"retry-after": value})
    return policy.delay_before_retry(idempotent=True, retries_done=retries_done, outcome=response, now=now)


@pytest.mark.parametrize("value", ["-5", "-3.5", "0", "0.1", "soon", "Mon, 01 Jan 2001 00:00:00 GMT"])
def test_retry_after_never_shortens_the_backoff(value: str) -> None:
    """Old code: -5 and 0 (and past dates) meant a resend at once, with no backoff."""
    for retries_done, nominal in ((0, 0.5), (2, 2.0)):
        delay = _delay(value, retries_done=retries_done)
        assert delay is not None and 0.75 * nominal <= delay <= nominal


@pytest.mark.parametrize("value", ["inf", "1e308", "nan", "9" * 400, "61"])
def test_retry_after_beyond_any_cap_is_never_waited(value: str) -> None:
    assert _delay(value) is None
    assert _delay(value, status=503) is None


def test_an_infinite_retry_after_is_never_waited_even_without_a_cap() -> None:
    policy = RetryPolicy(retry_after_cap=math.inf)
    for value in ("inf", "nan", "1e400"):
        response = httpx.Response(429, headers={"retry-after": value})
        assert policy.delay_before_retry(idempotent=True, retries_done=0, outcome=response) is None
    response = httpx.Response(429, headers={"retry-after": "3600"})
    assert policy.delay_before_retry(idempotent=True, retries_done=0, outcome=response) == 3600


def test_retry_after_dates_use_the_given_now() -> None:
    now = 1_700_000_000.0
    header = email.utils.formatdate(now + 20, usegmt=True)
    assert _delay(header, now=now) == 20.0
    assert _delay(header, now=now + 15) == 5.0
    assert _delay(header, now=now - 100) is None  # 120 s: beyond the cap


@pytest.mark.parametrize("value", ["inf", "1e308", "nan", "9" * 400])
def test_unwaitable_retry_after_raises_rate_limit_at_once(
    api: Api, recorder: Recorder, sleeps: list[float], value: str
) -> None:
    recorder.script(error_reply(429, "RESOURCE_EXHAUSTED", "slow", {"retry-after": value}), OK_LIST)
    with pytest.raises(pc.RateLimitError) as info:
        api.list_indexes()
    assert info.value.retry_after is not None and info.value.retry_after > 60
    assert sleeps == [] and len(recorder.requests) == 1


def test_negative_retry_after_backs_off(api: Api, recorder: Recorder, sleeps: list[float]) -> None:
    recorder.script(error_reply(429, "RESOURCE_EXHAUSTED", "slow", {"retry-after": "-5"}), OK_LIST)
    api.list_indexes()
    assert len(sleeps) == 1 and 0.375 <= sleeps[0] <= 0.5


def test_backoff_is_capped_and_jittered() -> None:
    policy = RetryPolicy(max_retries=10, initial_backoff=1.0, max_backoff=4.0)
    delays = [policy.backoff(n) for n in range(1, 8)]
    assert all(
        0.75 * min(4.0, 2 ** (n - 1)) <= d <= min(4.0, 2 ** (n - 1)) for n, d in zip(range(1, 8), delays, strict=True)
    )


def test_invalid_budget_is_rejected() -> None:
    with pytest.raises(pc.ClientValidationError):
        RetryPolicy().with_max_retries(-1)
