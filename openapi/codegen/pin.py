"""The committed spec pins: which upstream files make up a version, and each file's sha256.

A version is a *set* of spec files: up to 2024-07 the control spec alone; from 2024-10 on Pinecone
publishes `embed`, `rerank` and the model catalogue in a second file of the same version
(`inference_<v>.oas.yaml`), which codegen/merge.py joins with the control spec into one document.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .merge import set_bytes

OPENAPI_DIR = Path(__file__).resolve().parent.parent
REPO_ROOT = OPENAPI_DIR.parent
PIN_FILE = OPENAPI_DIR / "spec-pin.json"
# Every published control-plane version we know, pinned too: bump candidates and diff baselines.
VERSIONS_FILE = OPENAPI_DIR / "spec-versions.json"
PULLED_DIR = OPENAPI_DIR / "pulled"

UPSTREAM_BASE_URL = "https://raw.githubusercontent.com/pinecone-io/pinecone-api/refs/heads/main/"


class PinError(Exception):
    """The pin file or a pulled spec does not match what is expected."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class SpecFile:
    """One file of a version's set: its path upstream (`<version>/<name>`) and its sha256."""

    path: str
    sha256: str

    def pulled(self, pulled_dir: Path = PULLED_DIR) -> Path:
        return pulled_dir / self.path

    def read_verified(self, pulled_dir: Path = PULLED_DIR, pin_name: str = PIN_FILE.name) -> bytes:
        """The pulled file's bytes, refused unless they hash to the pin."""
        path = self.pulled(pulled_dir)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise PinError(f"spec {path} is not pulled yet: run `make pull` ({exc.strerror})") from exc
        actual = sha256_of(data)
        if actual != self.sha256:
            raise PinError(
                f"pulled spec {path} does not match the pin in {pin_name}:\n"
                f"  pinned sha256: {self.sha256}\n  actual sha256: {actual}\n"
                "Run `make pull` again, or accept the new spec with `make pull ACCEPT=1`."
            )
        return data


@dataclass(frozen=True)
class SpecPin:
    """A version and the files of its set, the control spec first."""

    version: str
    files: tuple[SpecFile, ...]

    @classmethod
    def load(cls, pin_file: Path = PIN_FILE) -> SpecPin:
        try:
            raw = json.loads(pin_file.read_text(encoding="utf-8"))
            return cls.from_entry(str(raw["version"]), raw)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise PinError(f"cannot read spec pin {pin_file}: {exc}") from exc

    @classmethod
    def from_entry(cls, version: str, entry: dict[str, Any]) -> SpecPin:
        if "files" not in entry:  # the one-file format of before sets: say what to write instead
            raise KeyError("'files' (a list of {path, sha256}, one per file of the version's set)")
        files = tuple(SpecFile(path=str(f["path"]), sha256=str(f["sha256"])) for f in entry["files"])
        if not files:
            raise ValueError(f"version {version} pins no file")
        return cls(version=version, files=files)

    def entry(self) -> dict[str, Any]:
        return {"files": [{"path": f.path, "sha256": f.sha256} for f in self.files]}

    def save(self, pin_file: Path = PIN_FILE) -> None:
        text = json.dumps({"version": self.version, **self.entry()}, indent=2)
        pin_file.write_text(text + "\n", encoding="utf-8")

    @property
    def paths(self) -> list[str]:
        return [f.path for f in self.files]

    def describe(self) -> str:
        """`path (sha256 abc…)`, one per file, for messages."""
        return ", ".join(f"{f.path} (sha256 {f.sha256[:12]})" for f in self.files)

    def pulled_files(self, pulled_dir: Path = PULLED_DIR) -> list[Path]:
        return [f.pulled(pulled_dir) for f in self.files]

    def all_pulled(self, pulled_dir: Path = PULLED_DIR) -> bool:
        return all(p.exists() for p in self.pulled_files(pulled_dir))

    def read_files(self, pulled_dir: Path = PULLED_DIR) -> list[tuple[str, bytes]]:
        """(path, verified bytes) of every file of the set, in the pin's order."""
        return [(f.path, f.read_verified(pulled_dir)) for f in self.files]

    def read_verified(self, pulled_dir: Path = PULLED_DIR) -> bytes:
        """The set as one spec: a single file's own bytes, or the merged document of several."""
        return set_bytes(self.read_files(pulled_dir))


def known_versions(versions_file: Path = VERSIONS_FILE) -> dict[str, SpecPin]:
    try:
        raw = json.loads(versions_file.read_text(encoding="utf-8"))["versions"]
        return {v: SpecPin.from_entry(v, e) for v, e in raw.items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PinError(f"cannot read {versions_file}: {exc}") from exc
