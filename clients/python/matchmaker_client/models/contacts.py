from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="Contacts")



@_attrs_define
class Contacts:
    """ Both sides' contact details: present only while the match is connected.

        Attributes:
            startup_email (None | str):
            target_email (None | str):
     """

    startup_email: None | str
    target_email: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        startup_email: None | str
        startup_email = self.startup_email

        target_email: None | str
        target_email = self.target_email


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "startup_email": startup_email,
            "target_email": target_email,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_startup_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        startup_email = _parse_startup_email(d.pop("startup_email"))


        def _parse_target_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_email = _parse_target_email(d.pop("target_email"))


        contacts = cls(
            startup_email=startup_email,
            target_email=target_email,
        )


        contacts.additional_properties = d
        return contacts

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
