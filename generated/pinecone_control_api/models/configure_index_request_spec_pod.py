from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, extra_keys_at_first_use

T = TypeVar("T", bound="ConfigureIndexRequestSpecPod")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "replicas",
        "pod_type",
    )
)


@extra_keys_at_first_use
@_attrs_define
class ConfigureIndexRequestSpecPod:
    """
    Attributes:
        replicas (int | Unset): The number of replicas. Replicas duplicate your index. They provide higher availability
            and throughput. Replicas can be scaled up or down as your needs change.

            Server default: `1`.
        pod_type (str | Unset): The type of pod to use. One of `s1`, `p1`, or `p2` appended with `.` and one of `x1`,
            `x2`, `x4`, or `x8`.

            Server default: `p1.x1`.
    """

    replicas: int | Unset = UNSET
    pod_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        replicas = self.replicas

        pod_type = self.pod_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if replicas is not UNSET:
            field_dict["replicas"] = replicas
        if pod_type is not UNSET:
            field_dict["pod_type"] = pod_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        replicas = src_dict.get("replicas", UNSET)
        if replicas is not UNSET and replicas.__class__ is not int:
            raise TypeError(
                f"ConfigureIndexRequestSpecPod.replicas must be an integer, not {replicas.__class__.__name__}"
            )

        pod_type = src_dict.get("pod_type", UNSET)
        if pod_type is not UNSET and pod_type.__class__ is not str:
            raise TypeError(
                f"ConfigureIndexRequestSpecPod.pod_type must be a string, not {pod_type.__class__.__name__}"
            )

        configure_index_request_spec_pod = _OBJECT_NEW(cls)
        configure_index_request_spec_pod.replicas = replicas
        configure_index_request_spec_pod.pod_type = pod_type
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 0 + ("replicas" in src_dict) + ("pod_type" in src_dict)):
            configure_index_request_spec_pod.additional_properties = {
                k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS
            }
        return configure_index_request_spec_pod

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
