from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.error_response_error import ErrorResponseError


T = TypeVar("T", bound="ErrorResponse")


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
        from ..models.error_response_error import ErrorResponseError  # noqa: PLC0415

        d = dict(src_dict)
        status = d.pop("status")

        error = ErrorResponseError.from_dict(d.pop("error"))

        error_response = cls(
            status=status,
            error=error,
        )

        error_response.additional_properties = d
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
