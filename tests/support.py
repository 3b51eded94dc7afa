"""Call a sync or an async client the same way, so each scenario is written once."""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Callable, Coroutine
from typing import Any

import pinecone_control

_loop: asyncio.AbstractEventLoop | None = None
_loop_lock = threading.Lock()


def shared_loop() -> asyncio.AbstractEventLoop:
    """One event loop for every async client in the test session, running in a daemon thread."""
    global _loop
    with _loop_lock:
        if _loop is None:
            _loop = asyncio.new_event_loop()
            threading.Thread(target=_loop.run_forever, name="tests-event-loop", daemon=True).start()
        return _loop


class Api:
    """Wraps a `Client` or `AsyncClient`; async calls run on the shared loop, so connection pools
    (bound to their loop) survive from one call to the next."""

    def __init__(self, client: pinecone_control.Client | pinecone_control.AsyncClient) -> None:
        self.client = client
        self.is_async = isinstance(client, pinecone_control.AsyncClient)

    def run(self, value: Any) -> Any:
        if inspect.isawaitable(value):
            return asyncio.run_coroutine_threadsafe(_await(value), shared_loop()).result()
        return value

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self.client, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            return self.run(method(*args, **kwargs))

        return call

    def close(self) -> None:
        self.run(self.client.close())


def _await(awaitable: Any) -> Coroutine[Any, Any, Any]:
    async def wait() -> Any:
        return await awaitable

    return wait()
