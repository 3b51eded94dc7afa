"""Stoplight Prism as an independent contract peer.

- `prism proxy --errors` in front of the emulator validates every request the client sends and every
  response the emulator gives, against the published spec: the full scenario must show no violation.
- `prism mock` answers from the spec alone: every operation must have its request accepted.
- A throwaway emulator with one broken response shape must be flagged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pinecone_control as pc
import pytest

from .conftest import CONTRACT_KEY, Prism, contract_emulator
from .scenario import Violations, client_through, dump, expect, run_scenario

pytestmark = pytest.mark.contract


@pytest.fixture(scope="module")
def proxied(contract_specs: dict[str, Path]) -> Any:
    emulator = contract_emulator()
    with emulator.serve() as server, Prism("proxy", str(contract_specs["prism"]), server.url, "--errors") as prism:
        yield emulator, prism


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_full_scenario_through_prism_proxy_has_no_violations(kind: str, proxied: Any) -> None:
    emulator, prism = proxied
    violations = Violations()
    api = client_through(prism.url, kind, violations, CONTRACT_KEY, emulator)
    bad_key = client_through(prism.url, kind, violations, "wrong-key", emulator)
    try:
        calls = run_scenario(api, emulator, kind[0], bad_key)
    finally:
        api.close()
        bad_key.close()
    print(
        f"\nprism proxy ({kind}): {calls} client calls, {violations.responses} responses validated, "
        f"{len(violations.found)} violations"
    )
    assert violations.found == [], dump(violations)
    assert violations.responses >= calls


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_every_operation_is_accepted_by_prism_mock(kind: str, contract_specs: dict[str, Path]) -> None:
    violations = Violations()
    with Prism("mock", str(contract_specs["prism"])) as prism:
        api = client_through(prism.url, kind, violations, CONTRACT_KEY)
        try:
            api.list_indexes()
            api.create_index("movies", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"))
            api.create_index(
                "pods", dimension=8, spec=pc.pod_spec("us-east1-gcp", "p1.x1", replicas=1, indexed=["genre"])
            )
            api.describe_index("movies")
            api.configure_index("pods", replicas=2, pod_type="p1.x2", deletion_protection="disabled")
            api.delete_index("movies")
            api.list_collections()
            api.create_collection("snap", source="pods")
            api.describe_collection("snap")
            api.delete_collection("snap")
            api.embed(model="multilingual-e5-large", inputs=["hello"], input_type="query", truncate="END")
        finally:
            api.close()
    print(f"\nprism mock ({kind}): 11 calls, {violations.responses} responses, {len(violations.found)} rejected")
    assert violations.found == [], dump(violations)
    assert violations.responses == 11


def test_prism_flags_an_emulator_that_breaks_a_response_shape(contract_specs: dict[str, Path]) -> None:
    def drop_host(operation: str, status: int, payload: Any) -> Any:
        if operation == "describe_index" and status == 200:
            return {key: value for key, value in payload.items() if key != "host"}
        return payload

    emulator = contract_emulator(response_hook=drop_host)
    violations = Violations()
    with emulator.serve() as server, Prism("proxy", str(contract_specs["prism"]), server.url, "--errors") as prism:
        api = client_through(prism.url, "sync", violations, CONTRACT_KEY)
        try:
            api.create_index("movies", dimension=8, spec=pc.serverless_spec("aws", "us-east-1"))
            expect(pc.InternalServerError, lambda: api.describe_index("movies"))
        finally:
            api.close()
    assert len(violations.found) == 1
    assert "required property 'host'" in violations.found[0]
