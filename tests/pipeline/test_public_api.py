"""The public API of `pinecone_control` against its committed snapshot (openapi/public-api.json).

The first test is the contract check `make test` runs; the others break a scratch copy of the
package on purpose and run the real command on it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from codegen import publicapi

from .review_support import review


def test_the_package_keeps_its_committed_public_api() -> None:
    code, report = publicapi.check()
    assert code == 0, report


def test_the_snapshot_covers_the_package_and_the_testing_module() -> None:
    api = publicapi.snapshot()["api"]
    assert api["pinecone_control.Client"]["kind"] == "class"
    create = api["pinecone_control.Client.create_index"]
    assert [p["name"] for p in create["parameters"]][:3] == ["self", "name", "dimension"]
    assert "pinecone_control.testing.Emulator" in api
    assert not any(part.startswith("_") and not part.startswith("__") for name in api for part in name.split("."))


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A copy of the overlay with its own snapshot, to break on purpose."""
    root = tmp_path / "overlay"
    shutil.copytree(publicapi.OVERLAY_DIR / "pinecone_control", root / "pinecone_control")
    assert review("public-api", "--update", "--overlay-dir", root, "--snapshot", tmp_path / "api.json").returncode == 0
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def _versions() -> tuple[str, str, str]:
    """The package's version now, its next patch, and its next breaking bump (minor at 0.x)."""
    text = (publicapi.OVERLAY_DIR / "pinecone_control" / "_version.py").read_text()
    match = re.search(r'__version__ = "(\d+)\.(\d+)\.(\d+)"', text)
    assert match, text
    major, minor, patch = map(int, match.groups())
    breaking = f"{major}.{minor + 1}.0" if major == 0 else f"{major + 1}.0.0"
    return f"{major}.{minor}.{patch}", f"{major}.{minor}.{patch + 1}", breaking


def _check(scratch: Path) -> tuple[int, str]:
    result = review("public-api", "--overlay-dir", scratch, "--snapshot", scratch.parent / "api.json")
    return result.returncode, result.stdout + result.stderr


def test_a_removed_public_name_fails(scratch: Path) -> None:
    _edit(scratch / "pinecone_control" / "__init__.py", '    "PollSchedule",\n', "")
    code, output = _check(scratch)
    assert code == 1, output
    assert "BREAKING removed: pinecone_control.PollSchedule" in output
    assert f"need version {_versions()[2]} or later" in output


def test_an_incompatible_signature_fails(scratch: Path) -> None:
    client = scratch / "pinecone_control" / "_client.py"
    signature = re.search(r"    def has_index\(self, name: str", client.read_text())
    assert signature, "Client.has_index(self, name: str, ...) is expected"
    _edit(client, "    def has_index(self, name: str", "    def has_index(self, index_name: str")
    code, output = _check(scratch)
    assert code == 1, output
    assert "pinecone_control.Client.has_index" in output and "parameter 'name' removed" in output


def test_additions_pass_without_a_bump(scratch: Path) -> None:
    init = scratch / "pinecone_control" / "__init__.py"
    _edit(init, "__all__ = [\n", '__all__ = [\n    "brand_new",\n')
    init.write_text(init.read_text() + "\n\ndef brand_new(x: int = 1) -> int:\n    return x\n")
    code, output = _check(scratch)
    assert code == 0, output
    assert "added: pinecone_control.brand_new" in output and "make api-snapshot" in output


def test_a_break_passes_with_the_version_bump_the_policy_asks_for(scratch: Path) -> None:
    _edit(scratch / "pinecone_control" / "__init__.py", '    "PollSchedule",\n', "")
    version = scratch / "pinecone_control" / "_version.py"
    now, patch, breaking = _versions()
    _edit(version, f'__version__ = "{now}"', f'__version__ = "{patch}"')
    assert _check(scratch)[0] == 1, "a patch release may not break"
    _edit(version, f'__version__ = "{patch}"', f'__version__ = "{breaking}"')
    code, output = _check(scratch)
    assert code == 0, output
    assert f"allowed by the version bump {now} -> {breaking}" in output


@pytest.mark.parametrize(
    ("old", "new", "bump"), [("0.1.0", "0.2.0", "0.2.0"), ("1.4.2", "2.0.0", "2.0.0"), ("0.9.3", "0.10.0", "0.10.0")]
)
def test_required_bump(old: str, new: str, bump: str) -> None:
    assert publicapi.required_bump(old) == bump
    assert publicapi.bump_allows_breaking(old, new)
    assert not publicapi.bump_allows_breaking(old, old)


def test_an_unreadable_snapshot_exits_2(tmp_path: Path) -> None:
    result = review("public-api", "--snapshot", tmp_path / "missing.json")
    assert result.returncode == 2 and "make api-snapshot" in result.stderr


def _function(*params: tuple[str, str, str | None]) -> dict[str, object]:
    return {
        "kind": "function",
        "parameters": [{"name": n, "kind": k, "annotation": None, "default": d} for n, k, d in params],
        "returns": None,
    }


POS, KW = "positional or keyword", "keyword-only"


@pytest.mark.parametrize(
    ("after", "breaking"),
    [
        (_function(("a", POS, None), ("b", POS, "1"), ("c", KW, "2")), False),  # a keyword-only addition
        (_function(("a", POS, None), ("b", POS, "1"), ("x", POS, "0")), False),  # a new last positional
        (_function(("a", POS, None), ("x", POS, "0"), ("b", POS, "1")), True),  # inserted: b's place moves
        (_function(("b", POS, "1"), ("a", POS, None)), True),  # reordered
        (_function(("a", POS, None), ("b", KW, "1")), True),  # b no longer positional
        (_function(("a", POS, None), ("b", POS, None)), True),  # b lost its default
        (_function(("a", POS, None), ("b", POS, "1"), ("c", KW, None)), True),  # a new required parameter
        (_function(("a", POS, None)), True),  # b removed
    ],
)
def test_signature_rules(after: dict[str, object], breaking: bool) -> None:
    before = _function(("a", POS, None), ("b", POS, "1"))
    changes = publicapi.compare({"api": {"m.f": before}}, {"api": {"m.f": after}})
    assert [c.breaking for c in changes] == [breaking], changes
