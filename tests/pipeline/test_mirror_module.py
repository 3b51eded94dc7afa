"""codegen/mirror_module.py: the msgspec mirror `make generate` writes, on shapes the 2024-07 spec
does not have (later specs do): floats that keep integers, nulls, renamed keys, typed extra keys,
unions of models, timestamps; and a shape it does not know, which fails the generation by name.

A small package shaped like the generated one is written to a temporary directory, its mirror
rendered and imported, and each decoding compared with the models' own `from_dict`."""

from __future__ import annotations

import datetime
import importlib
import importlib.util
import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from codegen.mirror_module import Mirror, MirrorError, render

TYPES = """
import attrs
from pinecone_control_api.types import extra_keys_at_first_use

@attrs.define
class Unset:
    def __bool__(self) -> bool:
        return False

UNSET = Unset()
"""

HEAD = """
from __future__ import annotations

import datetime
from typing import Any

import attrs

from ..types import UNSET, Unset, extra_keys_at_first_use
"""

# One model per module, each with the `_KNOWN_KEYS` of its wire keys, as the generator writes them.
MODELS = {
    "tags": (
        "_KNOWN_KEYS: frozenset[str] = frozenset()",
        """
@extra_keys_at_first_use
@attrs.define
class Tags:
    additional_properties: dict[str, str] = attrs.field(init=False, factory=dict)

    @classmethod
    def from_dict(cls, src: Any) -> Tags:
        tags = cls()
        tags.additional_properties = dict(src)
        return tags
""",
    ),
    "dense": (
        '_KNOWN_KEYS = frozenset(("values",))',
        """
@extra_keys_at_first_use
@attrs.define
class Dense:
    values: list[float]
    additional_properties: dict[str, Any] = attrs.field(init=False, factory=dict)

    @classmethod
    def from_dict(cls, src: Any) -> Dense:
        dense = cls(values=src["values"])
        dense.additional_properties = {k: v for k, v in src.items() if k != "values"}
        return dense
""",
    ),
    "sparse": (
        '_KNOWN_KEYS = frozenset(("indices",))',
        """
@extra_keys_at_first_use
@attrs.define
class Sparse:
    indices: list[int]
    additional_properties: dict[str, Any] = attrs.field(init=False, factory=dict)

    @classmethod
    def from_dict(cls, src: Any) -> Sparse:
        sparse = cls(indices=src["indices"])
        sparse.additional_properties = {k: v for k, v in src.items() if k != "indices"}
        return sparse
""",
    ),
    "scores": (
        '_KNOWN_KEYS = frozenset(("ratio", "note", "type", "tags", "shape", "at"))\n'
        "from .dense import Dense\nfrom .sparse import Sparse\nfrom .tags import Tags",
        """
@extra_keys_at_first_use
@attrs.define
class Scores:
    ratio: float
    type_: str
    at: datetime.datetime
    note: str | Unset | None = UNSET
    tags: Tags | Unset = UNSET
    shape: Dense | Sparse | Unset = UNSET
    additional_properties: dict[str, Any] = attrs.field(init=False, factory=dict)
""",
    ),
}

WIRES = {
    "Scores": {"ratio": "ratio", "type_": "type", "at": "at", "note": "note", "tags": "tags", "shape": "shape"},
    "Tags": {},
    "Dense": {"values": "values"},
    "Sparse": {"indices": "indices"},
}


@pytest.fixture
def package(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    name = f"mirrorpkg_{request.node.name.replace('[', '_').replace(']', '_').replace('-', '_')}"
    root = tmp_path / name
    (root / "models").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "types.py").write_text(TYPES)
    (root / "models" / "__init__.py").write_text(
        "".join(f"from .{module} import {module.title()}\n" for module in MODELS)
    )
    for module, (known, body) in MODELS.items():
        (root / "models" / f"{module}.py").write_text(f"{HEAD}\n{known}\n\n{body}")
    sys.path.insert(0, str(tmp_path))
    try:
        yield name
    finally:
        sys.path.remove(str(tmp_path))
        for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            del sys.modules[module]


def _mirror(package: str, wires: dict[str, dict[str, str]] | None = None) -> ModuleType:
    models = importlib.import_module(f"{package}.models")
    source = render(Mirror(package, wires or WIRES, {"Scores": "Scores"}), [models.Scores])
    path = Path(str(models.__file__)).parent.parent / "_mirror.py"
    path.write_text(source)
    return importlib.import_module(f"{package}._mirror")


def test_the_mirror_builds_what_the_models_hold(package: str) -> None:
    decode = _mirror(package).decode_Scores
    models = importlib.import_module(f"{package}.models")
    unset = importlib.import_module(f"{package}.types").UNSET
    body = {"ratio": 1, "type": "t", "at": "2025-02-04T13:00:00+00:00", "note": None, "tags": {"team": "a"}}
    scores = decode(json.dumps(body).encode())
    assert type(scores.ratio) is int and scores.ratio == 1  # a float field keeps an integer, as from_dict
    assert scores.type_ == "t"  # the wire key `type` is the attribute `type_`
    assert scores.at == datetime.datetime(2025, 2, 4, 13, tzinfo=datetime.UTC)
    assert scores.note is None and scores.shape is unset
    assert isinstance(scores.tags, models.Tags) and scores.tags.additional_properties == {"team": "a"}
    assert scores.additional_properties == {}


def test_a_union_of_models_takes_the_first_branch_whose_from_dict_accepts_it(package: str) -> None:
    decode = _mirror(package).decode_Scores
    models = importlib.import_module(f"{package}.models")
    base = {"ratio": 2.5, "type": "t", "at": "2025-02-04T13:00:00"}
    dense = decode(json.dumps({**base, "shape": {"values": [0.5]}}).encode()).shape
    sparse = decode(json.dumps({**base, "shape": {"indices": [3]}}).encode()).shape
    assert isinstance(dense, models.Dense) and dense.values == [0.5]
    assert isinstance(sparse, models.Sparse) and sparse.indices == [3]
    with pytest.raises(TypeError):  # no branch takes a string: the reference then decides
        decode(json.dumps({**base, "shape": "dense"}).encode())


@pytest.mark.parametrize(
    "body",
    [
        {"ratio": True, "type": "t", "at": "2025-02-04"},  # a bool is no number, as in from_dict
        {"ratio": 1, "type": "t", "at": "2025-02-04", "unknown": 1},  # additional_properties: the reference's job
        {"ratio": 1, "type": "t"},  # a required key missing
        {"ratio": 1, "type": "t", "at": 5},  # fromisoformat takes only strings
    ],
)
def test_the_mirror_refuses_what_it_does_not_build_exactly(package: str, body: dict[str, Any]) -> None:
    decode = _mirror(package).decode_Scores
    with pytest.raises(Exception):  # noqa: B017  # msgspec's ValidationError or the builder's TypeError
        decode(json.dumps(body).encode())


def test_a_shape_it_does_not_know_fails_the_generation_naming_the_schema(package: str) -> None:
    spec = importlib.util.find_spec(package)
    assert spec is not None and spec.submodule_search_locations
    root = spec.submodule_search_locations[0]
    scores = Path(root) / "models" / "scores.py"  # rewritten before the models are imported
    scores.write_text(scores.read_text().replace("shape: Dense | Sparse | Unset", "shape: Dense | int | Unset"))
    with pytest.raises(MirrorError, match=r"schema `Scores` \(class Scores\), property `shape`: a value of type"):
        _mirror(package)


def test_properties_that_are_not_the_fields_fail_the_generation(package: str) -> None:
    wires = {**WIRES, "Scores": {k: v for k, v in WIRES["Scores"].items() if k != "note"}}
    with pytest.raises(MirrorError, match="schema `Scores`"):
        _mirror(package, wires)


def test_the_generated_mirror_is_plain_source() -> None:
    """No `exec`, no `defstruct` at run time: the structs are class statements `make generate` wrote."""
    from pinecone_control_api import _mirror

    source = Path(_mirror.__file__).read_text(encoding="utf-8")
    assert "exec(" not in source and "defstruct" not in source and "compile(" not in source
    decoding = Path(importlib.import_module("pinecone_control._decoding").__file__).read_text(encoding="utf-8")  # type: ignore[arg-type]
    assert "exec(" not in decoding and "defstruct" not in decoding
    assert textwrap.dedent(source).startswith('"""msgspec mirrors of the success models')
