"""Every public operation as one program, shared by `Client` and `AsyncClient` (see `_program`)."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import httpx
from pinecone_control_api.models import (
    CollectionModel,
    CreateIndexRequestMetric,
    DeletionProtection,
    EmbeddingsList,
    IndexModel,
)

from . import _operations as ops
from . import _waiting as waiting
from ._config import ClientOptions, redact_headers
from ._errors import NotFoundError
from ._logging import logger
from ._models import CollectionList, IndexList
from ._polling import ProgressCallback
from ._program import Outcome, Program, Send, Sleep
from ._response import result_of
from ._validation import finite_or_none
from ._waiting import GONE, Seen

T = TypeVar("T")


def request(call: ops.Call[T], options: ClientOptions) -> Program[T]:
    """Send `call`, retrying as `options.retry` allows, and return its parsed result."""
    operation = call.operation
    method = str(call.kwargs["method"]).upper()
    url = options.host + str(call.kwargs["url"])
    headers = {**options.headers(), **call.kwargs.get("headers", {})}
    send = Send(method, url, headers, call.kwargs.get("json"), options.timeout)
    if logger.isEnabledFor(10):
        logger.debug("%s: %s %s headers=%s", operation.name, method, url, redact_headers(headers))
    retries = 0
    while True:
        started = time.monotonic()
        outcome: Outcome = yield send
        elapsed_ms = (time.monotonic() - started) * 1000
        delay = options.retry.delay_before_retry(idempotent=operation.idempotent, retries_done=retries, outcome=outcome)
        _log_attempt(operation.name, method, url, outcome, elapsed_ms, retries, delay)
        if delay is None:
            return result_of(call, outcome, method, url)
        retries += 1
        yield Sleep(delay)


def _log_attempt(
    name: str, method: str, url: str, outcome: Outcome, elapsed_ms: float, retries: int, delay: float | None
) -> None:
    if isinstance(outcome, httpx.Response):
        status = str(outcome.status_code)
        request_id = outcome.headers.get("x-pinecone-request-id")
    else:
        status, request_id = type(outcome).__name__, None
    logger.debug(
        "%s: %s %s -> %s in %.1f ms (attempt %d, request id %s)",
        name,
        method,
        url,
        status,
        elapsed_ms,
        retries + 1,
        request_id,
    )
    if delay is not None:
        logger.info("%s: %s, retrying in %.2fs (retry %d)", name, status, delay, retries + 1)


def _describe_or_gone(kind: str, name: str, options: ClientOptions) -> Program[Seen]:
    try:
        if kind == "index":
            return (yield from request(ops.describe_index(name), options))
        return (yield from request(ops.describe_collection(name), options))
    except NotFoundError:
        return GONE


def _wait(
    goal: waiting.Goal,
    name: str,
    seconds: float | None,
    options: ClientOptions,
    on_progress: ProgressCallback | None,
    *,
    immediate: bool = False,
) -> Program[Seen]:
    """Drive a wait plan: sleep as it says, describe, feed it the result, until it returns."""
    plan = waiting.plan(goal, name, seconds, options.poll, on_progress, immediate=immediate)
    try:
        delay = next(plan)
        while True:
            if delay > 0:
                yield Sleep(delay)
            seen = yield from _describe_or_gone(goal.kind, name, options)
            delay = plan.send(seen)
    except StopIteration as stop:
        result: Seen = stop.value
        return result
    finally:
        plan.close()


def _wants_wait(wait_timeout: float | None) -> bool:
    """None waits without a deadline; zero or negative returns at once."""
    return wait_timeout is None or wait_timeout > 0


def _then_wait(
    call: ops.Call[Any],
    goal: waiting.Goal,
    name: str,
    wait_timeout: float | None,
    options: ClientOptions,
    on_progress: ProgressCallback | None,
) -> Program[Any]:
    """Send a create, configure or delete; then, if asked, wait until `goal` holds (unless the
    answer already shows it). The result is the answer, or the last model the wait saw."""
    seconds = finite_or_none(wait_timeout, "wait_timeout")
    answer = yield from request(call, options)
    if not _wants_wait(seconds) or (answer is not None and goal.done(answer)):
        return answer
    return (yield from _wait(goal, name, seconds, options, on_progress))


def _index(seen: Seen) -> IndexModel:
    assert isinstance(seen, IndexModel)
    return seen


def _collection(seen: Seen) -> CollectionModel:
    assert isinstance(seen, CollectionModel)
    return seen


def list_indexes(options: ClientOptions) -> Program[IndexList]:
    return (yield from request(ops.list_indexes(), options))


def create_index(
    options: ClientOptions,
    name: str,
    dimension: int,
    spec: object,
    metric: str | CreateIndexRequestMetric | None,
    deletion_protection: str | DeletionProtection | None,
    wait_timeout: float | None,
    on_progress: ProgressCallback | None,
) -> Program[IndexModel]:
    call = ops.create_index(name, dimension, spec, metric, deletion_protection)
    return _index((yield from _then_wait(call, waiting.INDEX_READY, name, wait_timeout, options, on_progress)))


def describe_index(options: ClientOptions, name: str) -> Program[IndexModel]:
    return (yield from request(ops.describe_index(name), options))


def has_index(options: ClientOptions, name: str) -> Program[bool]:
    try:
        yield from request(ops.describe_index(name), options)
    except NotFoundError:
        return False
    return True


def delete_index(
    options: ClientOptions, name: str, wait_timeout: float | None, on_progress: ProgressCallback | None
) -> Program[None]:
    yield from _then_wait(ops.delete_index(name), waiting.INDEX_DELETED, name, wait_timeout, options, on_progress)


def configure_index(
    options: ClientOptions,
    name: str,
    replicas: int | None,
    pod_type: str | None,
    deletion_protection: str | DeletionProtection | None,
    wait_timeout: float | None,
    on_progress: ProgressCallback | None,
) -> Program[IndexModel]:
    call = ops.configure_index(name, replicas, pod_type, deletion_protection)
    protection = None if deletion_protection is None else str(deletion_protection)
    goal = waiting.index_configured(replicas, pod_type, protection)
    return _index((yield from _then_wait(call, goal, name, wait_timeout, options, on_progress)))


def list_collections(options: ClientOptions) -> Program[CollectionList]:
    return (yield from request(ops.list_collections(), options))


def create_collection(
    options: ClientOptions, name: str, source: str, wait_timeout: float | None, on_progress: ProgressCallback | None
) -> Program[CollectionModel]:
    call = ops.create_collection(name, source)
    return _collection(
        (yield from _then_wait(call, waiting.COLLECTION_READY, name, wait_timeout, options, on_progress))
    )


def describe_collection(options: ClientOptions, name: str) -> Program[CollectionModel]:
    return (yield from request(ops.describe_collection(name), options))


def delete_collection(
    options: ClientOptions, name: str, wait_timeout: float | None, on_progress: ProgressCallback | None
) -> Program[None]:
    yield from _then_wait(
        ops.delete_collection(name), waiting.COLLECTION_DELETED, name, wait_timeout, options, on_progress
    )


def embed(
    options: ClientOptions,
    model: str,
    inputs: Sequence[str | Mapping[str, str]],
    input_type: str | None,
    truncate: str | None,
) -> Program[EmbeddingsList]:
    return (yield from request(ops.embed(model, inputs, input_type, truncate), options))


def wait_for(
    options: ClientOptions,
    goal: waiting.Goal,
    name: str,
    wait_timeout: float | None,
    on_progress: ProgressCallback | None,
) -> Program[Seen]:
    """A standalone wait; its first describe happens at once."""
    seconds = finite_or_none(wait_timeout, "wait_timeout")
    return (yield from _wait(goal, name, seconds, options, on_progress, immediate=True))


def wait_for_index_deleted(
    options: ClientOptions, name: str, wait_timeout: float | None, on_progress: ProgressCallback | None
) -> Program[None]:
    yield from wait_for(options, waiting.INDEX_DELETED, name, wait_timeout, on_progress)


def wait_for_collection_deleted(
    options: ClientOptions, name: str, wait_timeout: float | None, on_progress: ProgressCallback | None
) -> Program[None]:
    yield from wait_for(options, waiting.COLLECTION_DELETED, name, wait_timeout, on_progress)


def wait_for_index_ready(
    options: ClientOptions, name: str, wait_timeout: float | None, on_progress: ProgressCallback | None
) -> Program[IndexModel]:
    return _index((yield from wait_for(options, waiting.INDEX_READY, name, wait_timeout, on_progress)))


def wait_for_collection_ready(
    options: ClientOptions, name: str, wait_timeout: float | None, on_progress: ProgressCallback | None
) -> Program[CollectionModel]:
    return _collection((yield from wait_for(options, waiting.COLLECTION_READY, name, wait_timeout, on_progress)))
