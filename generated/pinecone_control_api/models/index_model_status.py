from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.index_model_status_state import IndexModelStatusState

T = TypeVar("T", bound="IndexModelStatus")


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
        d = dict(src_dict)
        ready = d.pop("ready")

        state = IndexModelStatusState(d.pop("state"))

        index_model_status = cls(
            ready=ready,
            state=state,
        )

        index_model_status.additional_properties = d
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
