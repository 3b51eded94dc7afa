"""Every generated enum is forward-compatible: a value this spec does not document, however it is
spelled, parses as an unknown member that keeps its string; documented values stay known."""

from __future__ import annotations

import pickle
from enum import StrEnum

import pinecone_control_api.models as models
import pytest

ENUMS = sorted(
    (obj for obj in vars(models).values() if isinstance(obj, type) and issubclass(obj, StrEnum)),
    key=lambda cls: cls.__name__,
)


def test_the_generated_enums_are_found() -> None:
    assert "IndexModelStatusState" in {cls.__name__ for cls in ENUMS} and len(ENUMS) >= 5
    # The case the old code got wrong is exercised: an undocumented spelling equal to a member name.
    assert any(text in cls.__members__ for cls in ENUMS for text in _undocumented_spellings(cls))


def _undocumented_spellings(cls: type[StrEnum]) -> set[str]:
    """Each member's value and name in other cases: the names are where the old code went wrong."""
    documented = {member.value for member in cls}
    spellings = set()
    for member in cls:
        for text in (member.value, member.name):
            spellings |= {text, text.upper(), text.lower(), text.swapcase(), text.title(), f" {text}", f"{text}\n"}
    return spellings - documented


@pytest.mark.parametrize("cls", ENUMS, ids=lambda cls: cls.__name__)
def test_undocumented_spellings_are_unknown_and_round_trip(cls: type[StrEnum]) -> None:
    for text in sorted(_undocumented_spellings(cls)):
        value = cls(text)
        assert value.is_unknown, f"{cls.__name__}({text!r}) must be unknown"  # type: ignore[attr-defined]
        assert str(value) == text and value.value == text and value == text
        assert all(value is not member for member in cls)
        assert cls(str(value)) == value
        again = pickle.loads(pickle.dumps(value))
        assert again == text and again.is_unknown


@pytest.mark.parametrize("cls", ENUMS, ids=lambda cls: cls.__name__)
def test_documented_values_stay_known(cls: type[StrEnum]) -> None:
    for member in cls:
        for value in (member, cls(member.value), cls[member.name], pickle.loads(pickle.dumps(member))):
            assert value is member and not value.is_unknown  # type: ignore[attr-defined]
    # Parsing unknown values first must not change what the documented ones are.
    for text in _undocumented_spellings(cls):
        cls(text)
    assert [m.name for m in cls] == list(cls.__members__) and not any(m.is_unknown for m in cls)  # type: ignore[attr-defined]
