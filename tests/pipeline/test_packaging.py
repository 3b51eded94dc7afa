"""One distribution ships both packages, typed, and declares exactly the runtime imports it needs."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest
from codegen.pin import REPO_ROOT

PACKAGES = {
    "pinecone_control_api": REPO_ROOT / "generated" / "pinecone_control_api",
    "pinecone_control": REPO_ROOT / "overlay" / "pinecone_control",
}


# Modules that only their host tool loads: pytest imports the plugin through its entry point.
HOSTED = {"pytest_plugin.py": {"pytest"}}


def _import_names(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name.split(".")[0] for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        return [node.module.split(".")[0]]
    return []


def _guarded(node: ast.AST) -> bool:
    """A `try:` whose handler catches ImportError: its imports are optional (the `otel` extra)."""
    return isinstance(node, ast.Try) and any(
        isinstance(handler.type, ast.Name) and handler.type.id in {"ImportError", "ModuleNotFoundError"}
        for handler in node.handlers
    )


def _collect(node: ast.AST, in_guard: bool, always: set[str], maybe: set[str]) -> None:
    (maybe if in_guard else always).update(_import_names(node))
    for field, value in ast.iter_fields(node):
        children = value if isinstance(value, list) else [value]
        guard = in_guard or (_guarded(node) and field == "body")
        for child in children:
            if isinstance(child, ast.AST):
                _collect(child, guard, always, maybe)


def _third_party_imports(root: Path, *, optional: bool = False) -> set[str]:
    """The third-party modules the shipped code imports unconditionally, or (`optional`) only
    inside the body of a `try: ... except ImportError`."""
    found: set[str] = set()
    for path in root.rglob("*.py"):
        hosted = HOSTED.get(path.name, set())
        always: set[str] = set()
        maybe: set[str] = set()
        _collect(ast.parse(path.read_text(encoding="utf-8")), False, always, maybe)
        found.update(name for name in (maybe if optional else always) if name not in hosted)
    return {name for name in found if name not in sys.stdlib_module_names and name not in PACKAGES}


def _declared_dependencies() -> set[str]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = set()
    for requirement in project["dependencies"]:
        name = requirement
        for sep in "<>=!~ ;[":
            name = name.split(sep)[0]
        names.add(name.strip())
    return names


def test_runtime_dependencies_are_exactly_what_the_shipped_code_imports() -> None:
    imported = set().union(*(_third_party_imports(root) for root in PACKAGES.values()))
    assert imported == _declared_dependencies() == {"httpx", "httpcore", "attrs", "msgspec", "certifi"}


def test_optional_imports_are_exactly_the_extras() -> None:
    optional = set().union(*(_third_party_imports(root, optional=True) for root in PACKAGES.values()))
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = {name: requirements for name, requirements in project["optional-dependencies"].items() if name != "dev"}
    # A distribution's import name is its name up to the first `-` (`opentelemetry-api` -> `opentelemetry`).
    declared = {
        requirement.split(">")[0].split("=")[0].strip().split("-")[0]
        for requirements in extras.values()
        for requirement in requirements
    }
    assert optional == declared == {"opentelemetry"}
    assert set(extras) == {"speedups", "otel"}
    assert extras["speedups"] == []  # kept for old install commands: msgspec is a dependency now


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out), "."],
        cwd=REPO_ROOT,
        check=True,
    )
    (found,) = out.glob("pinecone_control-*.whl")
    return found


def test_wheel_ships_both_packages_typed(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for package in PACKAGES:
        assert f"{package}/__init__.py" in names
        assert f"{package}/py.typed" in names
    assert "pinecone_control_api/_provenance.py" in names
    assert not any("__pycache__" in n or n.startswith(("tests/", "openapi/")) for n in names)


# Generated, never run: every request is built from `_operations` (`pinecone_control._calls`). They
# stay in generated/ as the reference of tests/spec_driven/test_request_route.py, not in the wheel.
NOT_SHIPPED = ("pinecone_control_api/api/", "pinecone_control_api/client.py", "pinecone_control_api/errors.py")
NOT_SHIPPED_MODULES = ("pinecone_control_api.api", "pinecone_control_api.client", "pinecone_control_api.errors")


def _imported_modules(source: str, module: str) -> set[str]:
    """Every module `source` (the module `module`; a package's is `pkg.__init__`) imports, and every
    name it imports from one (it may be a submodule), relative imports resolved."""
    package = module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package if node.level else ""
            name = ".".join(part for part in (base, node.module or "") if part)
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return found


def test_wheel_leaves_out_the_generated_code_that_never_runs(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        sources = {n: archive.read(n).decode() for n in names if n.endswith(".py")}
    assert not [n for n in names if n.startswith(NOT_SHIPPED)]
    # ... and only that: every other generated file is shipped.
    generated = REPO_ROOT / "generated"
    kept = {str(p.relative_to(generated)) for p in generated.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert {n for n in kept if not n.startswith(NOT_SHIPPED)} <= names
    assert {n for n in kept if n.startswith(NOT_SHIPPED)}, "the endpoint modules are still generated"
    # Nothing shipped imports them.
    for name, source in sources.items():
        imported = _imported_modules(source, name.removesuffix(".py").replace("/", "."))
        assert not [m for m in imported if m.startswith(NOT_SHIPPED_MODULES)], name


_INSTALLED_RUN = """
import asyncio, importlib.util, sys
import pinecone_control as pc
from pinecone_control.testing import Emulator, Timings

assert pc.__file__.startswith(sys.argv[1]), pc.__file__
for name in {modules!r}:
    assert importlib.util.find_spec(name) is None, name
with Emulator(timings=Timings.instant()).serve() as server:
    with pc.Client(api_key="wheel-key", host=server.url) as client:
        client.create_index("movies", dimension=8, spec=pc.pod_spec("us-east1-gcp", replicas=2), wait_timeout=30)
        client.configure_index("movies", replicas=3, wait_timeout=30)
        assert client.describe_index("movies").spec.pod.replicas == 3
        assert client.list_indexes().names() == ["movies"]

    async def run() -> int:
        async with pc.AsyncClient(api_key="wheel-key", host=server.url) as client:
            embedded = await client.embed(model="multilingual-e5-large", inputs=["a", "b"], input_type="passage")
            await client.delete_index("movies", wait_timeout=30)
            return len(pc.require(embedded.data, "data"))

    assert asyncio.run(run()) == 2
print(sorted(m for m in sys.modules if m.startswith("pinecone_control_api") and ".models." not in m))
"""


def test_the_installed_wheel_runs_against_the_emulator(wheel: Path, tmp_path: Path) -> None:
    """The wheel alone (installed into a directory of its own, nothing of this checkout on the
    path: no `site`, so no editable install) imports, and both clients call the served emulator."""
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
    )
    dependencies = sysconfig.get_paths()["purelib"]  # httpx, httpcore, attrs (and the dev tools)
    script = _INSTALLED_RUN.format(modules=NOT_SHIPPED_MODULES)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PINECONE"))}
    env["PYTHONPATH"] = os.pathsep.join([str(target), dependencies])
    done = subprocess.run(
        [sys.executable, "-S", "-c", script, str(target)], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    loaded = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    assert loaded and not [m for m in loaded if m.startswith(NOT_SHIPPED_MODULES)], loaded


def test_wheel_metadata_declares_only_runtime_dependencies(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (meta_name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(meta_name).decode()
    required = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    unconditional = [line for line in required if "extra ==" not in line]
    assert sorted(line.split()[1] for line in unconditional) == [
        "attrs>=23.1",
        "certifi>=2023.7.22",
        "httpcore<2,>=1.0",
        "httpx<0.29,>=0.27",
        "msgspec>=0.18.5",
    ]
    assert "Requires-Python: >=3.11" in metadata


def test_wheel_carries_the_apache_license(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (meta_name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(meta_name).decode()
        (license_name,) = [n for n in archive.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
        text = archive.read(license_name).decode()
    assert "License-Expression: Apache-2.0" in metadata.splitlines()  # what `pip show` prints
    assert "License-File: LICENSE" in metadata.splitlines()
    assert "Apache License" in text and "Version 2.0, January 2004" in text and "END OF TERMS AND CONDITIONS" in text
    assert text == (REPO_ROOT / "LICENSE").read_text(encoding="utf-8")


def test_wheel_metadata_has_project_urls_and_classifiers(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (meta_name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        lines = archive.read(meta_name).decode().splitlines()
    assert "Project-URL: API specification, https://github.com/pinecone-io/pinecone-api" in lines
    classifiers = {line.removeprefix("Classifier: ") for line in lines if line.startswith("Classifier: ")}
    assert {"Typing :: Typed", "Framework :: Pytest", "Programming Language :: Python :: 3.11"} <= classifiers


def test_the_sdist_carries_what_make_docs_reads(tmp_path: Path) -> None:
    """`make docs` from an unpacked sdist needs mkdocs.yml, docs/ and CHANGELOG.md (the build
    itself is run from a released sdist in test_release.py)."""
    build = [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path)]
    subprocess.run(build, cwd=REPO_ROOT, check=True, capture_output=True)
    (sdist,) = tmp_path.glob("pinecone_control-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    pages = {str(p.relative_to(REPO_ROOT)) for p in (REPO_ROOT / "docs").rglob("*") if p.is_file()}
    assert {"CHANGELOG.md", "mkdocs.yml", "README.md", "Makefile", *pages} <= names
    assert not any(name.startswith(("openapi/pulled/", ".venv/", "build/", "dist/")) for name in names)
