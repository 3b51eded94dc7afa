"""Quickstart: the whole client against the bundled emulator. No API key, no network.

    python examples/quickstart.py

Starts the emulator as a real HTTP server on 127.0.0.1, then uses `pinecone_control.Client`
exactly as against https://api.pinecone.io (only `host` differs, and `clock`: see below).

The emulator keeps the real service's pace (a pod index takes a minute, scaling minutes) on
virtual time: the client is given the emulator's clock, so its poll sleeps move emulated time
forward instead of waiting. Drop `clock=` (and `VirtualClock()`) to watch it in real time.
"""

from __future__ import annotations

import time

from pinecone_control import Client, NotFoundError, WaitProgress, pod_spec, require, serverless_spec
from pinecone_control.testing import Emulator, VirtualClock

_last_seen: dict[str, str] = {}


def show(event: WaitProgress) -> None:
    """Print each state a wait sees once, with the emulated time and the poll it was seen at."""
    if _last_seen.get(event.name) != event.state:
        _last_seen[event.name] = event.state
        print(f"    ... {event.kind} {event.name}: {event.state} ({event.elapsed:.0f}s emulated, poll {event.polls})")


def main() -> None:
    emulator = Emulator(clock=VirtualClock())  # the default timings, shaped like the real service
    started = time.perf_counter()
    with (
        emulator.serve() as server,
        Client(api_key="quickstart-key", host=server.url, clock=emulator.client_clock()) as pc,
    ):
        print(f"emulator listening on {server.url}")

        print("create serverless index 'movies' (dimension 1024, aws/us-east-1) and wait")
        movies = pc.create_index(
            "movies", dimension=1024, spec=serverless_spec("aws", "us-east-1"), wait_timeout=60, on_progress=show
        )
        print(f"  -> {movies.name}: {movies.status.state}, host {movies.host}")

        print("create pod index 'archive' (p1.x1, us-east1-gcp) and wait")
        archive = pc.create_index(
            "archive",
            dimension=1024,
            spec=pod_spec("us-east1-gcp", "p1.x1"),
            metric="dotproduct",
            wait_timeout=600,
            on_progress=show,
        )
        # The deployment's shape is version-specific (a union of branches from 2025-10): read it as data.
        print(f"  -> {archive.name}: {archive.status.state}, {archive.to_dict()['spec']['pod']['pods']} pod(s)")

        print(f"list indexes -> {pc.list_indexes().names()}")

        print("scale 'archive' to 2 replicas and wait until the change is in effect")
        scaled = pc.configure_index("archive", replicas=2, wait_timeout=600)
        print(f"  -> replicas {scaled.to_dict()['spec']['pod']['replicas']}, state {scaled.status.state}")

        print("make collection 'archive-snapshot' from 'archive'")
        snapshot = pc.create_collection("archive-snapshot", source="archive", wait_timeout=600)
        print(f"  -> {snapshot.name}: {snapshot.status}, dimension {snapshot.dimension}")

        sentences = ["The quick brown fox jumps over the lazy dog.", "Vectors make search semantic."]
        print(f"embed {len(sentences)} sentences with multilingual-e5-large")
        embedded = pc.embed(model="multilingual-e5-large", inputs=sentences, parameters={"input_type": "passage"})
        for sentence, item in zip(sentences, require(embedded.data, "data"), strict=True):
            values = item.to_dict()["values"]  # dense or (from 2025-04) sparse: read as data
            print(f"  -> {len(values)} dims, first {values[:3]} for {sentence!r}")
        print(f"  -> usage: {require(embedded.usage).total_tokens} tokens")

        print("clean up")
        pc.delete_collection("archive-snapshot", wait_timeout=60)
        pc.delete_index("movies", wait_timeout=60)
        pc.delete_index("archive", wait_timeout=60)
        try:
            pc.describe_index("movies")
        except NotFoundError as exc:
            print(f"  -> describe 'movies' now raises {type(exc).__name__}: {exc}")
        print(f"list indexes -> {pc.list_indexes().names()}, collections -> {pc.list_collections().names()}")

    wall = time.perf_counter() - started
    seen = len(emulator.requests)
    print(f"done: {emulator.clock.now():.0f}s emulated in {wall:.1f}s wall; the emulator saw {seen} requests")


if __name__ == "__main__":
    main()
