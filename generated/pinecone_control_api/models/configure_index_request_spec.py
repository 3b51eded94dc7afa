from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConfigureIndexRequestSpec")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(("pod",))


@_attrs_define
class ConfigureIndexRequestSpec:
    """
    Attributes:
        pod (ConfigureIndexRequestSpecPod):
    """

    pod: ConfigureIndexRequestSpecPod
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pod = self.pod.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pod": pod,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        pod: ConfigureIndexRequestSpecPod = _ConfigureIndexRequestSpecPod_from_dict(src_dict["pod"])

        configure_index_request_spec = _OBJECT_NEW(cls)
        configure_index_request_spec.pod = pod
        if len(src_dict) == 1:
            configure_index_request_spec.additional_properties = {}
        else:
            configure_index_request_spec.additional_properties = {
                k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS
            }
        return configure_index_request_spec

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


# Imported last: these models refer to each other, and by now this module's class exists.

from ..models.configure_index_request_spec_pod import ConfigureIndexRequestSpecPod  # noqa: E402

# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_ConfigureIndexRequestSpecPod_from_dict = ConfigureIndexRequestSpecPod.from_dict
