"""In-process front-ends: httpx transports that hand each request to an `Emulator` (no sockets)."""

from __future__ import annotations

import asyncio
import time

import httpx

from ._emulator import Emulator
from ._faults import Action
from ._wire import Reply


def _respond(emulator: Emulator, request: httpx.Request, action: Action) -> httpx.Response:
    if action.drop:
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
    reply: Reply = action.reply or emulator.handle(
        request.method, request.url.raw_path.decode("ascii"), request.headers, request.content
    )
    return httpx.Response(reply.status, headers=reply.headers, content=reply.body, request=request)


class EmulatorTransport(httpx.BaseTransport):
    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        operation, _ = self.emulator.route(request.method, request.url.path)
        action = self.emulator.faults.take(operation)
        if action.delay:
            time.sleep(action.delay)
        return _respond(self.emulator, request, action)


class AsyncEmulatorTransport(httpx.AsyncBaseTransport):
    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        operation, _ = self.emulator.route(request.method, request.url.path)
        action = self.emulator.faults.take(operation)
        if action.delay:
            await asyncio.sleep(action.delay)
        return _respond(self.emulator, request, action)
