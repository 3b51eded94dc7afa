"""The emulator's rules and controls, through the client (in-process) and raw requests. Timings are
instant here (every change is due at once); time itself is tested in test_lifecycle.py."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import httpx
import pinecone_control as pc
import pytest
from pinecone_control import require
from pinecone_control.testing import Emulator, Quotas, Timings

SERVERLESS = pc.serverless_spec("aws", "us-east-1")
POD = pc.pod_spec("us-east1-gcp", "p1.x1")


@pytest.fixture
def emulator() -> Emulator:
    return Emulator(timings=Timings.instant())


@pytest.fixture
def client(emulator: Emulator) -> pc.Client:
    return emulator.client()


def raw(emulator: Emulator, method: str, path: str, body: Any = None, key: str | None = "k") -> httpx.Response:
    """A request the client would refuse to send: straight to the emulator."""
    headers = {} if key is None else {"Api-Key": key}
    content = body if isinstance(body, bytes) else (b"" if body is None else json.dumps(body).encode())
    reply = emulator.handle(method, path, headers, content)
    return httpx.Response(reply.status, headers=reply.headers, content=reply.body)


def test_deletion_protection_refuses_delete(client: pc.Client) -> None:
    client.create_index("movies", dimension=8, spec=SERVERLESS, deletion_protection="enabled", wait_timeout=5)
    with pytest.raises(pc.DeletionProtectionError):
        client.delete_index("movies")
    client.configure_index("movies", deletion_protection="disabled")
    client.delete_index("movies", wait_timeout=5)


def test_duplicates_and_unknowns(client: pc.Client) -> None:
    client.create_index("movies", dimension=8, spec=SERVERLESS)
    with pytest.raises(pc.ConflictError):
        client.create_index("movies", dimension=8, spec=SERVERLESS)
    for call in (
        lambda: client.describe_index("nope"),
        lambda: client.delete_index("nope"),
        lambda: client.describe_collection("nope"),
        lambda: client.delete_collection("nope"),
    ):
        with pytest.raises(pc.NotFoundError):
            call()
    with pytest.raises(pc.NotFoundError, match="region: us-west1 not found"):
        client.create_index("other", dimension=8, spec=pc.serverless_spec("aws", "us-west1"))


def test_collections_only_from_pod_indexes(client: pc.Client) -> None:
    client.create_index("movies", dimension=8, spec=SERVERLESS, wait_timeout=5)
    with pytest.raises(pc.CollectionsNotSupportedError, match="Serverless indexes do not support collections"):
        client.create_collection("snap", source="movies")
    client.create_index("pods", dimension=16, spec=POD, wait_timeout=5)
    created = client.create_collection("snap", source="pods")  # instant: answered in its final state
    assert created.status == "Ready" and created.dimension == 16 and created.environment == "us-east1-gcp"
    ready = client.describe_collection("snap")
    assert ready.status == "Ready" and ready.vector_count == 0 and require(ready.size) > 0
    with pytest.raises(pc.ConflictError):
        client.create_collection("snap", source="pods")
    client.delete_collection("snap")
    assert client.list_collections().names() == []


def test_index_from_a_collection_keeps_its_vectors(emulator: Emulator, client: pc.Client) -> None:
    client.create_index("pods", dimension=8, spec=POD, wait_timeout=5)
    emulator.set_vector_count("pods", 1234)
    client.create_collection("snap", source="pods", wait_timeout=5)
    assert client.describe_collection("snap").vector_count == 1234
    client.create_index(
        "copy", dimension=8, spec=pc.pod_spec("us-east1-gcp", "p1.x2", source_collection="snap"), wait_timeout=5
    )
    assert require(client.describe_index("copy").spec.pod).source_collection == "snap"


def test_embed_is_deterministic_with_usage(client: pc.Client) -> None:
    first = client.embed(model="multilingual-e5-large", inputs=["the quick brown fox", "hello"], input_type="passage")
    again = client.embed(model="multilingual-e5-large", inputs=["the quick brown fox"], input_type="passage")
    query = client.embed(model="multilingual-e5-large", inputs=["the quick brown fox"], input_type="query")
    vectors = [require(e.values) for e in require(first.data)]
    assert len(vectors) == 2 and all(len(v) == 1024 for v in vectors)
    assert vectors[0] == require(require(again.data)[0].values) != require(require(query.data)[0].values)
    assert abs(sum(v * v for v in vectors[0]) - 1.0) < 1e-3
    assert require(first.usage).total_tokens == 6 + 3
    with pytest.raises(pc.BadRequestError, match="input_type"):
        client.embed(model="multilingual-e5-large", inputs=["x"])
    with pytest.raises(pc.BadRequestError, match="not found"):
        client.embed(model="no-such-model", inputs=["x"], input_type="query")


def test_quotas_answer_403_or_429() -> None:
    client = Emulator(timings=Timings.instant(), quotas=Quotas(max_pods=2, max_collections=0)).client(max_retries=0)
    client.create_index("pods", dimension=8, spec=pc.pod_spec("us-east1-gcp", "p1.x1", replicas=2), wait_timeout=5)
    with pytest.raises(pc.PermissionDeniedError, match=r"max pods allowed in project \w+ \(2\)"):
        client.create_index("more", dimension=8, spec=POD)
    with pytest.raises(pc.PermissionDeniedError, match="Collection exceeds quota"):
        client.create_collection("snap", source="pods")
    limited = Emulator(quotas=Quotas(max_serverless_indexes=0, status=429)).client(max_retries=0)
    with pytest.raises(pc.RateLimitError) as info:
        limited.create_index("movies", dimension=8, spec=SERVERLESS)
    assert info.value.code == "QUOTA_EXCEEDED"


def test_api_keys(emulator: Emulator) -> None:
    assert raw(emulator, "GET", "/indexes", key=None).status_code == 401
    assert raw(emulator, "GET", "/indexes", key="  ").status_code == 401
    assert raw(emulator, "GET", "/indexes", key="anything").status_code == 200
    locked = Emulator(api_keys={"right"})
    response = raw(locked, "GET", "/indexes", key="wrong")
    assert response.status_code == 401 and response.json()["error"]["code"] == "UNAUTHENTICATED"
    assert raw(locked, "GET", "/indexes", key="right").status_code == 200


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        (b"{not json", 422, "deserialize"),
        ([1, 2], 422, "expected a JSON object"),
        (
            {"dimension": 8, "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}}},
            422,
            "missing field `name`",
        ),
        ({"name": "a", "dimension": "8", "spec": {}}, 422, "`dimension`"),
        ({"name": "a", "dimension": True, "spec": {}}, 422, "boolean"),
        ({"name": "a", "dimension": 8, "metric": "manhattan", "spec": {}}, 400, "Metric must be cosine"),
        (
            {
                "name": "a",
                "dimension": 8,
                "spec": {
                    "serverless": {"cloud": "aws", "region": "us-east-1"},
                    "pod": {"environment": "us-east1-gcp", "pod_type": "p1.x1"},
                },
            },
            400,
            "exactly one",
        ),
        ({"name": "a", "dimension": 8, "spec": {}}, 400, "exactly one"),
        ({"name": "a", "dimension": 8, "spec": {"gpu": {}}}, 422, "unknown field"),
        (
            {"name": "Bad_Name", "dimension": 8, "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}}},
            400,
            "lower case",
        ),
        (
            {"name": "a", "dimension": 0, "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}}},
            400,
            "between 1 and 20000",
        ),
        (
            {"name": "a", "dimension": 8, "spec": {"pod": {"environment": "us-east1-gcp", "pod_type": "q9.x3"}}},
            400,
            "pod type",
        ),
        (
            {
                "name": "a",
                "dimension": 8,
                "spec": {"pod": {"environment": "us-east1-gcp", "pod_type": "p1.x1", "replicas": 2, "pods": 3}},
            },
            400,
            "shards x replicas",
        ),
    ],
)
def test_create_index_validation(emulator: Emulator, body: Any, status: int, fragment: str) -> None:
    response = raw(emulator, "POST", "/indexes", body)
    assert response.status_code == status
    assert fragment in response.json()["error"]["message"]
    assert response.json()["status"] == status


def test_routes_and_methods(emulator: Emulator) -> None:
    assert raw(emulator, "GET", "/nope").status_code == 404
    assert raw(emulator, "GET", "/indexes/a/b").status_code == 404
    assert raw(emulator, "GET", "/indexes/").status_code == 404
    assert raw(emulator, "PUT", "/indexes").status_code == 405
    assert raw(emulator, "GET", "/indexes/..").status_code == 404


def test_faults(emulator: Emulator, client: pc.Client) -> None:
    emulator.faults.fail_next(2, 503, retry_after=0)
    assert client.list_indexes().names() == []
    assert [r.status for r in emulator.requests] == [503, 503, 200]
    emulator.faults.fail_next(1, 502, "<html>Bad Gateway</html>", content_type="text/html")
    with pytest.raises(pc.InternalServerError) as info:
        client.with_options(max_retries=0).list_indexes()
    assert info.value.text == "<html>Bad Gateway</html>"
    emulator.faults.drop_next(1, operation="describe_index")
    client.list_indexes()  # not matched by the operation filter
    with pytest.raises(pc.APIConnectionError):
        client.with_options(max_retries=0).describe_index("x")


def test_unknown_states_can_be_forced(emulator: Emulator, client: pc.Client) -> None:
    client.create_index("movies", dimension=8, spec=SERVERLESS)
    emulator.set_index_state("movies", "Disabled")
    (index,) = client.list_indexes()
    state = index.status.state
    assert state == "Disabled" and state.is_unknown


def test_shell_entry_point_serves_until_interrupted() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "pinecone_control.testing", "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        url = line.rsplit(" ", 1)[-1].strip()
        assert url.startswith("http://127.0.0.1:")
        with pc.Client(api_key="k", host=url) as client:
            assert client.list_indexes().names() == []
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert process.returncode == 0


def test_pytest_fixtures(pinecone_client: pc.Client, pinecone_emulator: Emulator) -> None:
    """The fixtures run on virtual time with the real-shaped timings: a 5 s Ready costs no wall time."""
    pinecone_client.create_index("movies", dimension=8, spec=SERVERLESS, wait_timeout=60)
    operations = [r.operation for r in pinecone_emulator.requests]
    assert operations[0] == "create_index" and set(operations[1:]) == {"describe_index"}
    assert pinecone_emulator.clock.now() == pytest.approx(Timings().serverless_ready, abs=1.0)


def test_the_control_api_forces_the_state_of_any_kind(emulator: Emulator, client: pc.Client) -> None:
    control = Emulator(timings=Timings.instant(), control=True)
    with control.client() as through:
        through.create_index("pods", dimension=8, spec=POD)
        through.create_collection("snap", source="pods")
    reply = control.process("PUT", "/_emulator/collections/snap/state", {}, b'{"status": "Terminating"}').reply
    assert reply is not None and reply.status == 200, reply
    assert control.snapshot()["collections"][0]["status"] == "Terminating"
    missing = control.process("PUT", "/_emulator/backups/b-1/state", {}, b'{"state": "Failed"}').reply
    assert missing is not None and missing.status == 404 and b"Backup b-1 not found." in missing.body
