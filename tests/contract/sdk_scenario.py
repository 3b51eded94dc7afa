"""Run by the official SDK's own venv (`pinecone-client==5.0.1`), not by pytest: every control-plane
operation against the emulator CLI, success and error paths, written the way that SDK's users and
integration tests write them, including retry loops that never describe. Prints one JSON report.

    python sdk_scenario.py <emulator url> <api key>
"""

from __future__ import annotations

import json
import sys
import time
import traceback
import urllib.request
from collections.abc import Callable
from typing import Any

from pinecone import Pinecone, PodSpec, ServerlessSpec  # type: ignore[import-not-found]

URL, KEY = sys.argv[1], sys.argv[2]
pc = Pinecone(api_key=KEY, host=URL)
results: list[dict[str, Any]] = []


def step(name: str, call: Callable[[], Any]) -> None:
    try:
        detail = call()
        results.append({"step": name, "ok": True, "detail": detail})
    except Exception as exc:
        results.append(
            {"step": name, "ok": False, "detail": f"{type(exc).__name__}: {exc}", "tb": traceback.format_exc()}
        )


def must(condition: bool) -> bool:
    if not condition:
        raise AssertionError("check failed")
    return condition


def status_of(call: Callable[[], Any]) -> tuple[int, str]:
    """The HTTP status and body the SDK raised (PineconeApiException and subclasses carry both)."""
    try:
        call()
    except Exception as exc:
        return int(getattr(exc, "status", 0) or 0), str(getattr(exc, "body", exc))
    raise AssertionError("expected an error")


def expect(status: int, fragment: str, call: Callable[[], Any]) -> str:
    got, body = status_of(call)
    assert got == status and fragment in body, (got, body)
    return f"{got}: {fragment}"


def until(predicate: Callable[[], bool], what: str, limit: float = 30.0) -> int:
    """Poll like the SDK's own helpers do, but every 50 ms (the emulator runs at --speed)."""
    deadline, polls = time.monotonic() + limit, 0
    while time.monotonic() < deadline:
        polls += 1
        if predicate():
            return polls
        time.sleep(0.05)
    raise AssertionError(f"{what} not reached in {limit}s")


def retry_while(status: int, call: Callable[[], Any], limit: float = 30.0) -> int:
    """Retry `call` while it answers `status`, never describing anything: the tries it took."""
    deadline, tries = time.monotonic() + limit, 0
    while time.monotonic() < deadline:
        tries += 1
        try:
            call()
            return tries
        except Exception as exc:
            if getattr(exc, "status", None) != status:
                raise
        time.sleep(0.05)
    raise AssertionError(f"still {status} after {limit}s")


def control(method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{URL}/_emulator/{path}", data=data, method=method)
    request.add_header("content-type", "application/json")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def ready(name: str) -> bool:
    return bool(pc.describe_index(name).status["ready"]) and pc.describe_index(name).status["state"] == "Ready"


def collection_status(name: str) -> str:
    return str(pc.describe_collection(name)["status"])  # 5.0.1 returns a dict here


def test_indexes() -> None:
    step("list_indexes empty", lambda: must(pc.list_indexes().names() == []))
    step("create serverless", lambda: pc.create_index("movies", 8, ServerlessSpec("aws", "us-east-1"), timeout=-1))
    step("serverless Initializing then Ready", lambda: until(lambda: ready("movies"), "movies Ready"))
    step(
        "create pod (deletion protection on), wait as the SDK does",
        lambda: pc.create_index(
            "archive",
            8,
            PodSpec(environment="us-east1-gcp", pod_type="p1.x1"),
            deletion_protection="enabled",
            timeout=-1,
        ),
    )
    step("pod Ready", lambda: until(lambda: ready("archive"), "archive Ready"))
    step("list_indexes", lambda: must(sorted(pc.list_indexes().names()) == ["archive", "movies"]))
    step("describe", lambda: must(pc.describe_index("movies").host.startswith("movies-")))
    step(
        "409 duplicate",
        lambda: expect(409, "ALREADY_EXISTS", lambda: pc.create_index("movies", 8, ServerlessSpec("aws", "us-east-1"))),
    )
    step("404 describe missing", lambda: expect(404, "Index nope not found", lambda: pc.describe_index("nope")))
    step(
        "404 unknown region",
        lambda: expect(
            404, "region: mars-1 not found", lambda: pc.create_index("x", 8, ServerlessSpec("aws", "mars-1"))
        ),
    )
    step(
        "400 bad name",
        lambda: expect(400, "lower case", lambda: pc.create_index("Bad_Name", 8, ServerlessSpec("aws", "us-east-1"))),
    )
    step(
        "404 missing source collection (SDK test wording)",
        lambda: expect(
            404,
            "Resource doesnotexist not found",
            lambda: pc.create_index("x", 8, PodSpec(environment="us-east1-gcp", source_collection="doesnotexist")),
        ),
    )
    step(
        "403 deletion protection",
        lambda: expect(403, "Deletion protection is enabled", lambda: pc.delete_index("archive", timeout=-1)),
    )
    step("configure replicas", lambda: pc.configure_index("archive", replicas=2))
    step("ScalingUp visible", lambda: must(pc.describe_index("archive").status["state"] == "ScalingUp"))
    step(
        "replicas in spec at once (SDK deletion-protection test)",
        lambda: must(pc.describe_index("archive").spec.pod.replicas == 2),
    )
    step(
        "deletion protection kept",
        lambda: must(pc.describe_index("archive").deletion_protection == "enabled"),
    )
    step("scaling done", lambda: until(lambda: pc.describe_index("archive").status["state"] == "Ready", "scaled"))
    step("configure pod size", lambda: pc.configure_index("archive", pod_type="p1.x2"))
    step(
        "ScalingUpPodSize visible",
        lambda: must(pc.describe_index("archive").status["state"] == "ScalingUpPodSize"),
    )
    step("pod size done", lambda: until(lambda: pc.describe_index("archive").status["state"] == "Ready", "resized"))
    step(
        "400 pod family change",
        lambda: expect(400, "Cannot change pod type", lambda: pc.configure_index("archive", pod_type="s1.x1")),
    )
    step(
        "400 serverless replicas",
        lambda: expect(400, "not supported for serverless", lambda: pc.configure_index("movies", replicas=2)),
    )
    step(
        "401 bad key",
        lambda: expect(401, "UNAUTHENTICATED", lambda: Pinecone(api_key="wrong", host=URL).list_indexes()),
    )


def test_collections() -> None:
    step(
        "404 collection from missing index (SDK test wording)",
        lambda: expect(404, "Resource invalid-index not found", lambda: pc.create_collection("c", "invalid-index")),
    )
    step(
        "400 collection from serverless",
        lambda: expect(
            400, "Serverless indexes do not support collections", lambda: pc.create_collection("c", "movies")
        ),
    )
    step("create_collection", lambda: pc.create_collection("snap", "archive"))
    step("collection Initializing", lambda: must(collection_status("snap") == "Initializing"))
    step(
        "400 index from a collection that is not ready",
        lambda: expect(
            400,
            "Source collection is not ready",
            lambda: pc.create_index(
                "copy", 8, PodSpec(environment="us-east1-gcp", source_collection="snap"), timeout=-1
            ),
        ),
    )
    step("disable protection", lambda: pc.configure_index("archive", deletion_protection="disabled"))
    # A delete retried until the pending collection is done, never describing it (issue 12).
    step(
        "delete_index retried while 412, never describing",
        lambda: retry_while(412, lambda: pc.delete_index("archive", timeout=-1)),
    )
    step("collection Ready", lambda: must(collection_status("snap") == "Ready"))
    step("list_collections", lambda: must(pc.list_collections().names() == ["snap"]))
    step(
        "400 collection in another environment (SDK test wording)",
        lambda: expect(
            400,
            "Source collection must be in the same environment as the index",
            lambda: pc.create_index(
                "copy", 8, PodSpec(environment="eu-west1-gcp", source_collection="snap"), timeout=-1
            ),
        ),
    )
    step(
        "index from collection",
        lambda: pc.create_index("copy", 8, PodSpec(environment="us-east1-gcp", source_collection="snap"), timeout=-1),
    )
    step("index from collection Ready", lambda: until(lambda: ready("copy"), "copy Ready"))
    step("delete_collection", lambda: pc.delete_collection("snap"))
    step("collection Terminating", lambda: must(collection_status("snap") == "Terminating"))
    step("collection gone", lambda: until(lambda: "snap" not in pc.list_collections().names(), "snap gone"))
    step(
        "404 delete missing collection",
        lambda: expect(404, "Collection snap not found", lambda: pc.delete_collection("snap")),
    )


def test_recreate_and_faults() -> None:
    step("delete serverless", lambda: pc.delete_index("movies", timeout=-1))
    step("Terminating visible", lambda: must(pc.describe_index("movies").status["state"] == "Terminating"))
    # Re-create the name until it stops answering 409, never describing (issue 12).
    step(
        "re-create retried while 409, never describing",
        lambda: retry_while(409, lambda: pc.create_index("movies", 8, ServerlessSpec("aws", "us-east-1"), timeout=-1)),
    )
    step(
        "delete and wait as the SDK does (timeout=None polls every 5 s)", lambda: pc.delete_index("copy", timeout=None)
    )
    step("copy gone", lambda: must("copy" not in pc.list_indexes().names()))
    step(
        "inject 503 over the control API",
        lambda: control("POST", "faults", {"kind": "fail", "status": 503, "operation": "list_indexes"}),
    )
    step("SDK sees the 503", lambda: expect(503, "Injected failure 503", pc.list_indexes))
    step("then succeeds", lambda: must("movies" in pc.list_indexes().names()))


def test_inference() -> None:
    inference = getattr(pc, "inference", None)
    if inference is None:
        results.append({"step": "inference plugin", "ok": True, "detail": "pc.inference is not installed in this SDK"})
        return
    step(
        "embed",
        lambda: must(
            [
                len(e["values"])
                for e in inference.embed("multilingual-e5-large", ["hello", "world"], {"input_type": "passage"}).data
            ]
            == [1024, 1024]
        ),
    )
    step(
        "400 embed unknown model",
        lambda: expect(400, "not found", lambda: inference.embed("no-such-model", ["x"], {"input_type": "query"})),
    )


for group in (test_indexes, test_collections, test_recreate_and_faults, test_inference):
    group()
print(json.dumps(results))
