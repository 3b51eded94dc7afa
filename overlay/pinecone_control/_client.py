"""The synchronous client: runs the shared programs with `httpx.Client` and `time.sleep`."""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Never, Self, TypeVar

import httpx

from ._base_client import (
    DEFAULT_LIMITS,
    NOT_GIVEN,
    BaseClient,
    TimeoutArg,
    _BorrowedTransport,
    reject_wait_timeout_misnamed,
)
from ._clock import Clock, SystemClock
from ._config import _Unset
from ._errors import ClientClosedError
from ._lazy import lazy_module
from ._network import attempt_deadline, make_transport
from ._polling import ProgressCallback
from ._program import Outcome, Program, Send, Sleep
from ._reading import BodyReader, BodyTooLarge

if TYPE_CHECKING:
    from pinecone_control_api.models import (
        CollectionModel,
        CreateIndexRequestMetric,
        DeletionProtection,
        EmbeddingsList,
        IndexModel,
    )

    from . import _programs as run
    from ._models import CollectionList, IndexList
    from ._specs import SpecLike
else:
    run = lazy_module("pinecone_control._programs")  # the operations load at the first request

T = TypeVar("T")


class _SystemClock(SystemClock):
    def sleep(self, seconds: float) -> None:
        _sleep(seconds)


_sleep = time.sleep  # module-level so tests can observe backoff without waiting


class Client(BaseClient[httpx.Client, httpx.BaseTransport, Clock]):
    """Pinecone control-plane client (API 2024-07); see `BaseClient` for the constructor."""

    def _default_clock(self) -> Clock:
        return _SystemClock()

    def _new_limiter(self, size: int) -> threading.BoundedSemaphore:
        return threading.BoundedSemaphore(size)

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
        with self._limiter, attempt_deadline(send.budget):
            try:
                with self._http.stream(
                    send.method,
                    send.url,
                    headers=send.headers,
                    content=send.content,
                    timeout=send.timeout,
                    follow_redirects=False,
                ) as response:
                    reader = BodyReader(response, send)
                    for chunk in response.iter_bytes():
                        reader.feed(chunk)
                    return reader.finish()
            except BodyTooLarge as big:
                return big.outcome
            except httpx.RequestError as exc:
                return exc
            except RuntimeError as exc:  # httpx: "the client has been closed"
                self._check_open()
                raise ClientClosedError(f"{type(self).__name__} could not send: {exc}") from exc

    def with_options(
        self,
        *,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | _Unset = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        total_timeout: float | _Unset | None = NOT_GIVEN,
    ) -> Self:
        """A client with other options sharing this one's connection pool; this one is unchanged."""
        return self._derive(timeout, max_retries, extra_headers, total_timeout)

    def close(self) -> None:
        """Close the connection pool if this client created it; later calls raise ClientClosedError."""
        self._closed = True
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- indexes --------------------------------------------------------------------------------

    def list_indexes(self, *, timeout: TimeoutArg = NOT_GIVEN, max_retries: int | _Unset = NOT_GIVEN) -> IndexList:
        """Every index in the project (`.names()`, `len()`, iteration)."""
        return self._run(run.list_indexes(self._call_options(timeout, max_retries)))

    def create_index(
        self,
        name: str,
        dimension: int,
        spec: SpecLike,
        metric: str | CreateIndexRequestMetric | None = None,
        *,
        deletion_protection: str | DeletionProtection | None = None,
        wait_timeout: float | None = 0,
        on_progress: ProgressCallback | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | _Unset = NOT_GIVEN,
    ) -> IndexModel:
        """Create an index; with `wait_timeout` (seconds, None = no limit) wait until it is Ready."""
        options = self._call_options(timeout, max_retries)
        return self._run(
            run.create_index(options, name, dimension, spec, metric, deletion_protection, wait_timeout, on_progress)
        )

    def describe_index(
        self, name: str, *, timeout: TimeoutArg = NOT_GIVEN, max_retries: int | _Unset = NOT_GIVEN
    ) -> IndexModel:
        """One index by name; `NotFoundError` if there is none."""
        return self._run(run.describe_index(self._call_options(timeout, max_retries), name))

    def has_index(self, name: str, *, timeout: TimeoutArg = NOT_GIVEN, max_retries: int | _Unset = NOT_GIVEN) -> bool:
        """True if the index exists: one describe, 404 means False."""
        return self._run(run.has_index(self._call_options(timeout, max_retries), name))

    def delete_index(
        self,
        name: str,
        *,
        wait_timeout: float | None = 0,
        on_progress: ProgressCallback | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | _Unset = NOT_GIVEN,
    ) -> None:
        """Delete an index; with `wait_timeout`, wait until describe answers 404."""
        options = self._call_options(timeout, max_retries)
        self._run(run.delete_index(options, name, wait_timeout, on_progress))

    def configure_index(
        self,
        name: str,
        *,
        replicas: int | None = None,
        pod_type: str | None = None,
        deletion_protection: str | DeletionProtection | None = None,
        wait_timeout: float | None = 0,
        on_progress: ProgressCallback | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | _Unset = NOT_GIVEN,
    ) -> IndexModel:
        """Change only what is passed; with `wait_timeout`, wait until the change has settled."""
        options = self._call_options(timeout, max_retries)
        return self._run(
            run.configure_index(options, name, replicas, pod_type, deletion_protection, wait_timeout, on_progress)
        )

    def wait_for_index_ready(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> IndexModel:
        """Wait until the index is Ready; `wait_timeout` seconds at most (None, the default: no deadline)."""
        reject_wait_timeout_misnamed("wait_for_index_ready", timeout)
        return self._run(run.wait_for_index_ready(self._options, name, wait_timeout, on_progress))

    def wait_for_index_deleted(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> None:
        """Wait until describe answers 404 for the index; `wait_timeout` seconds at most (None: no deadline)."""
        reject_wait_timeout_misnamed("wait_for_index_deleted", timeout)
        self._run(run.wait_for_index_deleted(self._options, name, wait_timeout, on_progress))

    # -- collections ----------------------------------------------------------------------------

    def list_collections(
        self, *, timeout: TimeoutArg = NOT_GIVEN, max_retries: int | _Unset = NOT_GIVEN
    ) -> CollectionList:
        """Every collection in the project (`.names()`, `len()`, iteration)."""
        return self._run(run.list_collections(self._call_options(timeout, max_retries)))

    def create_collection(
        self,
        name: str,
        source: str,
        *,
        wait_timeout: float | None = 0,
        on_progress: ProgressCallback | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | _Unset = NOT_GIVEN,
    ) -> CollectionModel:
        """Create a collection from a pod-based index; with `wait_timeout`, wait until it is Ready."""
        options = self._call_options(timeout, max_retries)
        return self._run(run.create_collection(options, name, source, wait_timeout, on_progress))

    def describe_collection(
        self, name: str, *, timeout: TimeoutArg = NOT_GIVEN, max_retries: int | _Unset = NOT_GIVEN
    ) -> CollectionModel:
        """One collection by name; `NotFoundError` if there is none."""
        return self._run(run.describe_collection(self._call_options(timeout, max_retries), name))

    def delete_collection(
        self,
        name: str,
        *,
        wait_timeout: float | None = 0,
        on_progress: ProgressCallback | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | _Unset = NOT_GIVEN,
    ) -> None:
        """Delete a collection; with `wait_timeout`, wait until describe answers 404."""
        options = self._call_options(timeout, max_retries)
        self._run(run.delete_collection(options, name, wait_timeout, on_progress))

    def wait_for_collection_ready(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> CollectionModel:
        """Wait until the collection is Ready; `wait_timeout` seconds at most (None, the default: no deadline)."""
        reject_wait_timeout_misnamed("wait_for_collection_ready", timeout)
        return self._run(run.wait_for_collection_ready(self._options, name, wait_timeout, on_progress))

    def wait_for_collection_deleted(
        self,
        name: str,
        *,
        wait_timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
        timeout: Never = NOT_GIVEN,
    ) -> None:
        """Wait until the collection is gone (404); `wait_timeout` seconds at most (None: no deadline)."""
        reject_wait_timeout_misnamed("wait_for_collection_deleted", timeout)
        self._run(run.wait_for_collection_deleted(self._options, name, wait_timeout, on_progress))

    # -- inference ------------------------------------------------------------------------------

    def embed(
        self,
        model: str,
        inputs: Sequence[str | Mapping[str, str]],
        *,
        input_type: str | None = None,
        truncate: str | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | _Unset = NOT_GIVEN,
    ) -> EmbeddingsList:
        """Embed texts with a hosted model, e.g. `embed("multilingual-e5-large", ["hi"], input_type="query")`."""
        options = self._call_options(timeout, max_retries)
        return self._run(run.embed(options, model, inputs, input_type, truncate))
