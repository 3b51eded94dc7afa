"""The emulator serves the version the package is generated for, and says so: the CLI's banner and
`API_VERSION` are the generated `_provenance`'s, and a request in another version is refused (400),
not answered in this version's shapes. Computations (embed) are version-free: pinecone-client 5.0.1
sends its embed at 2024-10 beside a 2024-07 control plane."""

from __future__ import annotations

import json

from pinecone_control.testing import API_VERSION, Emulator
from pinecone_control_api import _provenance

BODY = {"name": "movies", "dimension": 8, "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}}}


def _create(emulator: Emulator, version: str | None) -> tuple[int, dict[str, object]]:
    headers = {"Api-Key": "k"} | ({} if version is None else {"X-Pinecone-Api-Version": version})
    reply = emulator.handle("POST", "/indexes", headers, json.dumps(BODY).encode())
    return reply.status, json.loads(reply.body)


def test_the_version_served_is_the_generated_one() -> None:
    assert API_VERSION == _provenance.API_VERSION


def test_a_request_in_another_version_is_refused() -> None:
    emulator = Emulator()
    status, body = _create(emulator, "2025-04")
    assert status == 400
    assert body["error"] == {
        "code": "INVALID_ARGUMENT",
        "message": f"Unsupported API version '2025-04': this emulator serves {API_VERSION}.",
    }
    assert emulator.snapshot()["indexes"] == []  # nothing was created
    assert _create(emulator, API_VERSION)[0] == 201
    assert _create(emulator, None)[0] == 409  # no header: served (the service's default version)


def test_a_computation_is_served_at_any_version() -> None:
    emulator = Emulator()
    body = {"model": "multilingual-e5-large", "inputs": [{"text": "hi"}], "parameters": {"input_type": "query"}}
    headers = {"Api-Key": "k", "X-Pinecone-Api-Version": "2024-10"}
    reply = emulator.handle("POST", "/embed", headers, json.dumps(body).encode())
    assert reply.status == 200, reply.body
