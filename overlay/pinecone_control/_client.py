"""The synchronous client: runs the shared programs with `httpx.Client` and `time.sleep`."""

from __future__ import annotations

import time
from _queue import SimpleQueue  # what `queue.SimpleQueue` is, without `queue`'s imports at cold start
from types import TracebackType
from typing import Self, TypeVar

import httpx
from pinecone_control_api._facade import SyncOperations
from pinecone_control_api._surface import SyncConveniences

from . import _connections
from ._base_client import (
    BaseClient,
    _BorrowedTransport,
)
from ._clock import Clock, SystemClock
from ._effects import Effect, Outcome, Program, Send, Sleep, Steps
from ._network import end_attempt, make_transport, start_attempt
from ._raw import RawResponses
from ._reading import BodyReader, BodyTooLarge

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

    # The pool is built by BaseClient with these: an httpx.Client around a borrowed or our own transport.
    _httpx = httpx.Client
    _borrowed = _BorrowedTransport
    _own_transport = staticmethod(make_transport)

    # -- the driver: performs the programs' effects with httpx.Client and a blocking sleep --------

    def _run(self, program: Program[T]) -> T:
        with Steps(program) as steps:
            while (effect := steps.next()) is not None:
                steps.answer(self._perform(effect))
        return steps.value

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
        except (BodyTooLarge, httpx.RequestError, RuntimeError) as exc:
            return self._attempt_failed(exc)
        finally:
            end_attempt(deadline)
            limiter.put(None)

    def _perform(self, effect: Effect) -> Outcome | None:
        self._check_open()
        if isinstance(effect, Sleep):
            return self._clock.sleep(effect.seconds)  # type: ignore[func-returns-value]  # None, as it should
        return self._send(effect)

    def close(self) -> None:
        """Close the connection pool if this client created it; later calls raise ClientClosedError."""
        self._closed = True
        if self._owns_http:
            self._pool.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    @property
    def with_raw_response(self) -> RawResponses:
        """Any method, returning a `RawResponse` (see `RawResponses`)."""
        return RawResponses(self)
