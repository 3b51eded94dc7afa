"""What the README teaches comes from the versioned package (issue 22 item 4): `Unset`/`UNSET` and
the status enums are `pinecone_control` names, the enums found in the spec by the generator; and
`ensure_index` takes the `spec` a describe returns, under `mypy --strict` too."""

from __future__ import annotations

import re
import subprocess
import sys
import typing
from pathlib import Path

import pinecone_control
import pinecone_control_api.models as models
import pytest
from codegen.pin import REPO_ROOT
from pinecone_control_api import types
from pinecone_control_api._operations import OPERATIONS

from .test_reading import strict_mypy


def _status_enums_of_the_models() -> set[str]:
    """Walked at run time, independently of the generator: the enum of `status` (or `status.state`)
    of every model a GET answers with."""
    found: set[str] = set()
    for op in OPERATIONS:
        for response in op.responses if op.method == "GET" else ():
            model = getattr(models, response.model or "", None)
            status = typing.get_type_hints(model).get("status") if model else None
            for candidate in typing.get_args(status) or (status,):
                if isinstance(candidate, type) and issubclass(candidate, str) and hasattr(candidate, "_member_map_"):
                    found.add(candidate.__name__)
                elif isinstance(candidate, type) and hasattr(candidate, "__attrs_attrs__"):
                    state = typing.get_type_hints(candidate).get("state")
                    found |= {s.__name__ for s in typing.get_args(state) or (state,) if isinstance(s, type)}
    return found


def test_the_status_enums_are_public_names_found_in_the_spec() -> None:
    enums = _status_enums_of_the_models()
    assert enums == {"IndexModelStatusState", "CollectionModelStatus"}
    assert enums <= set(pinecone_control.__all__)
    for name in enums:
        assert getattr(pinecone_control, name) is getattr(models, name)
    assert pinecone_control.IndexModelStatusState("Ready") is pinecone_control.IndexModelStatusState.READY


def test_unset_is_a_public_name() -> None:
    assert {"Unset", "UNSET"} <= set(pinecone_control.__all__)
    assert pinecone_control.Unset is types.Unset and pinecone_control.UNSET is types.UNSET


def test_importing_the_package_still_loads_no_model() -> None:
    code = "import sys, pinecone_control; print('pinecone_control_api.models' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_the_readme_imports_nothing_from_the_generated_package() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    blocks = "\n".join(re.findall(r"```python\n(.*?)```", readme, flags=re.S))
    assert not re.findall(r"^\s*(?:from|import) pinecone_control_api\b.*", blocks, flags=re.M)


CONSUMER = """\
from pinecone_control import (
    UNSET, Client, CollectionModelStatus, IndexModel, IndexModelStatusState, Unset, require,
)


def same_again(pc: Client, name: str) -> IndexModel:
    described = pc.describe_index(name)
    # The spec a describe returns, as it is: the same index, provisioned again.
    return pc.ensure_index(name, dimension=described.dimension, spec=described.spec)


def ready(pc: Client, name: str) -> bool:
    state: IndexModelStatusState = pc.describe_index(name).status.state
    collection: CollectionModelStatus | Unset = pc.describe_collection(name).status
    return state == IndexModelStatusState.READY and collection is not UNSET and bool(require(collection, "status"))
"""


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    return strict_mypy(tmp_path_factory.mktemp("consumer"), CONSUMER)


def test_consumer_code_with_the_public_names_passes_mypy_strict(checked: subprocess.CompletedProcess[str]) -> None:
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_ensure_index_takes_the_spec_a_describe_returns_at_run_time(tmp_path: Path) -> None:
    from pinecone_control.testing import Emulator, Timings

    with Emulator(timings=Timings.instant()).client() as pc:
        pc.create_index("movies", dimension=8, spec=pinecone_control.pod_spec("us-east1-gcp", "p1.x1"))
        described = pc.describe_index("movies")
        again = pc.ensure_index("movies", dimension=8, spec=described.spec)
        assert again.name == "movies"


def test_no_hand_written_list_of_generated_names() -> None:
    """`pinecone_control` star-imports `_exports` for type checkers and docs, and its run-time
    `__all__` and lazy names come from `_surface.MODELS` / `BUILDERS`, which `_exports` imports: one
    generated list, the status enums found in the spec among them."""
    from pinecone_control_api import _exports, _surface

    assert set(_exports.__all__) == set(_surface.MODELS) | set(_surface.BUILDERS)
    assert set(_exports.__all__) <= set(pinecone_control.__all__)
    assert _status_enums_of_the_models() <= set(_surface.MODELS)
