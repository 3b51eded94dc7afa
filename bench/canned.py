"""The benchmark's canned answers, one source for the stub server and the in-process row.

Bodies are encoded once. A client that speaks a newer API version (the current `pinecone`, which
10.x sends `X-Pinecone-Api-Version: 2026-07`) gets the shapes that version requires, so every contender
parses a body its own spec calls valid.
"""

from __future__ import annotations

import json
import time
from typing import Any

API_KEY = "bench-key"
DESCRIBED = "index-001"
WAITED = "index-999"
OLD_API = "2024-07"


def index(i: int, *, pod: bool, state: str = "Ready", api: str = OLD_API) -> dict[str, Any]:
    pod_spec: dict[str, Any] = {
        "environment": "us-east1-gcp",
        "pod_type": "p1.x1",
        "pods": 1,
        "replicas": 1,
        "shards": 1,
        "metadata_config": {"indexed": ["genre", "year"]},
    }
    serverless: dict[str, Any] = {"cloud": "aws", "region": "us-east-1"}
    name = f"index-{i:03d}"
    model: dict[str, Any] = {
        "name": name,
        "dimension": 1536,
        "metric": "cosine",
        "host": f"{name}-c01b5b5.svc.us-east-1.pinecone.io",
        "deletion_protection": "disabled",
        "spec": {"pod": pod_spec} if pod else {"serverless": serverless},
        "status": {"ready": state == "Ready", "state": state},
    }
    if api >= "2026-07":
        return _index_2026(model, pod_spec if pod else None)
    if api > OLD_API:  # 2025-10 requires vector_type, and read_capacity on a serverless spec
        model["vector_type"] = "dense"
        model["tags"] = {"team": "bench"}
        serverless["read_capacity"] = {"mode": "OnDemand", "status": {"state": "Ready"}}
    return model


def _index_2026(model: dict[str, Any], pod: dict[str, Any] | None) -> dict[str, Any]:
    """The same index in the 2026-07 shape (what `pinecone` 10.x speaks): the vector's dimension and
    metric move into a schema field, the spec becomes a tagged `deployment`."""
    fields: dict[str, Any] = {"values": {"type": "dense_vector", "dimension": model["dimension"], "metric": "cosine"}}
    deployment: dict[str, Any] = {"deployment_type": "managed", "cloud": "aws", "region": "us-east-1"}
    if pod is not None:
        fields.update({name: {"type": "string", "filterable": True} for name in pod["metadata_config"]["indexed"]})
        deployment = {
            "deployment_type": "pod",
            **{k: pod[k] for k in ("environment", "pod_type", "replicas", "shards")},
        }
    return {
        "name": model["name"],
        "host": model["host"],
        "status": model["status"],
        "deletion_protection": model["deletion_protection"],
        "schema": {"fields": fields},
        "deployment": deployment,
        "read_capacity": {"mode": "OnDemand", "status": {"state": "Ready"}},
        "tags": {"team": "bench"},
    }


NOT_FOUND = b'{"error":{"code":"NOT_FOUND","message":"not found"},"status":404}'


class Canned:
    """Answers for GET /indexes (`count` indexes, half pod, half serverless), GET /indexes/{name},
    and POST /indexes (an index turning Ready `ready_after` seconds later; its describes are polls)."""

    def __init__(self, count: int, ready_after: float = 1.0) -> None:
        self._count = count
        self._bodies: dict[str, tuple[bytes, dict[str, bytes]]] = {}
        self.ready_after = ready_after
        self.created_at: float | None = None
        self.polls = 0
        self.seen_ready_at: float | None = None
        self.api_seen: set[str] = set()

    def _encoded(self, api: str) -> tuple[bytes, dict[str, bytes]]:
        if api not in self._bodies:
            indexes = [index(i, pod=i % 2 == 0, api=api) for i in range(self._count)]
            listed = json.dumps({"indexes": indexes}).encode()
            self._bodies[api] = listed, {f"/indexes/{ix['name']}": json.dumps(ix).encode() for ix in indexes}
        return self._bodies[api]

    def is_fixed(self, method: str, path: str, api: str = OLD_API) -> bool:
        """Whether the answer never changes (the listed indexes), so a server may keep it."""
        return method == "GET" and (path == "/indexes" or path in self._encoded(api)[1])

    def answer(self, method: str, path: str, api: str = OLD_API) -> tuple[int, bytes]:
        self.api_seen.add(api)
        listed, described = self._encoded(api)
        if method == "GET" and path == "/indexes":
            return 200, listed
        if method == "GET" and path in described:
            return 200, described[path]
        if method == "POST" and path == "/indexes":
            self.created_at, self.polls, self.seen_ready_at = time.monotonic(), 0, None
            return 201, json.dumps(index(999, pod=False, state="Initializing", api=api)).encode()
        if method == "GET" and path == f"/indexes/{WAITED}" and self.created_at is not None:
            self.polls += 1
            ready = time.monotonic() - self.created_at >= self.ready_after
            if ready and self.seen_ready_at is None:
                self.seen_ready_at = time.monotonic()
            state = "Ready" if ready else "Initializing"
            return 200, json.dumps(index(999, pod=False, state=state, api=api)).encode()
        if method == "GET" and path == "/wait-stats":
            return 200, json.dumps({"polls": self.polls, "api_seen": sorted(self.api_seen)}).encode()
        return 404, NOT_FOUND
