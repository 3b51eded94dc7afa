"""Client CPU per call, in-process: no sockets, no server, so only the client's own work counts.

    python bench/overhead.py [--rounds R] [--calls N] [--decoding reference|decoder]

Both contenders talk to the same `httpx.MockTransport` answering canned bodies (the stub's): the
floor is raw `httpx.Client.get` + `json.loads`, ours is `pinecone_control.Client` on that transport.
Prints one JSON object: per-round microseconds per call for each contender and call, rounds
interleaved, the list body's decoding alone (`decode_*`), which decoder was in use (`decoder`:
msgspec, or json with PINECONE_CONTROL_DECODER=reference) and that the garbage collector was on
throughout (`gc`): every figure here is taken with it on, as a user's process runs.
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
from canned import API_KEY, DESCRIBED, Canned  # the stub's bodies, one source

HOST = "http://127.0.0.1:9"  # never dialled: the mock transport answers


def _transport(canned: Canned) -> Any:
    import httpx

    def answer(request: httpx.Request) -> httpx.Response:
        status, body = canned.answer(request.method, request.url.path)
        return httpx.Response(status, content=body, headers={"content-type": "application/json"})

    return httpx.MockTransport(answer)


def contenders(canned: Canned) -> dict[str, dict[str, Callable[[], Any]]]:
    import httpx
    import pinecone_control

    raw = httpx.Client(transport=_transport(canned))
    ours = pinecone_control.Client(api_key=API_KEY, host=HOST, transport=_transport(canned))
    headers = {"Api-Key": API_KEY}
    return {
        "raw": {
            "list": lambda: json.loads(raw.get(f"{HOST}/indexes", headers=headers).content),
            "describe": lambda: json.loads(raw.get(f"{HOST}/indexes/{DESCRIBED}", headers=headers).content),
        },
        "ours": {
            "list": ours.list_indexes,
            "describe": lambda: ours.describe_index(DESCRIBED),
        },
    }


def decoders(canned: Canned) -> dict[str, Callable[[], Any]]:
    """The list(100) body's bytes to a model: `json.loads` alone (the floor), the reference (json +
    the generated `from_dict`), and this build's decoder (msgspec's, unless the reference is chosen)."""
    from pinecone_control import _calls as _operations
    from pinecone_control_api.models import IndexList

    body = canned.answer("GET", "/indexes")[1]
    parse = _operations.operation("list_indexes").parse
    assert parse is not None
    return {
        "json_loads": lambda: json.loads(body),
        "reference": lambda: IndexList.from_dict(json.loads(body)),
        "decoder": lambda: parse(body),
    }


def per_call_us(call: Callable[[], Any], calls: int) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        call()
    return (time.perf_counter() - started) / calls * 1e6


def measure(rounds: int, calls: int) -> dict[str, Any]:
    canned = Canned(100)
    runs = contenders(canned)
    for by_call in runs.values():
        for call in by_call.values():
            for _ in range(50):
                call()  # warm caches, lazy imports and the pool
    decoding = decoders(canned)
    results: dict[str, list[float]] = {f"{who}_{what}": [] for who in runs for what in runs[who]}
    results.update({f"decode_{what}": [] for what in decoding})
    for _ in range(rounds):
        for what, n in (("list", calls), ("describe", calls * 10)):
            for who in runs:  # interleaved: drift hits both alike
                results[f"{who}_{what}"].append(per_call_us(runs[who][what], n))
        for what, decode in decoding.items():
            results[f"decode_{what}"].append(per_call_us(decode, calls))
    return {"rounds": rounds, "us": results, "decoder": json_decoder(), "gc": gc.isenabled()}


def decoding_only(rounds: int, calls: int, which: str) -> dict[str, Any]:
    """The list(100) body's decoding alone, `which`: "reference" is `json.loads` + the generated
    `IndexList.from_dict` of the installed build (any commit's: run.py times the one issue 23 was
    filed against in its own venv), "decoder" this build's decoder (msgspec's, unless the reference
    is chosen). run.py interleaves the two builds' processes round by round."""
    from pinecone_control_api.models import IndexList

    body = Canned(100).answer("GET", "/indexes")[1]

    def reference() -> Any:
        return IndexList.from_dict(json.loads(body))

    decode = reference if which == "reference" else decoders(Canned(100))["decoder"]
    assert decode().to_dict() == json.loads(body)
    per_call_us(decode, 200)  # warm caches and the decoder's first-answer setup
    times = [per_call_us(decode, calls) for _ in range(rounds)]
    return {"rounds": rounds, "us": {f"decode_{which}": times}, "decoder": json_decoder(), "gc": gc.isenabled()}


def json_decoder() -> str:
    try:
        from pinecone_control._decoding import DECODER
    except ImportError:  # a build before the speedups extra
        return "json"
    return DECODER


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    # 1,000 list calls a round: building 100 indexes' models sets off a full garbage collection every
    # couple of hundred calls (milliseconds each), so fewer calls make rounds swing with where they fall.
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument(
        "--decoding",
        choices=["reference", "decoder"],
        help="time only the list body's decoding, by json + from_dict or this build's decoder",
    )
    args = parser.parse_args()
    gc.enable()  # the figures are a user's process's: collector on (as it is unless someone turned it off)
    if args.decoding:
        print(json.dumps(decoding_only(args.rounds, args.calls, args.decoding)))
    else:
        print(json.dumps(measure(args.rounds, args.calls)))


if __name__ == "__main__":
    main()
