"""One behavioural suite, run against both front-ends (in-process transport and the HTTP server):
transitions on the emulator's clock, intermediate states visible, the real service's answers, and
retry loops that never describe still terminate. The clock is virtual: the tests move it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pinecone_control as pc
import pytest
from pinecone_control import require
from pinecone_control.testing import Emulator, Timings, VirtualClock

SERVERLESS = pc.serverless_spec("aws", "us-east-1")
POD = pc.pod_spec("us-east1-gcp", "p1.x1")
T = Timings()  # the defaults, real-shaped


@dataclass
class Front:
    emulator: Emulator
    client: pc.Client

    def state(self, name: str) -> str:
        return str(self.client.describe_index(name).status.state)

    def collection(self, name: str) -> str:
        return str(self.client.describe_collection(name).status)

    def advance(self, seconds: float) -> None:
        self.emulator.clock.advance(seconds)

    def ready_pod(self, name: str, spec: Any = POD, dimension: int = 8) -> None:
        self.client.create_index(name, dimension=dimension, spec=spec)
        self.advance(T.pod_ready)


@pytest.fixture(params=["in-process", "http"])
def front(request: pytest.FixtureRequest) -> Iterator[Front]:
    emulator = Emulator(clock=VirtualClock())
    if request.param == "in-process":
        with emulator.client(max_retries=0) as client:
            yield Front(emulator, client)
    else:
        with emulator.serve() as server, pc.Client(api_key="k", host=server.url, max_retries=0) as client:
            yield Front(emulator, client)


def retries_until(call: Callable[[], Any], error: type[Exception], front: Front, step: float = 1.0) -> int:
    """Retry `call` while it raises `error`, moving the clock `step` seconds between tries and never
    describing or listing; the number of tries. Bounded, so a transition that never comes fails."""
    for tries in range(1, 10_000):
        try:
            call()
            return tries
        except error:
            front.advance(step)
    raise AssertionError("still failing after 10,000 tries")


def test_serverless_index_is_ready_after_its_time(front: Front) -> None:
    created = front.client.create_index("movies", dimension=8, spec=SERVERLESS)
    assert (created.status.state, created.status.ready) == ("Initializing", False)
    front.advance(T.serverless_ready - 0.5)
    assert front.state("movies") == "Initializing"
    front.advance(0.5)
    described = front.client.describe_index("movies")
    assert (described.status.state, described.status.ready) == ("Ready", True)


def test_pod_index_takes_longer_than_serverless(front: Front) -> None:
    front.client.create_index("pods", dimension=8, spec=POD)
    front.client.create_index("movies", dimension=8, spec=SERVERLESS)
    front.advance(T.serverless_ready)
    assert (front.state("movies"), front.state("pods")) == ("Ready", "Initializing")
    front.advance(T.pod_ready - T.serverless_ready)
    assert front.state("pods") == "Ready"


def test_nobody_looking_does_not_stop_time(front: Front) -> None:
    """Issue 12: transitions completed only at a describe. Here nobody describes 'quiet'."""
    front.client.create_index("quiet", dimension=8, spec=SERVERLESS)
    front.advance(T.serverless_ready)
    front.client.create_index("other", dimension=8, spec=SERVERLESS)  # any request: no describe of 'quiet'
    assert front.emulator.snapshot()["indexes"][0]["status"] == {"ready": True, "state": "Ready"}


@pytest.mark.parametrize(
    ("change", "state", "seconds"),
    [
        ({"replicas": 3}, "ScalingUp", T.scale_replicas),
        ({"pod_type": "p1.x4"}, "ScalingUpPodSize", T.scale_pod_size),
    ],
)
def test_configure_shows_its_scaling_state_until_done(
    front: Front, change: dict[str, Any], state: str, seconds: float
) -> None:
    front.ready_pod("pods")
    answered = front.client.configure_index("pods", **change)
    assert (answered.status.state, answered.status.ready) == (state, True)  # still serving
    front.advance(seconds - 1)
    described = front.client.describe_index("pods")
    assert (described.status.state, described.status.ready) == (state, True)
    pod = require(described.spec.pod)
    assert (pod.replicas, pod.pod_type) == (change.get("replicas", 1), change.get("pod_type", "p1.x1"))
    front.advance(1)
    assert front.state("pods") == "Ready"


def test_scaling_down_states(front: Front) -> None:
    front.ready_pod("pods", pc.pod_spec("us-east1-gcp", "p1.x2", replicas=2))
    assert front.client.configure_index("pods", replicas=1).status.state == "ScalingDown"
    front.advance(T.scale_replicas)
    assert front.client.configure_index("pods", pod_type="p1.x1").status.state == "ScalingDownPodSize"
    front.advance(T.scale_pod_size)
    assert front.state("pods") == "Ready"


def test_delete_is_terminating_then_gone_and_the_name_comes_back(front: Front) -> None:
    front.client.create_index("movies", dimension=8, spec=SERVERLESS)
    front.advance(T.serverless_ready)
    front.client.delete_index("movies")
    assert front.state("movies") == "Terminating"
    # Re-create until the name is free, never describing: 409 while Terminating, then 201.
    tries = retries_until(
        lambda: front.client.create_index("movies", dimension=8, spec=SERVERLESS), pc.ConflictError, front
    )
    assert tries == T.index_delete + 1
    assert [r.operation for r in front.emulator.requests[-tries:]] == ["create_index"] * tries


def test_delete_index_with_an_initializing_collection_is_412_until_the_collection_is_ready(front: Front) -> None:
    front.ready_pod("pods")
    created = front.client.create_collection("snap", source="pods")
    assert created.status == "Initializing"
    with pytest.raises(pc.PreconditionFailedError, match="pending collections for this index: \\['snap'\\]"):
        front.client.delete_index("pods")
    tries = retries_until(lambda: front.client.delete_index("pods"), pc.PreconditionFailedError, front, step=5)
    assert tries == T.collection_ready // 5 + 1  # 412 at 0, 5, ..., 55 s; 202 at 60 s
    assert "describe_collection" not in {r.operation for r in front.emulator.requests}
    assert front.collection("snap") == "Ready"


def test_collection_delete_is_terminating_then_gone(front: Front) -> None:
    front.ready_pod("pods")
    front.client.create_collection("snap", source="pods")
    front.advance(T.collection_ready)
    front.client.delete_collection("snap")
    assert front.collection("snap") == "Terminating"
    front.advance(T.collection_delete)
    assert front.client.list_collections().names() == []


# -- the real service's answers (sources in testing/_catalogue.py: Wording) --------------------


def test_missing_source_collection_is_404_resource_not_found__sdk_5_0_1_collections_errors(front: Front) -> None:
    spec = pc.pod_spec("us-east1-gcp", "p1.x1", source_collection="doesnotexist")
    with pytest.raises(pc.NotFoundError, match="\\] Resource doesnotexist not found"):
        front.client.create_index("copy", dimension=8, spec=spec)


def test_missing_source_index_is_404_resource_not_found__sdk_5_0_1_collections_errors(front: Front) -> None:
    with pytest.raises(pc.NotFoundError, match="\\] Resource invalid-index not found"):
        front.client.create_collection("snap", source="invalid-index")


def test_source_collection_in_another_environment__sdk_5_0_1_collections_errors(front: Front) -> None:
    front.ready_pod("pods")
    front.client.create_collection("snap", source="pods")
    front.advance(T.collection_ready)
    elsewhere = pc.pod_spec("eu-west1-gcp", "p1.x1", source_collection="snap")
    with pytest.raises(pc.BadRequestError, match="Source collection must be in the same environment as the index"):
        front.client.create_index("copy", dimension=8, spec=elsewhere)
    here = pc.pod_spec("us-east1-gcp", "p1.x1", source_collection="snap")
    with pytest.raises(pc.BadRequestError, match="Index and collection must have the same dimension"):
        front.client.create_index("copy", dimension=16, spec=here)
    assert front.client.create_index("copy", dimension=8, spec=here).status.state == "Initializing"


def test_source_collection_not_ready(front: Front) -> None:
    front.ready_pod("pods")
    front.client.create_collection("snap", source="pods")
    spec = pc.pod_spec("us-east1-gcp", "p1.x1", source_collection="snap")
    with pytest.raises(pc.BadRequestError, match="Source collection is not ready"):
        front.client.create_index("copy", dimension=8, spec=spec)


def test_collection_follows_the_ready_flag_describe_shows__sdk_5_0_1_not_ready_index(front: Front) -> None:
    front.client.create_index("pods", dimension=8, spec=POD)
    with pytest.raises(pc.BadRequestError, match="Source index is not ready"):
        front.client.create_collection("snap", source="pods")
    front.advance(T.pod_ready)
    scaling = front.client.configure_index("pods", replicas=2)
    assert (scaling.status.state, scaling.status.ready) == ("ScalingUp", True)
    assert front.client.create_collection("snap", source="pods").status == "Initializing"


def test_pod_family_change_wording__issue_12(front: Front) -> None:
    front.ready_pod("pods")
    with pytest.raises(pc.BadRequestError, match=r"\] Bad request: Cannot change pod type\.$"):
        front.client.configure_index("pods", pod_type="s1.x1")
    assert front.state("pods") == "Ready"


def test_serverless_configure_wording__issue_12(front: Front) -> None:
    front.client.create_index("movies", dimension=8, spec=SERVERLESS)
    with pytest.raises(pc.BadRequestError, match="Configuring replicas and pod type is not supported for serverless"):
        front.client.configure_index("movies", replicas=2)
    assert front.client.configure_index("movies", deletion_protection="enabled").deletion_protection == "enabled"


def test_deletion_protection_takes_effect_at_once__sdk_5_0_1_deletion_protection(front: Front) -> None:
    front.client.create_index("movies", dimension=8, spec=SERVERLESS, deletion_protection="enabled")
    with pytest.raises(pc.DeletionProtectionError, match="Deletion protection is enabled for this index"):
        front.client.delete_index("movies")
    front.client.configure_index("movies", deletion_protection="disabled")
    front.client.delete_index("movies")
    assert front.state("movies") == "Terminating"


def test_forced_states_cancel_the_pending_transition(front: Front) -> None:
    front.client.create_index("movies", dimension=8, spec=SERVERLESS)
    front.emulator.set_index_state("movies", "InitializationFailed")
    front.advance(T.serverless_ready * 10)
    assert front.state("movies") == "InitializationFailed"
