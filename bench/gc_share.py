"""How much of decoding the list(100) body is the garbage collector's: per call, with the collector
on, the time of the decoder and of the reference (json + `from_dict`), the collections of each
generation it set off and the time they took (`gc.callbacks`); then the same with it paused.

    python bench/gc_share.py [--calls N]

Prints one JSON object. Not a target of `make bench`: it explains the decoding row.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from canned import Canned  # the stub's bodies, one source
from overhead import decoders, per_call_us


class Collections:
    """Counts the collections of each generation, and their time, while installed."""

    def __init__(self) -> None:
        self.count = [0, 0, 0]
        self.seconds = [0.0, 0.0, 0.0]
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.count[info["generation"]] += 1
            self.seconds[info["generation"]] += time.perf_counter() - self._started


def measure(decode: Callable[[], Any], calls: int) -> dict[str, Any]:
    for _ in range(200):
        decode()
    seen = Collections()
    gc.callbacks.append(seen)
    try:
        on = per_call_us(decode, calls)
    finally:
        gc.callbacks.remove(seen)
    gc.disable()
    try:
        off = per_call_us(decode, calls)
    finally:
        gc.enable()
    return {
        "us_gc_on": round(on, 1),
        "us_gc_off": round(off, 1),
        "collections_per_call": [round(c / calls, 4) for c in seen.count],
        "gc_us_per_call": [round(s / calls * 1e6, 1) for s in seen.seconds],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=3000)
    args = parser.parse_args()
    found = decoders(Canned(100))
    print(json.dumps({name: measure(found[name], args.calls) for name in ("decoder", "reference")}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
