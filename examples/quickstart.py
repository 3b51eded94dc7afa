"""Quickstart: the whole client against the bundled emulator. No API key, no network.

    python examples/quickstart.py

Starts the emulator as a real HTTP server on 127.0.0.1, then uses `pinecone_control.Client`
exactly as against https://api.pinecone.io (only `host` differs).
"""

from __future__ import annotations

import time

from pinecone_control import Client, NotFoundError, WaitProgress, pod_spec, require, serverless_spec
from pinecone_control.testing import Emulator, Timing


def show(event: WaitProgress) -> None:
    print(f"    ... {event.kind} {event.name}: {event.state} ({event.elapsed:.1f}s, poll {event.polls})")


def main() -> None:
    # New indexes take a second to become Ready, as (much faster than) the real service.
    emulator = Emulator(index_ready=Timing(seconds=1.0, describes=0), collection_ready=Timing(seconds=0.5))
    started = time.perf_counter()
    with emulator.serve() as server, Client(api_key="quickstart-key", host=server.url) as pc:
        print(f"emulator listening on {server.url}")

        print("create serverless index 'movies' (dimension 1024, aws/us-east-1) and wait")
        movies = pc.create_index("movies", 1024, serverless_spec("aws", "us-east-1"), wait_timeout=30, on_progress=show)
        print(f"  -> {movies.name}: {movies.status.state}, host {movies.host}")

        print("create pod index 'archive' (p1.x1, us-east1-gcp) and wait")
        archive = pc.create_index(
            "archive", 1024, pod_spec("us-east1-gcp", "p1.x1"), metric="dotproduct", wait_timeout=30, on_progress=show
        )
        print(f"  -> {archive.name}: {archive.status.state}, {require(archive.spec.pod).pods} pod(s)")

        print(f"list indexes -> {pc.list_indexes().names()}")

        print("scale 'archive' to 2 replicas and wait until the change is in effect")
        scaled = pc.configure_index("archive", replicas=2, wait_timeout=30)
        print(f"  -> replicas {require(scaled.spec.pod).replicas}, state {scaled.status.state}")

        print("make collection 'archive-snapshot' from 'archive'")
        snapshot = pc.create_collection("archive-snapshot", "archive", wait_timeout=30)
        print(f"  -> {snapshot.name}: {snapshot.status}, dimension {snapshot.dimension}")

        sentences = ["The quick brown fox jumps over the lazy dog.", "Vectors make search semantic."]
        print(f"embed {len(sentences)} sentences with multilingual-e5-large")
        embedded = pc.embed("multilingual-e5-large", sentences, input_type="passage")
        for sentence, item in zip(sentences, require(embedded.data, "data"), strict=True):
            values = require(item.values, "values")
            print(f"  -> {len(values)} dims, first {values[:3]} for {sentence!r}")
        print(f"  -> usage: {require(embedded.usage).total_tokens} tokens")

        print("clean up")
        pc.delete_collection("archive-snapshot", wait_timeout=30)
        pc.delete_index("movies", wait_timeout=30)
        pc.delete_index("archive", wait_timeout=30)
        try:
            pc.describe_index("movies")
        except NotFoundError as exc:
            print(f"  -> describe 'movies' now raises {type(exc).__name__}: {exc}")
        print(f"list indexes -> {pc.list_indexes().names()}, collections -> {pc.list_collections().names()}")

    print(f"done in {time.perf_counter() - started:.1f}s; the emulator saw {len(emulator.requests)} requests")


if __name__ == "__main__":
    main()
