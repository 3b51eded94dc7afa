"""The synchronous client: runs the shared programs with `httpx.Client` and `time.sleep`."""

from __future__ import annotations

import ssl
import time
from _queue import SimpleQueue  # what `queue.SimpleQueue` is, without `queue`'s imports at cold start
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx
from pinecone_control_api._facade import CallOptions, SyncOperations
from pinecone_control_api._surface import SyncConveniences

from . import _connections
from ._base_client import (
    DEFAULT_LIMITS,
    BaseClient,
    _BorrowedTransport,
)
from ._clock import Clock, SystemClock
from ._effects import Outcome, Program, Send, Sleep
from ._errors import ClientClosedError
from ._lazy import lazy_module
from ._network import end_attempt, make_transport, start_attempt
from ._reading import BodyReader, BodyTooLarge

if TYPE_CHECKING:
    from . import _flows as run
    from ._raw import RawResponses
else:
    run = lazy_module("pinecone_control._flows")  # the operations load at the first request

T = TypeVar("T")


class _SystemClock(SystemClock):
    def sleep(self, seconds: float) -> None:
        _sleep(seconds)


_sleep = time.sleep  # module-level so tests can observe backoff without waiting


class Client(BaseClient[httpx.Client, httpx.BaseTransport, Clock], SyncOperations, SyncConveniences):
    """Pinecone control-plane client (API 2024-07); see `BaseClient` for the constructor."""

    def _default_clock(self) -> Clock:
        return _SystemClock()

    def _new_limiter(self, size: int) -> SimpleQueue[None]:
        # One token per slot in a C-level queue: a call takes one (waiting while none is left) and
        # puts it back; ~0.1 us against ~1.5 us for threading.BoundedSemaphore's Python Condition.
        slots: SimpleQueue[None] = SimpleQueue()
        for _ in range(size):
            slots.put(None)
        return slots

    def _make_http(
        self,
        transport: httpx.BaseTransport | None,
        context: ssl.SSLContext | None,
        proxy: httpx.Proxy | None,
        loopback_only: bool,
        kwargs: dict[str, Any],
    ) -> httpx.Client:
        if transport is not None:
            return httpx.Client(transport=_BorrowedTransport(transport), **kwargs)
        assert context is not None  # built by BaseClient whenever no transport is given
        own = make_transport(context=context, limits=DEFAULT_LIMITS, proxy=proxy, loopback_only=loopback_only)
        return httpx.Client(transport=own, **kwargs)

    # -- plumbing -------------------------------------------------------------------------------

    def _run(self, program: Program[T]) -> T:
        try:
            effect = next(program)
            while True:
                result: Outcome | None
                self._check_open()
                if isinstance(effect, Sleep):
                    self._clock.sleep(effect.seconds)
                    result = None
                else:
                    result = self._send(effect)
                effect = program.send(result)
        except StopIteration as stop:
            value: T = stop.value
            return value
        finally:
            program.close()

    def _send(self, send: Send) -> Outcome:
        pool = self._pool
        if pool.forks != _connections.forks:
            pool.renew_after_fork()  # never a socket the parent process also reads from
        limiter = pool.limiter
        limiter.get()
        deadline = start_attempt(send.budget)
        try:
            response = pool.http.send(self._build_request(send), stream=True, follow_redirects=False)
            try:
                reader = BodyReader(response, send)
                for chunk in response.iter_bytes():
                    reader.feed(chunk)
                return reader.finish()
            finally:
                response.close()
        except BodyTooLarge as big:
            return big.outcome
        except httpx.RequestError as exc:
            return exc
        except RuntimeError as exc:  # httpx: "the client has been closed"
            self._check_open()
            raise ClientClosedError(f"{type(self).__name__} could not send: {exc}") from exc
        finally:
            end_attempt(deadline)
            limiter.put(None)

    def close(self) -> None:
        """Close the connection pool if this client created it; later calls raise ClientClosedError."""
        self._closed = True
        if self._owns_http:
            self._pool.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def with_raw_response(self) -> RawResponses:
        """Any method, returning a `RawResponse` (status, headers, request id, attempts, elapsed;
        `.parse()` for the result): `pc.with_raw_response.describe_index("x")`, or typed for mypy,
        `pc.with_raw_response(pc.describe_index)("x")`."""
        from ._raw import RawResponses

        return RawResponses(self)

    # -- every operation of the spec (the generated facade's methods) and the conveniences --------

    def _invoke(self, operation: str, arguments: dict[str, Any], options: CallOptions) -> Any:
        return self._run(self._invocation(operation, arguments, options))

    def _convene(
        self,
        method: str,
        action: str,
        operation: str,
        arguments: dict[str, Any],
        options: CallOptions,
        apply: bool = False,
    ) -> Any:
        return self._run(self._convenience(method, action, operation, arguments, options, apply))
