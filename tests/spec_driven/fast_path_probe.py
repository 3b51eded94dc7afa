"""For the bump probes: does every success answer of the bumped version take the generated msgspec
mirror (`pinecone_control_api._mirror`), and does it build what the reference (json + `from_dict`)
builds? Installed before the first call, it wraps each operation's fast decoder as it is loaded."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pinecone_control_api.models as models
from pinecone_control import _decoding


class FastPath:
    def __init__(self) -> None:
        self.fast: set[str] = set()  # models whose answers the mirror built, equal to the reference's
        self.problems: list[str] = []  # a model without a mirror, a refused answer, a different result
        self._real = _decoding.fast_decoder
        _decoding.fast_decoder = self._recording  # type: ignore[assignment]

    def _recording(self, name: str) -> Callable[[bytes], Any] | None:
        fast = self._real(name)
        if fast is None:
            self.problems.append(f"{name}: no fast decoder")
            return None
        from_dict = getattr(models, name).from_dict

        def decode(body: bytes) -> Any:
            try:
                built = fast(body)
            except Exception as exc:
                self.problems.append(f"{name}: the mirror refused an answer: {type(exc).__name__}: {exc}")
                raise
            reference = from_dict(json.loads(body))
            if repr(built) != repr(reference) or built.to_dict() != reference.to_dict():
                self.problems.append(f"{name}: the mirror built {built!r}, the reference {reference!r}")
            else:
                self.fast.add(name)
            return built

        return decode

    def summary(self) -> dict[str, Any]:
        return {"fast": sorted(self.fast), "problems": self.problems}
