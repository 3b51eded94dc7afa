"""In-process front-ends: httpx transports that hand each request to an `Emulator` (no sockets)."""

from __future__ import annotations

import asyncio
import time

import httpx

from ._emulator import Emulator, Exchange


def _response(request: httpx.Request, exchange: Exchange) -> httpx.Response:
    if exchange.reply is None:
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
    if exchange.reset:
        raise httpx.ReadError("[Errno 104] Connection reset by peer", request=request)
    reply = exchange.reply
    return httpx.Response(reply.status, headers=reply.headers, content=reply.body, request=request)


def _exchange(emulator: Emulator, request: httpx.Request) -> Exchange:
    return emulator.process(request.method, request.url.raw_path.decode("ascii"), request.headers, request.content)


class EmulatorTransport(httpx.BaseTransport):
    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        exchange = _exchange(self.emulator, request)
        if exchange.delay:
            time.sleep(exchange.delay)
        return _response(request, exchange)


class AsyncEmulatorTransport(httpx.AsyncBaseTransport):
    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        exchange = _exchange(self.emulator, request)
        if exchange.delay:
            await asyncio.sleep(exchange.delay)
        return _response(request, exchange)
