from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deletion_protection import DeletionProtection
from ..types import UNSET, Unset, extra_keys_at_first_use

T = TypeVar("T", bound="ConfigureIndexRequest")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "spec",
        "deletion_protection",
    )
)


@extra_keys_at_first_use
@_attrs_define
class ConfigureIndexRequest:
    """Configuration used to scale an index.

    Attributes:
        spec (ConfigureIndexRequestSpec | Unset):
        deletion_protection (DeletionProtection | Unset): Whether [deletion
            protection](http://docs.pinecone.io/guides/manage-data/manage-indexes#configure-deletion-protection) is
            enabled/disabled for the index.

            Server default: `disabled`.
    """

    spec: ConfigureIndexRequestSpec | Unset = UNSET
    deletion_protection: DeletionProtection | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        spec: dict[str, Any] | Unset = UNSET
        if not isinstance(self.spec, Unset):
            spec = self.spec.to_dict()

        deletion_protection: str | Unset = UNSET
        if not isinstance(self.deletion_protection, Unset):
            deletion_protection = self.deletion_protection.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if spec is not UNSET:
            field_dict["spec"] = spec
        if deletion_protection is not UNSET:
            field_dict["deletion_protection"] = deletion_protection

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        _spec = src_dict.get("spec", UNSET)
        spec: ConfigureIndexRequestSpec | Unset
        if _spec is UNSET:
            spec = UNSET
        else:
            _spec__pod = _spec["pod"]
            spec__pod: ConfigureIndexRequestSpecPod
            spec__pod__replicas = _spec__pod.get("replicas", UNSET)
            if spec__pod__replicas is not UNSET and spec__pod__replicas.__class__ is not int:
                raise TypeError(
                    f"ConfigureIndexRequestSpecPod.replicas must be an integer, not {spec__pod__replicas.__class__.__name__}"
                )

            spec__pod__pod_type = _spec__pod.get("pod_type", UNSET)
            if spec__pod__pod_type is not UNSET and spec__pod__pod_type.__class__ is not str:
                raise TypeError(
                    f"ConfigureIndexRequestSpecPod.pod_type must be a string, not {spec__pod__pod_type.__class__.__name__}"
                )

            spec__pod = _OBJECT_NEW(ConfigureIndexRequestSpecPod)
            spec__pod.replicas = spec__pod__replicas
            spec__pod.pod_type = spec__pod__pod_type
            if not (
                len(_spec__pod) == 0 + ("replicas" in _spec__pod) + ("pod_type" in _spec__pod)
            ):  # else made at first use
                spec__pod.additional_properties = {
                    k: v for k, v in _spec__pod.items() if k not in _ConfigureIndexRequestSpecPod_KNOWN_KEYS
                }

            spec = _OBJECT_NEW(ConfigureIndexRequestSpec)
            spec.pod = spec__pod
            if not (len(_spec) == 1):  # else made at first use
                spec.additional_properties = {
                    k: v for k, v in _spec.items() if k not in _ConfigureIndexRequestSpec_KNOWN_KEYS
                }

        _deletion_protection = src_dict.get("deletion_protection", UNSET)
        deletion_protection: DeletionProtection | Unset
        if _deletion_protection is UNSET:
            deletion_protection = UNSET
        else:
            try:
                deletion_protection = _DeletionProtection_BY_VALUE[_deletion_protection]  # type: ignore[assignment]
            except (KeyError, TypeError):
                deletion_protection = DeletionProtection(_deletion_protection)

        configure_index_request = _OBJECT_NEW(cls)
        configure_index_request.spec = spec
        configure_index_request.deletion_protection = deletion_protection
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 0 + ("spec" in src_dict) + ("deletion_protection" in src_dict)):
            configure_index_request.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return configure_index_request

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

from ..models.configure_index_request_spec import ConfigureIndexRequestSpec  # noqa: E402

# What the models built inline (see `from_dict`) are made of.
from ..models.configure_index_request_spec_pod import ConfigureIndexRequestSpecPod  # noqa: E402

# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_DeletionProtection_BY_VALUE = DeletionProtection._value2member_map_
_ConfigureIndexRequestSpec_KNOWN_KEYS: frozenset[str] = frozenset(("pod",))
_ConfigureIndexRequestSpecPod_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "replicas",
        "pod_type",
    )
)
