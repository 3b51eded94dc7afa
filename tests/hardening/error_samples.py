"""One instance of every `PineconeError` subclass, built the way the client builds it.

Importable by process-pool workers (the tests that pickle errors across processes use it).
"""

from __future__ import annotations

import json
from typing import Any

import httpx
from pinecone_control import _errors

ERROR_CLASSES: list[type[_errors.PineconeError]] = sorted(
    (obj for obj in vars(_errors).values() if isinstance(obj, type) and issubclass(obj, _errors.PineconeError)),
    key=lambda cls: cls.__name__,
)
STATUS_FOR = {cls: status for status, cls in _errors.STATUS_ERRORS.items()}


def index_model() -> Any:
    from pinecone_control_api.models import IndexModel

    return IndexModel.from_dict(
        {
            "name": "movies",
            "dimension": 8,
            "metric": "cosine",
            "host": "movies-abc.svc.pinecone.io",
            "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}},
            "status": {"ready": False, "state": "Initializing"},
        }
    )


def _status(cls: type[_errors.APIStatusError]) -> int:
    for base in cls.__mro__:
        if base in STATUS_FOR:
            return STATUS_FOR[base]
    return 503 if issubclass(cls, _errors.InternalServerError) else 418


def error_body(status: int, text: str) -> bytes:
    error = {"code": "UNKNOWN", "message": text, "details": {"field": "name", "nested": [1, {"a": None}]}}
    return json.dumps({"status": status, "error": error}).encode()


def sample(cls: type[_errors.PineconeError], text: str = "something failed") -> _errors.PineconeError:
    """An instance of `cls` whose texts all include `text`. A new family of errors with its own
    constructor fails here, on purpose: add it, so that it is checked too."""
    if issubclass(cls, _errors.APIStatusError):
        status = _status(cls)
        response = httpx.Response(
            status,
            content=error_body(status, text),
            headers={"x-pinecone-request-id": "req-1", "content-type": "application/json", "x-echo": text},
        )
        kwargs: dict[str, Any] = {"operation": "describe_index", "hint": f"hint: {text}", "subject": f"index {text!r}"}
        if issubclass(cls, _errors.RateLimitError):
            kwargs["retry_after"] = 7.0
        return cls(response, **kwargs)
    if issubclass(cls, _errors.APIConnectionError):
        return cls(f"describe_index: GET failed: {text}", method="GET", url=f"https://api.test/indexes/{text}")
    if issubclass(cls, _errors.WaitError):
        return cls(f"waiting failed: {text}", name="movies", last=index_model())
    if issubclass(cls, _errors.ResponseValidationError):
        return cls(f"bad body: {text}", status_code=200, body=text.encode(), headers={"x-echo": text})
    if issubclass(cls, _errors.ResponseTooLargeError):
        return cls(f"too large: {text}", status_code=200, limit=1024, headers={"x-echo": text})
    if issubclass(cls, _errors.ConfigurationDriftError):
        drift = (_errors.Difference("metric", text, "cosine", False),)
        return cls(f"ensure_index: drift: {text}", name="movies", differences=drift, current=index_model())
    return cls(f"bad input: {text}")


def raise_sample(name: str, text: str) -> None:
    """Run in a worker process: raise the sample of the class called `name`."""
    raise sample(getattr(_errors, name), text)
