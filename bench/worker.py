"""One benchmark measurement, run inside a contender's own venv; prints one JSON object.

    python bench/worker.py CONTENDER SCENARIO [--port P] [--calls N] [--ready-after T]

CONTENDER: raw (plain httpx), ours (pinecone-control: the venv decides which build, the environment
which decoder, PINECONE_CONTROL_DECODER), sdk (`pinecone`'s `Pinecone`: pinecone-client 5.0.1 or
pinecone 10.x, the venv decides).
SCENARIO: cold, sync, memory, async, wait, probe (only which decoder ours uses). Imports happen inside
the functions: each venv has only its own. Ours reports its decoder with every result (`decoder`),
looked up after the measurement, so that run.py can refuse a run of the wrong build.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import time
from collections.abc import Callable
from typing import Any

API_KEY = "bench-key"
DESCRIBED = "index-001"
CONCURRENT_DEADLINE = 60.0
# The pool both async contenders get: pinecone-control's default limits.
MAX_CONNECTIONS, MAX_KEEPALIVE = 100, 20


def cold(contender: str) -> dict[str, Any]:
    started = time.perf_counter()
    if contender == "raw":
        import httpx

        httpx.Client()
    elif contender == "ours":
        import pinecone_control

        pinecone_control.Client(api_key=API_KEY)
    else:
        from pinecone import Pinecone  # type: ignore[import-not-found]  # only in the SDK's venv

        Pinecone(api_key=API_KEY)
    return {"seconds": time.perf_counter() - started}


def _mean_us(call: Any, calls: int) -> float:
    for _ in range(20):
        call()  # warm the connection and caches
    started = time.perf_counter()
    for _ in range(calls):
        call()
    return (time.perf_counter() - started) / calls * 1e6


def _calls(contender: str, url: str) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """list_indexes and describe_index of one contender; raw is httpx + `json.loads`."""
    if contender == "raw":
        import httpx

        http = httpx.Client()
        headers = {"Api-Key": API_KEY}
        return (
            lambda: json.loads(http.get(f"{url}/indexes", headers=headers).content),
            lambda: json.loads(http.get(f"{url}/indexes/{DESCRIBED}", headers=headers).content),
        )
    if contender == "ours":
        import pinecone_control

        client = pinecone_control.Client(api_key=API_KEY, host=url)
        return client.list_indexes, lambda: client.describe_index(DESCRIBED)
    from pinecone import Pinecone  # pinecone-client 5.0.1 or pinecone 10.x: the same entry point

    pc = Pinecone(api_key=API_KEY, host=url)
    return pc.list_indexes, lambda: pc.describe_index(DESCRIBED)


def _count(listed: Any) -> int:
    return len(listed["indexes"] if isinstance(listed, dict) else listed.indexes)


def sync(contender: str, url: str, calls: int) -> dict[str, Any]:
    list_call, describe_call = _calls(contender, url)
    assert _count(list_call()) == 100
    return {"list_us": _mean_us(list_call, calls), "describe_us": _mean_us(describe_call, calls * 2)}


def _rss() -> int:
    """Resident set size in bytes (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def memory(contender: str, url: str, kept: int = 20) -> dict[str, Any]:
    """RSS after import + construct + one call, and what each 100-index list result kept alive adds."""
    list_call, _describe = _calls(contender, url)
    assert _count(list_call()) == 100
    gc.collect()
    before = _rss()
    results = [list_call() for _ in range(kept)]
    gc.collect()
    after = _rss()
    assert len(results) == kept
    return {"rss_mb": before / 2**20, "per_list_kb": (after - before) / kept / 1024}


def concurrent(contender: str, url: str, count: int) -> dict[str, Any]:
    """`count` describes at once on one client; both contenders with the same pool limits. Raw httpx
    sends them all into its pool; pinecone-control queues what exceeds its max_concurrency. A call
    still unfinished after CONCURRENT_DEADLINE seconds counts as failed."""
    import asyncio

    import httpx

    limits = httpx.Limits(max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_KEEPALIVE)

    async def run() -> tuple[float, int]:
        if contender == "raw":
            http = httpx.AsyncClient(limits=limits)

            async def describe() -> Any:
                response = await http.get(f"{url}/indexes/{DESCRIBED}", headers={"Api-Key": API_KEY})
                response.raise_for_status()
                return response.json()

            close = http.aclose
        else:
            import pinecone_control

            client = pinecone_control.AsyncClient(api_key=API_KEY, host=url)

            async def describe() -> Any:
                return await client.describe_index(DESCRIBED)

            close = client.close
        await asyncio.gather(*(describe() for _ in range(100)))  # warm the pool
        started = time.perf_counter()
        tasks = [asyncio.ensure_future(describe()) for _ in range(count)]
        done, pending = await asyncio.wait(tasks, timeout=CONCURRENT_DEADLINE)
        elapsed = time.perf_counter() - started
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        failed = len(pending) + sum(1 for task in done if task.exception() is not None)
        await close()
        return elapsed, failed

    elapsed, failed = asyncio.run(run())
    return {"per_second": (count - failed) / elapsed, "failed": failed, "seconds": elapsed}


def wait(contender: str, url: str, ready_after: float) -> dict[str, Any]:
    started = time.perf_counter()
    if contender == "ours":
        import pinecone_control

        client = pinecone_control.Client(api_key=API_KEY, host=url)
        client.create_index(
            "index-999", dimension=1536, spec=pinecone_control.serverless_spec("aws", "us-east-1"), wait_timeout=None
        )
    else:
        from pinecone import Pinecone, ServerlessSpec

        pc = Pinecone(api_key=API_KEY, host=url)
        pc.create_index("index-999", 1536, spec=ServerlessSpec(cloud="aws", region="us-east-1"), timeout=None)
    returned_after = time.perf_counter() - started
    import urllib.request

    with urllib.request.urlopen(f"{url}/wait-stats") as response:
        stats = json.loads(response.read())
    return {"lag": returned_after - ready_after, "polls": stats["polls"], "seconds": returned_after}


def decoder() -> str:
    """What `pinecone_control._decoding.DECODER` reports: "msgspec" or "json"."""
    try:
        from pinecone_control._decoding import DECODER
    except ImportError:  # a build before the speedups extra
        return "json"
    return DECODER


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("contender", choices=["raw", "ours", "sdk"])
    parser.add_argument("scenario", choices=["cold", "sync", "memory", "async", "wait", "probe"])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--ready-after", type=float, default=1.0)
    parser.add_argument("--concurrent", type=int, default=1000)
    args = parser.parse_args()
    url = f"http://127.0.0.1:{args.port}"
    result: dict[str, Any] = {}
    if args.scenario == "probe":
        pass
    elif args.scenario == "cold":
        result = cold(args.contender)
    elif args.scenario == "sync":
        result = sync(args.contender, url, args.calls)
    elif args.scenario == "memory":
        result = memory(args.contender, url)
    elif args.scenario == "async":
        result = concurrent(args.contender, url, args.concurrent)
    else:
        result = wait(args.contender, url, args.ready_after)
    if args.contender == "ours":
        result["decoder"] = decoder()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
