"""Wire-level pieces of the emulator: replies, Pinecone error bodies, request checks."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Reply:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


def json_reply(status: int, payload: Any) -> Reply:
    return Reply(status, json.dumps(payload, separators=(",", ":")).encode(), {"content-type": "application/json"})


def error_reply(status: int, code: str, message: str) -> Reply:
    return json_reply(status, {"error": {"code": code, "message": message}, "status": status})


class ApiError(Exception):
    """Raised inside a handler to answer with Pinecone's error shape."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.reply = error_reply(status, code, message)


def invalid(message: str) -> ApiError:
    return ApiError(400, "INVALID_ARGUMENT", message)


def undeserializable(message: str, status: int = 422) -> ApiError:
    # The real API answers serde errors like this one: "Failed to deserialize the JSON body ...".
    code = "UNPROCESSABLE_ENTITY" if status == 422 else "INVALID_ARGUMENT"
    return ApiError(status, code, f"Failed to deserialize the JSON body into the target type: {message}")


def not_found(what: str, name: str) -> ApiError:
    return ApiError(404, "NOT_FOUND", f"{what} {name} not found.")


# serde_json, the real API's parser, refuses JSON nested deeper than 128 levels.
MAX_NESTING = 128


def nesting_overflow(raw: bytes) -> int | None:
    """The column where `raw` first nests deeper than MAX_NESTING (outside strings), or None.
    A linear scan, so a 2 KB body of brackets cannot exhaust the recursion of a parser."""
    if raw.count(b"[") + raw.count(b"{") <= MAX_NESTING:  # the usual body: no scan needed
        return None
    depth, in_string, escaped = 0, False, False
    for column, byte in enumerate(raw, 1):
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > MAX_NESTING:
                return column
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return None


_FORMAT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


@dataclass(frozen=True)
class IntegerRule:
    """An integer property's `format`, `minimum` and `maximum`, as the spec states them."""

    format: str | None = None  # None: the spec states none; the server's integers are taken as int64
    minimum: int | None = None
    maximum: int | None = None

    @property
    def format_range(self) -> tuple[int, int]:
        return _FORMAT_RANGES[self.format or "int64"]

    def bounds(self) -> str:
        if self.maximum is None:
            return f"at least {self.minimum}"
        return f"between {self.minimum} and {self.maximum}"


class Body:
    """Typed access to a JSON request body; structural problems raise the operation's 'cannot
    deserialise' error, as the real API's serde layer does."""

    def __init__(self, raw: bytes, *, status: int = 422, empty_ok: bool = False) -> None:
        self._status = status
        if empty_ok and not raw.strip():
            self.data: dict[str, Any] = {}
            return
        too_deep = nesting_overflow(raw)
        if too_deep is not None:
            raise undeserializable(f"recursion limit exceeded at line 1 column {too_deep}", status)
        try:
            data = json.loads(raw) if raw.strip() else None
        except (ValueError, RecursionError) as exc:
            raise undeserializable(f"expected value: {exc}", status) from exc
        if not isinstance(data, dict):
            raise undeserializable("invalid type: expected a JSON object", status)
        self.data = data

    def fail(self, message: str) -> ApiError:
        return undeserializable(message, self._status)

    def get(self, obj: dict[str, Any], key: str, kind: type | tuple[type, ...], *, required: bool = False) -> Any:
        if key not in obj:
            if required:
                raise self.fail(f"missing field `{key}`")
            return None
        value = obj[key]
        if value is None:  # no property of the 2024-07 spec is nullable
            raise self.fail(f"invalid type: null, expected a value for `{key}`")
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            raise self.fail(f"invalid type: boolean, expected {kinds[0].__name__} for `{key}`")
        if int in kinds and isinstance(value, float) and value.is_integer() and float not in kinds:
            raise self.fail(f"invalid type: floating point, expected integer for `{key}`")
        if not isinstance(value, kinds):
            raise self.fail(f"invalid type for `{key}`: expected {kinds[0].__name__}")
        return value

    def integer(self, obj: dict[str, Any], key: str, rule: IntegerRule, *, required: bool = False) -> int | None:
        """An integer within its format's range (checked as the real API's typed parser does, 422),
        then within the spec's minimum/maximum (a rule the API answers with 400)."""
        value: int | None = self.get(obj, key, int, required=required)
        if value is None:
            return None
        low, high = rule.format_range
        if not low <= value <= high:
            if rule.format is None:  # a limit the spec does not state: a rule violation, not a type error
                raise invalid(f"{key} must be {rule.bounds()} and fit a 64-bit integer, got {value}.")
            raise self.fail(f"invalid value: integer `{value}`, expected {rule.format} for `{key}`")
        if (rule.minimum is not None and value < rule.minimum) or (rule.maximum is not None and value > rule.maximum):
            raise invalid(f"{key} must be {rule.bounds()}, got {value}.")
        return value

    def enum(
        self,
        obj: dict[str, Any],
        key: str,
        allowed: tuple[str, ...],
        *,
        required: bool = False,
        message: str | None = None,
    ) -> str | None:
        """A value of the enum; another one is the serde error, or a 400 with `message` where the
        real service is known to answer so (see `Wording`)."""
        value: str | None = self.get(obj, key, str, required=required)
        if value is not None and value not in allowed:
            if message is not None:
                raise invalid(message)
            raise self.fail(f"unknown variant `{value}` for `{key}`, expected one of {', '.join(allowed)}")
        return value

    def object(self, obj: dict[str, Any], key: str, *, required: bool = False) -> dict[str, Any] | None:
        value: dict[str, Any] | None = self.get(obj, key, dict, required=required)
        return value
