from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast






T = TypeVar("T", bound="PayloadTooLargeError")



@_attrs_define
class PayloadTooLargeError:
    """ The body is larger than `MATCHMAKER_MAX_BODY_BYTES` (`MATCHMAKER_MAX_UPLOAD_BYTES` for uploads); it was not read

        Attributes:
            detail (None):
            error (Literal['payload_too_large']):
            message (str):
     """

    detail: None
    error: Literal['payload_too_large']
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        error = self.error

        message = self.message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "detail": detail,
            "error": error,
            "message": message,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        detail = d.pop("detail")

        error = cast(Literal['payload_too_large'] , d.pop("error"))
        if error != 'payload_too_large':
            raise ValueError(f"error must match const 'payload_too_large', got '{error}'")

        message = d.pop("message")

        payload_too_large_error = cls(
            detail=detail,
            error=error,
            message=message,
        )


        payload_too_large_error.additional_properties = d
        return payload_too_large_error

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
