"""`make pull`: fetch a version's set of spec files from a base URL (file:// here), verify every
file's sha256 pin, accept explicitly; discover the set of a version not pinned yet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from codegen.pin import PULLED_DIR, PinError, SpecFile, SpecPin, known_versions, sha256_of
from codegen.pull import pull
from codegen.upstream import discover_set

SET_VERSION = "2024-10"  # the first version published as two files


def _mirror(tmp_path: Path, files: dict[str, bytes]) -> str:
    for path, data in files.items():
        target = tmp_path / "mirror" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return (tmp_path / "mirror").as_uri() + "/"


def _pinned_files(version: str) -> dict[str, bytes]:
    return dict(known_versions()[version].read_files())


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("2024-04", ["2024-04/control_2024-04.oas.yaml"]),
        ("2024-07", ["2024-07/control_2024-07.oas.yaml"]),
        ("2024-10", ["2024-10/db_control_2024-10.oas.yaml", "2024-10/inference_2024-10.oas.yaml"]),
        ("2025-10", ["2025-10/db_control_2025-10.oas.yaml", "2025-10/inference_2025-10.oas.yaml"]),
    ],
)
def test_discovery_finds_each_versions_set_by_upstreams_file_names(version: str, expected: list[str]) -> None:
    found = discover_set(PULLED_DIR.as_uri() + "/", version)
    assert [path for path, _data in found] == expected == known_versions()[version].paths


def test_an_unknown_versions_set_is_what_exists(tmp_path: Path) -> None:
    control = _pinned_files(SET_VERSION)[f"{SET_VERSION}/db_control_{SET_VERSION}.oas.yaml"]
    base = _mirror(tmp_path, {"2026-04/db_control_2026-04.oas.yaml": control, "2026-04/notes.txt": b"x"})
    assert [p for p, _d in discover_set(base, "2026-04")] == ["2026-04/db_control_2026-04.oas.yaml"]
    with pytest.raises(PinError, match=r"cannot fetch a control spec of 2026-07 .*db_control_2026-07"):
        discover_set(base, "2026-07")


def test_pull_accepts_the_pinned_bytes(tmp_path: Path, pin: SpecPin, spec_bytes: bytes) -> None:
    base = _mirror(tmp_path, {pin.files[0].path: spec_bytes})
    new_pin, targets = pull(base, pin.version, accept=False, pin=pin, pulled_dir=tmp_path / "pulled")
    assert new_pin == pin
    assert [t.read_bytes() for t in targets] == [spec_bytes]


def test_pull_refuses_a_changed_byte_and_names_both_hashes(tmp_path: Path, pin: SpecPin, spec_bytes: bytes) -> None:
    tampered = spec_bytes.replace(b"maximum: 20000", b"maximum: 20001", 1)
    assert tampered != spec_bytes
    base = _mirror(tmp_path, {pin.files[0].path: tampered})
    with pytest.raises(PinError) as info:
        pull(base, pin.version, accept=False, pin=pin, pulled_dir=tmp_path / "pulled")
    assert pin.files[0].sha256 in str(info.value)
    assert sha256_of(tampered) in str(info.value)
    assert "ACCEPT=1" in str(info.value)
    assert not (tmp_path / "pulled").exists(), "a refused spec must not be written"


def test_every_file_of_a_set_is_pinned_and_checked(tmp_path: Path) -> None:
    pin = known_versions()[SET_VERSION]
    files = _pinned_files(SET_VERSION)
    assert len(pin.files) == 2 and all(sha256_of(files[f.path]) == f.sha256 for f in pin.files)
    inference = f"{SET_VERSION}/inference_{SET_VERSION}.oas.yaml"
    tampered = {**files, inference: files[inference] + b"\n# edited upstream\n"}
    base = _mirror(tmp_path, tampered)
    with pytest.raises(PinError) as info:
        pull(base, SET_VERSION, accept=False, pin=pin, pulled_dir=tmp_path / "pulled")
    assert inference in str(info.value) and sha256_of(tampered[inference]) in str(info.value)
    assert not (tmp_path / "pulled").exists(), "no file of a refused set is written, the control spec neither"


def test_accept_pins_every_file_of_the_set_found_upstream(tmp_path: Path, pin: SpecPin) -> None:
    files = _pinned_files(SET_VERSION)
    new_pin, targets = pull(_mirror(tmp_path, files), SET_VERSION, accept=True, pin=pin, pulled_dir=tmp_path / "p")
    assert new_pin == SpecPin(SET_VERSION, tuple(SpecFile(p, sha256_of(d)) for p, d in files.items()))
    assert new_pin == known_versions()[SET_VERSION]
    assert [t.read_bytes() for t in targets] == list(files.values())
    pin_file = tmp_path / "pin.json"
    new_pin.save(pin_file)
    assert SpecPin.load(pin_file) == new_pin
    assert [f["path"] for f in json.loads(pin_file.read_text())["files"]] == list(files)


def test_accept_rewrites_the_pin(tmp_path: Path, pin: SpecPin, spec_bytes: bytes) -> None:
    tampered = spec_bytes + b"\n# local change\n"
    base = _mirror(tmp_path, {pin.files[0].path: tampered})
    new_pin, targets = pull(base, pin.version, accept=True, pin=pin, pulled_dir=tmp_path / "pulled")
    assert [f.sha256 for f in new_pin.files] == [sha256_of(tampered)] != [f.sha256 for f in pin.files]
    assert targets[0].read_bytes() == tampered


def test_a_set_whose_files_collide_is_not_accepted(tmp_path: Path, pin: SpecPin) -> None:
    files = _pinned_files(SET_VERSION)
    inference = f"{SET_VERSION}/inference_{SET_VERSION}.oas.yaml"
    assert b"\n  /embed:\n" in files[inference]
    files[inference] = files[inference].replace(b"\n  /embed:\n", b"\n  /indexes:\n", 1)
    with pytest.raises(PinError, match=r"do not merge: path /indexes is defined differently in .*db_control.* and in "):
        pull(_mirror(tmp_path, files), SET_VERSION, accept=True, pin=pin, pulled_dir=tmp_path / "pulled")
    assert not (tmp_path / "pulled").exists()


def test_a_version_bump_needs_accept(tmp_path: Path, pin: SpecPin) -> None:
    base = _mirror(tmp_path, _pinned_files(SET_VERSION))
    with pytest.raises(PinError, match="ACCEPT=1"):
        pull(base, SET_VERSION, accept=False, pin=pin, pulled_dir=tmp_path / "pulled")


def test_unreachable_base_url_is_a_clear_error(tmp_path: Path, pin: SpecPin) -> None:
    with pytest.raises(PinError, match="cannot fetch"):
        pull((tmp_path / "nowhere").as_uri() + "/", pin.version, accept=False, pin=pin, pulled_dir=tmp_path)


def test_a_pin_in_the_one_file_format_is_refused_clearly(tmp_path: Path) -> None:
    old = tmp_path / "spec-pin.json"
    old.write_text(json.dumps({"version": "2024-07", "path": "2024-07/control_2024-07.oas.yaml", "sha256": "0" * 64}))
    with pytest.raises(PinError, match="'files'"):
        SpecPin.load(old)


def test_a_pulled_file_with_a_changed_byte_is_refused_by_generation(tmp_path: Path) -> None:
    pin = known_versions()[SET_VERSION]
    for path, data in _pinned_files(SET_VERSION).items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data if "db_control" in path else data[:-1] + bytes([data[-1] ^ 1]))
    with pytest.raises(PinError, match=r"inference_2024-10.oas.yaml does not match the pin"):
        pin.read_verified(tmp_path)
