"""Every PineconeError subclass survives pickling, in-process and from a process-pool worker."""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest
from pinecone_control import _errors

from .error_samples import ERROR_CLASSES, raise_sample, sample


def _same(a: BaseException, b: BaseException) -> None:
    assert type(a) is type(b)
    assert a.args == b.args and str(a) == str(b) and repr(a) == repr(b)
    assert vars(a) == vars(b)


def test_every_error_class_is_covered() -> None:
    names = {cls.__name__ for cls in ERROR_CLASSES}
    expected = {"PineconeError", "RateLimitError", "DeletionProtectionError", "APITimeoutError", "WaitTimeoutError"}
    assert expected <= names
    assert len(ERROR_CLASSES) >= 20


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_errors_round_trip_through_pickle(cls: type[_errors.PineconeError]) -> None:
    error = sample(cls)
    error.add_note("a note added by the caller")
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(error, protocol=protocol))
        _same(error, again)
        assert again.__notes__ == ["a note added by the caller"]
    if isinstance(error, _errors.APIStatusError):
        again = pickle.loads(pickle.dumps(error))
        assert isinstance(again, _errors.APIStatusError)
        assert (again.status_code, again.message, again.code, again.body) == (
            error.status_code,
            error.message,
            error.code,
            error.body,
        )


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPoolExecutor]:
    # spawn: a fresh interpreter, so nothing from this process (threads, locks) leaks into the worker.
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as executor:
        yield executor


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_errors_raised_in_a_worker_process_arrive_as_themselves(
    pool: ProcessPoolExecutor, cls: type[_errors.PineconeError]
) -> None:
    """Old code: an unpicklable error broke the pool (BrokenProcessPool) instead of arriving."""
    future: Any = pool.submit(raise_sample, cls.__name__, "in a worker")
    with pytest.raises(cls) as info:
        future.result(timeout=120)
    _same(info.value, sample(cls, "in a worker"))
