"""When to retry a request, and how long to wait first. Pure logic: the clients do the sleeping."""

from __future__ import annotations

import random
import time
from email.utils import parsedate_to_datetime
from typing import NamedTuple

import httpx

from ._errors import ClientValidationError

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Failures that happen before the request is on the wire: the server cannot have acted.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class RetryPolicy(NamedTuple):
    """Exponential backoff with jitter; `Retry-After` honoured up to `retry_after_cap` seconds."""

    max_retries: int = 3
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    retry_after_cap: float = 60.0

    def with_max_retries(self, max_retries: int) -> RetryPolicy:
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ClientValidationError(f"max_retries must be a non-negative integer, got {max_retries!r}")
        return self._replace(max_retries=max_retries)

    def backoff(self, retry_number: int, jitter: float | None = None) -> float:
        """Delay before retry `retry_number` (1-based): doubling, capped, with up to 25% jitter off.
        `jitter` in [0, 1) is an input (the client's random source); None draws one."""
        delay = min(self.max_backoff, self.initial_backoff * 2.0 ** (retry_number - 1))
        return delay * (1.0 - 0.25 * (random.random() if jitter is None else jitter))

    def delay_before_retry(
        self, *, idempotent: bool, retries_done: int, outcome: object, jitter: float | None = None
    ) -> float | None:
        """Seconds to wait before retrying, or None to stop and report `outcome`."""
        if retries_done >= self.max_retries:
            return None
        if not isinstance(outcome, httpx.Response | httpx.RequestError):
            return None  # e.g. a body over the size limit: resending fetches the same
        if isinstance(outcome, httpx.RequestError):
            if not isinstance(outcome, httpx.TransportError):
                return None  # e.g. a body that cannot be decoded: resending will not help
            # A non-idempotent create may have been acted on once the request left: never resend then.
            if not idempotent and not isinstance(outcome, _NOT_SENT):
                return None
            return self.backoff(retries_done + 1, jitter)
        status = outcome.status_code
        if status not in RETRYABLE_STATUSES:
            return None
        # 429 is an explicit refusal, so even a create is safe to resend; other statuses are not.
        if not idempotent and status != 429:
            return None
        retry_after = parse_retry_after(outcome.headers.get("retry-after"))
        if retry_after is None:
            return self.backoff(retries_done + 1, jitter)
        if retry_after > self.retry_after_cap:
            return None  # longer than we will wait: report it, with retry_after, to the caller
        return retry_after


def outcome_unknown(outcome: object) -> bool:
    """True when the server may or may not have acted: the request left (so not a connect
    failure), and no answer says what happened (a timeout, a dropped connection, 408 or a 5xx)."""
    if isinstance(outcome, httpx.RequestError):
        return isinstance(outcome, httpx.TransportError) and not isinstance(outcome, _NOT_SENT)
    if isinstance(outcome, httpx.Response):
        return outcome.status_code == 408 or outcome.status_code >= 500
    return False


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date; None if absent or invalid."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if seconds != seconds or seconds in (float("inf"), float("-inf")):
        return None
    return max(0.0, seconds)
