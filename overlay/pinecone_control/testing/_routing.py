"""Which operation a request is: the routes of the generated package (so of the spec), not a list
written here. A path the spec has with a method it lacks is a 405 with `Allow`; an operation the
spec has but the emulator does not model is answered 501 by the emulator, naming it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import unquote

import pinecone_control_api.api

_MARK = "emulatorpathparameter"


@dataclass(frozen=True)
class Route:
    operation: str
    method: str  # upper case
    segments: tuple[str | None, ...]  # None: a path parameter

    @property
    def template(self) -> str:
        return "/" + "/".join("{}" if s is None else s for s in self.segments)


@dataclass(frozen=True)
class Match:
    """`operation` None: no route; `allow` non-empty with operation None: wrong method (405)."""

    operation: str | None
    name: str | None = None
    allow: tuple[str, ...] = ()


class _AnyBody:
    """Stands in for a request model: `_get_kwargs` only calls `to_dict` on it."""

    def to_dict(self) -> dict[str, Any]:
        return {}


def _route_of(operation: str, get_kwargs: Any) -> Route:
    params = inspect.signature(get_kwargs).parameters
    args = [f"{_MARK}{n}" for n, p in enumerate(params.values()) if p.kind is p.POSITIONAL_OR_KEYWORD]
    kwargs = {"body": _AnyBody()} if "body" in params else {}
    built = get_kwargs(*args, **kwargs)
    segments = tuple(None if s.startswith(_MARK) else s for s in built["url"].strip("/").split("/"))
    return Route(operation, built["method"].upper(), segments)


@cache
def spec_routes() -> tuple[Route, ...]:
    """Every operation of the generated package: its module name is the spec's operation id."""
    routes = []
    for group in pkgutil.iter_modules(pinecone_control_api.api.__path__):
        package = importlib.import_module(f"{pinecone_control_api.api.__name__}.{group.name}")
        for module_info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{module_info.name}")
            routes.append(_route_of(module_info.name, module._get_kwargs))
    return tuple(sorted(routes, key=lambda r: (r.template, r.method)))


class Router:
    def __init__(self, routes: Iterable[Route]) -> None:
        self.routes = tuple(routes)
        self._by_shape: dict[tuple[str | None, ...], dict[str, str]] = {}
        # `/indexes/create-for-model` must win over `/indexes/{index_name}`: literal segments first.
        for route in sorted(self.routes, key=lambda r: [s is None for s in r.segments]):
            self._by_shape.setdefault(route.segments, {})[route.method] = route.operation

    def match(self, method: str, path: str) -> Match:
        raw = path.split("?", 1)[0]
        if not raw.startswith("/"):
            return Match(None)
        segments = raw[1:].split("/")
        refused: Match | None = None
        for shape, methods in self._by_shape.items():  # literal segments first (see __init__)
            if len(shape) != len(segments):
                continue
            if not all(want is None or want == s for s, want in zip(segments, shape, strict=True)):
                continue
            names = [unquote(s) for s, want in zip(segments, shape, strict=True) if want is None]
            if not all(names):
                continue
            name = names[0] if names else None
            if method in methods:
                return Match(methods[method], name)
            refused = refused or Match(None, name, tuple(methods))
        return refused or Match(None)
