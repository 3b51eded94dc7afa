"""The full client scenario: every operation, success and error paths. Written once; run sync
and async, through Prism's validating proxy in front of the emulator."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pinecone_control as pc
import pytest
from pinecone_control.testing import Emulator

from ..support import Api

WAIT = 3600  # emulated seconds: pod indexes, scaling and collections take minutes (virtual time)


class Violations:
    """Collects Prism's verdicts: an `sl-violations` header or a Prism problem+json body."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self.responses = 0

    def inspect(self, response: httpx.Response, body: bytes) -> None:
        self.responses += 1
        header = response.headers.get("sl-violations")
        if header:
            self.found.append(f"{response.request.method} {response.request.url.path}: {header}")
        elif response.headers.get("content-type", "").startswith("application/problem+json"):
            self.found.append(f"{response.request.method} {response.request.url.path}: {body.decode()}")

    def sync_hook(self, response: httpx.Response) -> None:
        self.inspect(response, response.read())

    async def async_hook(self, response: httpx.Response) -> None:
        self.inspect(response, await response.aread())


def client_through(url: str, kind: str, violations: Violations, api_key: str, emulator: Emulator | None = None) -> Api:
    """A client whose every response passes the violation collector; retries off, so each failure
    is one exchange. Given the emulator behind the proxy, the client runs on its (virtual) time."""
    common: dict[str, Any] = {
        "api_key": api_key,
        "host": url,
        "max_retries": 0,
        "allow_insecure_http": True,  # our own http_client on a loopback proxy: an explicit opt-in
    }
    if kind == "sync":
        http = httpx.Client(event_hooks={"response": [violations.sync_hook]})
        clock = None if emulator is None else emulator.client_clock()
        return Api(pc.Client(http_client=http, clock=clock, **common))
    ahttp = httpx.AsyncClient(event_hooks={"response": [violations.async_hook]})
    async_clock = None if emulator is None else emulator.async_client_clock()
    return Api(pc.AsyncClient(http_client=ahttp, clock=async_clock, **common))


def expect(error: type[Exception], call: Callable[[], Any]) -> Exception:
    with pytest.raises(error) as info:
        call()
    return info.value


def run_scenario(api: Api, emulator: Emulator, p: str, bad_key_api: Api) -> int:
    """Every operation and every error path the emulator can produce for a well-behaved client.
    `p` prefixes names so several runs can share one emulator. Returns the calls made."""
    serverless, pod = pc.serverless_spec("aws", "us-east-1"), pc.pod_spec("us-east1-gcp", "p1.x1")
    calls = 0

    def step(call: Callable[[], Any]) -> Any:
        nonlocal calls
        calls += 1
        return call()

    step(lambda: api.list_indexes())
    step(lambda: api.list_collections())
    step(lambda: api.create_index(f"{p}-movies", dimension=8, spec=serverless, metric="euclidean", wait_timeout=WAIT))
    step(lambda: api.create_index(f"{p}-pods", dimension=8, spec=pod, deletion_protection="enabled", wait_timeout=WAIT))
    assert f"{p}-pods" in step(lambda: api.list_indexes()).names()
    assert step(lambda: api.describe_index(f"{p}-movies")).status.state == "Ready"
    assert step(lambda: api.has_index(f"{p}-movies")) is True
    assert step(lambda: api.has_index(f"{p}-none")) is False
    step(lambda: expect(pc.ConflictError, lambda: api.create_index(f"{p}-movies", dimension=8, spec=serverless)))
    step(
        lambda: expect(
            pc.NotFoundError, lambda: api.create_index(f"{p}-x", dimension=8, spec=pc.serverless_spec("aws", "mars-1"))
        )
    )
    quota = pc.pod_spec("us-east1-gcp", "p1.x1", replicas=7)
    step(lambda: expect(pc.PermissionDeniedError, lambda: api.create_index(f"{p}-big", dimension=8, spec=quota)))
    step(lambda: expect(pc.BadRequestError, lambda: api.configure_index(f"{p}-movies", replicas=2)))
    step(lambda: expect(pc.NotFoundError, lambda: api.configure_index(f"{p}-none", replicas=2)))
    step(lambda: api.configure_index(f"{p}-pods", replicas=2, wait_timeout=WAIT))
    step(lambda: api.configure_index(f"{p}-pods", pod_type="p1.x2", wait_timeout=WAIT))
    step(
        lambda: expect(
            pc.CollectionsNotSupportedError, lambda: api.create_collection(f"{p}-snap", source=f"{p}-movies")
        )
    )
    step(lambda: api.create_collection(f"{p}-snap", source=f"{p}-pods"))
    step(lambda: expect(pc.ConflictError, lambda: api.create_collection(f"{p}-snap", source=f"{p}-pods")))
    step(lambda: expect(pc.DeletionProtectionError, lambda: api.delete_index(f"{p}-pods")))
    step(lambda: api.configure_index(f"{p}-pods", deletion_protection="disabled"))
    step(lambda: expect(pc.PreconditionFailedError, lambda: api.delete_index(f"{p}-pods")))
    step(lambda: api.wait_for_collection_ready(f"{p}-snap", wait_timeout=WAIT))
    assert step(lambda: api.describe_collection(f"{p}-snap")).status == "Ready"
    assert f"{p}-snap" in step(lambda: api.list_collections()).names()
    step(lambda: expect(pc.NotFoundError, lambda: api.describe_collection(f"{p}-none")))
    step(lambda: expect(pc.NotFoundError, lambda: api.delete_collection(f"{p}-none")))
    embedded = step(lambda: api.embed(model="multilingual-e5-large", inputs=["hello", "world"], input_type="query"))
    assert len(embedded.data) == 2
    step(lambda: expect(pc.BadRequestError, lambda: api.embed(model="no-such-model", inputs=["x"], input_type="query")))
    step(lambda: expect(pc.AuthenticationError, lambda: bad_key_api.list_indexes()))
    step(lambda: expect(pc.AuthenticationError, lambda: bad_key_api.describe_index(f"{p}-movies")))
    emulator.faults.fail_next(1, 500, operation="list_indexes")
    step(lambda: expect(pc.InternalServerError, lambda: api.list_indexes()))
    step(lambda: api.delete_collection(f"{p}-snap", wait_timeout=WAIT))
    step(lambda: api.delete_index(f"{p}-movies", wait_timeout=WAIT))
    step(lambda: api.delete_index(f"{p}-pods", wait_timeout=WAIT))
    step(lambda: expect(pc.NotFoundError, lambda: api.describe_index(f"{p}-movies")))
    step(lambda: expect(pc.NotFoundError, lambda: api.delete_index(f"{p}-movies")))
    return calls


def dump(violations: Violations) -> str:
    return json.dumps(violations.found, indent=1)
