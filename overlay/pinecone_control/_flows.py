"""Every operation as one program, shared by `Client` and `AsyncClient` (see `_effects`): the
request loop (retries, budgets, settling) and waiting; `invoke` runs any operation of the spec."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NoReturn, TypeVar

import httpx
from pinecone_control_api._facade import WAIT_TARGETS, WaitTarget

from . import _calls as ops
from . import _secrets
from . import _waiting as waiting
from ._config import ClientOptions, redact_headers
from ._effects import Outcome, Program, Send, Sleep, TooLarge
from ._errors import APITimeoutError, ClientClosedError, NotFoundError, PineconeError
from ._logging import logger
from ._observe import NOBODY
from ._response import budget_exhausted, result_of
from ._retry import outcome_unknown
from ._validation import finite_or_none
from ._waiting import GONE, ProgressCallback, Seen

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
    operation, sent = call.operation, call.request
    method = sent.method
    url = options.host + sent.target
    headers = {**options.headers(), **sent.headers} if sent.headers else options.headers()
    content = sent.content
    now = options.now
    start = now()
    ends = _earliest(None if options.total_timeout is None else start + options.total_timeout, deadline)
    shown = _shown(url)
    if logger.isEnabledFor(10):
        logger.debug("%s: %s %s headers=%s", operation.name, method, shown, redact_headers(headers))
    observer = options.observer or NOBODY
    retries = 0
    while True:
        budget = options.attempt_timeout
        if ends is not None:
            left = ends - now()
            if left <= 0:
                raise budget_exhausted(call, method, shown, now() - start)
            budget = left if budget is None else min(budget, left)
        started = now()
        span = observer.begin(method, shown, retries)
        try:
            outcome: Outcome = yield Send(
                method, url, headers, content, clipped(options.timeout, budget), budget, options.max_response_bytes
            )
        except BaseException as exc:  # closed client, cancelled task: the span still ends
            observer.abandon(span, exc)
            raise
        elapsed = now() - started
        delay = options.retry.delay_before_retry(
            idempotent=operation.idempotent, retries_done=retries, outcome=outcome, jitter=options.random()
        )
        if delay is not None and ends is not None and now() + delay >= ends:
            delay = None  # no time left for another attempt: report this one
        if delay is not None or logger.isEnabledFor(10):
            _log_attempt(operation.name, method, shown, outcome, elapsed * 1000, retries, delay)
        observer.end(span, operation.name, method, shown, retries, outcome, elapsed, delay)
        if delay is None:
            if settle is not None and not operation.idempotent and outcome_unknown(outcome):
                logger.info("%s: outcome unknown (%s); describing to settle it", operation.name, _status(outcome))
                try:
                    settled = yield from settle()
                except ClientClosedError:
                    raise
                except PineconeError as failure:
                    _raise_unsettled(call, outcome, method, shown, failure)
                if settled:
                    return None  # type: ignore[return-value]  # settled calls (deletes) return None
            return result_of(call, outcome, method, shown)
        retries += 1
        yield Sleep(delay)


def _raise_unsettled(call: ops.Call[Any], outcome: Outcome, method: str, url: str, failure: PineconeError) -> NoReturn:
    """The call's own error, though the describe settling it failed too: what the caller must act
    on is the unknown outcome of this call, not the describe (a 401 there is no answer to a 500).
    The describe's error is attached as a note, and as the cause unless the transport's is there."""
    try:
        result_of(call, outcome, method, url)
    except PineconeError as original:
        original.add_note(f"describing to settle it failed too: {type(failure).__name__}: {failure}")
        if original.__cause__ is None:
            original.__cause__ = failure
        raise original from original.__cause__
    raise AssertionError("unreachable: an unknown outcome is an error")


def _earliest(a: float | None, b: float | None) -> float | None:
    if a is None:
        return b
    return a if b is None else min(a, b)


def clipped(timeout: httpx.Timeout, budget: float | None) -> httpx.Timeout:
    """httpx's per-phase limits, none longer than what the attempt has left."""
    if budget is None:
        return timeout
    connect, read, write, pool = timeout.connect, timeout.read, timeout.write, timeout.pool
    # Spelled out rather than all(<generator>): this runs on every attempt.
    if (
        connect is not None
        and connect <= budget
        and read is not None
        and read <= budget
        and write is not None
        and write <= budget
        and pool is not None
        and pool <= budget
    ):
        return timeout  # nothing to clip: no new object on the common path

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


def _describe_or_gone(
    describe: str, keys: Mapping[str, Any], options: ClientOptions, deadline: float | None
) -> Program[Seen]:
    try:
        return (yield from request(ops.build_call(describe, keys), options, deadline=deadline))
    except NotFoundError:
        return GONE


def _went_away(describe: str, keys: Mapping[str, Any], options: ClientOptions) -> Callable[[], Program[bool]]:
    """Settles a delete whose answer was lost: 404 or Terminating means it went through. Anything
    else (even a resource by that name that looks new) means we cannot know, and nothing is resent:
    a resent DELETE could remove a resource someone re-created meanwhile."""

    def settle() -> Program[bool]:
        seen = yield from _describe_or_gone(describe, keys, options, None)
        return waiting.state_of(seen) in {"Gone", waiting.TERMINATING}

    return settle


def _wait(
    goal: waiting.Goal,
    describe: str,
    keys: Mapping[str, Any],
    seconds: float | None,
    options: ClientOptions,
    on_progress: ProgressCallback | None,
    *,
    immediate: bool = False,
) -> Program[Seen]:
    """Drive a wait plan: sleep as it says, describe, feed it the result, until it returns. The
    deadline bounds the describes too: one still running when it passes ends the wait."""
    name = str(next(iter(keys.values()), ""))
    deadline = waiting.Deadline(seconds, options.now)
    plan = waiting.plan(goal, name, deadline, options.poll, on_progress, immediate=immediate)
    last: Seen | None = None
    try:
        delay = next(plan)
        while True:
            if delay > 0:
                yield Sleep(delay)
            try:
                last = yield from _describe_or_gone(describe, keys, options, deadline.end)
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


# What each describing operation describes, in words, for messages (the generated wait table says).
_KINDS: dict[str, str] = {target.describe: target.kind for target in WAIT_TARGETS.values()}


def _kind(describe: str) -> str:
    return _KINDS.get(describe, describe)


def _keys(target: WaitTarget, call: ops.Call[Any], answer: Any) -> dict[str, Any] | None:
    """The describing operation's path arguments, from this call's, its body's or its answer's."""
    keys: dict[str, Any] = {}
    arguments = call.arguments or {}
    for parameter, source in target.keys:
        where, _, key = source.partition(":")
        if where == "path":
            value = arguments.get(f"path:{key}")
        elif where == "body":
            value = (call.body or {}).get(key)
        else:
            value = getattr(answer, key, None)
        if value is None:
            return None
        keys[f"path:{parameter}"] = value
    return keys


def invoke(
    options: ClientOptions,
    name: str,
    arguments: Mapping[str, Any],
    wait_timeout: float | None = 0,
    on_progress: ProgressCallback | None = None,
    *,
    missing_ok: bool = False,
) -> Program[Any]:
    """Any operation of the spec: build, check, send (retrying as its retry class allows), parse.
    With `wait_timeout`, an operation the facade marks waitable then waits for its goal: ready
    after a create, the requested values visible after a configure, gone after a delete. Deletes
    whose answer is lost are settled by describing, and a delete that waits takes 404 as done;
    with `missing_ok` (the facade passes it for DELETE operations) any delete takes 404 as done."""
    target = WAIT_TARGETS.get(name)
    # Only a waitable operation's method takes `wait_timeout`; the facade passes 0 to the others.
    seconds = None if target is None else finite_or_none(wait_timeout, "wait_timeout")
    call = ops.build_call(name, arguments)
    if target is None:
        try:
            return (yield from request(call, options))
        except NotFoundError:
            if missing_ok and call.operation.method == "DELETE":
                return None
            raise
    kind = _kind(target.describe)
    deleting = target.goal == "deleted"
    before = _keys(target, call, None)
    settle = _went_away(target.describe, before, options) if deleting and before is not None else None
    try:
        answer = yield from request(call, options, settle=settle)
    except NotFoundError:
        if deleting and (missing_ok or _wants_wait(seconds)):
            return None
        raise
    if target.goal == "ready":
        goal = waiting.ready(kind)
    elif target.goal == "configured":
        goal = waiting.configured(kind, call.body or {})
    else:
        goal = waiting.deleted(kind)
    keys = _keys(target, call, answer)
    if not _wants_wait(seconds) or keys is None or (answer is not None and goal.done(answer)):
        return answer
    seen = yield from _wait(goal, target.describe, keys, seconds, options, on_progress)
    return None if deleting else seen


def has(options: ClientOptions, describe: str, keys: Mapping[str, Any]) -> Program[bool]:
    """True if `describe` finds what `keys` (its path arguments) name: one describe, 404 means False."""
    try:
        yield from request(ops.build_call(describe, dict(keys)), options)
    except NotFoundError:
        return False
    return True


def wait_for(
    options: ClientOptions,
    describe: str,
    goal: str,
    keys: Mapping[str, Any],
    wait_timeout: float | None,
    on_progress: ProgressCallback | None,
) -> Program[Any]:
    """A standalone wait on what `describe` describes ("ready" or "deleted"); its first describe
    happens at once."""
    seconds = finite_or_none(wait_timeout, "wait_timeout")
    kind = _kind(describe)
    target = waiting.ready(kind) if goal == "ready" else waiting.deleted(kind)
    seen = yield from _wait(target, describe, dict(keys), seconds, options, on_progress, immediate=True)
    return None if goal == "deleted" else seen
