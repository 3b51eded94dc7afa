from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, extra_keys_at_first_use

T = TypeVar("T", bound="ConfigureIndexRequestSpec")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(("pod",))


@extra_keys_at_first_use
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
        _pod = src_dict["pod"]
        pod: ConfigureIndexRequestSpecPod
        pod__replicas = _pod.get("replicas", UNSET)
        if pod__replicas is not UNSET and pod__replicas.__class__ is not int:
            raise TypeError(
                f"ConfigureIndexRequestSpecPod.replicas must be an integer, not {pod__replicas.__class__.__name__}"
            )

        pod__pod_type = _pod.get("pod_type", UNSET)
        if pod__pod_type is not UNSET and pod__pod_type.__class__ is not str:
            raise TypeError(
                f"ConfigureIndexRequestSpecPod.pod_type must be a string, not {pod__pod_type.__class__.__name__}"
            )

        pod = _OBJECT_NEW(ConfigureIndexRequestSpecPod)
        pod.replicas = pod__replicas
        pod.pod_type = pod__pod_type
        if not (len(_pod) == 0 + ("replicas" in _pod) + ("pod_type" in _pod)):  # else made at first use
            pod.additional_properties = {
                k: v for k, v in _pod.items() if k not in _ConfigureIndexRequestSpecPod_KNOWN_KEYS
            }

        configure_index_request_spec = _OBJECT_NEW(cls)
        configure_index_request_spec.pod = pod
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 1):
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
_ConfigureIndexRequestSpecPod_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "replicas",
        "pod_type",
    )
)
