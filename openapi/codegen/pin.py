"""The committed spec pin: which upstream file we generate from, and its sha256."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

OPENAPI_DIR = Path(__file__).resolve().parent.parent
REPO_ROOT = OPENAPI_DIR.parent
PIN_FILE = OPENAPI_DIR / "spec-pin.json"
# Every published control-plane version we know, pinned too: bump candidates and diff baselines.
VERSIONS_FILE = OPENAPI_DIR / "spec-versions.json"
PULLED_DIR = OPENAPI_DIR / "pulled"

UPSTREAM_BASE_URL = "https://raw.githubusercontent.com/pinecone-io/pinecone-api/refs/heads/main/"

# Upstream renamed the control-plane spec from `control_` to `db_control_` with 2024-10.
_DB_CONTROL_FROM = "2024-10"


class PinError(Exception):
    """The pin file or a pulled spec does not match what is expected."""


def upstream_path(version: str) -> str:
    """Path of a version's control-plane spec inside the upstream repository."""
    prefix = "db_control_" if version >= _DB_CONTROL_FROM else "control_"
    return f"{version}/{prefix}{version}.oas.yaml"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class SpecPin:
    version: str
    path: str
    sha256: str

    @classmethod
    def load(cls, pin_file: Path = PIN_FILE) -> SpecPin:
        try:
            raw = json.loads(pin_file.read_text(encoding="utf-8"))
            return cls(version=str(raw["version"]), path=str(raw["path"]), sha256=str(raw["sha256"]))
        except (OSError, ValueError, KeyError) as exc:
            raise PinError(f"cannot read spec pin {pin_file}: {exc}") from exc

    def save(self, pin_file: Path = PIN_FILE) -> None:
        pin_file.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")

    def pulled_file(self, pulled_dir: Path = PULLED_DIR) -> Path:
        return pulled_dir / self.path

    def read_verified(self, pulled_dir: Path = PULLED_DIR) -> bytes:
        """The pulled spec's bytes, refused unless they hash to the pin."""
        path = self.pulled_file(pulled_dir)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise PinError(f"spec {path} is not pulled yet: run `make pull` ({exc.strerror})") from exc
        actual = sha256_of(data)
        if actual != self.sha256:
            raise PinError(
                f"pulled spec {path} does not match the pin in {PIN_FILE.name}:\n"
                f"  pinned sha256: {self.sha256}\n  actual sha256: {actual}\n"
                "Run `make pull` again, or accept the new spec with `make pull ACCEPT=1`."
            )
        return data


def known_versions(versions_file: Path = VERSIONS_FILE) -> dict[str, SpecPin]:
    try:
        raw = json.loads(versions_file.read_text(encoding="utf-8"))["versions"]
        return {v: SpecPin(version=v, path=str(e["path"]), sha256=str(e["sha256"])) for v, e in raw.items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PinError(f"cannot read {versions_file}: {exc}") from exc
