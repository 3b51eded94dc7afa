"""Contract peers nobody here wrote: schemathesis and Stoplight Prism, against the emulator."""

from __future__ import annotations

import copy
import json
import os
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from codegen.normalise import load_spec
from codegen.pin import REPO_ROOT, SpecPin
from codegen.walk import operations
from pinecone_control.testing import Emulator, EmulatorServer, Quotas, VirtualClock

PRISM = REPO_ROOT / "node_modules" / ".bin" / "prism"
CONTRACT_KEY = "contract-key"


def published_spec() -> dict[str, Any]:
    return load_spec(SpecPin.load().read_verified())


def without_links(doc: dict[str, Any]) -> dict[str, Any]:
    """Response `links` name data-plane operations (upsert, query, ...) that are not in this spec."""
    out = copy.deepcopy(doc)
    for _path, _method, op in operations(out):
        for response in (op.get("responses") or {}).values():
            if isinstance(response, dict):
                response.pop("links", None)
    return out


def without_error_example(doc: dict[str, Any]) -> dict[str, Any]:
    """Prism's mock builds every error body from `ErrorResponse`'s schema example (a 429
    QUOTA_EXCEEDED); without it, the per-response examples (401 UNAUTHENTICATED, ...) are used."""
    out = copy.deepcopy(doc)
    out["components"]["schemas"]["ErrorResponse"].pop("example", None)
    return out


def with_known_404s(doc: dict[str, Any]) -> dict[str, Any]:
    """The 2024-07 spec omits one answer the real API gives: create_collection from an index that
    does not exist is a 404 "Resource <name> not found" (pinecone-client 5.0.1's
    tests/integration/control/pod/test_collections_errors.py). The emulator answers it, so the
    copies the peers check against document it, with the error schema of the spec's other 404s."""
    out = copy.deepcopy(doc)
    for _path, _method, op in operations(out):
        if op.get("operationId") == "create_collection":
            op["responses"].setdefault(
                "404",
                {
                    "description": "Source index not found.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}},
                },
            )
    return out


@pytest.fixture(scope="session")
def contract_specs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("contract-specs")
    published = published_spec()
    specs = {
        "schemathesis": with_known_404s(without_links(published)),
        "prism": with_known_404s(without_error_example(without_links(published))),
    }
    paths = {}
    for name, doc in specs.items():
        paths[name] = folder / f"{name}.json"
        paths[name].write_text(json.dumps(doc), encoding="utf-8")
    return paths


def contract_emulator(**kwargs: Any) -> Emulator:
    """The emulator as contract tests see it: one valid key, a pod quota to reach 403 with, the
    real-shaped timings on virtual time (clients given its clock wait without wall time)."""
    return Emulator(api_keys={CONTRACT_KEY}, quotas=Quotas(max_pods=6), clock=VirtualClock(), **kwargs)


@pytest.fixture
def emulator_server() -> Iterator[EmulatorServer]:
    with contract_emulator().serve() as server:
        yield server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Prism:
    """A `prism` process on 127.0.0.1, started and always stopped by the test that uses it."""

    def __init__(self, *args: str) -> None:
        if not PRISM.exists():
            pytest.fail(f"{PRISM} is missing: run `make setup` (it runs `npm ci`)")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # A file, not a pipe: Prism logs every request, and a full pipe would stall it.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 -- lives as long as the process; closed by the GC
        self._process = subprocess.Popen(
            [str(PRISM), *args, "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so stop() ends node and its children
        )

    def __enter__(self) -> Prism:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self.stop()
                pytest.fail(f"prism exited early:\n{self.log}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        pytest.fail("prism did not start listening within 90 s")

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self._process.poll() is None:
            os.killpg(self._process.pid, signal.SIGTERM)
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self._process.pid, signal.SIGKILL)
                self._process.wait()

    @property
    def log(self) -> str:
        self._log.seek(0)
        return self._log.read().decode(errors="replace")
