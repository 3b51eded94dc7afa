"""The `speedups` extra (msgspec) decodes exactly as the base install: same values, same errors.

The fast path decodes a success body into a mirror of its model in one C pass; anything the mirror
refuses goes to the reference (json + the generated `from_dict`). These tests compare the two on
hand-picked bodies and on the fuzzer's schema-valid, schema-breaking and widened bodies.
"""

from __future__ import annotations

import json
import math
from typing import Any

import attrs
import pinecone_control_api.models as generated
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from pinecone_control import _decoding
from pinecone_control._errors import BodyDecodeError, loads_bounded
from pinecone_control_api._operations import BY_NAME as SPEC
from pinecone_control_api.models import IndexList
from pinecone_control_api.types import UNSET, Unset

from ..reliability.test_fuzz import RESPONSES, _breakable, _broken
from .conftest import answer_of

msgspec = pytest.importorskip("msgspec")  # a dev install has it (pinned in the dev extra)

# Bodies msgspec decodes, and bodies it refuses that the standard decoder takes or words its own way.
BODIES = [
    b'{"indexes": [{"name": "a", "dimension": 1536, "spec": {"pod": {"pods": 1}}}]}',
    b'{"a": 1, "a": 2, "b": -0.0, "c": 1e-7, "d": "\\u00e9\\ud83d\\ude00", "e": [true, false, null]}',
    '{"text": "é"}'.encode("utf-16"),  # not UTF-8: the standard decoder detects UTF-16
    b'\xef\xbb\xbf{"bom": 1}',
    b'{"big": 123456789012345678901234567890}',
    b'{"nan": NaN, "inf": Infinity, "huge": 1e400}',
    b'{"lone": "\\ud800"}',
    b'{"u64": 18446744073709551615, "i64": -9223372036854775808, "more": 18446744073709551616}',
    b'{"neg": -123456789012345678901234567890, "in": "12345678901234567890"}',
    b"[" * 200 + b"]" * 200,
]
INVALID = [b"", b"{", b'{"a": 1,}', b"\xff\xfe\xfa", b"[" * 100_000 + b"]" * 100_000]


def _same(left: Any, right: Any) -> bool:
    """Equal, of the same types all the way down, with NaN equal to itself."""
    if isinstance(left, float) and isinstance(right, float) and math.isnan(left):
        return math.isnan(right)
    if isinstance(left, dict) and isinstance(right, dict):
        return list(left) == list(right) and all(_same(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(_same(a, b) for a, b in zip(left, right, strict=True))
    return type(left) is type(right) and left == right


def test_the_fast_decoder_is_in_use() -> None:
    assert _decoding.DECODER == "msgspec"


@pytest.mark.parametrize("body", BODIES, ids=range(len(BODIES)))
def test_values_match_the_standard_decoder(body: bytes) -> None:
    assert _same(_decoding.loads_bounded(body), json.loads(body))


@pytest.mark.parametrize("body", INVALID, ids=range(len(INVALID)))
def test_errors_match_the_reference(body: bytes) -> None:
    with pytest.raises(BodyDecodeError) as reference:
        loads_bounded(body)
    with pytest.raises(BodyDecodeError) as fast:
        _decoding.loads_bounded(body)
    assert str(fast.value) == str(reference.value)


def test_a_depth_limit_goes_to_the_reference() -> None:
    with pytest.raises(BodyDecodeError, match="deeper than 3"):
        _decoding.loads_bounded(b"[[[[1]]]]", max_depth=3)


# -- straight into the models ------------------------------------------------------------------------


def _model_of(operation: str) -> type:
    spec = SPEC[operation]
    name = next(r.model for r in spec.responses if 200 <= r.status < 300 and r.model)
    model: type = getattr(generated, name)
    return model


def _reference(model: type, body: bytes) -> Any:
    return model.from_dict(loads_bounded(body))  # type: ignore[attr-defined]


def _outcome(decode: Any, body: bytes) -> tuple[str, Any]:
    try:
        return "value", decode(body)
    except Exception as exc:  # the comparison is of whatever each raises
        return type(exc).__name__, str(exc)


def assert_same_decoding(model: type, body: bytes) -> None:
    fast = _outcome(_decoding.decoder(model), body)
    reference = _outcome(lambda b: _reference(model, b), body)
    assert fast[0] == reference[0], (fast, reference)
    if fast[0] == "value":
        assert type(fast[1]) is type(reference[1])
        assert fast[1] == reference[1]
        assert repr(fast[1]) == repr(reference[1])  # the types inside too: 1 vs 1.0, enum members
        assert _same(fast[1].to_dict(), reference[1].to_dict())
    else:
        assert fast[1] == reference[1]


FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
WITH_BODY = sorted(RESPONSES)


def test_every_success_model_of_the_spec_has_a_fast_path() -> None:
    """A model the mirror cannot match is read by the reference (still correct, only slower): this
    names any such model, so a spec bump that loses the fast path is seen."""
    slow = [op for op in WITH_BODY if _decoding._fast_decoder(_model_of(op)) is None]
    assert slow == []


@pytest.mark.parametrize("operation", WITH_BODY)
def test_schema_valid_bodies_decode_the_same(operation: str) -> None:
    model = _model_of(operation)

    @FUZZ
    @given(from_schema(RESPONSES[operation]))
    def check(payload: Any) -> None:
        assert_same_decoding(model, json.dumps(payload).encode())

    check()


@pytest.mark.parametrize("operation", WITH_BODY)
def test_schema_breaking_bodies_fail_the_same(operation: str) -> None:
    schema = RESPONSES[operation]
    model = _model_of(operation)

    @FUZZ
    @given(from_schema(schema), st.data())
    def check(payload: Any, data: st.DataObject) -> None:
        places = list(_breakable(schema, payload))
        if places:
            path, kind, child = data.draw(st.sampled_from(places))
            payload = _broken(payload, path, kind, child)
        assert_same_decoding(model, json.dumps(payload).encode())

    check()


@pytest.mark.parametrize("operation", WITH_BODY)
def test_widened_bodies_decode_the_same(operation: str) -> None:
    """What a newer server may send: unknown keys anywhere (kept in `additional_properties`), unknown
    enum values (pseudo-members), integers where floats are declared, nulls, big integers."""
    model = _model_of(operation)
    extra = st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8), st.just([1, "a"])
    )

    @FUZZ
    @given(from_schema(RESPONSES[operation]), st.data())
    def check(payload: Any, data: st.DataObject) -> None:
        def widen(value: Any) -> Any:
            if isinstance(value, dict):
                widened = {k: widen(v) for k, v in value.items()}
                if data.draw(st.booleans()):
                    widened[data.draw(st.text(min_size=1, max_size=6))] = data.draw(extra)
                return widened
            if isinstance(value, list):
                return [widen(v) for v in value]
            if isinstance(value, str) and data.draw(st.integers(0, 9)) == 0:
                return value + "X"  # an enum value this spec does not list, or just another string
            if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
                return int(value)
            return value

        assert_same_decoding(model, json.dumps(widen(payload)).encode())

    check()


def test_a_100_index_list_takes_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    index = answer_of(  # what this version's describe answers (a later one adds required fields)
        "describe_index",
        {
            "name": "a",
            "dimension": 8,
            "metric": "cosine",
            "host": "h",
            "spec": {"pod": {"environment": "e", "pod_type": "p1.x1", "metadata_config": {"indexed": ["g"]}}},
            "status": {"ready": True, "state": "Ready"},
        },
    )
    body = json.dumps({"indexes": [index] * 100}).encode()
    used: list[str] = []
    monkeypatch.setattr(IndexList, "from_dict", classmethod(lambda cls, d: used.append("reference")))
    decode = _decoding.decoder(IndexList)
    result = decode(body)
    assert used == [] and isinstance(result, IndexList) and len(result) == 100
    assert result.to_dict() == json.loads(body)
    unknown_key = json.dumps({"indexes": [{**index, "not_a_field_of_any_version": 1}]}).encode()
    decode(unknown_key)
    assert used == ["reference"]  # an unknown key: additional_properties are the reference's job


def test_without_msgspec_the_reference_decodes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_decoding, "msgspec", None)
    assert _decoding.loads_bounded(b'{"a": [1, 2.5]}') == {"a": [1, 2.5]}
    with pytest.raises(BodyDecodeError):
        _decoding.loads_bounded(b"{")
    decode = _decoding.decoder(IndexList)
    assert decode(b'{"indexes": []}') == IndexList.from_dict({"indexes": []})


# Models shaped like the generated ones, for rules the 2024-07 responses do not exercise: a later
# spec's float fields (its `from_dict` keeps an integer there), nullable fields, and a nested model the
# mirror cannot match (typed extra keys, like 2025-10's `IndexTags`), which its own `from_dict` reads.
_KNOWN_KEYS = frozenset(("ratio", "note", "tags"))


@attrs.define
class _Tags:
    additional_properties: dict[str, str] = attrs.field(init=False, factory=dict)

    @classmethod
    def from_dict(cls, src: dict[str, Any]) -> _Tags:
        tags = cls()
        tags.additional_properties = {k: str(v) for k, v in src.items()}
        return tags


@attrs.define
class _Scores:
    ratio: float
    note: str | Unset | None = UNSET
    tags: _Tags | Unset = UNSET
    additional_properties: dict[str, Any] = attrs.field(init=False, factory=dict)


def test_a_float_field_keeps_an_integer_and_null_stays_none() -> None:
    struct = _decoding._struct(_Scores)
    build = _decoding._builder(_Scores, _Scores)
    decoded = build(msgspec.json.decode(b'{"ratio": 1, "note": null}', type=struct))
    assert type(decoded.ratio) is int and decoded.note is None
    assert build(msgspec.json.decode(b'{"ratio": 2.5}', type=struct)).note is UNSET
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(b'{"ratio": true}', type=struct)  # bool is not a number, as in from_dict


def test_a_nested_model_the_mirror_cannot_match_is_read_by_its_from_dict() -> None:
    struct = _decoding._struct(_Scores)
    build = _decoding._builder(_Scores, _Scores)
    decoded = build(msgspec.json.decode(b'{"ratio": 1.5, "tags": {"team": "a", "n": 1}}', type=struct))
    assert isinstance(decoded.tags, _Tags) and decoded.tags.additional_properties == {"team": "a", "n": "1"}
