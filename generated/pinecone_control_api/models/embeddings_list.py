from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, extra_keys_at_first_use

T = TypeVar("T", bound="EmbeddingsList")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "model",
        "data",
        "usage",
    )
)


@extra_keys_at_first_use
@_attrs_define
class EmbeddingsList:
    """Embeddings generated for the input

    Attributes:
        model (str | Unset):  Example: multilingual-e5-large.
        data (list[Embedding] | Unset):
        usage (EmbeddingsListUsage | Unset): Usage statistics for the model inference.
    """

    model: str | Unset = UNSET
    data: list[Embedding] | Unset = UNSET
    usage: EmbeddingsListUsage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = []
            for data_item_data in self.data:
                data_item = data_item_data.to_dict()
                data.append(data_item)

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if model is not UNSET:
            field_dict["model"] = model
        if data is not UNSET:
            field_dict["data"] = data
        if usage is not UNSET:
            field_dict["usage"] = usage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        model = src_dict.get("model", UNSET)
        if model is not UNSET and model.__class__ is not str:
            raise TypeError(f"EmbeddingsList.model must be a string, not {model.__class__.__name__}")

        _data = src_dict.get("data", UNSET)
        data: list[Embedding] | Unset
        if _data is UNSET:
            data = UNSET
        else:
            data = [_Embedding_from_dict(item) for item in _data]

        _usage = src_dict.get("usage", UNSET)
        usage: EmbeddingsListUsage | Unset
        if _usage is UNSET:
            usage = UNSET
        else:
            usage__total_tokens = _usage.get("total_tokens", UNSET)
            if usage__total_tokens is not UNSET and usage__total_tokens.__class__ is not int:
                raise TypeError(
                    f"EmbeddingsListUsage.total_tokens must be an integer, not {usage__total_tokens.__class__.__name__}"
                )

            usage = _OBJECT_NEW(EmbeddingsListUsage)
            usage.total_tokens = usage__total_tokens
            if not (len(_usage) == 0 + ("total_tokens" in _usage)):  # else made at first use
                usage.additional_properties = {
                    k: v for k, v in _usage.items() if k not in _EmbeddingsListUsage_KNOWN_KEYS
                }

        embeddings_list = _OBJECT_NEW(cls)
        embeddings_list.model = model
        embeddings_list.data = data
        embeddings_list.usage = usage
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) <= 0 or src_dict.keys() <= _KNOWN_KEYS):
            embeddings_list.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return embeddings_list

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

    def __len__(self) -> int:
        """How many items the list holds (0 when the answer has none)."""
        return 0 if isinstance(self.data, Unset) else len(self.data)

    def __iter__(self) -> Iterator[Embedding]:
        """The items, in the answer's order."""
        return iter(() if isinstance(self.data, Unset) else self.data)


# Imported last: these models refer to each other, and by now this module's class exists.

from ..models.embedding import Embedding  # noqa: E402
from ..models.embeddings_list_usage import EmbeddingsListUsage  # noqa: E402

# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_Embedding_from_dict = Embedding.from_dict
_EmbeddingsListUsage_KNOWN_KEYS: frozenset[str] = frozenset(("total_tokens",))
