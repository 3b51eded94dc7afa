from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, extra_keys_at_first_use

T = TypeVar("T", bound="EmbedRequest")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "model",
        "inputs",
        "parameters",
    )
)


@extra_keys_at_first_use
@_attrs_define
class EmbedRequest:
    """Generate embeddings for inputs.

    Attributes:
        model (str):  Example: multilingual-e5-large.
        inputs (list[EmbedRequestInputsItem]):
        parameters (EmbedRequestParameters | Unset): Model-specific parameters.
    """

    model: str
    inputs: list[EmbedRequestInputsItem]
    parameters: EmbedRequestParameters | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        inputs = []
        for inputs_item_data in self.inputs:
            inputs_item = inputs_item_data.to_dict()
            inputs.append(inputs_item)

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "inputs": inputs,
            }
        )
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        model = src_dict["model"]
        if model.__class__ is not str:
            raise TypeError(f"EmbedRequest.model must be a string, not {model.__class__.__name__}")

        _inputs = src_dict["inputs"]
        inputs: list[EmbedRequestInputsItem]
        inputs = [_EmbedRequestInputsItem_from_dict(item) for item in _inputs]

        _parameters = src_dict.get("parameters", UNSET)
        parameters: EmbedRequestParameters | Unset
        if _parameters is UNSET:
            parameters = UNSET
        else:
            parameters__input_type = _parameters.get("input_type", UNSET)
            if parameters__input_type is not UNSET and parameters__input_type.__class__ is not str:
                raise TypeError(
                    f"EmbedRequestParameters.input_type must be a string, not {parameters__input_type.__class__.__name__}"
                )

            parameters__truncate = _parameters.get("truncate", UNSET)
            if parameters__truncate is not UNSET and parameters__truncate.__class__ is not str:
                raise TypeError(
                    f"EmbedRequestParameters.truncate must be a string, not {parameters__truncate.__class__.__name__}"
                )

            parameters = _OBJECT_NEW(EmbedRequestParameters)
            parameters.input_type = parameters__input_type
            parameters.truncate = parameters__truncate
            if not (
                len(_parameters) == 0 + ("input_type" in _parameters) + ("truncate" in _parameters)
            ):  # else made at first use
                parameters.additional_properties = {
                    k: v for k, v in _parameters.items() if k not in _EmbedRequestParameters_KNOWN_KEYS
                }

        embed_request = _OBJECT_NEW(cls)
        embed_request.model = model
        embed_request.inputs = inputs
        embed_request.parameters = parameters
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 2 + ("parameters" in src_dict)):
            embed_request.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return embed_request

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
        return 0 if isinstance(self.inputs, Unset) else len(self.inputs)

    def __iter__(self) -> Iterator[EmbedRequestInputsItem]:
        """The items, in the answer's order."""
        return iter(() if isinstance(self.inputs, Unset) else self.inputs)


# Imported last: these models refer to each other, and by now this module's class exists.

from ..models.embed_request_inputs_item import EmbedRequestInputsItem  # noqa: E402
from ..models.embed_request_parameters import EmbedRequestParameters  # noqa: E402

# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_EmbedRequestInputsItem_from_dict = EmbedRequestInputsItem.from_dict
_EmbedRequestParameters_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "input_type",
        "truncate",
    )
)
