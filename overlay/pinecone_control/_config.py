"""Client configuration: resolved once from arguments and environment, immutable afterwards."""

from __future__ import annotations

import inspect
import ipaddress
import math
import os
import random
import re
import sys
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx
from pinecone_control_api import _provenance
from pinecone_control_api._facade import NOT_GIVEN as GENERATED_NOT_GIVEN
from pinecone_control_api._facade import NotGiven

from . import _secrets
from ._errors import ClientValidationError
from ._observe import AttemptHook, Observer
from ._retry import RetryPolicy
from ._typed_url import parse_typed_url
from ._version import __version__
from ._waiting import PollSchedule

DEFAULT_HOST = "https://api.pinecone.io"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# A whole call (every attempt, backoff and Retry-After wait) ends within this many seconds.
DEFAULT_TOTAL_TIMEOUT = 120.0
# Control-plane answers are small (a 96-text embed answer is about 1.3 MB of JSON); a larger body
# is refused while it streams in, so a broken or hostile server cannot fill memory.
DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024
# Longer than any sane timeout, short enough for every socket and sleep call to accept.
MAX_SECONDS = 86_400.0
API_KEY_ENV = "PINECONE_API_KEY"
HOST_ENV = "PINECONE_CONTROLLER_HOST"
API_VERSION_HEADER = "X-Pinecone-Api-Version"
API_KEY_HEADER = "Api-Key"
# Headers whose values never leave this module unredacted (logs, reprs, errors).
SENSITIVE_HEADERS = frozenset({"api-key", "authorization", "proxy-authorization"})
_SOURCE_TAG_RE = re.compile(r"[a-z0-9_.:-]{1,64}")
# Keys are visible ASCII; anything else (a control character, a zero-width space) is a paste error
# that would otherwise surface as an encoding failure, quoting the key, at the first request.
_API_KEY_RE = re.compile(r"[\x21-\x7e]+")
_HEADER_NAME_RE = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_HEADER_VALUE_RE = re.compile(r"[\x20-\x7e\t]*")


# One "not passed" marker for the generated methods and the client's own options.
_Unset = NotGiven
NOT_GIVEN: Any = GENERATED_NOT_GIVEN
"""The default of per-call options: "not given, use the client's" (`None` means no limit)."""


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: ("<redacted>" if k.lower() in SENSITIVE_HEADERS else v) for k, v in headers.items()}


def user_agent(source_tag: str | None) -> str:
    agent = (
        f"pinecone-control/{__version__} (api {_provenance.API_VERSION}; "
        f"python {'.'.join(map(str, sys.version_info[:3]))}; httpx {httpx.__version__})"
    )
    return f"{agent} source_tag={source_tag}" if source_tag else agent


def _is_loopback(host: str) -> bool:
    """A loopback literal, or a name that should resolve to loopback; the transport resolves the
    name again at connect time and refuses any address that is not loopback."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def normalise_host(host: str, *, allow_insecure_http: bool, source: str = "host=") -> str:
    """`https://host[:port][/prefix]` without a trailing slash; plain http only for loopback or opt-in.
    `source` (`host=` or the environment variable) is named when the URL does not parse."""
    raw = host.strip()
    if "://" not in raw:
        raw = "https://" + raw
    url = parse_typed_url(raw, httpx.URL, f"the host URL in {source}")
    shown = _secrets.redact_url(host)
    if url.scheme not in {"https", "http"} or not url.host:
        raise ClientValidationError(f"host {shown!r} must be an https:// URL")
    if url.password:
        _secrets.register(url.password)
    if url.query or url.fragment:
        raise ClientValidationError(f"host {shown!r} must not carry a query or fragment")
    if url.port is not None and not 0 < url.port < 65536:
        raise ClientValidationError(f"host {shown!r} has port {url.port}, outside 1-65535")
    if url.scheme == "http" and not (_is_loopback(url.host) or allow_insecure_http):
        raise ClientValidationError(
            f"host {shown!r} uses plain http, which would send the API key unencrypted; "
            "use https, a loopback address, or pass allow_insecure_http=True"
        )
    return str(url).rstrip("/")


def seconds(value: object, what: str) -> float | None:
    """A positive, finite number of seconds up to a day, or None for no limit."""
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not 0 < value <= MAX_SECONDS
    ):
        raise ClientValidationError(
            f"{what} must be a positive number of seconds up to {MAX_SECONDS:.0f}, or None for no limit; got {value!r}"
        )
    return float(value)


def normalise_timeout(timeout: object) -> httpx.Timeout:
    if isinstance(timeout, httpx.Timeout):
        return httpx.Timeout(
            connect=seconds(timeout.connect, "timeout.connect"),
            read=seconds(timeout.read, "timeout.read"),
            write=seconds(timeout.write, "timeout.write"),
            pool=seconds(timeout.pool, "timeout.pool"),
        )
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, int | float)):
        raise ClientValidationError(f"timeout must be a number of seconds, an httpx.Timeout or None: {timeout!r}")
    return httpx.Timeout(seconds(timeout, "timeout"))


def attempt_timeout(timeout: httpx.Timeout) -> float | None:
    """One attempt, connect to last byte, takes at most the largest of httpx's per-phase limits."""
    parts = [t for t in (timeout.connect, timeout.read, timeout.write, timeout.pool) if t is not None]
    return max(parts) if parts else None


def check_poll(poll: object) -> PollSchedule:
    if not isinstance(poll, PollSchedule):
        raise ClientValidationError(f"poll must be a PollSchedule, got {type(poll).__name__}")
    for name, value in poll._asdict().items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ClientValidationError(f"PollSchedule.{name} must be a finite number, got {value!r}")
    if not (0 < poll.interval <= MAX_SECONDS and 0 < poll.maximum <= MAX_SECONDS):
        raise ClientValidationError(
            f"PollSchedule interval and maximum must be positive seconds up to {MAX_SECONDS:.0f}: {poll!r}"
        )
    if poll.steady_for < 0 or poll.factor < 1:
        raise ClientValidationError(f"PollSchedule needs steady_for >= 0 and factor >= 1: {poll!r}")
    return poll


def check_max_bytes(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1024:
        raise ClientValidationError(f"max_response_bytes must be an integer of at least 1024, got {value!r}")
    return value


class ClientOptions:
    """Everything a client needs besides its connection pool; immutable (`evolve` makes changed
    copies). A plain slotted class: cheap to define at import, and no tuple or `__dict__` to leak
    the key through; the request headers are built once."""

    __slots__ = (
        "_headers",
        "api_key",
        "attempt_timeout",
        "extra_headers",
        "host",
        "max_response_bytes",
        "now",
        "observer",
        "poll",
        "random",
        "retry",
        "source_tag",
        "timeout",
        "total_timeout",
    )

    def __init__(
        self,
        api_key: str,
        host: str = DEFAULT_HOST,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        poll: PollSchedule | None = None,
        source_tag: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        *,
        total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        now: Callable[[], float] | None = None,
        random: Callable[[], float] | None = None,
        observer: Observer | None = None,
    ) -> None:
        self.api_key = api_key
        self.host = host
        self.timeout = timeout
        self.attempt_timeout = attempt_timeout(timeout)
        self.total_timeout = total_timeout
        self.max_response_bytes = max_response_bytes
        self.retry = retry or RetryPolicy()
        self.poll = poll or PollSchedule()
        self.source_tag = source_tag
        self.extra_headers: Mapping[str, str] = dict(extra_headers or {})
        # Time and randomness are inputs: the client passes its clock; tests pass scripted ones.
        self.now: Callable[[], float] = now or _monotonic
        self.random: Callable[[], float] = random or _random
        self.observer = observer  # on_attempt, and a raw response's record
        self._headers = {
            **self.extra_headers,
            API_KEY_HEADER: api_key,
            API_VERSION_HEADER: _provenance.API_VERSION,
            "User-Agent": user_agent(source_tag),
            "Accept": "application/json",
        }

    def __repr__(self) -> str:
        return (
            f"ClientOptions(api_key=<redacted>, host={_secrets.redact_url(self.host)!r}, timeout={self.timeout!r}, "
            f"total_timeout={self.total_timeout!r}, retry={self.retry!r}, "
            f"source_tag={self.source_tag!r}, extra_headers={redact_headers(self.extra_headers)!r})"
        )

    def headers(self) -> dict[str, str]:
        return dict(self._headers)

    def evolve(
        self,
        *,
        timeout: float | httpx.Timeout | _Unset | None = NOT_GIVEN,
        max_retries: int | _Unset = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        total_timeout: float | _Unset | None = NOT_GIVEN,
    ) -> ClientOptions:
        if (
            isinstance(timeout, _Unset)
            and isinstance(max_retries, _Unset)
            and isinstance(total_timeout, _Unset)
            and not extra_headers
        ):
            return self
        return ClientOptions(
            self.api_key,
            self.host,
            self.timeout if isinstance(timeout, _Unset) else normalise_timeout(timeout),
            self.retry if isinstance(max_retries, _Unset) else self.retry.with_max_retries(max_retries),
            self.poll,
            self.source_tag,
            {**self.extra_headers, **check_extra_headers(extra_headers or {})},
            total_timeout=self.total_timeout
            if isinstance(total_timeout, _Unset)
            else seconds(total_timeout, "total_timeout"),
            max_response_bytes=self.max_response_bytes,
            now=self.now,
            random=self.random,
            observer=self.observer,
        )

    def observed(self, observer: Observer | None) -> ClientOptions:
        """A copy whose attempts `observer` watches."""
        copy = ClientOptions.__new__(ClientOptions)
        for slot in ClientOptions.__slots__:
            setattr(copy, slot, getattr(self, slot))
        copy.observer = observer
        return copy


_monotonic = time.monotonic
_random = random.random


def check_extra_headers(headers: Mapping[str, str]) -> dict[str, str]:
    out = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise ClientValidationError("extra headers must map strings to strings")
        if not _HEADER_NAME_RE.fullmatch(name):
            raise ClientValidationError(f"header name {name!r} is not a valid HTTP header name")
        if not _HEADER_VALUE_RE.fullmatch(value):
            raise ClientValidationError(
                f"header {name!r} must be printable ASCII (HTTP sends header values as latin-1 bytes); "
                "encode other text first, e.g. percent-encoding"
            )
        if name.lower() == API_KEY_HEADER.lower():
            raise ClientValidationError(f"header {name!r} is set by the client; use the api_key argument instead")
        if name.lower() == API_VERSION_HEADER.lower():
            raise ClientValidationError(
                f"header {name!r} is set by the client: it names the control-plane API version this "
                f"release speaks ({_provenance.API_VERSION}, pinecone_control.API_VERSION), which its methods "
                "and models are generated from; another version needs the pinecone-control release built "
                "from that version's spec (CHANGELOG.md names each release's version)"
            )
        out[name] = value
    return out


def resolve_options(
    *,
    api_key: str | None,
    host: str | None,
    timeout: float | httpx.Timeout | _Unset | None,
    max_retries: int,
    source_tag: str | None,
    extra_headers: Mapping[str, str] | None,
    allow_insecure_http: bool,
    poll: PollSchedule | None,
    total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    now: Callable[[], float] | None = None,
    on_attempt: AttemptHook | None = None,
) -> ClientOptions:
    key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)
    if not key or not key.strip():
        raise ClientValidationError(
            f"no API key: pass api_key=... or set the {API_KEY_ENV} environment variable "
            "(get one from the Pinecone console)"
        )
    key = key.strip() if isinstance(key, str) else key
    if not isinstance(key, str) or not _API_KEY_RE.fullmatch(key):
        # Never quote the key: say what is wrong with it.
        raise ClientValidationError(
            "api_key must be visible ASCII characters only (no spaces, line breaks, control or zero-width "
            "characters): check for a copy-and-paste error"
        )
    _secrets.register(key)
    tag = None
    if source_tag is not None:
        tag = source_tag.strip().lower().replace(" ", "_")
        if not _SOURCE_TAG_RE.fullmatch(tag):
            raise ClientValidationError("source_tag must be 1-64 characters of letters, digits, '_', '.', ':' or '-'")
    chosen_host = host if host is not None else os.environ.get(HOST_ENV) or DEFAULT_HOST
    return ClientOptions(
        api_key=key,
        host=normalise_host(
            chosen_host, allow_insecure_http=allow_insecure_http, source="host=" if host is not None else f"${HOST_ENV}"
        ),
        timeout=DEFAULT_TIMEOUT if isinstance(timeout, _Unset) else normalise_timeout(timeout),
        retry=RetryPolicy().with_max_retries(max_retries),
        poll=PollSchedule() if poll is None else check_poll(poll),
        source_tag=tag,
        extra_headers=check_extra_headers(extra_headers or {}),
        total_timeout=seconds(total_timeout, "total_timeout"),
        max_response_bytes=check_max_bytes(max_response_bytes),
        now=now,
        observer=None if on_attempt is None else Observer(check_hook(on_attempt)),
    )


def check_hook(hook: object) -> AttemptHook:
    if not callable(hook):
        raise ClientValidationError(f"on_attempt must be callable (it receives an AttemptInfo), got {hook!r}")
    if inspect.iscoroutinefunction(hook) or inspect.iscoroutinefunction(type(hook).__call__):
        # It is called synchronously between attempts (by both clients); a coroutine would never run.
        raise ClientValidationError(
            f"on_attempt must be a plain function, not async def ({hook!r}): it is called synchronously after "
            "each attempt and must not block; for async work, schedule a task from it "
            "(asyncio.get_running_loop().create_task(...))"
        )
    return hook  # any callable; its result is ignored (an awaitable it returns is closed: `_observe`)
