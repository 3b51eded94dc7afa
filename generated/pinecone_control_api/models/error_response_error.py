from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_response_error_code import ErrorResponseErrorCode
from ..types import UNSET, Unset, extra_keys_at_first_use

T = TypeVar("T", bound="ErrorResponseError")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "code",
        "message",
        "details",
    )
)


@extra_keys_at_first_use
@_attrs_define
class ErrorResponseError:
    """Detailed information about the error that occurred.

    Example:
        {'code': 'INVALID_ARGUMENT', 'message': 'Index name must contain only lowercase alphanumeric characters or
            hyphens, and must not begin or end with a hyphen.'}

    Attributes:
        code (ErrorResponseErrorCode):
        message (str):  Example: Index name must contain only lowercase alphanumeric characters or hyphens, and must not
            begin or end with a hyphen..
        details (ErrorResponseErrorDetails | Unset): Additional information about the error. This field is not
            guaranteed to be present.
    """

    code: ErrorResponseErrorCode
    message: str
    details: ErrorResponseErrorDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        message = self.message

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        _code = src_dict["code"]
        code: ErrorResponseErrorCode
        try:
            code = _ErrorResponseErrorCode_BY_VALUE[_code]  # type: ignore[assignment]
        except (KeyError, TypeError):
            code = ErrorResponseErrorCode(_code)

        message = src_dict["message"]
        if message.__class__ is not str:
            raise TypeError(f"ErrorResponseError.message must be a string, not {message.__class__.__name__}")

        _details = src_dict.get("details", UNSET)
        details: ErrorResponseErrorDetails | Unset
        if _details is UNSET:
            details = UNSET
        else:
            details = _OBJECT_NEW(ErrorResponseErrorDetails)
            if not (len(_details) == 0):  # else made at first use
                details.additional_properties = {
                    k: v for k, v in _details.items() if k not in _ErrorResponseErrorDetails_KNOWN_KEYS
                }

        error_response_error = _OBJECT_NEW(cls)
        error_response_error.code = code
        error_response_error.message = message
        error_response_error.details = details
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 2 + ("details" in src_dict)):
            error_response_error.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return error_response_error

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

from ..models.error_response_error_details import ErrorResponseErrorDetails  # noqa: E402

# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_ErrorResponseErrorCode_BY_VALUE = ErrorResponseErrorCode._value2member_map_
_ErrorResponseErrorDetails_KNOWN_KEYS: frozenset[str] = frozenset(())
