from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast






T = TypeVar("T", bound="MethodNotAllowedError")



@_attrs_define
class MethodNotAllowedError:
    """ This path does not take this method (see `Allow`)

        Attributes:
            detail (None):
            error (Literal['method_not_allowed']):
            message (str):
     """

    detail: None
    error: Literal['method_not_allowed']
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

        error = cast(Literal['method_not_allowed'] , d.pop("error"))
        if error != 'method_not_allowed':
            raise ValueError(f"error must match const 'method_not_allowed', got '{error}'")

        message = d.pop("message")

        method_not_allowed_error = cls(
            detail=detail,
            error=error,
            message=message,
        )


        method_not_allowed_error.additional_properties = d
        return method_not_allowed_error

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
