"""Package hygiene: readable reprs, public error paths, visible options, a warning for a bad log level."""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import traceback
import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx
import pinecone_control
import pytest
from codegen.pin import REPO_ROOT, PinError
from codegen.upstream import fetch
from pinecone_control import _logging
from pinecone_control_api.models import IndexModel
from pinecone_control_api.types import UNSET

from ..overlay.conftest import index_payload

KEY = "pc-hygiene-key-5d1e"


def test_absent_optional_fields_print_as_unset() -> None:
    model = IndexModel.from_dict(index_payload())
    text = repr(model)
    assert "pod=UNSET" in text
    assert " object at 0x" not in text
    assert repr(UNSET) == "UNSET"
    assert pickle.loads(pickle.dumps(UNSET)) is UNSET


PUBLIC_ERRORS = [
    getattr(pinecone_control, name)
    for name in pinecone_control.__all__
    if isinstance(getattr(pinecone_control, name), type)
    and issubclass(getattr(pinecone_control, name), pinecone_control.PineconeError)
]


@pytest.mark.parametrize("cls", PUBLIC_ERRORS, ids=lambda cls: cls.__name__)
def test_errors_are_shown_under_their_public_path(cls: type[BaseException]) -> None:
    assert cls.__module__ == "pinecone_control"
    assert f"{cls.__module__}.{cls.__qualname__}" == f"pinecone_control.{cls.__name__}"
    assert getattr(pinecone_control, cls.__name__) is cls  # so pickle finds it by that path


def test_a_traceback_names_the_public_path() -> None:
    try:
        raise pinecone_control.ClientValidationError("bad argument")
    except pinecone_control.ClientValidationError as exc:
        text = "".join(traceback.format_exception(exc))
        again = pickle.loads(pickle.dumps(exc))
    assert "pinecone_control.ClientValidationError: bad argument" in text
    assert "_errors" not in text.splitlines()[-1]
    assert type(again) is pinecone_control.ClientValidationError and again.args == ("bad argument",)


def test_a_raised_status_error_shows_its_public_path() -> None:
    transport = httpx.MockTransport(
        lambda request: httpx.Response(404, json={"status": 404, "error": {"code": "NOT_FOUND", "message": "gone"}})
    )
    with (
        pinecone_control.Client(api_key=KEY, host="https://api.test", transport=transport) as pc,
        pytest.raises(pinecone_control.NotFoundError) as info,
    ):
        pc.describe_index("movies")
    last = traceback.format_exception(info.value)[-1]
    assert last.startswith("pinecone_control.NotFoundError: ")


def test_the_client_repr_shows_its_options_and_never_the_key() -> None:
    with pinecone_control.Client(api_key=KEY, host="https://api.test") as pc:
        base = repr(pc)
        derived = repr(pc.with_options(timeout=5, max_retries=0, total_timeout=30, extra_headers={"X-Team": "search"}))
    assert base.startswith("Client(host='https://api.test', api_key=<redacted>, timeout=Timeout(")
    assert "max_retries=3" in base and "total_timeout=120.0" in base
    assert "timeout=Timeout(timeout=5.0)" in derived
    assert "max_retries=0" in derived and "total_timeout=30.0" in derived
    assert "extra_headers={'X-Team': 'search'}" in derived
    assert KEY not in base + derived
    assert repr(pc).endswith(", closed)")


def test_the_async_client_repr_shows_its_options() -> None:
    pc = pinecone_control.AsyncClient(api_key=KEY, host="https://api.test", max_retries=1, source_tag="my_app")
    assert "AsyncClient(" in repr(pc) and "max_retries=1" in repr(pc) and "source_tag='my_app'" in repr(pc)
    assert KEY not in repr(pc)


@pytest.fixture
def fresh_logging(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(_logging, "_warned", set())
    handlers = list(_logging.logger.handlers)
    level = _logging.logger.level
    yield
    _logging.logger.handlers[:] = handlers
    _logging.logger.setLevel(level)


@pytest.mark.usefixtures("fresh_logging")
def test_an_unknown_log_level_warns_once_and_names_the_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PINECONE_CONTROL_LOG", "verbose")
    with pytest.warns(RuntimeWarning, match=r"PINECONE_CONTROL_LOG='verbose' is not a log level.*debug, info") as w:
        pinecone_control.Client(api_key=KEY).close()
    assert Path(w[0].filename) == Path(__file__)  # points at the caller's line
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pinecone_control.Client(api_key=KEY).close()  # the same value warns only once


@pytest.mark.usefixtures("fresh_logging")
def test_a_known_log_level_still_installs_the_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PINECONE_CONTROL_LOG", "info")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pinecone_control.Client(api_key=KEY).close()
    assert _logging.logger.level == logging.INFO
    assert any(getattr(h, "_pinecone_control", False) for h in _logging.logger.handlers)


def test_pull_offline_says_how_to_use_the_mirror() -> None:
    with pytest.raises(PinError) as info:
        fetch("https://spec-host.invalid/", "api/control.oas.yaml")
    assert "export SPEC_BASE_URL=file:///path/to/pinecone-api/" in str(info.value)


def test_make_diff_without_a_version_says_to_type_TO() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"TO", "TO_SPEC", "MAKEFLAGS", "MFLAGS"}}
    done = subprocess.run(["make", "-s", "diff"], cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 2
    assert "make diff TO=2024-10" in done.stderr
