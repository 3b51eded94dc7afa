"""Client configuration: resolved once from arguments and environment, immutable afterwards."""

from __future__ import annotations

import ipaddress
import os
import re
import sys
from collections.abc import Mapping
from typing import Any

import httpx
from pinecone_control_api import _provenance

from ._errors import ClientValidationError
from ._polling import PollSchedule
from ._retry import RetryPolicy
from ._version import __version__

DEFAULT_HOST = "https://api.pinecone.io"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
API_KEY_ENV = "PINECONE_API_KEY"
HOST_ENV = "PINECONE_CONTROLLER_HOST"
API_VERSION_HEADER = "X-Pinecone-Api-Version"
API_KEY_HEADER = "Api-Key"
# Headers whose values never leave this module unredacted (logs, reprs, errors).
SENSITIVE_HEADERS = frozenset({"api-key", "authorization", "proxy-authorization"})
_SOURCE_TAG_RE = re.compile(r"[a-z0-9_.:-]{1,64}")


class _Unset:
    """Marks an option the caller did not pass (None is a meaningful timeout)."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Any = _Unset()


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: ("<redacted>" if k.lower() in SENSITIVE_HEADERS else v) for k, v in headers.items()}


def user_agent(source_tag: str | None) -> str:
    agent = (
        f"pinecone-control/{__version__} (api {_provenance.API_VERSION}; "
        f"python {'.'.join(map(str, sys.version_info[:3]))}; httpx {httpx.__version__})"
    )
    return f"{agent} source_tag={source_tag}" if source_tag else agent


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def normalise_host(host: str, *, allow_insecure_http: bool) -> str:
    """`https://host[:port][/prefix]` without a trailing slash; plain http only for loopback or opt-in."""
    raw = host.strip()
    if "://" not in raw:
        raw = "https://" + raw
    try:
        url = httpx.URL(raw)
    except httpx.InvalidURL as exc:
        raise ClientValidationError(f"host {host!r} is not a valid URL: {exc}") from exc
    if url.scheme not in {"https", "http"} or not url.host:
        raise ClientValidationError(f"host {host!r} must be an https:// URL")
    if url.query or url.fragment:
        raise ClientValidationError(f"host {host!r} must not carry a query or fragment")
    if url.scheme == "http" and not (_is_loopback(url.host) or allow_insecure_http):
        raise ClientValidationError(
            f"host {host!r} uses plain http, which would send the API key unencrypted; "
            "use https, a loopback address, or pass allow_insecure_http=True"
        )
    return str(url).rstrip("/")


def normalise_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0):
        raise ClientValidationError(
            f"timeout must be a positive number of seconds, an httpx.Timeout or None: {timeout!r}"
        )
    return httpx.Timeout(timeout)


class ClientOptions:
    """Everything a client needs besides its connection pool; immutable (`evolve` makes changed
    copies). A plain slotted class: cheap to define at import, and no tuple or `__dict__` to leak
    the key through; the request headers are built once."""

    __slots__ = ("_headers", "api_key", "extra_headers", "host", "poll", "retry", "source_tag", "timeout")

    def __init__(
        self,
        api_key: str,
        host: str = DEFAULT_HOST,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        poll: PollSchedule | None = None,
        source_tag: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        self.api_key = api_key
        self.host = host
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.poll = poll or PollSchedule()
        self.source_tag = source_tag
        self.extra_headers: Mapping[str, str] = dict(extra_headers or {})
        self._headers = {
            **self.extra_headers,
            API_KEY_HEADER: api_key,
            API_VERSION_HEADER: _provenance.API_VERSION,
            "User-Agent": user_agent(source_tag),
            "Accept": "application/json",
        }

    def __repr__(self) -> str:
        return (
            f"ClientOptions(api_key=<redacted>, host={self.host!r}, timeout={self.timeout!r}, retry={self.retry!r}, "
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
    ) -> ClientOptions:
        if isinstance(timeout, _Unset) and isinstance(max_retries, _Unset) and not extra_headers:
            return self
        return ClientOptions(
            self.api_key,
            self.host,
            self.timeout if isinstance(timeout, _Unset) else normalise_timeout(timeout),
            self.retry if isinstance(max_retries, _Unset) else self.retry.with_max_retries(max_retries),
            self.poll,
            self.source_tag,
            {**self.extra_headers, **check_extra_headers(extra_headers or {})},
        )


def check_extra_headers(headers: Mapping[str, str]) -> dict[str, str]:
    out = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise ClientValidationError("extra headers must map strings to strings")
        if name.lower() in {API_KEY_HEADER.lower(), API_VERSION_HEADER.lower()}:
            raise ClientValidationError(f"header {name!r} is set by the client; use the api_key argument instead")
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
) -> ClientOptions:
    key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)
    if not key or not key.strip():
        raise ClientValidationError(
            f"no API key: pass api_key=... or set the {API_KEY_ENV} environment variable "
            "(get one from the Pinecone console)"
        )
    if any(ch in key for ch in "\r\n"):
        raise ClientValidationError("api_key must not contain line breaks")
    tag = None
    if source_tag is not None:
        tag = source_tag.strip().lower().replace(" ", "_")
        if not _SOURCE_TAG_RE.fullmatch(tag):
            raise ClientValidationError("source_tag must be 1-64 characters of letters, digits, '_', '.', ':' or '-'")
    chosen_host = host if host is not None else os.environ.get(HOST_ENV) or DEFAULT_HOST
    return ClientOptions(
        api_key=key.strip(),
        host=normalise_host(chosen_host, allow_insecure_http=allow_insecure_http),
        timeout=DEFAULT_TIMEOUT if isinstance(timeout, _Unset) else normalise_timeout(timeout),
        retry=RetryPolicy().with_max_retries(max_retries),
        poll=poll or PollSchedule(),
        source_tag=tag,
        extra_headers=check_extra_headers(extra_headers or {}),
    )
