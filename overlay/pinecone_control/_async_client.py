"""The asynchronous client: runs the shared programs with `httpx.AsyncClient` and `asyncio.sleep`."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Never, Self, TypeVar, cast

import httpx
from pinecone_control_api._facade import AsyncOperations, CallOptions

from . import _connections
from ._base_client import (
    DEFAULT_LIMITS,
    NOT_GIVEN,
    BaseClient,
    TimeoutArg,
    _BorrowedAsyncTransport,
)
from ._clock import AsyncClock, AsyncSystemClock
from ._config import _Unset
from ._connections import borrowed_loop_error
from ._effects import Outcome, Program, Send, Sleep
from ._errors import ClientClosedError
from ._lazy import lazy_module
from ._network import end_attempt, make_async_transport, start_attempt
from ._reading import BodyReader, BodyTooLarge
from ._waiting import ProgressCallback

if TYPE_CHECKING:
    from pinecone_control_api.models import (
        CollectionModel,
        CreateIndexRequestMetric,
        DeletionProtection,
        IndexModel,
        IndexModelSpec,
        IndexSpec,
        PodSpec,
        ServerlessSpec,
    )

    from . import _flows as run
    from ._models import CollectionList, IndexList
    from ._raw import AsyncRawResponses
else:
    run = lazy_module("pinecone_control._flows")  # the operations load at the first request

T = TypeVar("T")


class _SystemClock(AsyncSystemClock):
    async def sleep(self, seconds: float) -> None:
        await _sleep(seconds)


_sleep = asyncio.sleep  # module-level so tests can observe backoff without waiting


class AsyncClient(BaseClient[httpx.AsyncClient, httpx.AsyncBaseTransport, AsyncClock], AsyncOperations):
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

    def with_options(
        self,
        *,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | _Unset = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        total_timeout: float | _Unset | None = NOT_GIVEN,
    ) -> Self:
        """A client with other options sharing this one's connection pool; this one is unchanged.

        Args:
            timeout: per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: retry budget per call.
            extra_headers: headers added to every request (printable ASCII).
            total_timeout: time budget per call, retries included (None: no budget).
        """
        return self._derive(timeout, max_retries, extra_headers, total_timeout)

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

    # -- every operation of the spec: the generated facade's methods call this ---------------------

    async def _invoke(self, operation: str, arguments: dict[str, Any], options: CallOptions) -> Any:
        call_options = self._call_options(options.timeout, options.max_retries, options.total_timeout)
        progress = cast("ProgressCallback | None", options.on_progress)
        program = run.invoke(
            call_options, operation, arguments, options.wait_timeout, progress, missing_ok=options.missing_ok
        )
        return await self._run(program)

    # -- conveniences: list helpers, existence, standalone waits ----------------------------------

    async def list_indexes(
        self,
        *,
        timeout: float | httpx.Timeout | _Unset | None = NOT_GIVEN,
        max_retries: int | _Unset = NOT_GIVEN,
        total_timeout: float | _Unset | None = NOT_GIVEN,
    ) -> IndexList:
        result = await super().list_indexes(timeout=timeout, max_retries=max_retries, total_timeout=total_timeout)
        return cast("IndexList", result)

    async def list_collections(
        self,
        *,
        timeout: float | httpx.Timeout | _Unset | None = NOT_GIVEN,
        max_retries: int | _Unset = NOT_GIVEN,
        total_timeout: float | _Unset | None = NOT_GIVEN,
    ) -> CollectionList:
        result = await super().list_collections(timeout=timeout, max_retries=max_retries, total_timeout=total_timeout)
        return cast("CollectionList", result)

    async def has_index(
        self, name: str, *, timeout: TimeoutArg = NOT_GIVEN, max_retries: int | _Unset = NOT_GIVEN
    ) -> bool:
        """True if the index exists: one describe, 404 means False.

        Args:
            name: the index's name.
            timeout: this call's per-attempt timeout (seconds or an httpx.Timeout).
            max_retries: this call's retry budget.
        """
        return await self._run(self._has_index(name, timeout, max_retries))

    async def wait_for_index_ready(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> IndexModel:
        """Wait until the index is Ready; its first describe happens at once.

        Args:
            name: the index's name.
            wait_timeout: seconds to wait at most (None: no deadline); then WaitTimeoutError.
            on_progress: called with a WaitProgress after every poll.
            timeout: not a wait's option: passing it raises TypeError naming `wait_timeout`.
        """
        program = self._wait_for("wait_for_index_ready", name, wait_timeout, on_progress, timeout)
        return cast("IndexModel", await self._run(program))

    async def wait_for_index_deleted(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> None:
        """Wait until describing the index answers 404; its first describe happens at once.

        Args:
            name: the index's name.
            wait_timeout: seconds to wait at most (None: no deadline); then WaitTimeoutError.
            on_progress: called with a WaitProgress after every poll.
            timeout: not a wait's option: passing it raises TypeError naming `wait_timeout`.
        """
        await self._run(self._wait_for("wait_for_index_deleted", name, wait_timeout, on_progress, timeout))

    async def wait_for_collection_ready(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> CollectionModel:
        """Wait until the collection is Ready; its first describe happens at once.

        Args:
            name: the collection's name.
            wait_timeout: seconds to wait at most (None: no deadline); then WaitTimeoutError.
            on_progress: called with a WaitProgress after every poll.
            timeout: not a wait's option: passing it raises TypeError naming `wait_timeout`.
        """
        program = self._wait_for("wait_for_collection_ready", name, wait_timeout, on_progress, timeout)
        return cast("CollectionModel", await self._run(program))

    async def wait_for_collection_deleted(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> None:
        """Wait until describing the collection answers 404; its first describe happens at once.

        Args:
            name: the collection's name.
            wait_timeout: seconds to wait at most (None: no deadline); then WaitTimeoutError.
            on_progress: called with a WaitProgress after every poll.
            timeout: not a wait's option: passing it raises TypeError naming `wait_timeout`.
        """
        await self._run(self._wait_for("wait_for_collection_deleted", name, wait_timeout, on_progress, timeout))

    # -- idempotent provisioning (`_provisioning`) --------------------------------------------------

    async def ensure_index(
        self,
        name: str,
        dimension: int,
        spec: IndexSpec | IndexModelSpec | ServerlessSpec | PodSpec | Mapping[str, Any],
        *,
        metric: CreateIndexRequestMetric | str | None = None,
        deletion_protection: DeletionProtection | str | None = None,
        apply: bool = False,
        wait_timeout: float | None = 0,
        on_progress: ProgressCallback | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | _Unset = NOT_GIVEN,
        total_timeout: float | _Unset | None = NOT_GIVEN,
    ) -> IndexModel:
        """Create the index if it is missing; if it exists, return it when its configuration matches.

        Safe to run again and again: describes first, creates when missing (settling a create whose
        answer was lost by describing, and comparing when someone else created it meanwhile).

        Args:
            name: the index's name (as `create_index`).
            dimension: the vectors' dimension (as `create_index`).
            spec: the deployment spec (as `create_index`), or the `spec` a describe returns.
            metric: as `create_index`; left out, the spec's server default is expected.
            deletion_protection: as `create_index`; left out, the spec's server default is expected.
            apply: when the index differs only in what `configure_index` can change, change it
                (and return the configured index) instead of raising.
            wait_timeout: seconds to wait until the index is ready: 0 returns at once, None waits
                without a deadline. An index found Terminating is waited out first (until describe
                answers 404, then it is created), within this deadline, or with 0 within
                `total_timeout`.
            on_progress: called with each poll's progress while waiting.
            timeout: per-attempt timeout of each request (seconds or an httpx.Timeout).
            max_retries: retry budget of each request.
            total_timeout: time budget of each request, retries included.

        Raises:
            ConfigurationDriftError: it exists with another configuration (`.differences`).
            IndexInitializationFailedError: it exists in a failure state (InitializationFailed).
            WaitTimeoutError: it was still Terminating (or not ready) at the deadline.
            UnexpectedTerminationError: it was deleted again while this call created it.
        """
        arguments = {
            "name": name,
            "dimension": dimension,
            "spec": spec,
            "metric": metric,
            "deletion_protection": deletion_protection,
        }
        program = self._ensure(
            "create_index", arguments, apply, wait_timeout, on_progress, timeout, max_retries, total_timeout
        )
        return cast("IndexModel", await self._run(program))

    async def ensure_collection(
        self,
        name: str,
        source: str,
        *,
        wait_timeout: float | None = 0,
        on_progress: ProgressCallback | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | _Unset = NOT_GIVEN,
        total_timeout: float | _Unset | None = NOT_GIVEN,
    ) -> CollectionModel:
        """Create the collection if it is missing; if it exists, return it.

        As `ensure_index`; a collection's description does not show its source index, so only
        what it shows is compared.

        Args:
            name: the collection's name (as `create_collection`).
            source: the pod-based index to copy (as `create_collection`).
            wait_timeout: seconds to wait until the collection is ready: 0 returns at once, None
                waits without a deadline. A collection found Terminating is waited out first, as in
                `ensure_index`.
            on_progress: called with each poll's progress while waiting.
            timeout: per-attempt timeout of each request (seconds or an httpx.Timeout).
            max_retries: retry budget of each request.
            total_timeout: time budget of each request, retries included.

        Raises:
            ConfigurationDriftError: it exists with another configuration (`.differences`).
            WaitTimeoutError: it was still Terminating (or not ready) at the deadline.
            UnexpectedTerminationError: it was deleted again while this call created it.
        """
        arguments = {"name": name, "source": source}
        program = self._ensure(
            "create_collection", arguments, False, wait_timeout, on_progress, timeout, max_retries, total_timeout
        )
        return cast("CollectionModel", await self._run(program))


# The list operations keep the spec's documentation; only their return type is narrowed.
AsyncClient.list_indexes.__doc__ = AsyncOperations.list_indexes.__doc__
AsyncClient.list_collections.__doc__ = AsyncOperations.list_collections.__doc__
