"""Idempotent provisioning against the emulator, sync and async: `ensure_index` / `ensure_collection`
run twice, after a create whose answer was lost (it acted) or that never acted, after a 409 race,
against a drifted index (raise; `apply=True` configures); `missing_ok` deletes; messages that name
the resource."""

from __future__ import annotations

import inspect
import re
import types
from collections.abc import Iterator
from typing import Any

import httpx
import pinecone_control as pc
import pytest
from codegen.pin import REPO_ROOT
from pinecone_control.testing import Emulator, Timings

from ..support import Api

KIND = ["sync", "async"]
SERVERLESS = pc.serverless_spec("aws", "us-east-1")
READ_TIMEOUT = 1.0


def _client(kind: str, emulator: Emulator, **options: Any) -> Api:
    options.setdefault("timeout", httpx.Timeout(READ_TIMEOUT, connect=1.0))
    return Api(emulator.client(**options) if kind == "sync" else emulator.async_client(**options))


@pytest.fixture
def emulator() -> Emulator:
    return Emulator(timings=Timings.instant())


@pytest.fixture(params=KIND)
def api(request: pytest.FixtureRequest, emulator: Emulator) -> Iterator[Api]:
    client = _client(request.param, emulator)
    yield client
    client.close()


def _sent(emulator: Emulator, operation: str) -> int:
    return sum(1 for r in emulator.requests if r.operation == operation)


def test_twice_creates_once_and_returns_the_same_index(api: Api, emulator: Emulator) -> None:
    first = api.ensure_index("movies", dimension=8, spec=SERVERLESS, wait_timeout=30)
    second = api.ensure_index("movies", dimension=8, spec=SERVERLESS, metric="cosine")
    assert first.status.state == "Ready"
    assert second.name == first.name == "movies"
    assert second.host == first.host
    assert _sent(emulator, "create_index") == 1


def test_ensure_collection_twice_creates_once(api: Api, emulator: Emulator) -> None:
    api.create_index("source", dimension=8, spec=pc.pod_spec("us-east1-gcp"), wait_timeout=30)
    first = api.ensure_collection("snapshot", source="source", wait_timeout=30)
    second = api.ensure_collection("snapshot", source="source")
    assert first.status == "Ready"
    assert second.name == "snapshot"
    assert _sent(emulator, "create_collection") == 1


@pytest.mark.parametrize(
    "lose_the_answer",
    [
        pytest.param(lambda e: e.faults.reset_next(1, operation="create_index"), id="reset-mid-answer"),
        pytest.param(lambda e: e.faults.delay_next(1, 3 * READ_TIMEOUT, operation="create_index"), id="read-timeout"),
    ],
)
def test_a_create_that_acted_but_lost_its_answer_is_settled_by_describing(
    api: Api, emulator: Emulator, lose_the_answer: Any
) -> None:
    lose_the_answer(emulator)
    index = api.ensure_index("movies", dimension=8, spec=SERVERLESS)
    assert index.name == "movies"
    assert _sent(emulator, "create_index") == 1  # settled, not resent


@pytest.mark.parametrize("kind", KIND)
def test_a_500_whose_create_went_through_is_settled_by_describing(kind: str) -> None:
    emulator = Emulator(timings=Timings.instant())
    failed: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.decode("ascii")
        reply = emulator.handle(request.method, path, request.headers, request.content)
        if request.method == "POST" and path == "/indexes" and not failed:
            failed.append(path)  # the server acted, then failed to answer
            return httpx.Response(500, json={"error": {"code": "UNKNOWN", "message": "boom"}, "status": 500})
        return httpx.Response(reply.status, headers=reply.headers, content=reply.body)

    options: dict[str, Any] = {"api_key": "k", "host": "https://api.test", "transport": httpx.MockTransport(answer)}
    api = Api(pc.Client(**options) if kind == "sync" else pc.AsyncClient(**options))
    try:
        index = api.ensure_index("movies", dimension=8, spec=SERVERLESS)
    finally:
        api.close()
    assert index.name == "movies"
    assert failed
    assert [r.operation for r in emulator.requests] == ["describe_index", "create_index", "describe_index"]


@pytest.mark.parametrize(
    "fail_before_acting",
    [
        pytest.param(lambda e: e.faults.drop_next(1, operation="create_index"), id="dropped-connection"),
        pytest.param(lambda e: e.faults.fail_next(1, 500, operation="create_index"), id="500"),
    ],
)
def test_a_create_that_never_acted_is_sent_again(api: Api, emulator: Emulator, fail_before_acting: Any) -> None:
    fail_before_acting(emulator)
    index = api.ensure_index("movies", dimension=8, spec=SERVERLESS)
    assert index.name == "movies"
    statuses = [r.status for r in emulator.requests if r.operation == "create_index"]
    assert len(statuses) == 2 and statuses[-1] == 201


def test_a_create_that_keeps_failing_raises_the_failure(api: Api, emulator: Emulator) -> None:
    emulator.faults.fail_next(50, 500, operation="create_index")
    with pytest.raises(pc.InternalServerError):
        api.ensure_index("movies", dimension=8, spec=SERVERLESS)
    assert not api.has_index("movies")


def test_a_409_race_is_compared_and_returned(api: Api, emulator: Emulator) -> None:
    api.create_index("movies", dimension=8, spec=SERVERLESS)
    emulator.faults.fail_next(1, 404, operation="describe_index")  # it looked missing, then someone created it
    index = api.ensure_index("movies", dimension=8, spec=SERVERLESS)
    assert index.name == "movies"
    assert [r.status for r in emulator.requests if r.operation == "create_index"] == [201, 409]


def test_a_409_race_against_another_configuration_raises_drift(api: Api, emulator: Emulator) -> None:
    api.create_index("movies", dimension=16, spec=SERVERLESS)
    emulator.faults.fail_next(1, 404, operation="describe_index")
    with pytest.raises(pc.ConfigurationDriftError) as caught:
        api.ensure_index("movies", dimension=8, spec=SERVERLESS)
    assert [(d.field, d.wanted, d.actual) for d in caught.value.differences] == [("dimension", 8, 16)]


def test_a_drifted_index_raises_with_every_difference_and_changes_nothing(api: Api, emulator: Emulator) -> None:
    api.create_index("movies", dimension=8, spec=SERVERLESS, metric="dotproduct")
    before = len(emulator.requests)
    with pytest.raises(pc.ConfigurationDriftError, match=r"ensure_index: index 'movies' exists") as caught:
        api.ensure_index(
            "movies", dimension=16, spec=SERVERLESS
        )  # metric left out: the spec's server default is expected
    error = caught.value
    assert {(d.field, d.wanted, d.actual, d.changeable) for d in error.differences} == {
        ("dimension", 16, 8, False),
        ("metric", "cosine", "dotproduct", False),
    }
    assert error.current.name == "movies"
    assert [r.operation for r in emulator.requests[before:]] == ["describe_index"]


def test_apply_configures_what_configure_index_can_change(api: Api, emulator: Emulator) -> None:
    api.create_index("pods", dimension=8, spec=pc.pod_spec("us-east1-gcp", pod_type="p1.x1"), wait_timeout=30)
    wanted = pc.pod_spec("us-east1-gcp", pod_type="p1.x2", replicas=2)
    with pytest.raises(pc.ConfigurationDriftError, match="apply=True changes") as caught:
        api.ensure_index("pods", dimension=8, spec=wanted, deletion_protection="enabled")
    assert all(d.changeable for d in caught.value.differences)
    assert _sent(emulator, "configure_index") == 0
    index = api.ensure_index(
        "pods", dimension=8, spec=wanted, deletion_protection="enabled", apply=True, wait_timeout=30
    )
    assert (index.spec.pod.replicas, index.spec.pod.pod_type, index.deletion_protection) == (2, "p1.x2", "enabled")
    assert index.status.state == "Ready"
    assert _sent(emulator, "configure_index") == 1
    api.ensure_index("pods", dimension=8, spec=wanted, deletion_protection="enabled")  # now it matches
    assert _sent(emulator, "configure_index") == 1


def test_apply_raises_for_what_configure_index_cannot_change_and_changes_nothing(api: Api, emulator: Emulator) -> None:
    api.create_index("pods", dimension=8, spec=pc.pod_spec("us-east1-gcp", pod_type="p1.x1"), wait_timeout=30)
    with pytest.raises(pc.ConfigurationDriftError, match="dimension cannot be changed in place") as caught:
        api.ensure_index("pods", dimension=4, spec=pc.pod_spec("us-east1-gcp", pod_type="p1.x2"), apply=True)
    assert {d.field: d.changeable for d in caught.value.differences} == {"dimension": False, "spec.pod.pod_type": True}
    assert _sent(emulator, "configure_index") == 0


@pytest.mark.parametrize("kind", KIND)
def test_ensure_waits_until_ready(kind: str) -> None:
    emulator = Emulator()  # real timings on the emulator's clock: the index initializes for a while
    api = _client(kind, emulator)
    try:
        index = api.ensure_index("movies", dimension=8, spec=SERVERLESS, wait_timeout=600)
        assert index.status.state == "Ready"
        again = api.ensure_index("movies", dimension=8, spec=SERVERLESS, wait_timeout=600)
        assert again.status.state == "Ready"
    finally:
        api.close()
    assert _sent(emulator, "create_index") == 1


def test_bad_input_is_refused_before_anything_is_sent(api: Api, emulator: Emulator) -> None:
    with pytest.raises(pc.ClientValidationError):
        api.ensure_index("Not A Valid Name", dimension=8, spec=SERVERLESS)
    assert emulator.requests == []


def test_ensure_index_takes_create_index_parameters() -> None:
    for cls in (pc.Client, pc.AsyncClient):
        create = inspect.signature(cls.create_index).parameters
        ensure = inspect.signature(cls.ensure_index).parameters
        assert set(ensure) - set(create) == {"apply"}
        assert set(create) - set(ensure) == set()
        for name, parameter in create.items():
            assert (ensure[name].kind, ensure[name].default) == (parameter.kind, parameter.default), name


@pytest.mark.parametrize(("delete", "create"), [("delete_index", "create_index"), ("delete_collection", None)])
def test_missing_ok_deletes_take_a_404_as_done(api: Api, delete: str, create: str | None) -> None:
    assert getattr(api, delete)("nothing-here", missing_ok=True) is None
    with pytest.raises(pc.NotFoundError, match=r"(index|collection) 'nothing-here' not found \(HTTP 404"):
        getattr(api, delete)("nothing-here")
    if create is not None:
        api.create_index("movies", dimension=8, spec=SERVERLESS)
        assert getattr(api, delete)("movies", missing_ok=True) is None
        assert not api.has_index("movies")


def test_conflict_names_the_resource(api: Api) -> None:
    api.create_index("movies", dimension=8, spec=SERVERLESS)
    with pytest.raises(pc.ConflictError, match=r"^create_index: index 'movies' already exists \(HTTP 409"):
        api.create_index("movies", dimension=8, spec=SERVERLESS)


def test_a_create_404_does_not_claim_the_new_name_is_missing(api: Api) -> None:
    with pytest.raises(pc.NotFoundError) as caught:
        api.create_index("movies", dimension=8, spec=pc.serverless_spec("aws", "mars-north-1"))
    assert "'movies'" not in str(caught.value)


def test_drift_error_pickles_with_its_differences(api: Api) -> None:
    import pickle

    api.create_index("movies", dimension=8, spec=SERVERLESS)
    with pytest.raises(pc.ConfigurationDriftError) as caught:
        api.ensure_index("movies", dimension=16, spec=SERVERLESS)
    again = pickle.loads(pickle.dumps(caught.value))
    assert type(again) is pc.ConfigurationDriftError
    assert again.differences == caught.value.differences
    assert str(again) == str(caught.value)


def _readme_block() -> str:
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```python\n(.*?)```", text[text.index("### Provisioning") :], re.DOTALL)
    assert match is not None, "the Provisioning section has a python block"
    return match.group(1)


def test_the_readme_block_runs_twice_against_the_emulator(capsys: pytest.CaptureFixture[str]) -> None:
    namespace = types.ModuleType("readme_provisioning")
    exec(compile(_readme_block(), "README.md#provisioning", "exec"), namespace.__dict__)
    emulator = Emulator()  # real timings on virtual time: pods take a while to be Ready
    with emulator.client() as client:
        first = namespace.provision(client, 2)
        second = namespace.provision(client, 2)
        assert _sent(emulator, "create_index") == 1
        assert _sent(emulator, "configure_index") == 0
        scaled = namespace.provision(client, 3)
    assert first.spec.pod.replicas == second.spec.pod.replicas == 2
    assert scaled.spec.pod.replicas == 3
    assert second.status.state == scaled.status.state == "Ready"
    assert capsys.readouterr().out.splitlines() == ["[('dimension', 1024, 768)]"] * 3
    assert _sent(emulator, "create_index") == 1
    assert _sent(emulator, "configure_index") == 1
