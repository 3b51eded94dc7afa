"""`python -m pinecone_control.testing --host 127.0.0.1 --port 0`: serve the emulator until interrupted."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading

from ._emulator import Emulator
from ._lifecycle import Timing
from ._server import EmulatorServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pinecone_control.testing", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port (0 picks a free one)")
    parser.add_argument("--api-key", action="append", dest="api_keys", help="accept only these keys (repeatable)")
    parser.add_argument("--ready-after", type=float, default=0.0, help="seconds until a new index is Ready")
    args = parser.parse_args(argv)
    emulator = Emulator(api_keys=args.api_keys, index_ready=Timing(seconds=args.ready_after, describes=0))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with EmulatorServer(emulator, args.host, args.port) as server:
        print(f"Pinecone control-plane emulator (API 2024-07) listening on {server.url}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            stop.wait()
    print("emulator stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
