"""Test against an emulated Pinecone control plane: no API key, no network, no Docker.

    from pinecone_control.testing import Emulator

    emulator = Emulator()
    with emulator.client() as pc:                       # in-process, no sockets
        pc.create_index("movies", 8, serverless_spec("aws", "us-east-1"), wait_timeout=5)

    with emulator.serve() as server:                    # a real HTTP server on 127.0.0.1
        pc = Client(api_key="any", host=server.url)

or from a shell: `python -m pinecone_control.testing --port 0`. With pytest, the fixtures
`pinecone_emulator`, `pinecone_client` and `pinecone_async_client` are available.
"""

from ._emulator import API_VERSION, EMBED_MODELS, Emulator, Quotas, RecordedRequest
from ._faults import Faults
from ._lifecycle import Timing
from ._server import EmulatorServer
from ._transport import AsyncEmulatorTransport, EmulatorTransport

__all__ = [
    "API_VERSION",
    "EMBED_MODELS",
    "AsyncEmulatorTransport",
    "Emulator",
    "EmulatorServer",
    "EmulatorTransport",
    "Faults",
    "Quotas",
    "RecordedRequest",
    "Timing",
]
