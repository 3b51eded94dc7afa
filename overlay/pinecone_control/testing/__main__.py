"""`python -m pinecone_control.testing`: serve the emulator on 127.0.0.1 until interrupted.

Every knob is a flag, and may also come from a TOML file (`--config emulator.toml`, flags win):

    api_keys = ["k1", "k2"]          # omit: any non-empty key
    control = true                   # the control API under /_emulator/
    speed = 10.0                     # emulated seconds per wall second (or: virtual_time / poll_time = true)
    [timings]                        # seconds; any field of Timings
    pod_ready = 30
    [quotas]
    max_pods = 4
    status = 429
    [serverless_regions]
    aws = ["us-east-1"]
    # pod_environments = ["us-east1-gcp"]   (top level)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import threading
import tomllib
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from ._catalogue import API_VERSION, POD_ENVIRONMENTS, SERVERLESS_REGIONS
from ._clock import Clock, PollClock, VirtualClock, WallClock
from ._emulator import Emulator
from ._state import Quotas, Timings

_TIMINGS = [item.name for item in fields(Timings)]
_QUOTAS = ["max_pods", "max_serverless_indexes", "max_collections"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pinecone_control.testing",
        description=f"Serve the Pinecone control-plane emulator (API {API_VERSION}).",
        epilog="Flags override the --config file. The control API is documented in the README.",
    )
    parser.add_argument("--config", type=Path, help="a TOML file with any of these settings")
    parser.add_argument("--host", help="address to bind (default 127.0.0.1, loopback only)")
    parser.add_argument("--port", type=int, help="port (default 0: a free one, printed on start)")
    parser.add_argument("--api-key", action="append", dest="api_keys", help="accept only these keys (repeatable)")
    parser.add_argument("--control", action="store_true", default=None, help="serve the control API at /_emulator/")
    time = parser.add_argument_group("time")
    time.add_argument("--speed", type=float, help="emulated seconds per wall second (default 1)")
    time.add_argument(
        "--virtual-time", action="store_true", default=None, help="time moves only by POST /_emulator/clock/advance"
    )
    time.add_argument(
        "--poll-time", action="store_true", default=None, help="each read (GET) moves time to the next change"
    )
    time.add_argument("--instant", action="store_true", default=None, help="every timing 0: changes due at once")
    for name in _TIMINGS:
        time.add_argument(
            f"--{name.replace('_', '-')}", type=float, metavar="SECONDS", help=f"default {getattr(Timings(), name)}"
        )
    time.add_argument("--ready-after", type=float, metavar="SECONDS", help="both serverless-ready and pod-ready")
    limits = parser.add_argument_group("quotas and catalogue")
    for name in _QUOTAS:
        limits.add_argument(f"--{name.replace('_', '-')}", type=int, metavar="N", help="default: no limit")
    limits.add_argument("--quota-status", type=int, choices=(403, 429), help="answer to a quota (default 403)")
    limits.add_argument(
        "--serverless-region", action="append", metavar="CLOUD:REGION", help="replace the known regions (repeatable)"
    )
    limits.add_argument("--pod-environment", action="append", metavar="ENV", help="replace the known environments")
    server = parser.add_argument_group("server")
    server.add_argument("--latency", type=float, metavar="SECONDS", help="added to every answer (wall time)")
    server.add_argument("--request-timeout", type=float, metavar="SECONDS", help="a request's head and body (10)")
    server.add_argument("--idle-timeout", type=float, metavar="SECONDS", help="an idle keep-alive connection (60)")
    return parser


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    """The config file's settings, then the flags given on top."""
    settings: dict[str, Any] = {}
    if args.config is not None:
        settings = tomllib.loads(args.config.read_text(encoding="utf-8"))
    timings = dict(settings.pop("timings", {}))
    quotas = dict(settings.pop("quotas", {}))
    flags = {key: value for key, value in vars(args).items() if value is not None and key != "config"}
    if flags.pop("instant", False):
        timings = {name: 0.0 for name in _TIMINGS}
    ready_after = flags.pop("ready_after", None)
    if ready_after is not None:
        timings.update(serverless_ready=ready_after, pod_ready=ready_after)
    timings.update({name: flags.pop(name) for name in _TIMINGS if name in flags})
    quotas.update({name: flags.pop(name) for name in _QUOTAS if name in flags})
    if "quota_status" in flags:
        quotas["status"] = flags.pop("quota_status")
    if "serverless_region" in flags:
        regions: dict[str, list[str]] = {}
        for item in flags.pop("serverless_region"):
            cloud, _, region = item.partition(":")
            regions.setdefault(cloud, []).append(region)
        settings["serverless_regions"] = regions
    if "pod_environment" in flags:
        settings["pod_environments"] = flags.pop("pod_environment")
    settings.update(flags)
    settings["timings"], settings["quotas"] = timings, quotas
    return settings


def build(settings: dict[str, Any]) -> tuple[Emulator, dict[str, Any]]:
    """An emulator and the server options from merged settings; unknown keys are an error."""
    settings = dict(settings)
    clock: Clock
    if settings.pop("poll_time", False):
        clock = PollClock()
    elif settings.pop("virtual_time", False):
        clock = VirtualClock()
    else:
        clock = WallClock(settings.pop("speed", 1.0))
    settings.pop("speed", None)
    settings.pop("virtual_time", None)
    regions = settings.pop("serverless_regions", SERVERLESS_REGIONS)
    emulator = Emulator(
        api_keys=settings.pop("api_keys", None),
        timings=Timings(**settings.pop("timings", {})),
        quotas=Quotas(**settings.pop("quotas", {})),
        clock=clock,
        serverless_regions={cloud: tuple(names) for cloud, names in regions.items()},
        pod_environments=tuple(settings.pop("pod_environments", POD_ENVIRONMENTS)),
        control=bool(settings.pop("control", False)),
    )
    emulator.faults.latency = float(settings.pop("latency", 0.0))
    keys = ("host", "port", "request_timeout", "idle_timeout")
    server: dict[str, Any] = {key: settings.pop(key) for key in keys if key in settings}
    if settings:
        raise ValueError(f"unknown settings: {', '.join(sorted(settings))}")
    return emulator, server


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        emulator, options = build(_settings(args))
    except (ValueError, TypeError, OSError, tomllib.TOMLDecodeError) as exc:
        parser.error(str(exc))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    host, port = options.pop("host", "127.0.0.1"), options.pop("port", 0)
    with emulator.serve(host, port, **options) as server:
        print(f"Pinecone control-plane emulator (API {API_VERSION}) listening on {server.url}", flush=True)
        if emulator.control:
            print(f"control API: {server.url}/_emulator/ (timings {json.dumps(asdict(emulator.timings))})", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            stop.wait()
    print("emulator stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
