"""Real answers the official TypeScript client's integration tests expect (@pinecone-database/pinecone
3.0.3 to 6.0.0, src/integration/control/*.test.ts), and the scaling rule they imply. Each test
fails on the emulator before issue 21."""

from __future__ import annotations

import json

import httpx
import pinecone_control as pc
import pytest
from pinecone_control.testing import Emulator, Quotas, Timings, VirtualClock

SERVERLESS = pc.serverless_spec("aws", "us-east-1")
POD = pc.pod_spec("us-east1-gcp", "p1.x1")


def raw(emulator: Emulator, method: str, path: str, body: object) -> httpx.Response:
    reply = emulator.handle(method, path, {"Api-Key": "k"}, json.dumps(body).encode())
    return httpx.Response(reply.status, content=reply.body)


def test_an_invalid_deletion_protection_is_a_400_in_the_services_words() -> None:
    emulator = Emulator(timings=Timings.instant())
    with emulator.client() as client:
        client.create_index("movies", dimension=8, spec=SERVERLESS)
    for method, path, body in (
        ("PATCH", "/indexes/movies", {"deletion_protection": "bogus"}),
        ("POST", "/indexes", {"name": "x", "dimension": 8, "deletion_protection": "bogus", "spec": {}}),
    ):
        answer = raw(emulator, method, path, body)
        assert answer.status_code == 400, answer.text
        message = answer.json()["error"]["message"]
        assert message == "Invalid deletion_protection, value should be either enabled or disabled"


def test_an_unknown_metric_is_the_specs_400_example() -> None:
    answer = raw(Emulator(), "POST", "/indexes", {"name": "x", "dimension": 8, "metric": "manhattan", "spec": {}})
    assert answer.status_code == 400
    assert answer.json()["error"]["message"] == "Metric must be cosine, euclidean, or dotproduct."


def test_quota_answers_use_the_services_words() -> None:
    emulator = Emulator(timings=Timings.instant(), quotas=Quotas(max_pods=2, max_serverless_indexes=1))
    with emulator.client(max_retries=0) as client:
        client.create_index("pods", dimension=8, spec=POD)
        with pytest.raises(pc.PermissionDeniedError) as pods:
            client.configure_index("pods", replicas=20)
        assert "You've reached the max pods allowed in project" in str(pods.value)
        assert "To increase this limit, adjust your project settings in the console" in str(pods.value)
        client.create_index("movies", dimension=8, spec=SERVERLESS)
        with pytest.raises(pc.PermissionDeniedError) as serverless:
            client.create_index("more", dimension=8, spec=SERVERLESS)
        assert "Request failed. You've reached the max serverless indexes allowed in project" in str(serverless.value)
        assert "(1)" in str(serverless.value)


def test_a_replicas_change_during_a_pod_size_change_does_not_end_it_early() -> None:
    timings = Timings(pod_ready=0, scale_replicas=60, scale_pod_size=300)
    emulator = Emulator(clock=VirtualClock(), timings=timings)
    with emulator.client() as client:
        client.create_index("pods", dimension=8, spec=POD)
        client.configure_index("pods", pod_type="p1.x2")
        emulator.advance(10)
        again = client.configure_index("pods", replicas=2)
        assert again.status.state == "ScalingUpPodSize"  # the longer change is still the one shown
        emulator.advance(100)  # 110 s in: the replicas timing alone would have ended it at 70 s
        assert client.describe_index("pods").status.state == "ScalingUpPodSize"
        emulator.advance(190)  # 300 s: the pod size change is done
        assert client.describe_index("pods").status.state == "Ready"
