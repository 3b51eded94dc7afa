"""The process-wide registry of secrets (API keys, URL passwords) and the scrubbers that mask them.

Every text the package produces -- error messages, reprs, pickles, log records -- passes through
`scrub` first. Secrets shorter than `MIN_SECRET_LENGTH` are not registered: masking a short string
everywhere would garble ordinary words, and real API keys are far longer.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Mapping
from typing import AnyStr, NamedTuple
from urllib.parse import unquote, urlsplit, urlunsplit

REDACTED = "<redacted>"
MIN_SECRET_LENGTH = 8
# Header values that are credentials whatever they contain.
SENSITIVE_HEADERS = frozenset({"api-key", "authorization", "proxy-authorization"})
# `scheme://user:password@` in any text, registered or not: the password part is masked. Kept as
# text: `re` compiles it on first use and caches it, so importing the package stays cheap.
_URL_PASSWORD = r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^\s/?#@:]*:)[^\s/?#@]*@"
_SCHEME = r"[A-Za-z][A-Za-z0-9+.-]*://"


class _Registry(NamedTuple):
    """One immutable snapshot, swapped whole, so readers need no lock."""

    texts: tuple[str, ...]
    raw: tuple[bytes, ...]  # the same secrets as UTF-8, for bodies
    # Alternations of every secret: a fast "is any there?" before the exact masking.
    pattern: re.Pattern[str]
    pattern_bytes: re.Pattern[bytes]


_lock = threading.Lock()
_registry: _Registry | None = None


def register(secret: str) -> None:
    """Mask `secret` in every text from now on. Too-short or non-string values are ignored."""
    global _registry
    if not isinstance(secret, str) or len(secret) < MIN_SECRET_LENGTH:
        return
    with _lock:
        current = _registry.texts if _registry is not None else ()
        if secret in current:
            return
        texts = (*current, secret)
        raw = tuple(s.encode("utf-8", "surrogatepass") for s in texts)
        _registry = _Registry(
            texts,
            raw,
            re.compile("|".join(map(re.escape, texts))),
            re.compile(b"|".join(map(re.escape, raw))),
        )


def scrub(text: str) -> str:
    """`text` with every registered secret, and the password of any `scheme://user:pass@`, masked."""
    registry = _registry
    if registry is not None and registry.pattern.search(text):
        text = _mask(text, registry.texts, REDACTED)
    if "@" in text:
        text = re.sub(_URL_PASSWORD, rf"\g<head>{REDACTED}@", text)
    return text


def scrub_bytes(data: bytes) -> bytes:
    """`data` with every registered secret (as UTF-8) masked; unchanged bytes otherwise."""
    registry = _registry
    if registry is None or not registry.pattern_bytes.search(data):
        return data
    return _mask(data, registry.raw, REDACTED.encode())


def contains_secret(text: str) -> bool:
    registry = _registry
    return registry is not None and registry.pattern.search(text) is not None


def _mask(data: AnyStr, needles: tuple[AnyStr, ...], replacement: AnyStr) -> AnyStr:
    """`data` with the union of every occurrence of every needle replaced, overlaps included: a regex
    substitution would leave the tail of a secret that overlaps the one it matched."""
    spans: list[tuple[int, int]] = []
    for needle in needles:
        start = data.find(needle)
        while start != -1:
            spans.append((start, start + len(needle)))
            start = data.find(needle, start + 1)
    spans.sort()
    pieces: list[AnyStr] = []
    position = 0
    for begin, end in spans:
        if end <= position:
            continue
        if begin >= position:
            pieces += [data[position:begin], replacement]
        position = end
    pieces.append(data[position:])
    return data[:0].join(pieces)


def redact_url(url: str) -> str:
    """`url` with the userinfo password masked (`https://user:<redacted>@host`); the password is
    registered, raw and percent-decoded, so it is masked wherever else it shows up."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:  # e.g. an invalid port or IPv6 literal: fall back to the text pattern
        return scrub(url)
    if password is None:
        return scrub(url)
    userinfo, _, hostinfo = parts.netloc.rpartition("@")
    user, _, raw_password = userinfo.partition(":")
    register(raw_password)
    register(unquote(raw_password))
    return scrub(urlunsplit(parts._replace(netloc=f"{user}:{REDACTED}@{hostinfo}")))


def mask_userinfo(text: str) -> str:
    """`text`, a URL as typed that may not parse, with everything between `//` and the last `@`
    masked (`http://<redacted>@host:3128`): a password holding `/`, `#` or `?` ends the authority
    early for any parser, so only the last `@` says where the password ends. What looks like the
    password is registered, raw and percent-decoded."""
    if "@" not in text:
        return scrub(text)
    before, _, after = text.rpartition("@")
    scheme = re.match(_SCHEME, before)
    prefix = scheme.group() if scheme else ""
    password = before[len(prefix) :].partition(":")[2]
    register(password)
    register(unquote(password))
    return scrub(f"{prefix}{REDACTED}@{after}")


def userinfo_overflows(text: str) -> bool:
    """Whether an `@` follows the end of the URL's authority (its first `/`, `?` or `#`): the mark
    of a user name or password holding one of those unencoded. `http://u:8080/pw@host` even
    parses, as host `u`, port 8080 and the rest of the password in the path."""
    scheme = re.match(_SCHEME, text)
    rest = text[scheme.end() :] if scheme else text
    end = min((i for i in map(rest.find, "/?#") if i >= 0), default=len(rest))
    return "@" in rest[end:]


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of `headers` with credential headers masked and secrets in the other values scrubbed."""
    return {k: (REDACTED if k.lower() in SENSITIVE_HEADERS else scrub(v)) for k, v in headers.items()}


def scrub_exception(error: BaseException) -> None:
    """Mask secrets, in place, in the args of `error` and of every exception chained to it.

    For foreign exceptions about to become the `__cause__` of one of ours: a library's message
    (h11 quoting a header, a parser quoting a value) can carry the key, and tracebacks print it.
    """
    seen: set[int] = set()
    stack: list[BaseException | None] = [error]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        with contextlib.suppress(AttributeError, TypeError):  # a type whose args cannot be replaced
            current.args = tuple(scrub(a) if isinstance(a, str) else a for a in current.args)
        stack += [current.__cause__, current.__context__]
