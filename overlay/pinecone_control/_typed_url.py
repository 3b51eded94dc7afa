"""URLs the caller types (`host=`, `proxy=` and their environment variables): parsed, or refused
without ever being quoted as typed.

A password holding `/`, `#` or `?` ends the URL's authority early: the parser reads its start as
a port ("Invalid port: 'PASS'") or, when that start is digits, accepts the URL with the rest of
the password as its path. Such a URL is refused with everything between `//` and the last `@`
masked, and the parser's own error, which quotes the URL, is neither shown nor chained.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import httpx

from . import _secrets
from ._errors import ClientValidationError

T = TypeVar("T")
PERCENT_ENCODE_HINT = (
    "special characters in a user name or password ('/', '#', '?', '@', ':', '%') must be percent-encoded, "
    "e.g. urllib.parse.quote(password, safe='')"
)
_PARSE_ERRORS = (httpx.InvalidURL, ValueError, TypeError)


def parse_typed_url(text: str, parser: Callable[[str], T], what: str) -> T:
    """`parser(text)`, or a ClientValidationError saying `what` (e.g. "the proxy URL in proxy=")
    is not a valid URL, with the URL masked and no exception chained."""
    if not _secrets.userinfo_overflows(text):
        try:
            return parser(text)
        except _PARSE_ERRORS:
            pass  # raised below, outside this block: the parser's error would be its __context__
    raise ClientValidationError(f"{what} is not a valid URL: {_explain(text, parser)}")


def _explain(text: str, parser: Callable[[str], object]) -> str:
    shown = _secrets.mask_userinfo(text)
    try:
        parser(shown)
    except _PARSE_ERRORS as exc:  # wrong even without its user:password: the parser says what
        return f"{shown!r} ({_secrets.scrub(str(exc))})"
    return f"{shown!r}: {PERCENT_ENCODE_HINT}"
