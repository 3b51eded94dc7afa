"""Raw responses, in openai-python's manner: `pc.with_raw_response.describe_index("x")` runs the
method as usual and returns its last HTTP answer (status, headers, request id), how many attempts
the call took and how long, with `.parse()` giving the usual result.

Any method of the client works, generated or hand-written, found by name at the call: the view
runs it on a copy of the client whose options carry a fresh `Record` (so concurrent raw calls
never share one), and reads the record afterwards. `pc.with_raw_response(pc.describe_index)` is
the same, typed precisely for mypy (`RawResponse[IndexModel]`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar

import httpx

from ._errors import PineconeError
from ._masked_http import masked_response
from ._observe import Observer, Record, request_id

if TYPE_CHECKING:
    from ._base_client import BaseClient  # not the clients: they import this module

T = TypeVar("T")
P = ParamSpec("P")
# Public methods that send nothing: they have no response to show.
_NOT_CALLS = frozenset({"close", "with_options", "with_raw_response", "options"})


class RawResponse(Generic[T]):
    """The HTTP answer behind one method call, and its parsed result.

    For a method that sends several requests (a create that waits, a standalone wait), the
    answer is the last one; `attempts` counts every attempt the call sent, retries included.

    Attributes:
        http_response: the last `httpx.Response` (its body already read); its `request` is a copy
            with `Api-Key`, `Authorization` and `Proxy-Authorization` as `<redacted>` and any URL
            password masked, so the raw response can be logged or pickled as it is.
        attempts: HTTP attempts the call sent, retries and wait polls included.
        elapsed: seconds the whole call took, on the client's clock.
    """

    __slots__ = ("_value", "attempts", "elapsed", "http_response")

    def __init__(self, http_response: httpx.Response, value: T, attempts: int, elapsed: float) -> None:
        self.http_response = http_response
        self._value = value
        self.attempts = attempts
        self.elapsed = elapsed

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The answer's `x-pinecone-request-id`: quote it in a support ticket."""
        return request_id(self.http_response.headers)

    def parse(self) -> T:
        """The method's usual result (a model, a list, a bool or None)."""
        return self._value

    def __repr__(self) -> str:
        return (
            f"<RawResponse [{self.status_code}] request_id={self.request_id!r} attempts={self.attempts} "
            f"elapsed={self.elapsed:.3f}s>"
        )


def _method(client: Any, name: str) -> Callable[..., Any]:
    if name.startswith("_") or name in _NOT_CALLS or not callable(getattr(type(client), name, None)):
        raise AttributeError(f"{type(client).__name__}.with_raw_response has no method {name!r}")
    return getattr(type(client), name)  # type: ignore[no-any-return]


def _bound_name(client: Any, method: Callable[..., Any]) -> str:
    name = getattr(method, "__name__", "")
    if getattr(method, "__self__", None) is not client:
        raise TypeError(f"with_raw_response(...) takes a method of this client, e.g. pc.describe_index; got {method!r}")
    _method(client, name)
    return name


def _finish(record: Record, value: T, elapsed: float, name: str) -> RawResponse[T]:
    if record.response is None:  # every method that returns has read an answer; say so if not
        raise PineconeError(f"{name}: no HTTP answer was recorded for a raw response")
    # A copy whose request carries no key: raw responses are made to be logged and attached to tickets.
    return RawResponse(masked_response(record.response), value, record.attempts, elapsed)


def _observing(client: Any) -> tuple[Any, Record]:
    record = Record()
    observer: Observer | None = client._options.observer
    return client._observing((observer or Observer()).recording(record)), record


class RawResponses:
    """`Client.with_raw_response`: every method of the client, returning a `RawResponse`."""

    __slots__ = ("_client",)

    def __init__(self, client: BaseClient[Any, Any, Any]) -> None:
        self._client = client

    def __call__(self, method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
        """`pc.with_raw_response(pc.describe_index)("x")`: the typed form."""
        name = _bound_name(self._client, method)
        return self._wrap(name)  # same parameters as `method`

    def __getattr__(self, name: str) -> Callable[..., RawResponse[Any]]:
        _method(self._client, name)
        return self._wrap(name)

    def _wrap(self, name: str) -> Callable[..., RawResponse[Any]]:
        client = self._client

        def call(*args: Any, **kwargs: Any) -> RawResponse[Any]:
            copy, record = _observing(client)
            start = client._clock.now()
            value = getattr(copy, name)(*args, **kwargs)
            return _finish(record, value, client._clock.now() - start, name)

        call.__name__ = call.__qualname__ = name
        call.__doc__ = getattr(type(client), name).__doc__
        return call


class AsyncRawResponses:
    """`AsyncClient.with_raw_response`: every method of the client, returning a `RawResponse`."""

    __slots__ = ("_client",)

    def __init__(self, client: BaseClient[Any, Any, Any]) -> None:
        self._client = client

    def __call__(self, method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[RawResponse[T]]]:
        """`await pc.with_raw_response(pc.describe_index)("x")`: the typed form."""
        name = _bound_name(self._client, method)
        return self._wrap(name)  # same parameters as `method`

    def __getattr__(self, name: str) -> Callable[..., Awaitable[RawResponse[Any]]]:
        _method(self._client, name)
        return self._wrap(name)

    def _wrap(self, name: str) -> Callable[..., Awaitable[RawResponse[Any]]]:
        client = self._client

        async def call(*args: Any, **kwargs: Any) -> RawResponse[Any]:
            copy, record = _observing(client)
            start = client._clock.now()
            value = await getattr(copy, name)(*args, **kwargs)
            return _finish(record, value, client._clock.now() - start, name)

        call.__name__ = call.__qualname__ = name
        call.__doc__ = getattr(type(client), name).__doc__
        return call
