"""`make pull`: fetch from a base URL (file:// here), verify the sha256 pin, accept explicitly."""

from __future__ import annotations

from pathlib import Path

import pytest
from codegen.pin import PinError, SpecPin, sha256_of, upstream_path
from codegen.pull import pull


def _mirror(tmp_path: Path, pin: SpecPin, data: bytes) -> str:
    target = tmp_path / "mirror" / pin.path
    target.parent.mkdir(parents=True)
    target.write_bytes(data)
    return (tmp_path / "mirror").as_uri() + "/"


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("2024-04", "2024-04/control_2024-04.oas.yaml"),
        ("2024-07", "2024-07/control_2024-07.oas.yaml"),
        ("2024-10", "2024-10/db_control_2024-10.oas.yaml"),
        ("2025-10", "2025-10/db_control_2025-10.oas.yaml"),
    ],
)
def test_upstream_path_follows_the_db_control_rename(version: str, expected: str) -> None:
    assert upstream_path(version) == expected


def test_pull_accepts_the_pinned_bytes(tmp_path: Path, pin: SpecPin, spec_bytes: bytes) -> None:
    base = _mirror(tmp_path, pin, spec_bytes)
    new_pin, target = pull(base, pin.version, accept=False, pin=pin, pulled_dir=tmp_path / "pulled")
    assert new_pin == pin
    assert target.read_bytes() == spec_bytes


def test_pull_refuses_a_changed_byte_and_names_both_hashes(tmp_path: Path, pin: SpecPin, spec_bytes: bytes) -> None:
    tampered = spec_bytes.replace(b"maximum: 20000", b"maximum: 20001", 1)
    assert tampered != spec_bytes
    base = _mirror(tmp_path, pin, tampered)
    with pytest.raises(PinError) as info:
        pull(base, pin.version, accept=False, pin=pin, pulled_dir=tmp_path / "pulled")
    assert pin.sha256 in str(info.value)
    assert sha256_of(tampered) in str(info.value)
    assert "ACCEPT=1" in str(info.value)
    assert not (tmp_path / "pulled").exists(), "a refused spec must not be written"


def test_accept_rewrites_the_pin(tmp_path: Path, pin: SpecPin, spec_bytes: bytes) -> None:
    tampered = spec_bytes + b"\n# local change\n"
    base = _mirror(tmp_path, pin, tampered)
    new_pin, target = pull(base, pin.version, accept=True, pin=pin, pulled_dir=tmp_path / "pulled")
    assert new_pin.sha256 == sha256_of(tampered) != pin.sha256
    assert target.read_bytes() == tampered
    pin_file = tmp_path / "pin.json"
    new_pin.save(pin_file)
    assert SpecPin.load(pin_file) == new_pin


def test_a_version_bump_needs_accept(tmp_path: Path, pin: SpecPin) -> None:
    other = SpecPin(version="2024-10", path=upstream_path("2024-10"), sha256="0" * 64)
    base = _mirror(tmp_path, other, b"openapi: 3.0.3\n")
    with pytest.raises(PinError, match="ACCEPT=1"):
        pull(base, "2024-10", accept=False, pin=pin, pulled_dir=tmp_path / "pulled")


def test_unreachable_base_url_is_a_clear_error(tmp_path: Path, pin: SpecPin) -> None:
    with pytest.raises(PinError, match="cannot fetch"):
        pull((tmp_path / "nowhere").as_uri() + "/", pin.version, accept=False, pin=pin, pulled_dir=tmp_path)


def test_a_pulled_spec_with_a_changed_byte_is_refused_by_generation(
    tmp_path: Path, pin: SpecPin, spec_bytes: bytes
) -> None:
    target = pin.pulled_file(tmp_path)
    target.parent.mkdir(parents=True)
    target.write_bytes(spec_bytes[:-1] + bytes([spec_bytes[-1] ^ 1]))
    with pytest.raises(PinError, match="does not match the pin"):
        pin.read_verified(tmp_path)
