"""In-process front-ends: httpx transports that hand each request to the emulator (no sockets).

Time is the emulator's: an injected delay moves its clock forward instead of sleeping, and a delay
longer than the request's read timeout moves it by the timeout and raises `httpx.ReadTimeout`, as
the same delay over a socket would (the request has taken effect; its answer is lost)."""

from __future__ import annotations

import asyncio

import httpx

from ._actions import Action, Emulated
from ._clock import Clock


def _delay(request: httpx.Request, action: Action, clock: Clock) -> None:
    # A dribbled answer takes a byte's interval per byte; in-process it counts like a delay against
    # the request's read timeout (which the client clips to what its attempt has left).
    size = len(action.reply.body) if action.reply is not None else 0
    delay = action.delay + action.dribble * size
    if not delay:
        return
    read_timeout = request.extensions.get("timeout", {}).get("read")
    if read_timeout is not None and delay > read_timeout:
        clock.advance(read_timeout)
        raise httpx.ReadTimeout("timed out", request=request)
    clock.advance(delay)


def _response(request: httpx.Request, action: Action) -> httpx.Response:
    if action.drop or action.reply is None:
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
    if action.reset:
        raise httpx.ReadError("[Errno 104] Connection reset by peer", request=request)
    reply = action.reply
    return httpx.Response(reply.status, headers=reply.headers, content=reply.body, request=request)


def _process(emulator: Emulated, request: httpx.Request) -> Action:
    return emulator.process(request.method, request.url.raw_path.decode("ascii"), request.headers, request.content)


class EmulatorTransport(httpx.BaseTransport):
    def __init__(self, emulator: Emulated, clock: Clock) -> None:
        self.emulator, self.clock = emulator, clock

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        action = _process(self.emulator, request)
        _delay(request, action, self.clock)
        return _response(request, action)


class AsyncEmulatorTransport(httpx.AsyncBaseTransport):
    def __init__(self, emulator: Emulated, clock: Clock) -> None:
        self.emulator, self.clock = emulator, clock

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        action = _process(self.emulator, request)
        _delay(request, action, self.clock)
        await asyncio.sleep(0)
        return _response(request, action)
