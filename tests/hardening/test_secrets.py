"""The secrets registry: what is masked, where, and what is left alone."""

from __future__ import annotations

import logging
import pickle
import traceback

import httpx
import pytest
from pinecone_control import _errors, _secrets
from pinecone_control._logging import logger

from .error_samples import ERROR_CLASSES, sample

CANARY = "pcsk_canary_hardening_5e0b7f"
PASSWORD = "hunter2-but-longer"


@pytest.fixture(autouse=True)
def canary() -> str:
    _secrets.register(CANARY)
    return CANARY


def test_registered_secrets_are_masked_in_text_and_bytes() -> None:
    assert _secrets.scrub(f"key={CANARY}; again {CANARY}.") == "key=<redacted>; again <redacted>."
    assert _secrets.scrub_bytes(f'{{"k": "{CANARY}"}}'.encode()) == b'{"k": "<redacted>"}'
    assert _secrets.scrub("nothing to hide") == "nothing to hide"
    assert _secrets.contains_secret(f"x{CANARY}x") and not _secrets.contains_secret("x")


def test_a_secret_containing_another_is_masked_whole() -> None:
    longer = CANARY + "-extended-suffix"
    _secrets.register(longer)
    assert _secrets.scrub(f"[{longer}]") == "[<redacted>]"


def test_overlapping_occurrences_are_masked_whole() -> None:
    """A regex substitution would mask the first secret and leave the tail of one overlapping it."""
    first, second = "first-secret-AB12", "AB12-second-secret"
    _secrets.register(first)
    _secrets.register(second)
    assert _secrets.scrub("x first-secret-AB12-second-secret y") == "x <redacted> y"
    assert _secrets.scrub_bytes(b"x first-secret-AB12-second-secret y") == b"x <redacted> y"
    repeating = "abcabcab"
    _secrets.register(repeating)
    assert _secrets.scrub("[abcabcabcabcab]") == "[<redacted>]"  # occurrences at 0, 3 and 6 overlap


@pytest.mark.parametrize("short", ["", "k", "abc", "1234567"])
def test_short_secrets_are_ignored(short: str) -> None:
    _secrets.register(short)
    text = "a key 1234567 abc k"
    assert _secrets.scrub(text) == text


def test_non_strings_are_ignored() -> None:
    _secrets.register(None)  # type: ignore[arg-type]
    _secrets.register(b"bytes-secret-value")  # type: ignore[arg-type]
    assert _secrets.scrub("bytes-secret-value") == "bytes-secret-value"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"https://user:{PASSWORD}@api.example.com", "https://user:<redacted>@api.example.com"),
        (f"https://u:{PASSWORD}@host:8443/p?q=1#f", "https://u:<redacted>@host:8443/p?q=1#f"),
        (f"http://:{PASSWORD}@127.0.0.1:9", "http://:<redacted>@127.0.0.1:9"),
        ("https://user@host", "https://user@host"),
        ("https://api.pinecone.io/indexes", "https://api.pinecone.io/indexes"),
        (f"https://user:{PASSWORD}@[::1", "https://user:<redacted>@[::1"),  # invalid: still masked
    ],
)
def test_redact_url_hides_the_password(url: str, expected: str) -> None:
    assert _secrets.redact_url(url) == expected


def test_redact_url_registers_the_password_raw_and_decoded() -> None:
    _secrets.redact_url("https://me:p%40ss-word-9137@host.example")
    assert _secrets.scrub("p%40ss-word-9137 and p@ss-word-9137") == "<redacted> and <redacted>"


def test_url_passwords_are_masked_in_any_text_even_unregistered() -> None:
    text = "proxy http://bob:an-unregistered-pw@proxy.local:3128 refused; mail a@b.c"
    assert _secrets.scrub(text) == "proxy http://bob:<redacted>@proxy.local:3128 refused; mail a@b.c"


def test_redact_headers() -> None:
    headers = {"Api-Key": "short", "authorization": "Bearer x", "Proxy-Authorization": "y", "x-echo": CANARY, "a": "b"}
    assert _secrets.redact_headers(headers) == {
        "Api-Key": "<redacted>",
        "authorization": "<redacted>",
        "Proxy-Authorization": "<redacted>",
        "x-echo": "<redacted>",
        "a": "b",
    }
    assert _secrets.redact_headers(httpx.Headers({"API-KEY": "k"})) == {"api-key": "<redacted>"}


def test_scrub_exception_masks_the_whole_chain() -> None:
    try:
        try:
            raise ValueError(f"inner {CANARY}")
        except ValueError as inner:
            raise httpx.LocalProtocolError(f"Illegal header value b'{CANARY}'") from inner
    except httpx.LocalProtocolError as outer:
        _secrets.scrub_exception(outer)
        text = "".join(traceback.format_exception(outer))
    assert CANARY not in text and text.count("<redacted>") == 2


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_every_error_class_scrubs_every_text(cls: type[_errors.PineconeError]) -> None:
    """Old code: the key a server echoed (or a message quoted) stayed in str, repr, args, body, pickles."""
    error = sample(cls, f"echo {CANARY} and https://u:{PASSWORD}@h")
    texts = [str(error), repr(error), repr(error.args), repr(vars(error)), "".join(traceback.format_exception(error))]
    texts += [str(getattr(error, name, "")) for name in ("message", "text", "url", "method", "hint", "name")]
    assert all(CANARY not in text and PASSWORD not in text for text in texts)
    assert CANARY.encode() not in pickle.dumps(error) and PASSWORD.encode() not in pickle.dumps(error)
    body = getattr(error, "body", b"")
    assert CANARY.encode() not in body


def test_the_log_filter_uses_the_registry_for_messages_tracebacks_and_stacks(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="pinecone_control"):
        logger.debug("key %s in args", CANARY)
        try:
            raise RuntimeError(f"boom {CANARY}")
        except RuntimeError:
            logger.exception("failed with %s", CANARY, stack_info=True)
    assert CANARY not in caplog.text and "<redacted>" in caplog.text
    formatted = [logging.Formatter().format(record) for record in caplog.records]
    assert all(CANARY not in text for text in formatted)
    assert "RuntimeError: boom <redacted>" in formatted[1]


def test_the_old_scrubber_api_still_registers() -> None:
    from pinecone_control._logging import scrubber

    scrubber.add("pcsk_registered_via_old_api")
    assert _secrets.scrub("pcsk_registered_via_old_api") == "<redacted>"
