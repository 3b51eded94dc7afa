"""The reference docs build strictly (`make docs`: any mkdocs or mkdocstrings warning fails), and
every public name of `pinecone_control` has its own documented entry."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pinecone_control
import pytest
from codegen.pin import REPO_ROOT


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("site")
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS"}}
    done = subprocess.run(
        ["make", "-s", "docs", f"DOCS_SITE={out}"], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return "".join(page.read_text(encoding="utf-8") for page in Path(out, "reference").rglob("index.html"))


@pytest.mark.parametrize("name", pinecone_control.__all__)
def test_every_public_name_has_a_documented_entry(site: str, name: str) -> None:
    anchor = f'<h2 id="pinecone_control.{name}"'
    assert anchor in site, f"pinecone_control.{name} has no entry in docs/reference"
    entry = site[site.index(anchor) :]
    entry = entry[entry.index("</h2>") : entry.index("<h", entry.index("</h2>") + 5)]
    assert "<p>" in entry, f"pinecone_control.{name} has no docstring"


def test_the_client_constructor_and_methods_are_documented(site: str) -> None:
    for method in ("create_index", "wait_for_index_ready", "with_options", "embed"):
        assert f'id="pinecone_control.Client.{method}"' in site
        assert f'id="pinecone_control.AsyncClient.{method}"' in site
    for argument in ("proxy", "cert", "verify", "wait_timeout", "total_timeout"):
        assert re.search(rf"\b{argument}\b", site)
