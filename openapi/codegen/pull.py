"""`make pull`: fetch a version's set of spec files and check each against the committed pin.

    python -m codegen.pull [--base-url URL] [--version V] [--accept] [--if-missing] [--all]

Without --accept, every fetched file must hash to its pin and the version must be the pinned one;
nothing is written otherwise. With --accept, the set found upstream (codegen/upstream.py probes
the known file names) becomes the new pin (a spec bump), once its files merge cleanly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .merge import MergeError, set_bytes
from .pin import PULLED_DIR, UPSTREAM_BASE_URL, PinError, SpecFile, SpecPin, known_versions, sha256_of
from .upstream import discover_set, fetch


def _fetch_pinned(base_url: str, pin: SpecPin) -> list[tuple[str, bytes]]:
    fetched = []
    for file in pin.files:
        data = fetch(base_url, file.path)
        if sha256_of(data) != file.sha256:
            raise PinError(
                f"spec {file.path} from {base_url} does not match the pin:\n"
                f"  pinned sha256: {file.sha256}\n  fetched sha256: {sha256_of(data)}\n"
                "Refusing it. If the upstream change is intended, accept it with `make pull ACCEPT=1`."
            )
        fetched.append((file.path, data))
    return fetched


def pull(
    base_url: str, version: str, *, accept: bool, pin: SpecPin, pulled_dir: Path = PULLED_DIR
) -> tuple[SpecPin, list[Path]]:
    """Fetch `version`'s set into `pulled_dir`; returns the pin in force and the files written."""
    if accept:
        fetched = discover_set(base_url, version)  # the set is what upstream has now
    elif version != pin.version:
        raise PinError(
            f"API version {version} is not the pinned {pin.version}; "
            f"bump with `make pull API_VERSION={version} ACCEPT=1`"
        )
    else:
        fetched = _fetch_pinned(base_url, pin)
    try:
        set_bytes(fetched)  # a set whose files collide is refused before anything is written
    except MergeError as exc:
        raise PinError(f"the spec files of {version} do not merge: {exc}") from exc
    new_pin = SpecPin(version=version, files=tuple(SpecFile(p, sha256_of(d)) for p, d in fetched))
    targets = []
    for path, data in fetched:
        target = pulled_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".part")
        tmp.write_bytes(data)
        tmp.replace(target)
        targets.append(target)
    return new_pin, targets


def pull_known(base_url: str, pulled_dir: Path = PULLED_DIR) -> list[Path]:
    """Fetch every version of spec-versions.json whose set is not already present and verified."""
    written = []
    for pin in known_versions().values():
        if pin.all_pulled(pulled_dir):
            pin.read_files(pulled_dir)
            continue
        written += pull(base_url, pin.version, accept=False, pin=pin, pulled_dir=pulled_dir)[1]
    return written


def spec_for(base_url: str, version: str, pulled_dir: Path = PULLED_DIR) -> tuple[bytes, SpecPin, bool]:
    """A version's set as one spec, its pin, and whether that pin is known (verified) or just computed."""
    known = known_versions().get(version)
    if known is not None:
        if not known.all_pulled(pulled_dir):
            pull(base_url, version, accept=False, pin=known, pulled_dir=pulled_dir)
        return known.read_verified(pulled_dir), known, True
    fetched = discover_set(base_url, version)
    pin = SpecPin(version=version, files=tuple(SpecFile(p, sha256_of(d)) for p, d in fetched))
    return set_bytes(fetched), pin, False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default=UPSTREAM_BASE_URL)
    parser.add_argument("--version", default=None, help="API version (default: the pinned one)")
    parser.add_argument("--accept", action="store_true", help="accept the fetched set and rewrite the pin")
    parser.add_argument("--if-missing", action="store_true", help="fetch only if the pulled set is not present")
    parser.add_argument("--all", action="store_true", help="fetch every version pinned in spec-versions.json")
    args = parser.parse_args(argv)
    try:
        if args.all:
            for path in pull_known(args.base_url or UPSTREAM_BASE_URL):
                print(f"pull: {path} ok")
            return 0
        pin = SpecPin.load()
        version = args.version or pin.version
        if args.if_missing and not args.accept and version == pin.version and pin.all_pulled():
            pin.read_files()  # present: every file must still match the pin
            return 0
        new_pin, targets = pull(args.base_url or UPSTREAM_BASE_URL, version, accept=args.accept, pin=pin)
    except PinError as exc:  # pull() words a set that does not merge as a PinError too
        print(f"pull: {exc}", file=sys.stderr)
        return 1
    if new_pin != pin:
        new_pin.save()
        print(f"pull: pin rewritten: {pin.version} {pin.describe()} -> {new_pin.version} {new_pin.describe()}")
    for target, file in zip(targets, new_pin.files, strict=True):
        print(f"pull: {target} ok (sha256 {file.sha256})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
