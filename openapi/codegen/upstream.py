"""Reading upstream (a URL or a file:// mirror): one file, and the set of files of a version.

Upstream's file names are the only knowledge here: `control_<v>.oas.yaml` up to 2024-07, then
`db_control_<v>.oas.yaml` beside `inference_<v>.oas.yaml`. A version not yet pinned has its set
discovered by probing for these names, so a later version needs no code change.
"""

from __future__ import annotations

import urllib.error
import urllib.request

from .pin import PinError

_TIMEOUT_S = 60
# The control spec is required: the newer name first (a version has one of them). Every other
# kind belongs to the set when upstream has it: the set is what exists.
CONTROL_NAMES = ("db_control_{v}.oas.yaml", "control_{v}.oas.yaml")
OPTIONAL_NAMES = ("inference_{v}.oas.yaml",)


def fetch(base_url: str, path: str) -> bytes:
    data = _fetch(base_url, path, missing_ok=False)
    if data is None:  # only a missing_ok fetch answers None; keeps the type exact without assert
        raise PinError(f"cannot fetch {base_url.rstrip('/')}/{path}")
    return data


def fetch_if_present(base_url: str, path: str) -> bytes | None:
    """The file's bytes, or None when upstream has no such file (any other failure still raises)."""
    return _fetch(base_url, path, missing_ok=True)


def _fetch(base_url: str, path: str, *, missing_ok: bool) -> bytes | None:
    url = base_url.rstrip("/") + "/" + path
    try:
        with urllib.request.urlopen(url, timeout=_TIMEOUT_S) as response:
            data: bytes = response.read()
    except urllib.error.HTTPError as exc:
        if missing_ok and exc.code == 404:
            return None
        raise PinError(f"cannot fetch {url}: {exc}{_offline_hint(base_url)}") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if missing_ok and isinstance(reason, FileNotFoundError):  # file://: no such file
            return None
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


def discover_set(base_url: str, version: str) -> list[tuple[str, bytes]]:
    """(path, bytes) of every file of `version`'s set upstream, the control spec first."""
    found: list[tuple[str, bytes]] = []
    for name in CONTROL_NAMES:
        path = f"{version}/{name.format(v=version)}"
        data = fetch_if_present(base_url, path)
        if data is not None:
            found.append((path, data))
            break
    if not found:
        tried = ", ".join(n.format(v=version) for n in CONTROL_NAMES)
        url = base_url.rstrip("/") + "/" + version + "/"
        raise PinError(f"cannot fetch a control spec of {version} at {url} (tried {tried}){_offline_hint(base_url)}")
    for name in OPTIONAL_NAMES:
        path = f"{version}/{name.format(v=version)}"
        data = fetch_if_present(base_url, path)
        if data is not None:
            found.append((path, data))
    return found
