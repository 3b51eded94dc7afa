"""Modules imported on first use, so `import pinecone_control; Client()` costs what httpx costs.

The models (attrs) and the operation logic load at the first request instead of at import; the
clients import them as `run = lazy_module(...)` at runtime and as real modules for type checkers.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule(ModuleType):
    """Stands for a module until an attribute is read; then imports it (the import system's own
    locks make that thread-safe) and copies its namespace in, so later reads are plain lookups."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.__dict__["_lazy_target"] = name

    def __getattr__(self, attribute: str) -> Any:
        module = importlib.import_module(self.__dict__["_lazy_target"])
        self.__dict__.update(vars(module))
        return getattr(module, attribute)


def lazy_module(name: str) -> Any:
    return LazyModule(name)
