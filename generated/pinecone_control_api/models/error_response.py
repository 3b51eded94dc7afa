from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, extra_keys_at_first_use

T = TypeVar("T", bound="ErrorResponse")
# pinecone-control: `from_dict` builds instances with `object.__new__` itself, half the cost of
# looking up `cls.__new__` (attrs classes define no `__new__`, so it is the same call).
_OBJECT_NEW = object.__new__
# The wire names this model knows; any other key of a payload goes to `additional_properties`.
_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "status",
        "error",
    )
)


@extra_keys_at_first_use
@_attrs_define
class ErrorResponse:
    """The response shape used for all error responses.

    Example:
        {'error': {'code': 'QUOTA_EXCEEDED', 'message': 'The index exceeds the project quota of 5 pods by 2 pods.
            Upgrade your account or change the project settings to increase the quota.'}, 'status': 429}

    Attributes:
        status (int): The HTTP status code of the error. Example: 500.
        error (ErrorResponseError): Detailed information about the error that occurred. Example: {'code':
            'INVALID_ARGUMENT', 'message': 'Index name must contain only lowercase alphanumeric characters or hyphens, and
            must not begin or end with a hyphen.'}.
    """

    status: int
    error: ErrorResponseError
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        status = src_dict["status"]
        if status.__class__ is not int:
            raise TypeError(f"ErrorResponse.status must be an integer, not {status.__class__.__name__}")

        _error = src_dict["error"]
        error: ErrorResponseError
        _error__code = _error["code"]
        error__code: ErrorResponseErrorCode
        try:
            error__code = _ErrorResponseErrorCode_BY_VALUE[_error__code]  # type: ignore[assignment]
        except (KeyError, TypeError):
            error__code = ErrorResponseErrorCode(_error__code)

        error__message = _error["message"]
        if error__message.__class__ is not str:
            raise TypeError(f"ErrorResponseError.message must be a string, not {error__message.__class__.__name__}")

        _error__details = _error.get("details", UNSET)
        error__details: ErrorResponseErrorDetails | Unset
        if _error__details is UNSET:
            error__details = UNSET
        else:
            error__details = _OBJECT_NEW(ErrorResponseErrorDetails)
            if not (len(_error__details) == 0):  # else made at first use
                error__details.additional_properties = {
                    k: v for k, v in _error__details.items() if k not in _ErrorResponseErrorDetails_KNOWN_KEYS
                }

        error = _OBJECT_NEW(ErrorResponseError)
        error.code = error__code
        error.message = error__message
        error.details = error__details
        if not (len(_error) == 2 + ("details" in _error)):  # else made at first use
            error.additional_properties = {k: v for k, v in _error.items() if k not in _ErrorResponseError_KNOWN_KEYS}

        error_response = _OBJECT_NEW(cls)
        error_response.status = status
        error_response.error = error
        # No keys beyond the schema's (nearly always): `additional_properties` is made at its first
        # use (`types.extra_keys_at_first_use`), not here.
        if not (len(src_dict) == 2):
            error_response.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return error_response

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

from ..models.error_response_error import ErrorResponseError  # noqa: E402

# What the models built inline (see `from_dict`) are made of.
from ..models.error_response_error_code import ErrorResponseErrorCode  # noqa: E402
from ..models.error_response_error_details import ErrorResponseErrorDetails  # noqa: E402

# Read by `from_dict` (see there): a global costs a third of the attribute lookup it replaces.
_ErrorResponseErrorCode_BY_VALUE = ErrorResponseErrorCode._value2member_map_
_ErrorResponseError_KNOWN_KEYS: frozenset[str] = frozenset(
    (
        "code",
        "message",
        "details",
    )
)
_ErrorResponseErrorDetails_KNOWN_KEYS: frozenset[str] = frozenset(())
