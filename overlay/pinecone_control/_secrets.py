"""Secrets this process must never print: API keys and URL passwords. (Minimal version; the
errors helper's branch replaces it with the full registry.)"""

from __future__ import annotations

import threading

import httpx

_lock = threading.Lock()
_secrets: set[str] = set()
REDACTED = "<redacted>"


def register(secret: str) -> None:
    if len(secret) >= 4:
        with _lock:
            _secrets.add(secret)


def scrub(text: str) -> str:
    for secret in tuple(_secrets):
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


def redact_url(url: str) -> str:
    """`https://user:pass@host` -> `https://user:<redacted>@host`."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        return scrub(url)
    if not parsed.password:
        return url
    raw = parsed.userinfo.decode("ascii")
    return str(parsed).replace(raw + "@", f"{raw.split(':', 1)[0]}:{REDACTED}@", 1)
