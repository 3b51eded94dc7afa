"""Test against an emulated Pinecone control plane: no API key, no network, no Docker.

    from pinecone_control.testing import Emulator, VirtualClock

    emulator = Emulator(clock=VirtualClock())             # time moves only when something waits
    with emulator.client() as pc:                         # in-process, no sockets
        pc.create_index("movies", 8, serverless_spec("aws", "us-east-1"), wait_timeout=60)

    with emulator.serve() as server:                      # a real HTTP server on 127.0.0.1
        pc = Client(api_key="any", host=server.url)

or from a shell: `python -m pinecone_control.testing --port 0` (`--help` lists every knob). With
pytest, the fixtures are available: `pinecone_server` (served on 127.0.0.1 for the `Client()` your
code builds from the environment, on a `PollClock`), `pinecone_emulator`, `pinecone_client` and
`pinecone_async_client` (in-process).
"""

from ._actions import Action, Faults
from ._catalogue import API_VERSION, EMBED_MODELS
from ._clock import Clock, PollClock, VirtualClock, WallClock
from ._emulator import Emulator, EmulatorServer, RecordedRequest
from ._state import Quotas, Timings
from ._transport import AsyncEmulatorTransport, EmulatorTransport

__all__ = [
    "API_VERSION",
    "EMBED_MODELS",
    "Action",
    "AsyncEmulatorTransport",
    "Clock",
    "Emulator",
    "EmulatorServer",
    "EmulatorTransport",
    "Faults",
    "PollClock",
    "Quotas",
    "RecordedRequest",
    "Timings",
    "VirtualClock",
    "WallClock",
]
