"""The generated msgspec mirror decodes exactly as the reference (json + `from_dict`): same values, same errors.

The fast path decodes a success body into a mirror of its model in one C pass; anything the mirror
refuses goes to the reference (json + the generated `from_dict`). These tests compare the two on
hand-picked bodies and on the fuzzer's schema-valid, schema-breaking and widened bodies.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from typing import Any

import pinecone_control_api.models as generated
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from pinecone_control import _decoding
from pinecone_control._errors import BodyDecodeError, loads_bounded
from pinecone_control_api import _mirror as mirror
from pinecone_control_api._operations import BY_NAME as SPEC
from pinecone_control_api.models import IndexList

from ..reliability.test_fuzz import RESPONSES, _breakable, _broken
from .conftest import answer_of

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
    """`make generate` writes a mirror for every success model (or fails naming the schema it
    cannot mirror): none is left to the reference alone."""
    slow = [op for op in WITH_BODY if _decoding.fast_decoder(_model_of(op).__name__) is None]
    assert slow == []
    models = {r.model for op in SPEC.values() for r in op.responses if 200 <= r.status < 300 and r.model}
    assert set(mirror.DECODERS) == models


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


def test_the_reference_decoder_can_be_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_decoding, "DECODER", "json")
    used: list[str] = []
    monkeypatch.setattr(_decoding, "fast_decoder", lambda name: used.append(name))
    assert _decoding.loads_bounded(b'{"a": [1, 2.5]}') == {"a": [1, 2.5]}
    with pytest.raises(BodyDecodeError):
        _decoding.loads_bounded(b"{")
    decode = _decoding.decoder(IndexList)
    assert decode(b'{"indexes": []}') == IndexList.from_dict({"indexes": []})
    assert used == []  # the mirror was never consulted


@pytest.mark.parametrize(("value", "decoder"), [("reference", "json"), ("msgspec", "msgspec"), ("", "msgspec")])
def test_the_decoder_comes_from_the_environment(value: str, decoder: str) -> None:
    code = "from pinecone_control import _decoding; print(_decoding.DECODER)"
    env = {**os.environ, "PINECONE_CONTROL_DECODER": value}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == decoder


def test_an_unknown_decoder_is_a_typed_error_at_import() -> None:
    code = (
        "from pinecone_control._errors import ClientValidationError\n"
        "try:\n    from pinecone_control import _decoding\n"
        "except ClientValidationError as exc:\n    print('refused:', exc)\n"
    )
    env = {**os.environ, "PINECONE_CONTROL_DECODER": "orjson"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "refused: PINECONE_CONTROL_DECODER='orjson': expected one of msgspec, reference"


def test_msgspec_is_loaded_at_the_first_answer_not_with_the_client() -> None:
    code = (
        "import sys, pinecone_control\n"
        "pinecone_control.Client(api_key='k')\n"
        "print('msgspec' in sys.modules, 'pinecone_control_api._mirror' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
