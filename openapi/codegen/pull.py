"""`make pull`: fetch the control-plane spec and check it against the committed pin.

    python -m codegen.pull [--base-url URL] [--version V] [--accept]

Without --accept, the fetched bytes must hash to the pin and the version must be the pinned one;
nothing is written otherwise. With --accept, the fetched spec becomes the new pin (a spec bump).
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from pathlib import Path

from .pin import PULLED_DIR, UPSTREAM_BASE_URL, PinError, SpecPin, known_versions, sha256_of, upstream_path

_TIMEOUT_S = 60


def fetch(base_url: str, path: str) -> bytes:
    url = base_url.rstrip("/") + "/" + path
    try:
        with urllib.request.urlopen(url, timeout=_TIMEOUT_S) as response:
            data: bytes = response.read()
    except (urllib.error.URLError, OSError) as exc:
        raise PinError(f"cannot fetch {url}: {exc}{_offline_hint(base_url)}") from exc
    return data


def _offline_hint(base_url: str) -> str:
    """What to type when the network is the problem: the pull can read a local mirror instead."""
    if base_url.startswith("file:"):
        return "\n  (SPEC_BASE_URL points at a local mirror: check that the directory exists and holds the spec)"
    return (
        "\n  Offline? Point the pull at a local mirror of github.com/pinecone-io/pinecone-api:\n"
        "    export SPEC_BASE_URL=file:///path/to/pinecone-api/   (then make pull / make test)\n"
        "  or once: make pull SPEC_BASE_URL=file:///path/to/pinecone-api/"
    )


def pull(
    base_url: str, version: str, *, accept: bool, pin: SpecPin, pulled_dir: Path = PULLED_DIR
) -> tuple[SpecPin, Path]:
    """Fetch `version`'s spec into `pulled_dir`; returns the pin in force and the file written."""
    path = upstream_path(version)
    data = fetch(base_url, path)
    actual = sha256_of(data)
    if not accept:
        if version != pin.version:
            raise PinError(
                f"API version {version} is not the pinned {pin.version}; "
                f"bump with `make pull API_VERSION={version} ACCEPT=1`"
            )
        if actual != pin.sha256:
            raise PinError(
                f"spec {path} from {base_url} does not match the pin:\n"
                f"  pinned sha256: {pin.sha256}\n  fetched sha256: {actual}\n"
                "Refusing it. If the upstream change is intended, accept it with `make pull ACCEPT=1`."
            )
    new_pin = SpecPin(version=version, path=path, sha256=actual)
    target = new_pin.pulled_file(pulled_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    tmp.write_bytes(data)
    tmp.replace(target)
    return new_pin, target


def pull_known(base_url: str, pulled_dir: Path = PULLED_DIR) -> list[Path]:
    """Fetch every version of spec-versions.json that is not already present and verified."""
    written = []
    for pin in known_versions().values():
        if pin.pulled_file(pulled_dir).exists():
            pin.read_verified(pulled_dir)
            continue
        written.append(pull(base_url, pin.version, accept=False, pin=pin, pulled_dir=pulled_dir)[1])
    return written


def spec_for(base_url: str, version: str, pulled_dir: Path = PULLED_DIR) -> tuple[bytes, SpecPin, bool]:
    """A version's spec bytes, its pin, and whether that pin is known (verified) or just computed."""
    known = known_versions().get(version)
    if known is not None:
        if not known.pulled_file(pulled_dir).exists():
            pull(base_url, version, accept=False, pin=known, pulled_dir=pulled_dir)
        return known.read_verified(pulled_dir), known, True
    data = fetch(base_url, upstream_path(version))
    return data, SpecPin(version=version, path=upstream_path(version), sha256=sha256_of(data)), False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default=UPSTREAM_BASE_URL)
    parser.add_argument("--version", default=None, help="API version (default: the pinned one)")
    parser.add_argument("--accept", action="store_true", help="accept the fetched spec and rewrite the pin")
    parser.add_argument("--if-missing", action="store_true", help="fetch only if no pulled spec is present")
    parser.add_argument("--all", action="store_true", help="fetch every version pinned in spec-versions.json")
    args = parser.parse_args(argv)
    try:
        if args.all:
            for path in pull_known(args.base_url or UPSTREAM_BASE_URL):
                print(f"pull: {path} ok")
            return 0
        pin = SpecPin.load()
        version = args.version or pin.version
        if args.if_missing and not args.accept and version == pin.version and pin.pulled_file().exists():
            pin.read_verified()  # present: it must still match the pin
            return 0
        new_pin, target = pull(args.base_url or UPSTREAM_BASE_URL, version, accept=args.accept, pin=pin)
    except PinError as exc:
        print(f"pull: {exc}", file=sys.stderr)
        return 1
    if new_pin != pin:
        new_pin.save()
        print(f"pull: pin rewritten: {pin.version} {pin.sha256[:12]} -> {new_pin.version} {new_pin.sha256[:12]}")
    print(f"pull: {target} ok (sha256 {new_pin.sha256})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
