from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.profile_ref_kind import ProfileRefKind
from ..models.region import Region






T = TypeVar("T", bound="ProfileRef")



@_attrs_define
class ProfileRef:
    """ 
        Attributes:
            city (str):
            id (int):
            kind (ProfileRefKind):
            region (Region):
            title (str):
     """

    city: str
    id: int
    kind: ProfileRefKind
    region: Region
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        city = self.city

        id = self.id

        kind = self.kind.value

        region = self.region.value

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "city": city,
            "id": id,
            "kind": kind,
            "region": region,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city")

        id = d.pop("id")

        kind = ProfileRefKind(d.pop("kind"))




        region = Region(d.pop("region"))




        title = d.pop("title")

        profile_ref = cls(
            city=city,
            id=id,
            kind=kind,
            region=region,
            title=title,
        )


        profile_ref.additional_properties = d
        return profile_ref

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
