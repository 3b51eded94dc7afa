"""`make generate` / `make check-generated`: pinned spec -> normalised spec -> generated/<package>.

    python -m codegen.generate            # regenerate generated/<package> in place
    python -m codegen.generate --check    # regenerate into a temp dir, compare byte for byte

Always generates into a fresh temporary directory first, so a failed run never leaves a
half-written package behind, and so --check compares exactly what --write would install.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from importlib import metadata
from pathlib import Path

import yaml

from . import (
    exports_module,
    facade_module,
    normalise,
    operation_metadata,
    operations_module,
    schemas_module,
    surface_module,
)
from .pin import OPENAPI_DIR, REPO_ROOT, PinError, SpecPin, sha256_of
from .treediff import diff_trees
from .walk import JSON

CONFIG_FILE = REPO_ROOT / "generator-config.yml"
TEMPLATES_DIR = OPENAPI_DIR / "templates"
GENERATED_DIR = REPO_ROOT / "generated"
PYPROJECT = REPO_ROOT / "pyproject.toml"
PINNED_TOOLS = ("openapi-python-client", "ruff")


class GenerateError(Exception):
    pass


def pinned_versions(pyproject: Path = PYPROJECT) -> dict[str, str]:
    """Exact `name==version` pins of the code-generation tools, from the `dev` extra."""
    extras = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    pins: dict[str, str] = {}
    for requirement in extras["dev"]:
        name, sep, version = requirement.partition("==")
        if sep and name.strip() in PINNED_TOOLS:
            pins[name.strip()] = version.strip()
    missing = set(PINNED_TOOLS) - set(pins)
    if missing:
        raise GenerateError(f"pyproject.toml's dev extra must pin {sorted(missing)} with ==")
    return pins


def check_tool_versions() -> dict[str, str]:
    pins = pinned_versions()
    for name, wanted in pins.items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = "not installed"
        if installed != wanted:
            raise GenerateError(f"{name} {installed} is installed, {wanted} is pinned: run `make setup`")
    return pins


def package_name() -> str:
    config = yaml.safe_load(CONFIG_FILE.read_text(encoding="utf-8"))
    return str(config["package_name_override"])


def _hermetic_env(work: Path) -> dict[str, str]:
    """Only the pinned ruff is reachable as `ruff`; no user config or cache leaks in or out."""
    from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

    ruff_dir = str(Path(find_ruff_bin()).parent)
    env = {
        "PATH": os.pathsep.join([ruff_dir, "/usr/bin", "/bin"]),
        "HOME": str(work),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "0",
        "RUFF_CACHE_DIR": str(work / "ruff-cache"),
    }
    return env


def _set_files(pin: SpecPin) -> str:
    """Every file of a set of several (the control spec's stays in SPEC_PATH / SPEC_SHA256); a
    one-file set adds nothing, so the pinned 2024-07 package keeps its bytes."""
    if len(pin.files) == 1:
        return ""
    rows = "".join(f'    ("{f.path}", "{f.sha256}"),\n' for f in pin.files)
    return f"SPEC_FILES = (\n{rows})\n"


def provenance_module(pin: SpecPin, api_version: str, normalised_sha: str, pins: dict[str, str]) -> str:
    return (
        '"""Provenance of this generated package. Written by openapi/codegen/generate.py; do not edit."""\n'
        "\n"
        f'API_VERSION = "{api_version}"\n'
        f'SPEC_PATH = "{pin.files[0].path}"\n'
        f'SPEC_SHA256 = "{pin.files[0].sha256}"\n'
        f"{_set_files(pin)}"
        f'NORMALISED_SPEC_SHA256 = "{normalised_sha}"\n'
        'GENERATOR = "openapi-python-client"\n'
        f'GENERATOR_VERSION = "{pins["openapi-python-client"]}"\n'
        f'RUFF_VERSION = "{pins["ruff"]}"\n'
    )


def generate_into(work: Path, pin: SpecPin | None = None) -> Path:
    """Generate the pinned spec's package into `work`/<package>; returns that directory."""
    pin = pin or SpecPin.load()
    return generate_spec(pin.read_verified(), work, pin)


def generate_spec(spec_bytes: bytes, work: Path, pin: SpecPin) -> Path:
    """Normalise and generate any spec (a bump candidate, an older version) into `work`/<package>."""
    pins = check_tool_versions()
    spec, _notes = normalise.normalise(normalise.load_spec(spec_bytes))
    api_version = str(spec.get("info", {}).get("version", ""))
    if api_version != pin.version:
        raise GenerateError(f"spec info.version {api_version!r} differs from the pinned version {pin.version!r}")
    spec_text = normalise.dump(spec)
    spec_file = work / "spec.normalised.json"
    spec_file.write_text(spec_text, encoding="utf-8", newline="\n")

    name = package_name()
    out = work / name
    cmd = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(spec_file),
        "--config",
        str(CONFIG_FILE),
        "--custom-template-path",
        str(TEMPLATES_DIR),
        "--meta",
        "none",
        "--fail-on-warning",
        "--output-path",
        str(out),
    ]
    result = subprocess.run(cmd, cwd=work, env=_hermetic_env(work), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise GenerateError(f"openapi-python-client failed ({result.returncode}):\n{result.stdout}{result.stderr}")

    (out / "py.typed").write_text("", encoding="utf-8")
    write_operations_module(spec, spec_file, out, work)
    provenance = provenance_module(pin, api_version, sha256_of(spec_text.encode()), pins)
    (out / "_provenance.py").write_text(provenance, encoding="utf-8", newline="\n")
    _assert_clean(out)
    return out


def write_operations_module(spec: JSON, spec_file: Path, out: Path, work: Path) -> None:
    """`_operations.py` (per-operation metadata, codegen/operation_metadata.py), `_facade.py` (every
    operation as a typed method, codegen/facade_module.py), `_surface.py` and `_exports.py` (the
    conveniences, builders and re-exports, codegen/surface_module.py) and `_schemas.py` (the
    component schemas, codegen/schemas_module.py), formatted by the post-hooks."""
    data = operation_metadata.generator_data(spec_file, CONFIG_FILE)
    ops = operation_metadata.collect(spec, data, out.name)
    # The generator's own post-hooks (pinned ruff) format them, in a directory of their own so they
    # touch nothing else; the hooks name no files (`.`), so this is the same formatting.
    alone = work / "operations-module"
    alone.mkdir()
    (alone / "_operations.py").write_text(operations_module.render(ops), encoding="utf-8", newline="\n")
    facade = facade_module.render(ops)
    status_enums = exports_module.status_enums(data, ops)
    surface = surface_module.plan(ops, facade, status_enums, exports_module.model_fields(data))
    (alone / "_facade.py").write_text(facade, encoding="utf-8", newline="\n")
    (alone / "_surface.py").write_text(surface_module.render(surface), encoding="utf-8", newline="\n")
    exports = surface_module.render_exports(surface)
    (alone / "_exports.py").write_text(exports, encoding="utf-8", newline="\n")
    (alone / "_schemas.py").write_text(
        schemas_module.render(json.loads(spec_file.read_text(encoding="utf-8"))), encoding="utf-8", newline="\n"
    )
    success = sorted({r.model for op in ops for r in op.responses if 200 <= r.status < 300 and r.model})
    (alone / "_mirror.py").write_text(mirror_source(out, spec_file, success, work), encoding="utf-8", newline="\n")
    hooks = yaml.safe_load(CONFIG_FILE.read_text(encoding="utf-8")).get("post_hooks") or []
    for hook in hooks:
        result = subprocess.run(
            hook, shell=True, cwd=alone, env=_hermetic_env(work), capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise GenerateError(f"post-hook failed on _operations.py ({hook}):\n{result.stdout}{result.stderr}")
    shutil.move(alone / "_operations.py", out / "_operations.py")
    for name in ("_facade.py", "_surface.py", "_exports.py", "_schemas.py", "_mirror.py"):
        shutil.move(alone / name, out / name)
    shutil.rmtree(alone)


def mirror_source(out: Path, spec_file: Path, success: list[str], work: Path) -> str:
    """`_mirror.py` (codegen/mirror_module.py), from a child interpreter that imports the package
    just generated (the models' own annotations); a shape it cannot mirror fails the generation."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(out.parent), str(OPENAPI_DIR)]), "PYTHONHASHSEED": "0"}
    env.pop("PYTHONSAFEPATH", None)
    cmd = [sys.executable, "-m", "codegen.mirror_module", "--package", out.name]
    cmd += ["--spec", str(spec_file), "--config", str(CONFIG_FILE), "--models", ",".join(success)]
    result = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise GenerateError(f"the msgspec mirror (_mirror.py) was not generated:\n{result.stderr.strip()}")
    return result.stdout


def _assert_clean(out: Path) -> None:
    for path in sorted(out.rglob("*")):
        if path.is_dir() and path.name in {".ruff_cache", "__pycache__"}:
            raise GenerateError(f"generation left a cache directory behind: {path}")
        if path.is_file() and b"\r" in path.read_bytes():
            raise GenerateError(f"generated file has CR line endings: {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with generated/ instead of writing")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="pcgen-") as tmp:
            fresh = generate_into(Path(tmp))
            target = GENERATED_DIR / fresh.name
            if args.check:
                problems = diff_trees(expected=fresh, actual=target)
                if problems:
                    print(f"check-generated: {target.relative_to(REPO_ROOT)} differs from a fresh generation:")
                    print("\n".join(f"  {p}" for p in problems))
                    print("Never edit generated/ by hand; run `make generate` and commit the result.")
                    return 1
                print(
                    f"check-generated: {target.relative_to(REPO_ROOT)} matches, byte for byte "
                    f"({time.perf_counter() - started:.2f} s)"
                )
                return 0
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(fresh, target)
    except (GenerateError, PinError) as exc:
        print(f"generate: {exc}", file=sys.stderr)
        return 1
    print(f"generate: wrote {target.relative_to(REPO_ROOT)} in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
