"""A URL password holding `/`, `#` or `?` (unencoded) never shows, whichever option or variable
carries it: a parser ends the authority at that character and quotes the password's start as a
port, so the refusal masks everything between `//` and the last `@` and chains no parser error."""

from __future__ import annotations

import logging
import pickle
import traceback
from collections.abc import Iterator
from typing import Any

import pinecone_control as pc
import pytest
from pinecone_control import _secrets
from pinecone_control._logging import logger

KIND = ["sync", "async"]
KEY = "pc-url-password-canary-6d1e"
HEAD, TAIL = "Hq7wHead", "Rz4kTail"  # the two halves of each password, around the special character
PROXY_VARIABLES = ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
SOURCES = ["proxy=", *(f"${v}" for v in PROXY_VARIABLES), "host=", "$PINECONE_CONTROLLER_HOST"]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in [*PROXY_VARIABLES, "no_proxy", "NO_PROXY", "PINECONE_CONTROLLER_HOST"]:
        monkeypatch.delenv(variable, raising=False)


def construct(kind: str, source: str, url: str, monkeypatch: pytest.MonkeyPatch) -> pc.ClientValidationError:
    """The error `Client(...)` raises when `source` carries `url`; https host unless it is the host."""
    options: dict[str, Any] = {"api_key": KEY}
    if source == "proxy=":
        options["proxy"] = url
    elif source == "host=":
        options["host"] = url
    else:
        monkeypatch.setenv(source.removeprefix("$"), url)
    cls = pc.Client if kind == "sync" else pc.AsyncClient
    with pytest.raises(pc.ClientValidationError) as info:
        cls(**options)
    return info.value


def _chain(error: BaseException | None) -> Iterator[BaseException]:
    """`error` and every exception chained to it, suppressed context included: it is still kept."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__


def _every_text(error: pc.ClientValidationError, caplog: pytest.LogCaptureFixture) -> str:
    logger.error("construction failed", exc_info=error)  # as an application would log it
    texts = [caplog.text, "".join(traceback.format_exception(error))]
    for link in _chain(error):
        texts += [str(link), repr(link), repr(link.args), repr(vars(link))]
    revived = pickle.loads(pickle.dumps(error))
    texts += [repr(revived), str(revived), pickle.dumps(error).decode("latin-1")]
    return "\n".join(texts)


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("special", ["/", "#", "?"])
def test_a_password_with_a_special_character_is_never_quoted(
    kind: str, source: str, special: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Old code: "... is not a valid URL: Invalid port: 'Hq7wHead'" (and the host quoted whole)."""
    caplog.set_level(logging.DEBUG)
    scheme = "https" if source.endswith("HOST") or source == "host=" else "http"
    error = construct(kind, source, f"{scheme}://me:{HEAD}{special}{TAIL}@127.0.0.1:3128", monkeypatch)
    text = _every_text(error, caplog)
    assert HEAD not in text and TAIL not in text
    assert error.__cause__ is None and error.__context__ is None, "a parser's error quotes the URL"
    message = str(error)
    assert f"in {source} is not a valid URL" in message
    assert f"'{scheme}://<redacted>@127.0.0.1:3128'" in message
    assert "must be percent-encoded" in message


@pytest.mark.parametrize("kind", KIND)
@pytest.mark.parametrize("source", ["proxy=", "$HTTPS_PROXY", "host=", "$PINECONE_CONTROLLER_HOST"])
def test_a_password_whose_start_is_digits_is_refused_not_read_as_a_port(
    kind: str, source: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """`http://me:8080/Rz4kTail@host` parses: host `me`, port 8080, the rest of the password as a
    path. Old code: no error at all (the client was built for host `me`, its repr quoting the path)."""
    scheme = "https" if source.endswith("HOST") or source == "host=" else "http"
    error = construct(kind, source, f"{scheme}://me:8080/{TAIL}@127.0.0.1:3128", monkeypatch)
    assert TAIL not in _every_text(error, caplog)
    assert "must be percent-encoded" in str(error)


@pytest.mark.parametrize("kind", KIND)
def test_a_url_wrong_beyond_its_password_says_what_without_quoting_it(
    kind: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    error = construct(kind, "proxy=", f"http://me:{HEAD}/{TAIL}@[::1", monkeypatch)
    assert HEAD not in _every_text(error, caplog) and TAIL not in str(error)
    assert "'http://<redacted>@[::1' (Invalid port" in str(error)


@pytest.mark.parametrize("kind", KIND)
def test_percent_encoded_passwords_still_work_and_stay_masked(kind: str) -> None:
    password = f"{HEAD}%2F{TAIL}"
    client = (pc.Client if kind == "sync" else pc.AsyncClient)(
        api_key=KEY, proxy=f"http://me:{password}@127.0.0.1:3128"
    )
    assert HEAD not in repr(client)
    assert _secrets.scrub(f"{HEAD}/{TAIL}") == "<redacted>"  # registered decoded too


def test_mask_userinfo_masks_up_to_the_last_at() -> None:
    assert _secrets.mask_userinfo("http://u:a/b@c#d@host:1/p") == "http://<redacted>@host:1/p"
    assert _secrets.mask_userinfo("u:a/b@host") == "<redacted>@host"
    assert _secrets.mask_userinfo("http://host:1/p") == "http://host:1/p"
    assert _secrets.userinfo_overflows("http://u:1/x@host") and not _secrets.userinfo_overflows("http://u:p@h/x")
