from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast






T = TypeVar("T", bound="RateLimitedError")



@_attrs_define
class RateLimitedError:
    """ Too many requests for this account (its keys and web sessions share one budget); wait `Retry-After` s

        Attributes:
            detail (None):
            error (Literal['rate_limited']):
            message (str):
     """

    detail: None
    error: Literal['rate_limited']
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

        error = cast(Literal['rate_limited'] , d.pop("error"))
        if error != 'rate_limited':
            raise ValueError(f"error must match const 'rate_limited', got '{error}'")

        message = d.pop("message")

        rate_limited_error = cls(
            detail=detail,
            error=error,
            message=message,
        )


        rate_limited_error.additional_properties = d
        return rate_limited_error

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
