"""Contains some shared types for properties"""

import os
import threading
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    """The type of `UNSET`: an optional field the answer left out (`X | Unset`). It is always
    false, so `if model.field:` or `isinstance(model.field, Unset)` narrows it away."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        # Models print an absent field as `pod=UNSET`, not as an object address.
        return "UNSET"

    def __reduce__(self) -> str:
        # Pickled and copied by name, so `UNSET` stays the one instance that models compare by.
        return "UNSET"


UNSET: Unset = Unset()
"""The one `Unset` instance: what an absent optional field holds (not `None`, which can be a value)."""


class ExtraKeys:
    """A model's `additional_properties` (the keys of an answer its schema does not name), made at
    its first use when the model was decoded without any: nearly every model is, and these empty
    dicts were half the objects decoding a list allocated (so half the garbage collections it set
    off). It reads and writes like the plain attribute it stands for: `==`, `repr`, pickling, copies
    and `attrs.asdict` all see a dict, and a dict once made stays the model's."""

    __slots__ = ("_slot",)

    def __init__(self, slot: Any) -> None:
        self._slot = slot  # the attrs slot's own descriptor

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self
        try:
            return self._slot.__get__(instance, owner)
        except AttributeError:
            with _first_use:  # two threads' first use must end with one dict, not one each
                try:
                    return self._slot.__get__(instance, owner)
                except AttributeError:
                    made: dict[str, Any] = {}
                    self._slot.__set__(instance, made)
                    return made

    def __set__(self, instance: object, value: Any) -> None:
        self._slot.__set__(instance, value)

    def __delete__(self, instance: object) -> None:
        self._slot.__delete__(instance)


_first_use = threading.Lock()
# A child forked while another thread held the lock would wait on it forever: it gets a new one.
os.register_at_fork(after_in_child=lambda: globals().update(_first_use=threading.Lock()))

C = TypeVar("C", bound=type)


def extra_keys_at_first_use(cls: C) -> C:
    """The class decorator of every model with `additional_properties` (after `attrs.define`)."""
    setattr(cls, "additional_properties", ExtraKeys(cls.__dict__["additional_properties"]))
    return cls


# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = ["UNSET", "ExtraKeys", "File", "FileTypes", "RequestFiles", "Response", "Unset", "extra_keys_at_first_use"]
