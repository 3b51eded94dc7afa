"""Patterns are JSON Schema (ECMA-262) regexes: `$` ends the input, it does not allow a newline."""

from __future__ import annotations

import re

import pytest
from pinecone_control._schema_checks import ecma_anchors, value_violation
from pinecone_control_api._operations import BY_NAME


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [("^a$", "^a\\Z"), ("^a\\$$", "^a\\$\\Z"), ("^[$]$", "^[$]\\Z"), ("^a(b|c$)", "^a(b|c\\Z)"), ("^a", "^a")],
)
def test_anchors_are_translated(pattern: str, expected: str) -> None:
    assert ecma_anchors(pattern) == expected


@pytest.mark.parametrize("name", ["a\n", "movies\n"])
def test_a_trailing_newline_breaks_the_name_rule(name: str) -> None:
    field = BY_NAME["describe_index"].parameters[0]
    assert field.pattern is not None and re.search(field.pattern, name), "Python's $ alone would accept it"
    found = value_violation(field, name)
    assert found is not None and found.rule == "pattern"
