"""The public API of `pinecone_control` against its committed snapshot (openapi/public-api.json).

The first test is the contract check `make test` runs; the others break a scratch copy of the
package on purpose and run the real command on it.
"""

from __future__ import annotations

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


SCRATCH_VERSION = "0.3.0"  # a release: the checks below do not depend on where the real version is


def _set_version(root: Path, version: str) -> None:
    (root / "pinecone_control" / "_version.py").write_text(f'__version__ = "{version}"\n')


def _snapshot(root: Path) -> None:
    done = review("public-api", "--update", "--overlay-dir", root, "--snapshot", root.parent / "api.json")
    assert done.returncode == 0, done.stderr


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A copy of the overlay with its own snapshot (at release SCRATCH_VERSION), to break on purpose."""
    root = tmp_path / "overlay"
    shutil.copytree(publicapi.OVERLAY_DIR / "pinecone_control", root / "pinecone_control")
    _set_version(root, SCRATCH_VERSION)
    _snapshot(root)
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def _versions() -> tuple[str, str, str]:
    """The scratch package's version, its next patch, and its next breaking bump (minor at 0.x)."""
    major, minor, patch = map(int, SCRATCH_VERSION.split("."))
    breaking = f"{major}.{minor + 1}.0" if major == 0 else f"{major + 1}.0.0"
    return SCRATCH_VERSION, f"{major}.{minor}.{patch + 1}", breaking


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
    base = scratch / "pinecone_control" / "_base_client.py"
    before = "    def with_options(\n        self,\n        *,\n        timeout: TimeoutArg"
    assert before in base.read_text(), "BaseClient.with_options(self, *, timeout: ...) is expected"
    _edit(base, before, before.replace("timeout:", "attempt_timeout:"))
    code, output = _check(scratch)
    assert code == 1, output
    assert "pinecone_control.Client.with_options" in output and "parameter 'timeout' removed" in output


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
    ("old", "new", "bump"),
    [
        ("0.1.0", "0.2.0", "0.2.0"),
        ("1.4.2", "2.0.0", "2.0.0"),
        ("0.9.3", "0.10.0", "0.10.0"),
        ("0.2.0", "0.3.0.dev0", "0.3.0"),  # a development version is judged as the release it leads to
    ],
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


@pytest.mark.parametrize(
    ("old", "bump"),
    [("0.3.0.dev0", "0.3.0"), ("1.0.0.dev3", "1.0.0"), ("0.3.1.dev0", "0.4.0"), ("2.1.0.dev0", "3.0.0")],
)
def test_required_bump_of_a_snapshot_taken_during_a_development_cycle(old: str, bump: str) -> None:
    """Taken on the way to a release that may break, that release may still break it."""
    assert publicapi.required_bump(old) == bump


@pytest.mark.parametrize(
    ("old", "new", "allowed"),
    [
        ("0.3.0.dev0", "0.3.0.dev0", True),  # a break during the 0.3.0 cycle: 0.3.0 breaks 0.2.x anyway
        ("0.3.1.dev0", "0.3.1.dev0", False),  # a patch release never breaks
        ("0.3.1.dev0", "0.3.1", False),
        ("2.1.0.dev0", "2.1.0", False),  # a minor release from 1.0 on never breaks
        ("0.3.0", "0.3.1.dev0", False),
        ("0.3.0", "0.4.0.dev0", True),
    ],
)
def test_development_versions(old: str, new: str, allowed: bool) -> None:
    assert publicapi.bump_allows_breaking(old, new) is allowed


def test_a_break_during_a_breaking_development_cycle_passes_and_a_patch_cycle_fails(scratch: Path) -> None:
    _set_version(scratch, "0.4.0.dev0")
    _snapshot(scratch)  # refreshed during the cycle, after an addition say
    _edit(scratch / "pinecone_control" / "__init__.py", '    "PollSchedule",\n', "")
    code, output = _check(scratch)
    assert code == 0 and "allowed by the version bump 0.4.0.dev0 -> 0.4.0.dev0" in output, output
    _set_version(scratch, "0.3.1.dev0")
    _snapshot(scratch)
    _edit(scratch / "pinecone_control" / "__init__.py", '    "RetryPolicy",\n', "")
    code, output = _check(scratch)
    assert code == 1 and "need version 0.4.0 or later" in output, output


@pytest.mark.parametrize("version", ["0.3", "0.3.0-dev", "0.3.0.rc1", "v0.3.0"])
def test_a_version_the_policy_cannot_read_is_refused(version: str) -> None:
    with pytest.raises(publicapi.PublicApiError, match=r"MAJOR\.MINOR\.PATCH"):
        publicapi.required_bump(version)
