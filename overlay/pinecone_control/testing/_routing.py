"""Which operation a request is: the routes of the generated operation table (so of the spec), not
a list written here. A path the spec has with a method it lacks is a 405 with `Allow`; an operation
the spec has but the emulator does not model is answered 501 by the emulator, naming it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import unquote

from pinecone_control_api._operations import OPERATIONS


@dataclass(frozen=True)
class Route:
    operation: str
    method: str  # upper case
    segments: tuple[str | None, ...]  # None: a path parameter
    params: tuple[str, ...] = field(default=(), compare=False)  # the path parameters' names, in order

    @property
    def template(self) -> str:
        return "/" + "/".join("{}" if s is None else s for s in self.segments)


def route_of(operation: str, method: str, path: str) -> Route:
    parts = path.strip("/").split("/")
    segments = tuple(None if p.startswith("{") else p for p in parts)
    params = tuple(p.strip("{}") for p in parts if p.startswith("{"))
    return Route(operation, method.upper(), segments, params)


@dataclass(frozen=True)
class Match:
    """`operation` None: no route; `allow` non-empty with operation None: wrong method (405)."""

    operation: str | None
    name: str | None = None  # the first path parameter
    allow: tuple[str, ...] = ()
    params: dict[str, str] = field(default_factory=dict)


@cache
def spec_routes() -> tuple[Route, ...]:
    """Every operation of the generated table, by its method and path template."""
    routes = [route_of(op.python_name, op.method, op.path) for op in OPERATIONS]
    return tuple(sorted(routes, key=lambda r: (r.template, r.method)))


class Router:
    def __init__(self, routes: Iterable[Route]) -> None:
        self.routes = tuple(routes)
        self._by_shape: dict[tuple[str | None, ...], dict[str, Route]] = {}
        # `/indexes/create-for-model` must win over `/indexes/{index_name}`: literal segments first.
        for route in sorted(self.routes, key=lambda r: [s is None for s in r.segments]):
            self._by_shape.setdefault(route.segments, {})[route.method] = route

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
            route = methods.get(method)
            if route is not None:
                keys = route.params or tuple(str(n) for n in range(len(names)))
                return Match(route.operation, name, (), dict(zip(keys, names, strict=True)))
            refused = refused or Match(None, name, tuple(methods))
        return refused or Match(None)
