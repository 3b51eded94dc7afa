"""Instant timings cost no poll (issue 22 item 2): with every timing 0 a create, configure or delete
answers its final state at once, as pinecone-local does, so a wait returns without a describe and
five create-and-waits against the CLI take well under the five poll intervals they used to."""

from __future__ import annotations

import time

import pinecone_control as pc
from pinecone_control.testing import Emulator, Timings

from .test_cli_control import Cli

SERVERLESS = pc.serverless_spec("aws", "us-east-1")
POD = pc.pod_spec("us-east1-gcp", "p1.x1")


def test_instant_answers_the_final_state_without_a_poll() -> None:
    emulator = Emulator(timings=Timings.instant())
    with emulator.client() as client:
        created = client.create_index("movies", dimension=8, spec=SERVERLESS, wait_timeout=60)
        assert created.status.ready and created.status.state == "Ready"
        pods = client.create_index("pods", dimension=8, spec=POD, wait_timeout=60)
        assert pods.status.state == "Ready"
        scaled = client.configure_index("pods", replicas=2, wait_timeout=60)
        assert scaled.status.state == "Ready"
        collection = client.create_collection("snap", source="pods", wait_timeout=60)
        assert collection.status == "Ready"
        client.delete_collection("snap", wait_timeout=60)
        client.delete_index("movies", wait_timeout=60)
    # Each call was one request: no describe was needed to see the change done (deletes settle
    # with one describe that answers 404).
    operations = [r.operation for r in emulator.requests]
    assert operations.count("describe_index") <= 1 and "describe_collection" in operations
    assert operations[:4] == ["create_index", "create_index", "configure_index", "create_collection"]


def test_five_create_and_waits_against_the_instant_cli_take_no_poll_interval() -> None:
    cli = Cli("--instant")
    try:
        with pc.Client(api_key="k", host=cli.url, max_retries=0) as client:
            started = time.monotonic()
            for n in range(5):
                client.create_index(f"i{n}", dimension=8, spec=SERVERLESS, wait_timeout=60)
            elapsed = time.monotonic() - started
        assert elapsed < 2.5, f"five create-and-waits took {elapsed:.2f} s (a 1 s poll each before)"
    finally:
        cli.control.close()
        cli.stop()
