"""The reference docs build strictly (`make docs`: any mkdocs or mkdocstrings warning fails), and
every public name of `pinecone_control` has its own documented entry."""

from __future__ import annotations

import ast
import html
import os
import re
import subprocess
from pathlib import Path

import pinecone_control
import pytest
from codegen.pin import REPO_ROOT


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS"}}
    done = subprocess.run(
        ["make", "-s", "docs", f"DOCS_SITE={out}"], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture(scope="module")
def site(site_dir: Path) -> str:
    return "".join(page.read_text(encoding="utf-8") for page in Path(site_dir, "reference").rglob("index.html"))


# Material's content column shows about 75 characters of code beside the navigation at a common
# laptop width; longer lines scroll sideways, so the home page's sample looks cut off.
HOME_CODE_WIDTH = 72


def test_the_home_page_sample_fits_without_scrolling(site_dir: Path) -> None:
    page = (site_dir / "index.html").read_text(encoding="utf-8")
    blocks = [html.unescape(re.sub(r"<[^>]+>", "", block)) for block in re.findall(r"<pre.*?</pre>", page, re.S)]
    assert blocks, "the home page shows a code sample"
    long = [line for block in blocks for line in block.splitlines() if len(line) > HOME_CODE_WIDTH]
    assert long == [], f"lines wider than {HOME_CODE_WIDTH} characters: {long}"


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


def test_the_client_signatures_show_their_own_types_not_type_variables(site: str) -> None:
    text = html.unescape(re.sub(r"<[^>]+>", "", site))
    assert not re.findall(r"\b(?:HttpT|TransportT|ClockT)\b", text)
    client = text[text.index("Client(\n") :]
    assert "http_client: httpx.Client | None" in client and "clock: Clock | None" in client
    asynchronous = text[text.index("AsyncClient(\n") :]
    assert "transport: httpx.AsyncBaseTransport | None" in asynchronous and "clock: AsyncClock | None" in asynchronous


def test_the_raises_tables_name_the_errors_the_package_raises(site: str) -> None:
    assert "APIStatusError (HTTP" not in site
    entry = site[site.index('id="pinecone_control.Client.describe_index"') :]
    entry = entry[: entry.index('id="pinecone_control.Client.', 10)]
    assert "NotFoundError" in entry and "AuthenticationError" in entry and "InternalServerError" in entry


@pytest.mark.parametrize("status", [*range(400, 432), 500, 503, 599, 600, 302])
def test_the_generated_raises_names_match_the_overlays_errors(status: int) -> None:
    from codegen.facade_module import error_name
    from pinecone_control._errors import error_class_for

    assert error_name(status) == error_class_for(status).__name__


def _fixtures() -> list[str]:
    """The fixtures the pytest plugin registers: its `@pytest.fixture` functions, read from the source."""
    from pinecone_control.testing import pytest_plugin

    tree = ast.parse(Path(pytest_plugin.__file__).read_text(encoding="utf-8"))
    return [
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and any("fixture" in ast.unparse(d) for d in node.decorator_list)
    ]


def test_every_pytest_fixture_has_a_reference_entry(site: str) -> None:
    fixtures = _fixtures()
    assert {"pinecone_server", "pinecone_client", "pinecone_emulator"} <= set(fixtures)
    for name in fixtures:
        anchor = f'id="pinecone_control.testing.pytest_plugin.{name}"'
        assert anchor in site, f"the fixture {name} has no entry in docs/reference/testing.md"


# -- the README -------------------------------------------------------------------------------------

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    """From the heading `title` to the next heading of any level (a `#` line inside a code block is none)."""
    lines = README.splitlines()
    start = lines.index(title)
    fenced = False
    for number, line in enumerate(lines[start + 1 :], start + 1):
        fenced ^= line.startswith("```")
        if not fenced and re.match(r"#{1,6} ", line):
            return "\n".join(lines[start:number])
    return "\n".join(lines[start:])


def _blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)


def test_start_here_sets_up_then_tests_and_says_how_to_pull_the_specs_offline() -> None:
    (block, *_) = _blocks(_section("## Start here"), "bash")
    commands = [line.split("#")[0].strip() for line in block.splitlines() if not line.startswith("#")]
    assert commands[:2] == ["make setup quickstart", "make test"]
    # The offline pull, in the block itself (before `make test`), with a path any reader can replace.
    before_test = block[: block.index("\nmake test")]
    assert "export SPEC_BASE_URL=file:///path/to/pinecone-api/" in before_test
    assert "$PWD/../shared" not in README


def test_every_emulator_cli_flag_is_in_the_readme_table() -> None:
    from pinecone_control.testing.__main__ import _parser

    table = _section("### From a shell or another language: the CLI and the control API")
    rows = [line for line in table.splitlines() if line.startswith("| `--")]
    flags = {o for action in _parser()._actions for o in action.option_strings if o.startswith("--") and o != "--help"}
    missing = sorted(flag for flag in flags if not any(re.search(rf"`{flag}\b", row.split(" | ")[0]) for row in rows))
    assert not missing, f"CLI flags missing from the README's table: {missing}"


def test_the_readme_shows_the_consumer_project_as_it_is_tested() -> None:
    """Every line of the README's `pinecone_server` sample is a line of tests/consumer/project/."""
    project = REPO_ROOT / "tests" / "consumer" / "project"
    lines = {line for path in project.rglob("*.py") for line in path.read_text(encoding="utf-8").splitlines()}
    (block,) = _blocks(_section("### Your code's own client, in pytest: `pinecone_server`"), "python")
    shown = [line for line in block.splitlines() if line and not line.startswith(("# src/", "# tests/"))]
    assert [line for line in shown if line not in lines] == []
    assert "def provision(" in block and "pinecone_server: EmulatorServer" in block
