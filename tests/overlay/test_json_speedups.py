"""The `speedups` extra's decoder gives exactly the standard decoder's values and errors."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from pinecone_control import _json
from pinecone_control._errors import BodyDecodeError, loads_bounded

pytest.importorskip("orjson")  # a dev install has it (pinned in the dev extra)

# Bodies orjson decodes, and bodies it refuses that the standard decoder takes or words its own way.
BODIES = [
    b'{"indexes": [{"name": "a", "dimension": 1536, "spec": {"pod": {"pods": 1}}}]}',
    b'{"a": 1, "a": 2, "b": -0.0, "c": 1e-7, "d": "\\u00e9\\ud83d\\ude00", "e": [true, false, null]}',
    '{"text": "é"}'.encode("utf-16"),  # not UTF-8: the standard decoder detects UTF-16
    b'\xef\xbb\xbf{"bom": 1}',
    b'{"big": 123456789012345678901234567890}',
    b'{"nan": NaN, "inf": Infinity}',
    b'{"lone": "\\ud800"}',
    b'{"u64": 18446744073709551615, "i64": -9223372036854775808, "more": 18446744073709551616}',
    b'{"neg": -123456789012345678901234567890, "in": "12345678901234567890"}',
    b"[" * 200 + b"]" * 200,
]
INVALID = [b"", b"{", b'{"a": 1,}', b"\xff\xfe\xfa", b"[" * 100_000 + b"]" * 100_000]


def _same(left: Any, right: Any) -> bool:
    """Equal, with NaN equal to itself."""
    if isinstance(left, float) and isinstance(right, float) and math.isnan(left):
        return math.isnan(right)
    if isinstance(left, dict) and isinstance(right, dict):
        return list(left) == list(right) and all(_same(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(_same(a, b) for a, b in zip(left, right, strict=True))
    return type(left) is type(right) and left == right


def test_the_fast_decoder_is_in_use() -> None:
    assert _json.DECODER == "orjson"


@pytest.mark.parametrize("body", BODIES, ids=range(len(BODIES)))
def test_values_match_the_standard_decoder(body: bytes) -> None:
    assert _same(_json.loads_bounded(body), json.loads(body))


@pytest.mark.parametrize("body", INVALID, ids=range(len(INVALID)))
def test_errors_match_the_reference(body: bytes) -> None:
    with pytest.raises(BodyDecodeError) as reference:
        loads_bounded(body)
    with pytest.raises(BodyDecodeError) as fast:
        _json.loads_bounded(body)
    assert str(fast.value) == str(reference.value)


def test_without_orjson_the_reference_decodes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_json, "_fast", None)
    assert _json.loads_bounded(b'{"a": [1, 2.5]}') == {"a": [1, 2.5]}
    with pytest.raises(BodyDecodeError):
        _json.loads_bounded(b"{")


def test_a_depth_limit_goes_to_the_reference() -> None:
    with pytest.raises(BodyDecodeError, match="deeper than 3"):
        _json.loads_bounded(b"[[[[1]]]]", max_depth=3)
