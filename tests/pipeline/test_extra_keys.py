"""A model decoded without keys beyond its schema gets its `additional_properties` dict at first use
(`types.extra_keys_at_first_use`), by either decoder; to a caller it is the plain attribute it was."""

from __future__ import annotations

import copy
import json
import pickle
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
from pinecone_control import _calls
from pinecone_control_api.models import IndexList, IndexModel, IndexModelStatus, IndexModelStatusState
from pinecone_control_api.types import ExtraKeys

BODY = json.dumps(
    {
        "indexes": [
            {
                "name": f"index-{i}",
                "dimension": 8,
                "metric": "cosine",
                "host": f"index-{i}.svc.pinecone.io",
                "spec": {"serverless": {"cloud": "aws", "region": "us-east-1"}},
                "status": {"ready": True, "state": "Ready"},
                "deletion_protection": "disabled",
            }
            for i in range(3)
        ]
    }
).encode()


def _mirror(body: bytes) -> IndexList:
    parse = _calls.operation("list_indexes").parse
    assert parse is not None
    result: IndexList = parse(body)
    return result


def _reference(body: bytes) -> IndexList:
    return IndexList.from_dict(json.loads(body))


DECODERS: dict[str, Callable[[bytes], IndexList]] = {"mirror": _mirror, "reference": _reference}


@pytest.fixture(params=sorted(DECODERS))
def decode(request: pytest.FixtureRequest) -> Callable[[bytes], IndexList]:
    return DECODERS[request.param]


def _models(result: IndexList) -> Iterator[Any]:
    yield result
    for index in result:
        yield from (index, index.spec, index.spec.serverless, index.status)


def _holds_a_dict(model: Any) -> bool:
    """Whether the slot itself is set (reading the attribute would make it)."""
    descriptor = type(model).__dict__["additional_properties"]
    assert isinstance(descriptor, ExtraKeys)
    try:
        descriptor._slot.__get__(model, type(model))
    except AttributeError:
        return False
    return True


def test_decoding_makes_no_empty_dict(decode: Callable[[bytes], IndexList]) -> None:
    result = decode(BODY)
    assert not [type(m).__name__ for m in _models(result) if _holds_a_dict(m)]
    assert all(m.additional_properties == {} for m in _models(result))
    assert all(_holds_a_dict(m) for m in _models(result)), "made at first use, then kept"


def test_keys_beyond_the_schema_are_still_kept(decode: Callable[[bytes], IndexList]) -> None:
    body = BODY.replace(b'"ready": true', b'"ready": true, "added_later": [1]', 1)
    status = next(iter(decode(body))).status
    assert _holds_a_dict(status) and status.additional_properties == {"added_later": [1]}


def test_it_reads_and_writes_as_the_attribute_did(decode: Callable[[bytes], IndexList]) -> None:
    status = next(iter(decode(BODY))).status
    built = IndexModelStatus(ready=True, state=IndexModelStatusState.READY)  # __init__: a dict at once
    assert status == built and repr(status) == repr(built)
    assert (
        repr(status)
        == "IndexModelStatus(ready=True, state=<IndexModelStatusState.READY: 'Ready'>, additional_properties={})"
    )
    status["colour"] = "blue"
    assert status.additional_properties == {"colour": "blue"} and status.to_dict()["colour"] == "blue"
    assert status != built
    status.additional_properties = {"other": 1}
    assert status["other"] == 1 and "colour" not in status


@pytest.mark.parametrize(
    "clone", [copy.copy, copy.deepcopy, lambda m: pickle.loads(pickle.dumps(m)), attrs.evolve], ids=str
)
def test_copies_pickles_and_asdict_see_a_dict(
    clone: Callable[[Any], Any], decode: Callable[[bytes], IndexList]
) -> None:
    index = next(iter(decode(BODY)))
    assert clone(index) == index
    assert attrs.asdict(index)["status"]["additional_properties"] == {}


def test_the_class_attribute_is_the_descriptor() -> None:
    assert isinstance(IndexModel.__dict__["additional_properties"], ExtraKeys)
    assert [f.name for f in attrs.fields(IndexModel)][-1] == "additional_properties"


class _SlowSlot:
    """A slot descriptor that takes a millisecond to find out it is empty: the window in which two
    threads' first uses meet."""

    def __init__(self) -> None:
        self.values: dict[int, Any] = {}

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        found = self.values.get(id(instance))
        time.sleep(0.001)
        if found is None:
            raise AttributeError("additional_properties")
        return found

    def __set__(self, instance: object, value: Any) -> None:
        self.values[id(instance)] = value


def test_threads_first_using_one_model_share_one_dict() -> None:
    """Eight threads use one fresh model's `additional_properties` at once: all get the same dict
    (a second one made by another thread would lose what was written into the first)."""
    extra = ExtraKeys(_SlowSlot())
    model = object()
    barrier = threading.Barrier(8)
    seen: list[Any] = []

    def first_use() -> None:
        barrier.wait()
        seen.append(extra.__get__(model, object))

    threads = [threading.Thread(target=first_use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 8 and len({id(d) for d in seen}) == 1
