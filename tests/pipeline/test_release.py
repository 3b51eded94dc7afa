"""`make release VERSION=X.Y.Z` in a scratch clone of this checkout (its uncommitted changes included):
a tagged commit, a CHANGELOG section, a wheel and an sdist that `twine check --strict` accepts and
whose sources build the docs; refusals change nothing (issue 22 item 3)."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from codegen import publicapi, release
from codegen.pin import REPO_ROOT

DAY = datetime.date(2026, 12, 5)


def _run(cwd: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "VERSION"}}
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t")
    env.update(GIT_COMMITTER_EMAIL="t@example.invalid")
    return subprocess.run(list(command), cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _git(cwd: Path, *args: str) -> str:
    done = _run(cwd, "git", *args)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _make(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The scratch copy uses this checkout's venv; -o: never reinstall into it from the copy.
    return _run(cwd, "make", "--no-print-directory", "-o", ".venv/.installed", *args)


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A clone of this repository with the working tree's changes committed on top."""
    root = tmp_path / "clone"
    _git(tmp_path, "clone", "--quiet", "--no-hardlinks", str(REPO_ROOT), str(root))
    changed = _git(REPO_ROOT, "ls-files", "--modified", "--others", "--exclude-standard", "-z")
    for name in filter(None, changed.split("\0")):
        if (REPO_ROOT / name).is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_ROOT / name, root / name)
    for name in filter(None, _git(REPO_ROOT, "ls-files", "--deleted", "-z").split("\0")):
        (root / name).unlink(missing_ok=True)
    _git(root, "add", "--all")
    _git(root, "commit", "--quiet", "--allow-empty", "-m", "scratch: this checkout")
    (root / ".venv").symlink_to(REPO_ROOT / ".venv")
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_make_release_tags_a_checked_release_and_starts_the_next_version(clone: Path, tmp_path: Path) -> None:
    unreleased = (clone / "CHANGELOG.md").read_text(encoding="utf-8").split("## [Unreleased]\n", 1)[1]
    entries = unreleased.split("\n## ", 1)[0].strip()
    done = _make(clone, "release", "VERSION=0.3.0")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "tagged v0.3.0; now 0.4.0.dev0" in done.stdout

    assert _git(clone, "log", "--format=%s", "-3").splitlines() == [
        "Start 0.4.0.dev0",
        "Release 0.3.0",
        "scratch: this checkout",
    ]
    assert _git(clone, "rev-parse", "v0.3.0^{commit}") == _git(clone, "rev-parse", "HEAD~1")
    assert _git(clone, "status", "--porcelain", "--untracked-files=no") == ""
    assert '__version__ = "0.3.0"' in _git(clone, "show", "v0.3.0:overlay/pinecone_control/_version.py")
    assert '__version__ = "0.4.0.dev0"' in (clone / "overlay/pinecone_control/_version.py").read_text()
    assert '"version": "0.3.0"' in _git(clone, "show", "v0.3.0:openapi/public-api.json")
    changelog = _git(clone, "show", "v0.3.0:CHANGELOG.md")
    section = changelog.split("## [Unreleased]\n\n", 1)[1]
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    assert section.startswith(f"## 0.3.0 ({today}) — speaks control-plane API 2024-07\n\n{entries}\n\n## 0.2.0")

    wheel = clone / "dist" / "pinecone_control-0.3.0-py3-none-any.whl"
    sdist = clone / "dist" / "pinecone_control-0.3.0.tar.gz"
    checked = _run(clone, sys.executable, "-m", "twine", "check", "--strict", str(wheel), str(sdist))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    with zipfile.ZipFile(wheel) as archive:
        (meta,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(meta).decode()
    assert "Version: 0.3.0\n" in metadata and "License-Expression: Apache-2.0" in metadata
    assert "Project-URL: API specification, https://github.com/pinecone-io/pinecone-api" in metadata
    assert "Classifier: Typing :: Typed" in metadata and "Classifier: Framework :: Pytest" in metadata

    # The sdist carries what the docs are built from, and they build from it.
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
        archive.extractall(tmp_path / "sdist", filter="data")
    assert {"CHANGELOG.md", "mkdocs.yml", "docs/index.md", "README.md", "Makefile"} <= names
    unpacked = tmp_path / "sdist" / "pinecone_control-0.3.0"
    (unpacked / ".venv").symlink_to(REPO_ROOT / ".venv")
    docs = _make(unpacked, "-s", "docs", f"DOCS_SITE={tmp_path / 'site'}")
    assert docs.returncode == 0, docs.stdout + docs.stderr
    assert (tmp_path / "site" / "reference" / "clients" / "index.html").is_file()

    # Right after a release there is nothing to release.
    again = _make(clone, "release", "VERSION=0.4.0")
    assert again.returncode != 0 and "[Unreleased] section is empty" in again.stderr


def test_make_release_refuses_and_changes_nothing(clone: Path) -> None:
    head = _git(clone, "rev-parse", "HEAD")
    assert "say which version" in _make(clone, "release").stderr
    assert "is not MAJOR.MINOR.PATCH" in _make(clone, "release", "VERSION=0.3").stderr
    assert "development version is 0.3.0.dev0" in _make(clone, "release", "VERSION=0.2.1").stderr
    # A release v0.3.0 as the command leaves it (its snapshot at 0.3.0), then a break since it
    # without the bump the policy asks for.
    version = clone / "overlay" / "pinecone_control" / "_version.py"
    _edit(version, '"0.3.0.dev0"', '"0.3.0"')
    assert _run(clone, "openapi/review", "public-api", "--update").returncode == 0
    _git(clone, "commit", "--quiet", "--all", "-m", "Release 0.3.0")
    _git(clone, "tag", "v0.3.0")
    _edit(clone / "overlay" / "pinecone_control" / "__init__.py", '    "PollSchedule",\n', "")
    _edit(version, '"0.3.0"', '"0.3.1.dev0"')
    assert "uncommitted changes" in _make(clone, "release", "VERSION=0.3.1").stderr
    assert _run(clone, "openapi/review", "public-api", "--update").returncode == 0
    _git(clone, "commit", "--quiet", "--all", "-m", "drop PollSchedule")
    refused = _make(clone, "release", "VERSION=0.3.1")
    assert refused.returncode != 0
    assert "BREAKING removed: pinecone_control.PollSchedule" in refused.stderr
    assert "they need version 0.4.0 or later" in refused.stderr
    assert _git(clone, "status", "--porcelain", "--untracked-files=no") == ""
    assert _git(clone, "tag", "--list", "v0.3.1") == ""
    assert _git(clone, "rev-list", "--count", f"{head}..HEAD") == "2"


def test_the_changelog_section() -> None:
    old = "## 0.2.0 — speaks control-plane API 2024-07\n\n- c\n"
    text = f"# Changelog\n\npolicy\n\n## [Unreleased]\n\n- a\n- b\n\n{old}"
    assert release.changelog_with_release(text, "0.3.0", "2024-07", DAY) == (
        "# Changelog\n\npolicy\n\n## [Unreleased]\n\n## 0.3.0 (2026-12-05) — speaks control-plane API 2024-07\n\n"
        f"- a\n- b\n\n{old}"
    )
    with pytest.raises(release.Refused, match="empty"):
        release.changelog_with_release("## [Unreleased]\n\n## 0.2.0\n", "0.3.0", "2024-07", DAY)
    assert release.next_development("0.3.0") == "0.4.0.dev0"
    assert release.next_development("1.2.3") == "1.3.0.dev0"


def test_unreleased_work_carries_a_development_version() -> None:
    """One version, one API: a commit with [Unreleased] entries is not the release it follows."""
    text = (REPO_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    version = publicapi.package_version()
    released = [publicapi.parse_version(v) for v in re.findall(r"^## (\d+\.\d+\.\d+)\b", text, flags=re.M)]
    entries = text.split("## [Unreleased]", 1)[1].split("\n## ", 1)[0].strip()
    if publicapi.is_development(version):  # between releases (also right after one: nothing yet)
        assert publicapi.parse_version(version) > max(released)
    else:  # the release commit itself
        assert not entries, f"[Unreleased] has entries, so {version} must be X.Y.Z.devN"
        assert publicapi.parse_version(version) == released[0]
