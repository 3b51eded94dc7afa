"""The asynchronous client: runs the shared programs with `httpx.AsyncClient` and `asyncio.sleep`."""

from __future__ import annotations

import asyncio
import ssl
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx
from pinecone_control_api._facade import AsyncOperations, CallOptions
from pinecone_control_api._surface import AsyncConveniences

from . import _connections
from ._base_client import (
    DEFAULT_LIMITS,
    BaseClient,
    _BorrowedAsyncTransport,
)
from ._clock import AsyncClock, AsyncSystemClock
from ._connections import borrowed_loop_error
from ._effects import Outcome, Program, Send, Sleep
from ._errors import ClientClosedError
from ._lazy import lazy_module
from ._network import end_attempt, make_async_transport, start_attempt
from ._reading import BodyReader, BodyTooLarge

if TYPE_CHECKING:
    from . import _flows as run
    from ._raw import AsyncRawResponses
else:
    run = lazy_module("pinecone_control._flows")  # the operations load at the first request

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

    def _make_http(
        self,
        transport: httpx.AsyncBaseTransport | None,
        context: ssl.SSLContext | None,
        proxy: httpx.Proxy | None,
        loopback_only: bool,
        kwargs: dict[str, Any],
    ) -> httpx.AsyncClient:
        if transport is not None:
            return httpx.AsyncClient(transport=_BorrowedAsyncTransport(transport), **kwargs)
        assert context is not None  # built by BaseClient whenever no transport is given
        own = make_async_transport(context=context, limits=DEFAULT_LIMITS, proxy=proxy, loopback_only=loopback_only)
        return httpx.AsyncClient(transport=own, **kwargs)

    # -- plumbing -------------------------------------------------------------------------------

    async def _run(self, program: Program[T]) -> T:
        try:
            effect = next(program)
            while True:
                result: Outcome | None
                self._check_open()
                if isinstance(effect, Sleep):
                    await self._clock.sleep(effect.seconds)
                    result = None
                else:
                    result = await self._send(effect)
                effect = program.send(result)
        except StopIteration as stop:
            value: T = stop.value
            return value
        finally:
            program.close()

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
            except TimeoutError:
                return httpx.ReadTimeout("the attempt's total deadline passed")
            except BodyTooLarge as big:
                return big.outcome
            except httpx.RequestError as exc:
                return exc
            except RuntimeError as exc:  # httpx: "the client has been closed", or a dead loop's connection
                self._check_open()
                if pool.borrowed and "event loop" in str(exc).lower():
                    raise borrowed_loop_error() from exc
                raise ClientClosedError(f"{type(self).__name__} could not send: {exc}") from exc
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

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    @property
    def with_raw_response(self) -> AsyncRawResponses:
        """Any method, returning a `RawResponse` (status, headers, request id, attempts, elapsed;
        `.parse()` for the result): `pc.with_raw_response.describe_index("x")`, or typed for mypy,
        `pc.with_raw_response(pc.describe_index)("x")`."""
        from ._raw import AsyncRawResponses

        return AsyncRawResponses(self)

    # -- every operation of the spec (the generated facade's methods) and the conveniences --------

    async def _invoke(self, operation: str, arguments: dict[str, Any], options: CallOptions) -> Any:
        return await self._run(self._invocation(operation, arguments, options))

    async def _convene(
        self,
        method: str,
        action: str,
        operation: str,
        arguments: dict[str, Any],
        options: CallOptions,
        apply: bool = False,
    ) -> Any:
        return await self._run(self._convenience(method, action, operation, arguments, options, apply))
