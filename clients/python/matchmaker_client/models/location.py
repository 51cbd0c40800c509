from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.region import Region
from ..types import UNSET, Unset






T = TypeVar("T", bound="Location")



@_attrs_define
class Location:
    """ Where a profile is. Beijing, Tianjin and Hebei form one collaborative region.

        Attributes:
            region (Region):
            city (str | Unset):  Default: ''.
            country (str | Unset): ISO 3166-1 alpha-2 code: CN unless region is abroad Default: 'CN'.
     """

    region: Region
    city: str | Unset = ''
    country: str | Unset = 'CN'





    def to_dict(self) -> dict[str, Any]:
        region = self.region.value

        city = self.city

        country = self.country


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "region": region,
        })
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        region = Region(d.pop("region"))




        city = d.pop("city", UNSET)

        country = d.pop("country", UNSET)

        location = cls(
            region=region,
            city=city,
            country=country,
        )

        return location

