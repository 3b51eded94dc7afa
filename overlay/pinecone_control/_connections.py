"""The connection pool a client shares with the clients derived from it, and who may use it.

Two users may not use a pool's connections:

- **A forked child.** It inherits the parent's keep-alive sockets; a request it sends on one reads
  an answer meant for the parent (`describe_index('parent-0')` returned `child1-0`, no error). So
  a process counts its forks (`os.register_at_fork`), and a pool made before the last fork is
  replaced in the child before its first attempt there: a new httpx client, a new limiter (tokens
  held by the parent's other threads do not exist in the child). The inherited sync pool is closed
  (closing a socket sends nothing while the parent still holds it); the async one is dropped, its
  transports belong to the parent's loop. A pool built on the caller's own `http_client` cannot be
  replaced: `ForkedClientError`.
- **Another event loop** (async). A pool's sockets and its limiter belong to the loop that first
  used them. When that loop has closed (each `asyncio.run` closes its own), nothing of it can be in
  flight and the next loop gets a fresh pool; while it is still open, a second loop is an error
  (`EventLoopMismatchError`): httpx supports neither.

The checks run on every attempt, so they cost a global read and a comparison.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from ._errors import EventLoopMismatchError, ForkedClientError

if TYPE_CHECKING:
    import asyncio  # annotations only: a sync client's cold start never imports asyncio

HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)

forks = 0
"""How many times this process's ancestry has forked since import: a pool remembers the count it
was made at, and a different count means "this is a child of the process that made it"."""


def _forked() -> None:
    global forks
    forks += 1


os.register_at_fork(after_in_child=_forked)


class Pool(Generic[HttpT]):
    """An httpx client and the limiter in front of it, shared by a client and its derived clients
    (`with_options`, raw responses), so a replacement made for one of them serves them all."""

    __slots__ = ("_new_http", "_new_limiter", "forks", "http", "limiter", "loop")

    def __init__(self, http: HttpT, new_limiter: Callable[[], Any], new_http: Callable[[], HttpT] | None) -> None:
        self.http: HttpT = http
        self.limiter: Any = new_limiter()
        self.forks = forks
        self.loop: asyncio.AbstractEventLoop | None = None  # async: the loop its connections belong to
        self._new_limiter = new_limiter
        # None: the caller's http_client, which only its owner can replace.
        self._new_http: Callable[[], HttpT] | None = new_http

    def renew_after_fork(self) -> None:
        """In a forked child: a pool of the child's own (see the module docstring)."""
        if self._new_http is None:
            raise ForkedClientError(
                "this client uses the http_client you passed, made before the process forked: its connections "
                "are the parent's, and a request on one would read the parent's answer. Create the http_client "
                "and the client in the child process (a client with its own pool renews it after a fork by itself)"
            )
        old = self.http
        self.http, self.limiter = self._new_http(), self._new_limiter()
        self.forks, self.loop = forks, None
        if isinstance(old, httpx.Client):
            old.close()  # closes the child's copies of the sockets; no bytes are sent on them

    def enter_loop(self, loop: asyncio.AbstractEventLoop) -> None:
        """`loop` starts using this (async) pool: fine if it is the first, or the last one has closed."""
        previous = self.loop
        if previous is not None and not previous.is_closed():
            raise EventLoopMismatchError(
                "this AsyncClient's connections belong to another event loop that is still running (another "
                "thread's, or a second loop at once); httpx connections cannot move between loops. Create one "
                "AsyncClient per event loop"
            )
        if previous is not None:
            # Its connections died with their loop (their transports cannot even be closed now). The
            # caller's http_client is theirs: if it kept connections, httpx says so (`borrowed_loop_error`).
            if self._new_http is not None:
                self.http = self._new_http()
            self.limiter = self._new_limiter()
        self.loop = loop

    @property
    def borrowed(self) -> bool:
        return self._new_http is None


def borrowed_loop_error() -> EventLoopMismatchError:
    """httpx's bare RuntimeError when the caller's http_client meets a loop its connections do not
    belong to ("Event loop is closed"), said with its cause."""
    return EventLoopMismatchError(
        "the http_client you passed belongs to an event loop that has closed (each asyncio.run closes its "
        "own); its connections cannot be used from this one. Create one AsyncClient (and http_client) per "
        "event loop, or let the client make its own pool, which it renews for a new loop"
    )


__all__ = ["Pool", "borrowed_loop_error", "forks"]
