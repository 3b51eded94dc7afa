"""The asynchronous client: runs the shared programs with `httpx.AsyncClient` and `asyncio.sleep`."""

from __future__ import annotations

import asyncio
from types import TracebackType
from typing import Self, TypeVar

import httpx
from pinecone_control_api._facade import AsyncOperations
from pinecone_control_api._surface import AsyncConveniences

from . import _connections
from ._base_client import (
    BaseClient,
    _BorrowedAsyncTransport,
)
from ._clock import AsyncClock, AsyncSystemClock
from ._effects import Effect, Outcome, Program, Send, Sleep, Steps
from ._network import end_attempt, make_async_transport, start_attempt
from ._raw import AsyncRawResponses
from ._reading import BodyReader, BodyTooLarge

T = TypeVar("T")


class _SystemClock(AsyncSystemClock):
    async def sleep(self, seconds: float) -> None:
        await _sleep(seconds)


_sleep = asyncio.sleep  # module-level so tests can observe backoff without waiting


class AsyncClient(
    BaseClient[httpx.AsyncClient, httpx.AsyncBaseTransport, AsyncClock], AsyncOperations, AsyncConveniences
):
    """Pinecone control-plane client for asyncio (API 2024-07): the same surface as `Client`."""

    def _default_clock(self) -> AsyncClock:
        return _SystemClock()

    def _new_limiter(self, size: int) -> asyncio.Semaphore:
        return asyncio.Semaphore(size)

    # The pool is built by BaseClient with these: an httpx.AsyncClient around a borrowed or our own transport.
    _httpx = httpx.AsyncClient
    _borrowed = _BorrowedAsyncTransport
    _own_transport = staticmethod(make_async_transport)

    # -- the driver: performs the programs' effects with httpx.AsyncClient and an awaited sleep ---

    async def _run(self, program: Program[T]) -> T:
        with Steps(program) as steps:
            while (effect := steps.next()) is not None:
                steps.answer(await self._perform(effect))
        return steps.value

    async def _send(self, send: Send) -> Outcome:
        pool = self._pool
        if pool.forks != _connections.forks:
            pool.renew_after_fork()  # never a socket the parent process also reads from
        loop = asyncio.get_running_loop()
        if pool.loop is not loop:
            pool.enter_loop(loop)  # the first loop, or a new one after the last closed; else an error
        async with pool.limiter:
            deadline = start_attempt(send.budget)
            try:
                if self._sockets_bounded:
                    return await self._exchange(pool.http, send)
                # The budget also bounds transports the client did not build (their reads are not
                # clipped); our own needs no timer per request (~3.5 us each).
                async with asyncio.timeout(send.budget):
                    return await self._exchange(pool.http, send)
            except (TimeoutError, BodyTooLarge, httpx.RequestError, RuntimeError) as exc:
                return self._attempt_failed(exc)
            finally:
                end_attempt(deadline)

    async def _exchange(self, http: httpx.AsyncClient, send: Send) -> httpx.Response:
        response = await http.send(self._build_request(send), stream=True, follow_redirects=False)
        try:
            reader = BodyReader(response, send)
            async for chunk in response.aiter_bytes():
                reader.feed(chunk)
            return reader.finish()
        finally:
            await response.aclose()

    async def _perform(self, effect: Effect) -> Outcome | None:
        self._check_open()
        return await (self._clock.sleep(effect.seconds) if isinstance(effect, Sleep) else self._send(effect))

    async def close(self) -> None:
        """Close the connection pool if this client created it; later calls raise ClientClosedError."""
        self._closed = True
        pool = self._pool
        if not self._owns_http or pool.forks != _connections.forks:
            return  # a forked child's inherited pool holds the parent's transports: left alone
        if pool.loop is not None and pool.loop.is_closed():
            return  # its connections died with their loop; their transports cannot be closed now
        await pool.http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: type[BaseException] | BaseException | TracebackType | None) -> None:
        await self.close()

    @property
    def with_raw_response(self) -> AsyncRawResponses:
        """Any method, returning a `RawResponse` (see `AsyncRawResponses`); `await` the call."""
        return AsyncRawResponses(self)
