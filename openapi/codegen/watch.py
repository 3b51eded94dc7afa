"""`make watch` / `openapi/review watch`: is there anything new upstream?

    openapi/review watch [--base-url URL] [--out-dir build/watch] [--no-overlay]

Lists the version directories upstream (`SPEC_BASE_URL`: a `file://` mirror is listed directly,
raw.githubusercontent.com through GitHub's contents API) and compares them with
openapi/spec-versions.json. A version not pinned there is new; a pinned one whose set upstream
differs (a file whose bytes hash differently, or a file added or gone) has changed: upstream edits
published specs in place, the inference file as much as the control spec. For each, it writes the
diff report (every format, as `make diff` does) and a ready pull-request body under the output
directory, plus `summary.md` / `summary.json`.

Exit codes: 0 nothing new, 1 something new (the reports are written), 2 the watch itself failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import traceback
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import baseline as baselines
from .diff import make_report, write_outputs
from .generate import GenerateError
from .merge import set_bytes
from .pin import PULLED_DIR, REPO_ROOT, UPSTREAM_BASE_URL, PinError, SpecFile, SpecPin, known_versions, sha256_of
from .report import Report, Side
from .upstream import discover_set

OUT_DIR = REPO_ROOT / "build" / "watch"
EXIT_NOTHING_NEW, EXIT_SOMETHING_NEW, EXIT_ERROR = 0, 1, 2
_VERSION = re.compile(r"^\d{4}-\d{2}$")
_RAW_GITHUB = re.compile(r"^https://raw\.githubusercontent\.com/([^/]+)/([^/]+)/(?:refs/heads/)?([^/]+)/?$")


@dataclass(frozen=True)
class News:
    kind: str  # "new-version" or "changed-sha256"
    version: str
    files: list[dict[str, str]]  # the set upstream: {path, sha256} per file, the control spec first
    pinned_files: list[dict[str, str]] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # paths new, edited or gone since the pin
    report: str = ""  # the report's stem under the output directory
    pr_body: str = ""
    verdict: str = ""


def _files(pin: SpecPin) -> list[dict[str, str]]:
    return [{"path": f.path, "sha256": f.sha256} for f in pin.files]


def _changed(pinned: SpecPin, upstream: SpecPin) -> list[str]:
    before, after = {f.path: f.sha256 for f in pinned.files}, {f.path: f.sha256 for f in upstream.files}
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def upstream_versions(base_url: str) -> list[str]:
    """The API version directories upstream, oldest first."""
    parsed = urllib.parse.urlparse(base_url)
    if parsed.scheme == "file":
        root = Path(urllib.request.url2pathname(parsed.path))
        if not root.is_dir():
            raise PinError(f"cannot list {base_url}: not a directory")
        return sorted(p.name for p in root.iterdir() if p.is_dir() and _VERSION.match(p.name))
    match = _RAW_GITHUB.match(base_url)
    if not match:
        raise PinError(f"cannot list versions at {base_url}: use a file:// mirror or raw.githubusercontent.com")
    owner, repo, ref = match.groups()
    api = f"https://api.github.com/repos/{owner}/{repo}/contents/?ref={ref}"
    try:
        with urllib.request.urlopen(api, timeout=60) as response:
            entries = json.load(response)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise PinError(f"cannot list {api}: {exc}") from exc
    return sorted(e["name"] for e in entries if e.get("type") == "dir" and _VERSION.match(str(e.get("name"))))


def find_news(base_url: str, versions_file: Path | None = None) -> tuple[list[News], dict[str, bytes], list[str]]:
    """(news, each new or changed version's set as one spec, pinned versions missing upstream).

    A version's set is every file upstream has for it (codegen/upstream.py): a changed inference
    file, or a file added to or gone from a pinned set, is news as much as a changed control spec."""
    known = known_versions(versions_file) if versions_file else known_versions()
    upstream = upstream_versions(base_url)
    news, data = [], {}
    for version in upstream:
        fetched = discover_set(base_url, version)
        found = SpecPin(version, tuple(SpecFile(p, sha256_of(blob)) for p, blob in fetched))
        pin = known.get(version)
        if pin is None:
            news.append(News("new-version", version, _files(found), changed=found.paths))
        elif found != pin:
            news.append(News("changed-sha256", version, _files(found), _files(pin), _changed(pin, found)))
        else:
            continue
        data[version] = set_bytes(fetched)
    return news, data, sorted(set(known) - set(upstream))


def _sha(files: list[dict[str, str]], path: str) -> str:
    return next((f["sha256"] for f in files if f["path"] == path), "none (not in the set)")


def pr_body(item: News, report: Report, stem: Path, markdown: str) -> str:
    if item.kind == "new-version":
        title = f"API {item.version} published upstream: review the bump from {report.old.version}"
        steps = [
            f"1. Read the report below (`make diff TO={item.version}`): spec, Python surface, overlay impact.",
            f"2. Pin it: add `{item.version}` to `openapi/spec-versions.json` with every file of its set: "
            + ", ".join(f"`{f['path']}` sha256 `{f['sha256']}`" for f in item.files)
            + ".",
            "3. Accept reviewed changes in `openapi/accepted-changes.yml` (fingerprint, reason) or adapt the overlay.",
            f"4. Bump: `make pull API_VERSION={item.version} ACCEPT=1 && make generate && make test`;"
            " CHANGELOG.md entry (the changelog lines below).",
        ]
    else:
        title = f"API {item.version} changed upstream: the published spec no longer matches its pin"
        steps = [
            *[
                f"- `{path}`: pinned sha256 `{_sha(item.pinned_files, path)}`, upstream now `{_sha(item.files, path)}`."
                for path in item.changed
            ],
            "",
            "1. Read the report below: what the in-place edit changed.",
            f"2. If intended, update `{item.version}` in `openapi/spec-versions.json` to the files and sha256s above"
            + (
                " (and, as it is the shipped version, `make pull ACCEPT=1 && make generate`)."
                if item.version == SpecPin.load().version
                else "."
            ),
        ]
    changelog = Path(f"{stem}.changelog.md").read_text(encoding="utf-8")
    return "\n".join(
        [
            f"# {title}",
            "",
            "Found by `make watch` (scheduled). Reports: "
            f"`{stem.name}.md`, `.json`, `.junit.xml`, `.changelog.md` (job artifacts).",
            "",
            f"**Verdict: {report.verdict()}**",
            "",
            "## What to do",
            "",
            *steps,
            "",
            "## Changelog lines",
            "",
            changelog.split("\n", 2)[-1].strip(),
            "",
            "<details><summary>Full report</summary>",
            "",
            markdown,
            "",
            "</details>",
            "",
        ]
    )


def watch(
    base_url: str, out_dir: Path, *, overlay: bool, baseline_file: Path, versions_file: Path | None = None
) -> list[News]:
    news, data, missing = find_news(base_url, versions_file)
    out_dir.mkdir(parents=True, exist_ok=True)
    baseline = baselines.load(baseline_file)
    shipped = SpecPin.load()
    results = []
    for item in news:
        upstream = tuple(SpecFile(f["path"], f["sha256"]) for f in item.files)
        new = Side(item.version, item.version, upstream, False, data[item.version])
        if item.kind == "new-version":
            old = Side(shipped.version, shipped.version, shipped.files, True, shipped.read_verified())
        else:
            pinned = (known_versions(versions_file) if versions_file else known_versions())[item.version]
            old = Side(f"{item.version}-pinned", item.version, pinned.files, True, pinned.read_verified(PULLED_DIR))
            new.label = f"{item.version}-upstream"
        # The overlay builds on the shipped version only: an in-place edit of another version
        # says nothing about it (that version's own distance from the shipped one is not news).
        check_overlay = overlay and (item.kind == "new-version" or item.version == shipped.version)
        report = make_report(old, new, overlay=check_overlay, baseline=baseline)
        stem = write_outputs(report, out_dir)
        markdown = Path(f"{stem}.md").read_text(encoding="utf-8")
        body_file = out_dir / f"pr-body-{new.label}.md"
        body_file.write_text(pr_body(item, report, stem, markdown), encoding="utf-8")
        results.append(
            News(**{**asdict(item), "report": stem.name, "pr_body": body_file.name, "verdict": report.verdict()})
        )
    lines = ["# Upstream watch", "", f"Upstream: `{base_url}`", ""]
    if not results:
        lines.append(
            "Nothing new: every upstream version is pinned in `openapi/spec-versions.json`, "
            "each file of its set with its sha256."
        )
    for item in results:
        files = ", ".join(f"`{path}`" for path in item.changed)
        lines.append(f"- **{item.kind}** `{item.version}` ({files}): {item.verdict} (`{item.pr_body}`)")
    for version in missing:
        lines.append(f"- pinned `{version}` is no longer upstream (not counted as news; check the mirror)")
    (out_dir / "summary.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = {"base_url": base_url, "news": [asdict(n) for n in results], "missing_upstream": missing}
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default=os.environ.get("SPEC_BASE_URL") or UPSTREAM_BASE_URL)
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    parser.add_argument("--baseline", type=Path, default=baselines.BASELINE_FILE)
    parser.add_argument("--no-overlay", action="store_true", help="skip the overlay check in the reports")
    try:
        args = parser.parse_args(argv)
        news = watch(args.base_url, args.out_dir, overlay=not args.no_overlay, baseline_file=args.baseline)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    except (PinError, GenerateError, OSError, ValueError) as exc:
        print(f"watch: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except Exception:  # an internal failure must not read as "something new" (1)
        traceback.print_exc()
        return EXIT_ERROR
    return EXIT_SOMETHING_NEW if news else EXIT_NOTHING_NEW


if __name__ == "__main__":
    sys.exit(main())
