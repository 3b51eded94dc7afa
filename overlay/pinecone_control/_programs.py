"""Every public operation as one program, shared by `Client` and `AsyncClient` (see `_program`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
from . import _secrets
from . import _waiting as waiting
from ._config import ClientOptions, redact_headers
from ._encoding import encode_body
from ._errors import APITimeoutError, NotFoundError
from ._logging import logger
from ._models import CollectionList, IndexList
from ._polling import ProgressCallback
from ._program import Outcome, Program, Send, Sleep, TooLarge
from ._response import budget_exhausted, result_of
from ._retry import outcome_unknown
from ._validation import finite_or_none
from ._waiting import GONE, Seen

T = TypeVar("T")


def request(
    call: ops.Call[T],
    options: ClientOptions,
    *,
    deadline: float | None = None,
    settle: Callable[[], Program[bool]] | None = None,
) -> Program[T]:
    """Send `call`, retrying as `options.retry` allows, and return its parsed result.

    The whole call ends by `options.total_timeout` after it starts, or by `deadline` (on the
    options' clock) if that is sooner: each attempt gets at most what is left, and a backoff or
    Retry-After wait that would run past it is not taken. An operation that is unsafe to resend
    (creates, deletes) whose outcome is unknown (a 5xx, a read timeout, a dropped connection) is
    settled with `settle` when given: True means the change went through.
    """
    operation = call.operation
    method = str(call.kwargs["method"]).upper()
    url = options.host + str(call.kwargs["url"])
    headers = {**options.headers(), **call.kwargs.get("headers", {})}
    content = encode_body(call.kwargs.get("json"), operation.name)
    now = options.now
    start = now()
    ends = _earliest(None if options.total_timeout is None else start + options.total_timeout, deadline)
    if logger.isEnabledFor(10):
        logger.debug("%s: %s %s headers=%s", operation.name, method, _shown(url), redact_headers(headers))
    retries = 0
    while True:
        budget = options.attempt_timeout
        if ends is not None:
            left = ends - now()
            if left <= 0:
                raise budget_exhausted(call, method, _shown(url), now() - start)
            budget = left if budget is None else min(budget, left)
        started = now()
        outcome: Outcome = yield Send(
            method, url, headers, content, clipped(options.timeout, budget), budget, options.max_response_bytes
        )
        elapsed_ms = (now() - started) * 1000
        delay = options.retry.delay_before_retry(
            idempotent=operation.idempotent, retries_done=retries, outcome=outcome, jitter=options.random()
        )
        if delay is not None and ends is not None and now() + delay >= ends:
            delay = None  # no time left for another attempt: report this one
        _log_attempt(operation.name, method, _shown(url), outcome, elapsed_ms, retries, delay)
        if delay is None:
            if settle is not None and not operation.idempotent and outcome_unknown(outcome):
                logger.info("%s: outcome unknown (%s); describing to settle it", operation.name, _status(outcome))
                if (yield from settle()):
                    return None  # type: ignore[return-value]  # settled calls (deletes) return None
            return result_of(call, outcome, method, _shown(url))
        retries += 1
        yield Sleep(delay)


def _earliest(a: float | None, b: float | None) -> float | None:
    if a is None:
        return b
    return a if b is None else min(a, b)


def clipped(timeout: httpx.Timeout, budget: float | None) -> httpx.Timeout:
    """httpx's per-phase limits, none longer than what the attempt has left."""
    if budget is None:
        return timeout

    def clip(value: float | None) -> float:
        return budget if value is None else min(value, budget)

    return httpx.Timeout(
        connect=clip(timeout.connect), read=clip(timeout.read), write=clip(timeout.write), pool=clip(timeout.pool)
    )


def _shown(url: str) -> str:
    return _secrets.redact_url(url) if "@" in url else url


def _status(outcome: Outcome) -> str:
    if isinstance(outcome, httpx.Response):
        return str(outcome.status_code)
    if isinstance(outcome, TooLarge):
        return f"{outcome.status_code} (body over {outcome.limit} bytes)"
    return type(outcome).__name__


def _log_attempt(
    name: str, method: str, url: str, outcome: Outcome, elapsed_ms: float, retries: int, delay: float | None
) -> None:
    request_id = outcome.headers.get("x-pinecone-request-id") if isinstance(outcome, httpx.Response) else None
    status = _status(outcome)
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


def _describe_or_gone(kind: str, name: str, options: ClientOptions, deadline: float | None) -> Program[Seen]:
    try:
        if kind == "index":
            return (yield from request(ops.describe_index(name), options, deadline=deadline))
        return (yield from request(ops.describe_collection(name), options, deadline=deadline))
    except NotFoundError:
        return GONE


def _went_away(kind: str, name: str, options: ClientOptions) -> Callable[[], Program[bool]]:
    """Settles a delete whose answer was lost: 404 or Terminating means it went through. Anything
    else (even an index by that name that looks new) means we cannot know, and nothing is resent:
    a resent DELETE could remove a resource someone re-created meanwhile."""

    def settle() -> Program[bool]:
        seen = yield from _describe_or_gone(kind, name, options, None)
        return waiting.state_of(seen) in {"Gone", "Terminating"}

    return settle


def _wait(
    goal: waiting.Goal,
    name: str,
    seconds: float | None,
    options: ClientOptions,
    on_progress: ProgressCallback | None,
    *,
    immediate: bool = False,
) -> Program[Seen]:
    """Drive a wait plan: sleep as it says, describe, feed it the result, until it returns. The
    deadline bounds the describes too: one still running when it passes ends the wait."""
    deadline = waiting.Deadline(seconds, options.now)
    plan = waiting.plan(goal, name, deadline, options.poll, on_progress, immediate=immediate)
    last: Seen | None = None
    try:
        delay = next(plan)
        while True:
            if delay > 0:
                yield Sleep(delay)
            try:
                last = yield from _describe_or_gone(goal.kind, name, options, deadline.end)
            except APITimeoutError as exc:
                if not deadline.passed():
                    raise
                raise waiting.timed_out(goal, name, deadline, last) from exc
            delay = plan.send(last)
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
    answer already shows it). The result is the answer, or the last model the wait saw. Deletes
    whose answer is lost are settled by describing, and a delete that waits for the resource to be
    gone takes 404 as that goal reached."""
    seconds = finite_or_none(wait_timeout, "wait_timeout")
    deleting = goal.target == "deleted"
    settle = _went_away(goal.kind, name, options) if deleting else None
    try:
        answer = yield from request(call, options, settle=settle)
    except NotFoundError:
        if deleting and _wants_wait(seconds):
            return None
        raise
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
