"""Run by an official `pinecone` SDK's own venv (6.x speaks 2025-01, 7.x 2025-04, 8.x 2025-10)
against the emulator CLI of a copy bumped to that version: its public control-plane calls, as a
user's code makes them, each a step. Prints one JSON line: the steps with ok/detail.

    <sdk venv>/bin/python sdk_later_scenario.py URL API_KEY

Only the SDK and the standard library are imported here (this runs in the SDK's venv). The
SDK's own calls are used; steps the SDK's version lacks are not run. Inference steps run only when
the emulator's version table serves them (a 404 from the route means the spec set lacks it)."""

from __future__ import annotations

import inspect
import json
import sys
import time
import traceback
import urllib.request
from collections.abc import Callable
from typing import Any

from pinecone import Pinecone, PodSpec, ServerlessSpec  # type: ignore[import-not-found]

URL, KEY = sys.argv[1], sys.argv[2]
RESULTS: list[dict[str, Any]] = []


def step(name: str, call: Callable[[], object]) -> Any:
    try:
        detail = call()
        RESULTS.append({"step": name, "ok": True, "detail": str(detail)[:200]})
        return detail
    except Exception as exc:  # the report says what failed; the test asserts on it
        RESULTS.append({"step": name, "ok": False, "detail": repr(exc)[:800], "tb": traceback.format_exc()[-1500:]})
        return None


def expect(status: int, fragment: str, call: Callable[[], object]) -> str:
    try:
        call()
    except Exception as exc:
        got = getattr(exc, "status", None)
        body = str(getattr(exc, "body", exc))
        assert got == status and fragment in body, (got, body)
        return f"{got} {fragment}"
    raise AssertionError(f"expected {status}, the call succeeded")


def control(path: str, body: dict[str, Any]) -> Any:
    request = urllib.request.Request(f"{URL}/_emulator/{path}", json.dumps(body).encode(), method="POST")
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


def served(method: str, path: str) -> bool:
    request = urllib.request.Request(f"{URL}{path}", b"{}" if method == "POST" else None, method=method)
    request.add_header("Api-Key", KEY)
    try:
        urllib.request.urlopen(request, timeout=10).close()
    except urllib.error.HTTPError as exc:
        return exc.code not in (404, 405)
    return True


def until(check: Callable[[], bool], seconds: float = 20.0) -> None:
    ends = time.monotonic() + seconds
    while not check():
        if time.monotonic() > ends:
            raise AssertionError("timed out")
        time.sleep(0.02)


def main() -> None:
    pc = Pinecone(api_key=KEY, host=URL)
    aws = ServerlessSpec(cloud="aws", region="us-east-1")

    # Indexes: create and wait (the SDK's own wait), describe, list, tags, deletion protection.
    step("create_index and wait", lambda: pc.create_index("movies", dimension=8, spec=aws, tags={"env": "test"}))
    described = step("describe_index", lambda: pc.describe_index("movies"))
    step("status ready", lambda: described.status["ready"] is True or (_ for _ in ()).throw(AssertionError(described)))
    step("tags kept", lambda: _tags(pc.describe_index("movies")) == {"env": "test"} or _fail("tags"))
    step("vector_type dense", lambda: pc.describe_index("movies").vector_type == "dense" or _fail("vector_type"))
    step("list_indexes", lambda: pc.list_indexes().names() == ["movies"] or _fail("list"))
    step("has_index", lambda: pc.has_index("movies") or _fail("has_index"))
    step("configure tags", lambda: pc.configure_index("movies", tags={"team": "search"}))
    step(
        "tags merged",
        lambda: _tags(pc.describe_index("movies")) == {"env": "test", "team": "search"} or _fail("merge"),
    )
    step("enable deletion protection", lambda: pc.configure_index("movies", deletion_protection="enabled"))
    step("delete refused 403", lambda: expect(403, "Deletion protection", lambda: pc.delete_index("movies")))
    step("disable deletion protection", lambda: pc.configure_index("movies", deletion_protection="disabled"))
    step(
        "duplicate 409", lambda: expect(409, "already exists", lambda: pc.create_index("movies", dimension=8, spec=aws))
    )
    step("describe missing 404", lambda: expect(404, "not found", lambda: pc.describe_index("nope")))
    step(
        "unknown region 404",
        lambda: expect(
            404,
            "not found",
            lambda: pc.create_index("far", dimension=8, spec=ServerlessSpec(cloud="aws", region="mars-1"), timeout=-1),
        ),
    )

    # Read capacity (2025-10): OnDemand until configured, then what was asked.
    if "read_capacity" in inspect.signature(pc.configure_index).parameters:
        step(
            "read_capacity on demand",
            lambda: pc.describe_index("movies").spec.serverless.read_capacity.mode == "OnDemand" or _fail("mode"),
        )
        dedicated = {
            "mode": "Dedicated",
            "dedicated": {"node_type": "b1", "scaling": "Manual", "manual": {"replicas": 1, "shards": 1}},
        }
        step("configure read_capacity", lambda: pc.configure_index("movies", read_capacity=dedicated))
        step(
            "read_capacity dedicated",
            lambda: pc.describe_index("movies").spec.serverless.read_capacity.mode == "Dedicated" or _fail("mode"),
        )

    # Sparse indexes: no dimension, dotproduct.
    step(
        "create sparse",
        lambda: pc.create_index("words", spec=aws, metric="dotproduct", vector_type="sparse", timeout=-1),
    )
    step(
        "sparse described",
        lambda: (
            (pc.describe_index("words").vector_type == "sparse" and pc.describe_index("words").dimension is None)
            or _fail("sparse")
        ),
    )

    # Pod indexes: scaling is visible, then done.
    step(
        "create pod index",
        lambda: pc.create_index("pods", dimension=8, spec=PodSpec(environment="us-east1-gcp"), timeout=-1),
    )
    step("pod index ready", lambda: until(lambda: _ready(pc, "pods")))
    step("scale replicas", lambda: pc.configure_index("pods", replicas=2))
    step("scaling visible", lambda: pc.describe_index("pods").status["state"] == "ScalingUp" or _fail("no ScalingUp"))
    step("scaled", lambda: until(lambda: pc.describe_index("pods").status["state"] == "Ready"))

    # Integrated embedding.
    if hasattr(pc, "create_index_for_model"):
        step(
            "create_index_for_model",
            lambda: pc.create_index_for_model(
                name="hosted",
                cloud="aws",
                region="us-east-1",
                embed={"model": "multilingual-e5-large", "field_map": {"text": "chunk_text"}},
                timeout=-1,
            ),
        )
        step("hosted index ready", lambda: until(lambda: _ready(pc, "hosted")))
        step(
            "embed kept on the index",
            lambda: pc.describe_index("hosted").embed.model == "multilingual-e5-large" or _fail("embed"),
        )

    # Backups and restore jobs.
    if hasattr(pc, "create_backup"):
        backup = step("create_backup", lambda: pc.create_backup(index_name="movies", backup_name="b1", description="d"))
        step("backup ready", lambda: until(lambda: pc.describe_backup(backup_id=backup.backup_id).status == "Ready"))
        step("list_backups of index", lambda: len(pc.list_backups(index_name="movies").data) == 1 or _fail("list"))
        step("list_backups of project", lambda: len(pc.list_backups().data) == 1 or _fail("list"))
        step(
            "create_index_from_backup",
            lambda: pc.create_index_from_backup(backup_id=backup.backup_id, name="restored", timeout=-1),
        )
        step("restored index ready", lambda: until(lambda: _ready(pc, "restored")))
        step("restored index", lambda: pc.describe_index("restored").dimension == 8 or _fail("restored"))
        jobs = step("list_restore_jobs", lambda: pc.list_restore_jobs())
        step(
            "restore job completed",
            lambda: (
                pc.describe_restore_job(job_id=jobs.data[0].restore_job_id).status == "Completed" or _fail("restore")
            ),
        )
        step("delete_backup", lambda: pc.delete_backup(backup_id=backup.backup_id))
        step(
            "deleted backup 404",
            lambda: until(lambda: _missing(lambda: pc.describe_backup(backup_id=backup.backup_id))),
        )

    # Inference, where the emulator's version serves it.
    if served("POST", "/embed"):
        step(
            "embed",
            lambda: (
                len(
                    pc.inference.embed(
                        model="multilingual-e5-large", inputs=["a", "b"], parameters={"input_type": "query"}
                    )
                )
                == 2
                or _fail("embed")
            ),
        )
    if served("POST", "/rerank"):
        step(
            "rerank",
            lambda: (
                pc.inference.rerank(model="bge-reranker-v2-m3", query="fox", documents=["a fox", "a dog"], top_n=1)
                .data[0]
                .index
                == 0
                or _fail("rerank")
            ),
        )
    if served("GET", "/models") and hasattr(pc.inference, "list_models"):
        step("list_models", lambda: len(pc.inference.list_models()) > 0 or _fail("models"))

    # Deletes: Terminating, then gone.
    for name in ("movies", "words", "pods", "hosted", "restored"):
        if pc.has_index(name):
            step(f"delete {name}", _deleter(pc, name))
    step("all gone", lambda: until(lambda: pc.list_indexes().names() == []))
    print(json.dumps(RESULTS))


def _deleter(pc: Any, name: str) -> Callable[[], object]:
    return lambda: pc.delete_index(name, timeout=-1)  # not the SDK's 5 s polls: `all gone` waits


def _ready(pc: Any, name: str) -> bool:
    return bool(pc.describe_index(name).status["ready"])


def _tags(index: Any) -> dict[str, str]:
    tags = index.tags
    return dict(tags.to_dict() if hasattr(tags, "to_dict") else tags or {})


def _fail(what: str) -> bool:
    raise AssertionError(what)


def _missing(call: Callable[[], object]) -> bool:
    try:
        call()
    except Exception as exc:
        return getattr(exc, "status", None) == 404
    return False


if __name__ == "__main__":
    main()
