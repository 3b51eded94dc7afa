"""Model decoding alone: the generated `from_dict` on bodies already decoded by `json.loads`.

    python bench/parse_models.py [--rounds R]

Times `IndexList.from_dict` on the stub's `list_indexes(100)` body and `IndexModel.from_dict` on
one describe body (the canned bodies, one source), and prints min and median microseconds per call
over the rounds. Run it before and after a change to openapi/templates/ (and `make generate`).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from canned import DESCRIBED, Canned  # the stub's bodies, one source


def per_call(parse: Callable[[Any], Any], body: Any, calls: int) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        parse(body)
    return (time.perf_counter() - started) / calls * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds

    from pinecone_control_api.models import IndexList, IndexModel

    canned = Canned(100)
    listed = json.loads(canned.answer("GET", "/indexes")[1])
    described = json.loads(canned.answer("GET", f"/indexes/{DESCRIBED}")[1])
    assert IndexList.from_dict(listed).to_dict() == listed
    assert IndexModel.from_dict(described).to_dict() == described
    rows: dict[str, tuple[Callable[[Any], Any], Any, int]] = {
        "IndexList.from_dict (100 indexes)": (IndexList.from_dict, listed, 500),
        "IndexModel.from_dict (describe)": (IndexModel.from_dict, described, 20_000),
    }
    for name, (parse, body, calls) in rows.items():
        per_call(parse, body, calls // 10)  # warm up
        times = [per_call(parse, body, calls) for _ in range(rounds)]
        print(f"{name:36s} min {min(times):8.2f} us  median {statistics.median(times):8.2f} us  ({rounds} rounds)")


if __name__ == "__main__":
    main()
