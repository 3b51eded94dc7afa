"""Every error status with JSON, HTML and empty bodies; connection, timeout and parse failures."""

from __future__ import annotations

import httpx
import pinecone_control as pc
import pytest

from ..support import Api
from .conftest import Recorder, error_reply, index_payload, json_reply

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
        no_retry_api.create_collection("snap", "movies")
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
