"""`make release VERSION=X.Y.Z`: one command from a clean checkout to a tagged, checked release.

1. Refuses a version that is not X.Y.Z or is below the development version, a dirty worktree, an
   existing tag, an empty [Unreleased], and a public-API snapshot that is not current.
2. Checks the public API against the last release's (the snapshot at the newest `v*` tag, else the
   committed one) under CHANGELOG.md's policy: a break needs the bump the policy asks for.
3. Moves [Unreleased]'s entries under `## X.Y.Z (date) — speaks control-plane API <version>`,
   sets `_version.py` to X.Y.Z and rewrites the snapshot (its version: X.Y.Z).
4. Builds the wheel and sdist into dist/ and runs `twine check --strict` on them; any failure
   restores the files it changed, so nothing is committed or tagged.
5. Commits "Release X.Y.Z", tags it `vX.Y.Z`, then commits the next development version
   (`X.Y+1.0.dev0`), so no two commits build different code under one version.

Exit codes: 0 released, 1 refused (nothing changed), 2 could not run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

from . import publicapi
from .pin import REPO_ROOT, SpecPin

CHANGELOG = REPO_ROOT / "CHANGELOG.md"
VERSION_FILE = REPO_ROOT / "overlay" / "pinecone_control" / "_version.py"
DIST = REPO_ROOT / "dist"
UNRELEASED = "## [Unreleased]"
_RELEASE = re.compile(r"^\d+\.\d+\.\d+$")
_TOUCHED = (CHANGELOG, VERSION_FILE, publicapi.SNAPSHOT_FILE)


class Refused(Exception):
    """The release cannot go ahead; nothing was changed."""


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise Refused(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout.strip()


def _version_text(version: str) -> str:
    text = VERSION_FILE.read_text(encoding="utf-8")
    return re.sub(r'__version__ = "[^"]*"', f'__version__ = "{version}"', text, count=1)


def changelog_with_release(text: str, version: str, api_version: str, day: datetime.date) -> str:
    """[Unreleased]'s entries under a new `## version` heading, and an empty [Unreleased] above it."""
    if UNRELEASED not in text:
        raise Refused(f"CHANGELOG.md has no '{UNRELEASED}' section")
    head, rest = text.split(UNRELEASED, 1)
    following = re.search(r"^## ", rest, flags=re.M)
    entries = rest[: following.start()] if following else rest
    tail = rest[following.start() :] if following else ""
    if not entries.strip():
        raise Refused("CHANGELOG.md's [Unreleased] section is empty: nothing to release")
    heading = f"## {version} ({day.isoformat()}) — speaks control-plane API {api_version}"
    return f"{head}{UNRELEASED}\n\n{heading}\n\n{entries.strip()}\n\n{tail}"


def next_development(version: str) -> str:
    major, minor, _ = publicapi.parse_version(version)
    return f"{major}.{minor + 1}.0.dev0"


def _last_release() -> tuple[str | None, dict[str, object]]:
    """The newest `vX.Y.Z` tag and the public-API snapshot it carries (else the committed one)."""
    tags = [t for t in _git("tag", "--list", "v*").splitlines() if _RELEASE.match(t[1:])]
    if not tags:
        return None, json.loads(publicapi.SNAPSHOT_FILE.read_text(encoding="utf-8"))
    newest = max(tags, key=lambda t: publicapi.parse_version(t[1:]))
    return newest, json.loads(_git("show", f"{newest}:openapi/public-api.json"))


def check(version: str) -> list[str]:
    """Every refusal before anything changes; returns the report lines of the API check."""
    if not _RELEASE.match(version):
        raise Refused(f"VERSION={version!r} is not MAJOR.MINOR.PATCH")
    if _git("status", "--porcelain", "--untracked-files=no"):
        raise Refused("the worktree has uncommitted changes: commit or stash them first")
    if _git("tag", "--list", f"v{version}"):
        raise Refused(f"the tag v{version} exists already")
    current = publicapi.package_version()
    if publicapi.parse_version(version) < publicapi.parse_version(current):
        raise Refused(f"the development version is {current}: release {current.split('.dev')[0]} or later")
    committed = json.loads(publicapi.SNAPSHOT_FILE.read_text(encoding="utf-8"))
    now = publicapi.snapshot()
    if publicapi.compare(committed, now):
        raise Refused("openapi/public-api.json is not current: `make api-snapshot` after review, commit, then release")
    tag, baseline = _last_release()
    since = f"{tag} ({baseline['version']})" if tag else f"the committed snapshot ({baseline['version']})"
    breaking = [c for c in publicapi.compare(baseline, now) if c.breaking]
    lines = [f"public API of {version} against {since}: {len(breaking)} incompatible changes"]
    lines += [f"  BREAKING {c.change}: {c.name} ({c.detail})" for c in breaking]
    if breaking and not publicapi.bump_allows_breaking(str(baseline["version"]), version):
        need = publicapi.required_bump(str(baseline["version"]))
        raise Refused("\n".join([*lines, f"they need version {need} or later (CHANGELOG.md, 'Versioning')"]))
    return lines


def _build(version: str) -> list[Path]:
    DIST.mkdir(exist_ok=True)
    for old in DIST.glob(f"pinecone_control-{version}*"):
        old.unlink()
    python = sys.executable
    build = [python, "-m", "hatchling", "build", "-d", str(DIST)]
    done = subprocess.run(build, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise Refused(f"build failed:\n{done.stdout}{done.stderr}")
    built = sorted(DIST.glob(f"pinecone_control-{version}*"))
    if len(built) != 2:
        raise Refused(f"expected a wheel and an sdist in dist/, found {[p.name for p in built]}")
    done = subprocess.run(
        [python, "-m", "twine", "check", "--strict", *map(str, built)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise Refused(f"twine check --strict failed:\n{done.stdout}{done.stderr}")
    return built


def release(version: str, day: datetime.date) -> list[str]:
    lines = check(version)
    saved = {path: path.read_bytes() for path in _TOUCHED}
    try:
        text = changelog_with_release(CHANGELOG.read_text(encoding="utf-8"), version, SpecPin.load().version, day)
        CHANGELOG.write_text(text, encoding="utf-8")
        VERSION_FILE.write_text(_version_text(version), encoding="utf-8")
        publicapi.write()
        built = _build(version)
    except BaseException:
        for path, content in saved.items():  # nothing is left half-released
            path.write_bytes(content)
        raise
    relative = [str(p.relative_to(REPO_ROOT)) for p in _TOUCHED]
    _git("add", *relative)
    _git("commit", "--quiet", "-m", f"Release {version}")
    _git("tag", "--annotate", f"v{version}", "-m", f"pinecone-control {version}")
    development = next_development(version)
    VERSION_FILE.write_text(_version_text(development), encoding="utf-8")
    _git("add", str(VERSION_FILE.relative_to(REPO_ROOT)))
    _git("commit", "--quiet", "-m", f"Start {development}")
    return [*lines, *(f"built and checked: dist/{p.name}" for p in built), f"tagged v{version}; now {development}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("version", help="the release, MAJOR.MINOR.PATCH")
    args = parser.parse_args(argv)
    try:
        lines = release(args.version, datetime.datetime.now(datetime.UTC).date())
    except Refused as exc:
        print(f"release: {exc}", file=sys.stderr)
        return 1
    except (publicapi.PublicApiError, OSError) as exc:
        print(f"release: {exc}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
