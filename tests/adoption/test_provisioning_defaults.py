"""`ensure_index` against a description that leaves a field out, sync and async: the field has the
spec's server default (read from the generated tables), as one the request leaves out does, so a
valid answer is not drift and `apply=True` sends no needless configure."""

from __future__ import annotations

import copy
from typing import Any

import pinecone_control as pc
import pytest
from pinecone_control.testing import Emulator, Timings

from ..support import Api

KIND = ["sync", "async"]
SERVERLESS = pc.serverless_spec("aws", "us-east-1")
POD = pc.pod_spec("us-east1-gcp", "p1.x1")


def _client(kind: str, emulator: Emulator) -> Api:
    return Api(emulator.client() if kind == "sync" else emulator.async_client())


def _sent(emulator: Emulator, operation: str) -> int:
    return sum(1 for r in emulator.requests if r.operation == operation)


def _omit(operation: str, *paths: str) -> Any:
    def hook(op: str, status: int, payload: Any) -> Any:
        if op == operation and status == 200 and isinstance(payload, dict):
            payload = copy.deepcopy(payload)  # the emulator's own state stays whole
            for path in paths:
                *parents, leaf = path.split(".")
                node = payload
                for part in parents:
                    node = node.get(part, {})
                node.pop(leaf, None)
        return payload

    return hook


@pytest.mark.parametrize("kind", KIND)
def test_a_description_without_deletion_protection_is_not_drift(kind: str) -> None:
    emulator = Emulator(timings=Timings.instant(), response_hook=_omit("describe_index", "deletion_protection"))
    api = _client(kind, emulator)
    try:
        api.create_index("movies", dimension=8, spec=SERVERLESS)
        assert api.describe_index("movies").to_dict().get("deletion_protection") is None  # the answer omits it
        assert api.ensure_index("movies", dimension=8, spec=SERVERLESS).name == "movies"
        assert api.ensure_index("movies", dimension=8, spec=SERVERLESS, deletion_protection="disabled").name == "movies"
        api.ensure_index("movies", dimension=8, spec=SERVERLESS, apply=True)
        assert _sent(emulator, "configure_index") == 0  # nothing needless sent
        with pytest.raises(pc.ConfigurationDriftError) as caught:
            api.ensure_index("movies", dimension=8, spec=SERVERLESS, deletion_protection="enabled")
    finally:
        api.close()
    assert [(d.field, d.wanted, d.actual) for d in caught.value.differences] == [
        ("deletion_protection", "enabled", "disabled")
    ]


@pytest.mark.parametrize("kind", KIND)
def test_a_nested_field_left_out_of_the_description_takes_its_spec_default(kind: str) -> None:
    emulator = Emulator(timings=Timings.instant(), response_hook=_omit("describe_index", "spec.pod.replicas"))
    api = _client(kind, emulator)
    try:
        api.create_index("pods", dimension=8, spec=POD)
        index = api.ensure_index("pods", dimension=8, spec=pc.pod_spec("us-east1-gcp", "p1.x1", replicas=1), apply=True)
        assert index.name == "pods"
        assert _sent(emulator, "configure_index") == 0
    finally:
        api.close()
