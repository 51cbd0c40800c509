from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="AccessDetail")



@_attrs_define
class AccessDetail:
    """ Who was refused (the key's role) and, where there is one, the record refused.

        Attributes:
            id (int | None):
            kind (None | str):
            role (None | str):
            startup_id (int | None):
     """

    id: int | None
    kind: None | str
    role: None | str
    startup_id: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id: int | None
        id = self.id

        kind: None | str
        kind = self.kind

        role: None | str
        role = self.role

        startup_id: int | None
        startup_id = self.startup_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "role": role,
            "startup_id": startup_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        id = _parse_id(d.pop("id"))


        def _parse_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        kind = _parse_kind(d.pop("kind"))


        def _parse_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        role = _parse_role(d.pop("role"))


        def _parse_startup_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        startup_id = _parse_startup_id(d.pop("startup_id"))


        access_detail = cls(
            id=id,
            kind=kind,
            role=role,
            startup_id=startup_id,
        )


        access_detail.additional_properties = d
        return access_detail

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
