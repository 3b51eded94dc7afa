"""A griffe extension for the reference docs (mkdocs.yml): `Client` and `AsyncClient` show their
constructor with their own types (`http_client: httpx.Client | None`), not the type variables of
the base class they share (`HttpT`, `TransportT`, `ClockT`). Read from the code: the variables from
`BaseClient(Generic[...])`, the types from each client's `BaseClient[...]` base."""

from __future__ import annotations

import re
from typing import Any

import griffe

CLIENTS = ("_client.Client", "_async_client.AsyncClient")


def _substituted(annotation: Any, concrete: dict[str, str]) -> Any:
    """`annotation` with each type variable replaced by its concrete type (as text), else unchanged."""
    if annotation is None:
        return None
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, concrete)) + r")\b")
    text = str(annotation)
    return pattern.sub(lambda m: concrete[m[1]], text) if pattern.search(text) else annotation


def _subscript(bases: list[Any], prefix: str) -> list[str]:
    (base,) = [b for b in bases if isinstance(b, griffe.ExprSubscript) and str(b).startswith(prefix)]
    inner = base.slice
    return [str(e) for e in inner.elements] if isinstance(inner, griffe.ExprTuple) else [str(inner)]


class ConcreteConstructors(griffe.Extension):
    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        if pkg.name != "pinecone_control":
            return
        base = pkg["_base_client.BaseClient"]
        variables = _subscript(base.bases, "Generic[")
        init = base.members["__init__"]
        for path in CLIENTS:
            cls = pkg[path]
            concrete = dict(zip(variables, _subscript(cls.bases, "BaseClient["), strict=True))
            parameters = [
                griffe.Parameter(
                    p.name, annotation=_substituted(p.annotation, concrete), kind=p.kind, default=p.default
                )
                for p in init.parameters
            ]
            own = griffe.Function(
                "__init__", parameters=griffe.Parameters(*parameters), returns=init.returns, lineno=init.lineno
            )
            cls.set_member("__init__", own)
