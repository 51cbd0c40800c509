from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="RankingRead")



@_attrs_define
class RankingRead:
    """ 
        Attributes:
            accept_unranked (bool):
            camp_id (int):
            host_id (int):
            startup_ids (list[int]):
     """

    accept_unranked: bool
    camp_id: int
    host_id: int
    startup_ids: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        accept_unranked = self.accept_unranked

        camp_id = self.camp_id

        host_id = self.host_id

        startup_ids = self.startup_ids




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accept_unranked": accept_unranked,
            "camp_id": camp_id,
            "host_id": host_id,
            "startup_ids": startup_ids,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accept_unranked = d.pop("accept_unranked")

        camp_id = d.pop("camp_id")

        host_id = d.pop("host_id")

        startup_ids = cast(list[int], d.pop("startup_ids"))


        ranking_read = cls(
            accept_unranked=accept_unranked,
            camp_id=camp_id,
            host_id=host_id,
            startup_ids=startup_ids,
        )


        ranking_read.additional_properties = d
        return ranking_read

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
