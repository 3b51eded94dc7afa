from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.index_model_status_state import IndexModelStatusState
from ..types import extra_keys_at_first_use

T = TypeVar("T", bound="IndexModelStatus")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "ready",
        "state",
    )
)


@extra_keys_at_first_use
@_attrs_define
class IndexModelStatus:
    """
    Example:
        {'ready': True, 'state': 'ScalingUpPodSize'}

    Attributes:
        ready (bool):
        state (IndexModelStatusState):
    """

    ready: bool
    state: IndexModelStatusState
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ready = self.ready

        state = self.state.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ready": ready,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        ready = src_dict["ready"]
        if ready.__class__ is not bool:
            raise TypeError(f"IndexModelStatus.ready must be a boolean, not {ready.__class__.__name__}")

        _state = src_dict["state"]
        state: IndexModelStatusState
        try:
            state = _IndexModelStatusState_BY_VALUE[_state]  # type: ignore[assignment]
        except (KeyError, TypeError):
            state = IndexModelStatusState(_state)

        index_model_status = _OBJECT_NEW(cls)
        index_model_status.ready = ready
        index_model_status.state = state
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 2):
            index_model_status.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return index_model_status

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


# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_IndexModelStatusState_BY_VALUE = IndexModelStatusState._value2member_map_
