from __future__ import annotations

from pathlib import Path

import pytest
from codegen.generate import generate_into
from codegen.pin import SpecPin


@pytest.fixture(scope="session")
def pin() -> SpecPin:
    return SpecPin.load()


@pytest.fixture(scope="session")
def spec_bytes(pin: SpecPin) -> bytes:
    """The pinned spec as pulled (`make test` pulls it first)."""
    return pin.read_verified()


@pytest.fixture(scope="session")
def fresh_generation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One regeneration per test session, into a temporary directory."""
    return generate_into(tmp_path_factory.mktemp("gen"))
