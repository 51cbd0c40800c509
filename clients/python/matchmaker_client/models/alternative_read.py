from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="AlternativeRead")



@_attrs_define
class AlternativeRead:
    """ 
        Attributes:
            free_places (int):
            host_id (int):
            kind (str):
            places_short (int | None):
     """

    free_places: int
    host_id: int
    kind: str
    places_short: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        free_places = self.free_places

        host_id = self.host_id

        kind = self.kind

        places_short: int | None
        places_short = self.places_short


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "free_places": free_places,
            "host_id": host_id,
            "kind": kind,
            "places_short": places_short,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        free_places = d.pop("free_places")

        host_id = d.pop("host_id")

        kind = d.pop("kind")

        def _parse_places_short(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        places_short = _parse_places_short(d.pop("places_short"))


        alternative_read = cls(
            free_places=free_places,
            host_id=host_id,
            kind=kind,
            places_short=places_short,
        )


        alternative_read.additional_properties = d
        return alternative_read

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
