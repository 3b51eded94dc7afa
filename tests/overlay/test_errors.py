"""Every error status with JSON, HTML and empty bodies; connection, timeout and parse failures."""

from __future__ import annotations

import logging
import pickle
import traceback

import httpx
import pinecone_control as pc
import pytest
from pinecone_control import _secrets
from pinecone_control._errors import BodyDecodeError, error_class_for, loads_bounded

from ..support import Api
from .conftest import API_KEY, Recorder, error_reply, index_payload, json_reply

STATUS_CLASSES = [
    (400, pc.BadRequestError, "INVALID_ARGUMENT"),
    (401, pc.AuthenticationError, "UNAUTHENTICATED"),
    (402, pc.PaymentRequiredError, "PAYMENT_REQUIRED"),
    (403, pc.PermissionDeniedError, "FORBIDDEN"),
    (404, pc.NotFoundError, "NOT_FOUND"),
    (409, pc.ConflictError, "ALREADY_EXISTS"),
    (412, pc.PreconditionFailedError, "FAILED_PRECONDITION"),
    (422, pc.UnprocessableEntityError, "UNPROCESSABLE_ENTITY"),
    (429, pc.RateLimitError, "RESOURCE_EXHAUSTED"),
    (500, pc.InternalServerError, "UNKNOWN"),
    (502, pc.InternalServerError, None),
    (503, pc.InternalServerError, "UNAVAILABLE"),
    (504, pc.InternalServerError, None),
]
HTML = b"<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"


@pytest.fixture
def no_retry_api(api: Api) -> Api:
    return Api(api.client.with_options(max_retries=0))


@pytest.mark.parametrize(("status", "cls", "code"), STATUS_CLASSES)
def test_json_error_bodies(
    no_retry_api: Api, recorder: Recorder, status: int, cls: type[pc.APIStatusError], code: str | None
) -> None:
    code = code or "UNKNOWN"
    recorder.script(error_reply(status, code, f"failure {status}", {"x-pinecone-request-id": "req-42"}))
    with pytest.raises(cls) as info:
        no_retry_api.describe_index("movies")
    err = info.value
    assert isinstance(err, pc.APIStatusError) and isinstance(err, pc.PineconeError)
    assert (err.status_code, err.code, err.message, err.request_id) == (status, code, f"failure {status}", "req-42")
    assert err.error_response is not None and err.error_response.status == status
    assert err.headers["x-pinecone-request-id"] == "req-42"
    assert f"HTTP {status}" in str(err) and f"failure {status}" in str(err) and "req-42" in str(err)
    assert len(recorder.requests) == 1


@pytest.mark.parametrize(("status", "cls", "code"), STATUS_CLASSES)
def test_html_error_bodies(
    no_retry_api: Api, recorder: Recorder, status: int, cls: type[pc.APIStatusError], code: str | None
) -> None:
    recorder.script(httpx.Response(status, content=HTML, headers={"content-type": "text/html"}))
    with pytest.raises(cls) as info:
        no_retry_api.list_indexes()
    err = info.value
    assert err.body == HTML and err.code is None
    assert err.message is not None and "Bad Gateway" in err.message and "Bad Gateway" in err.text


@pytest.mark.parametrize(("status", "cls", "code"), STATUS_CLASSES)
def test_empty_error_bodies(
    no_retry_api: Api, recorder: Recorder, status: int, cls: type[pc.APIStatusError], code: str | None
) -> None:
    recorder.script(httpx.Response(status))
    with pytest.raises(cls) as info:
        no_retry_api.list_collections()
    assert info.value.body == b"" and info.value.code is None and info.value.message is None
    assert f"HTTP {status}" in str(info.value)


def test_unknown_error_code_is_kept(no_retry_api: Api, recorder: Recorder) -> None:
    recorder.script(error_reply(400, "BRAND_NEW_CODE", "something new"))
    with pytest.raises(pc.BadRequestError) as info:
        no_retry_api.list_indexes()
    assert info.value.code == "BRAND_NEW_CODE"
    assert info.value.error_response is not None
    assert info.value.error_response.error.code.is_unknown


@pytest.mark.parametrize("status", [301, 302, 418, 451, 599])
def test_undocumented_statuses_are_errors(no_retry_api: Api, recorder: Recorder, status: int) -> None:
    recorder.script(httpx.Response(status, headers={"location": "https://evil.example/"}))
    with pytest.raises(pc.APIStatusError) as info:
        no_retry_api.describe_index("movies")
    assert info.value.status_code == status
    assert len(recorder.requests) == 1, "redirects are never followed"


def test_deletion_protection_explains_how_to_turn_it_off(no_retry_api: Api, recorder: Recorder) -> None:
    recorder.script(error_reply(403, "FORBIDDEN", "Deletion protection is enabled for this index."))
    with pytest.raises(pc.DeletionProtectionError) as info:
        no_retry_api.delete_index("movies")
    text = str(info.value)
    assert "deletion protection is enabled" in text
    assert "configure_index('movies', deletion_protection='disabled')" in text
    assert isinstance(info.value, pc.PermissionDeniedError)


def test_collection_from_serverless_index_says_so(no_retry_api: Api, recorder: Recorder) -> None:
    recorder.script(error_reply(400, "INVALID_ARGUMENT", "Serverless indexes do not support collections."))
    with pytest.raises(pc.CollectionsNotSupportedError) as info:
        no_retry_api.create_collection("snap", source="movies")
    assert "serverless indexes do not support collections" in str(info.value)
    assert isinstance(info.value, pc.BadRequestError)


def test_rate_limit_carries_retry_after(no_retry_api: Api, recorder: Recorder) -> None:
    recorder.script(error_reply(429, "RESOURCE_EXHAUSTED", "slow down", {"retry-after": "7"}))
    with pytest.raises(pc.RateLimitError) as info:
        no_retry_api.list_indexes()
    assert info.value.retry_after == 7.0


@pytest.mark.parametrize(
    ("exc", "cls"),
    [
        (httpx.ConnectError("connection refused"), pc.APIConnectionError),
        (httpx.RemoteProtocolError("peer closed connection"), pc.APIConnectionError),
        (httpx.ReadTimeout("timed out"), pc.APITimeoutError),
        (httpx.ConnectTimeout("timed out"), pc.APITimeoutError),
    ],
)
def test_transport_failures_are_typed(no_retry_api: Api, recorder: Recorder, exc: Exception, cls: type) -> None:
    recorder.script(exc)
    with pytest.raises(cls) as info:
        no_retry_api.list_indexes()
    assert isinstance(info.value, pc.APIConnectionError)
    assert info.value.method == "GET" and info.value.url.endswith("/indexes")
    assert "list_indexes" in str(info.value)


@pytest.mark.parametrize(
    "reply",
    [
        httpx.Response(200, content=b"{not json"),
        httpx.Response(200, content=b'{"name": "movies"}'),  # required fields missing
        httpx.Response(200, content=b"<html>proxy login</html>", headers={"content-type": "text/html"}),
        httpx.Response(200, content=b"[]"),
        httpx.Response(
            200,
            content=b'{"name": "m", "dimension": "eight", "metric": 5, "host": "h", "spec": 1,'
            b' "status": {"ready": true, "state": "Ready"}}',
        ),
    ],
)
def test_unparseable_success_bodies_keep_the_raw_payload(
    no_retry_api: Api, recorder: Recorder, reply: httpx.Response
) -> None:
    recorder.script(reply)
    with pytest.raises(pc.ResponseValidationError) as info:
        no_retry_api.describe_index("movies")
    assert info.value.body == reply.content and info.value.status_code == 200


def test_extra_fields_in_a_success_body_are_kept(no_retry_api: Api, recorder: Recorder) -> None:
    payload = index_payload()
    payload["brand_new_field"] = {"x": 1}
    recorder.script(json_reply(200, payload))
    model = no_retry_api.describe_index("movies")
    assert model["brand_new_field"] == {"x": 1}


@pytest.mark.parametrize("status", [600, 700, 999])
def test_statuses_beyond_5xx_are_plain_status_errors(no_retry_api: Api, recorder: Recorder, status: int) -> None:
    """Old code: any status >= 500 became InternalServerError."""
    recorder.script(error_reply(status, "UNKNOWN", "odd"))
    with pytest.raises(pc.APIStatusError) as info:
        no_retry_api.describe_index("movies")
    assert type(info.value) is pc.APIStatusError and info.value.status_code == status
    assert error_class_for(status) is pc.APIStatusError
    assert all(error_class_for(s) is pc.InternalServerError for s in (500, 503, 599))


@pytest.mark.parametrize("status", [400, 404, 429, 500])
@pytest.mark.parametrize("depth", [70, 900, 2048, 100_000])
def test_deeply_nested_error_bodies_still_raise_the_status_error(
    no_retry_api: Api, recorder: Recorder, status: int, depth: int
) -> None:
    """Old code: a 2 KB body of `[[[[...` raised RecursionError from the error parser."""
    body = b"[" * depth + b"]" * depth
    recorder.script(httpx.Response(status, content=body, headers={"content-type": "application/json"}))
    with pytest.raises(pc.APIStatusError) as info:
        no_retry_api.describe_index("movies")
    err = info.value
    assert type(err) is error_class_for(status) and err.body == body and err.code is None
    assert err.message is not None and err.message.startswith("[[[[") and len(err.message) <= 503


def test_a_nested_error_body_inside_the_error_shape_is_a_preview_too(no_retry_api: Api, recorder: Recorder) -> None:
    details = "[" * 3000 + "]" * 3000
    body = f'{{"status": 400, "error": {{"code": "X", "message": "m", "details": {details}}}}}'.encode()
    recorder.script(httpx.Response(400, content=body))
    with pytest.raises(pc.BadRequestError) as info:
        no_retry_api.list_indexes()
    assert info.value.code is None and info.value.message is not None and info.value.body == body


def test_lone_surrogates_in_an_error_message_stay_printable(no_retry_api: Api, recorder: Recorder) -> None:
    """Old code: a `\\udc00` escape in the body put a lone surrogate in str(exc): logging it as UTF-8 failed."""
    body = b'{"status": 400, "error": {"code": "X\\udc01", "message": "bad \\udc00 value"}}'
    recorder.script(httpx.Response(400, content=body))
    with pytest.raises(pc.BadRequestError) as info:
        no_retry_api.list_indexes()
    assert info.value.message == "bad \\udc00 value" and info.value.code == "X\\udc01"
    assert "bad \\udc00 value" in str(info.value).encode("utf-8").decode()
    assert info.value.body == body


@pytest.mark.parametrize("data", [b"[" * 5000, b'{"a":' * 5000 + b"1" + b"}" * 5000, b"\xff\xfe{", b"{bad"])
def test_loads_bounded_turns_every_failure_into_a_value_error(data: bytes) -> None:
    with pytest.raises(ValueError) as info:
        loads_bounded(data)
    assert isinstance(info.value, BodyDecodeError) and isinstance(info.value, pc.PineconeError)


def test_loads_bounded_limits_depth_when_asked() -> None:
    assert loads_bounded(b'{"a": [[1]]}', max_depth=3) == {"a": [[1]]}
    with pytest.raises(BodyDecodeError):
        loads_bounded(b'{"a": [[[1]]]}', max_depth=3)
    assert loads_bounded(b"[" * 500 + b"]" * 500) is not None  # without max_depth, only the interpreter bounds it


# -- the key never leaves in an error -------------------------------------------------------------

ESCAPED_KEY = "".join(f"\\u{ord(c):04x}" for c in API_KEY)


def _leaks(error: BaseException) -> list[str]:
    """Every text an error carries, where the key must not appear."""
    texts = {
        "str": str(error),
        "repr": repr(error),
        "args": repr(error.args),
        "vars": repr(vars(error)),
        "pickle": pickle.dumps(error).decode("latin-1"),
        "traceback": "".join(traceback.format_exception(error)),
    }
    for name in ("message", "text", "url", "method", "details", "error_response", "headers"):
        texts[name] = repr(getattr(error, name, None))
    return [where for where, text in texts.items() if API_KEY in text or ESCAPED_KEY in text]


@pytest.mark.parametrize(
    "reply",
    [
        error_reply(401, "UNAUTHENTICATED", f"Invalid API key {API_KEY}"),
        json_reply(400, {"status": 400, "error": {"code": "X", "message": "m", "details": {"key": API_KEY}}}),
        httpx.Response(403, content=f'{{"error": {{"code": "FORBIDDEN", "message": "{ESCAPED_KEY}"}}}}'.encode()),
        httpx.Response(502, content=f"<html>bad gateway for key {API_KEY}</html>".encode()),
        httpx.Response(429, headers={"api-key": API_KEY, "x-echo": f"k={API_KEY}", "retry-after": "9999"}),
        httpx.Response(404, content=API_KEY.encode(), headers={"authorization": f"Bearer {API_KEY}"}),
    ],
    ids=["json-message", "json-details", "json-escaped", "html", "headers", "raw-and-authorization"],
)
def test_a_server_echoing_the_key_does_not_put_it_in_the_error(
    no_retry_api: Api, recorder: Recorder, caplog: pytest.LogCaptureFixture, reply: httpx.Response
) -> None:
    """Old code: str(exc), repr, tracebacks and pickles quoted the key a server echoed."""
    _secrets.register(API_KEY)
    recorder.script(reply)
    with caplog.at_level(logging.DEBUG, logger="pinecone_control"), pytest.raises(pc.APIStatusError) as info:
        no_retry_api.describe_index("movies")
    assert _leaks(info.value) == []
    assert API_KEY.encode() not in info.value.body and API_KEY not in info.value.text
    with caplog.at_level(logging.DEBUG, logger="pinecone_control"):
        logging.getLogger("pinecone_control").exception("caught", exc_info=info.value)
    assert API_KEY not in caplog.text


def test_the_key_is_scrubbed_from_a_response_validation_error(no_retry_api: Api, recorder: Recorder) -> None:
    _secrets.register(API_KEY)
    payload = index_payload()
    payload["dimension"] = API_KEY
    recorder.script(json_reply(200, payload, {"x-echo": API_KEY}))
    with pytest.raises(pc.ResponseValidationError) as info:
        no_retry_api.describe_index("movies")
    assert _leaks(info.value) == [] and API_KEY.encode() not in info.value.body


def test_the_key_and_url_password_are_scrubbed_from_connection_errors(no_retry_api: Api, recorder: Recorder) -> None:
    _secrets.register(API_KEY)
    recorder.script(httpx.LocalProtocolError(f"Illegal header value b'{API_KEY}'"))
    with pytest.raises(pc.APIConnectionError) as info:
        no_retry_api.list_indexes()
    assert [where for where in _leaks(info.value) if where != "traceback"] == []
    direct = pc.APIConnectionError(
        f"GET https://u:url-password-123@h failed: {API_KEY}", method="GET", url="https://u:url-password-123@h/x"
    )
    assert _leaks(direct) == [] and direct.url == "https://u:<redacted>@h/x"
    assert "url-password-123" not in str(direct) + repr(vars(direct))


def test_a_transport_error_quoting_the_key_stays_out_of_the_traceback(no_retry_api: Api, recorder: Recorder) -> None:
    _secrets.register(API_KEY)
    recorder.script(httpx.LocalProtocolError(f"Illegal header value b'{API_KEY}'"))
    with pytest.raises(pc.APIConnectionError) as info:
        no_retry_api.list_indexes()
    assert _leaks(info.value) == []
