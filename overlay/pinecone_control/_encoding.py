"""Request bodies as bytes, encoded once when the call is built (`_calls.build_call`), before any
I/O, so text that cannot travel is the caller's `ClientValidationError` (naming where it is) and
never an encoding error from deep inside httpx."""

from __future__ import annotations

import json
from typing import Any

from ._errors import ClientValidationError


def encode_body(payload: Any, operation: str) -> bytes | None:
    if payload is None:
        return None
    try:
        # httpx's own JSON encoding, done here where a failure can still name the field.
        return json.dumps(payload, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:
        where = _first_unencodable(payload, "")
        raise ClientValidationError(
            f"{operation}: {where or 'the request'} contains text that is not valid Unicode "
            "(a lone surrogate, e.g. from decoding bytes with errors='surrogateescape'); fix or drop it"
        ) from None
    except (ValueError, TypeError) as exc:  # NaN or infinity; a value JSON has no form for (a set, bytes)
        raise ClientValidationError(f"{operation}: the request cannot be sent as JSON: {exc}") from None


def _first_unencodable(value: Any, path: str) -> str | None:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path or "a value"
        return None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = _first_unencodable(key, path) if isinstance(key, str) else None
        found = found or _first_unencodable(item, f"{path}.{key}" if isinstance(key, str) else f"{path}[{key}]")
        if found:
            return found.lstrip(".")
    return None
