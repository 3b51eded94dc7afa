"""The team's tests: only the documented fixture, `pinecone_server`; the app makes its own client."""

from __future__ import annotations

import os
import time

from movies_app import provision
from pinecone_control.testing import EmulatorServer


def test_provision_waits_for_two_indexes_and_a_collection(pinecone_server: EmulatorServer) -> None:
    started = time.monotonic()
    states = provision(wait_timeout=120)
    elapsed = time.monotonic() - started
    assert states == {"movies": "Ready", "archive": "Ready", "archive-snapshot": "Ready"}
    assert provision() == states  # run again: everything found, nothing created twice
    print(f"\nprovisioned in {elapsed:.3f} s of wall time, {pinecone_server.emulator.clock.now():.0f} s emulated")


def test_the_environment_is_restored_after_the_fixture() -> None:
    assert "PINECONE_CONTROLLER_HOST" not in os.environ and "PINECONE_API_KEY" not in os.environ
