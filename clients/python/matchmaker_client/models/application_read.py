from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ApplicationRead")



@_attrs_define
class ApplicationRead:
    """ 
        Attributes:
            accept_unranked (bool):
            camp_id (int):
            created_at (datetime.datetime):
            eligible_host_ids (list[int]):
            host_preferences (list[int]): Camp host ids, best first.
            id (int):
            startup_id (int):
     """

    accept_unranked: bool
    camp_id: int
    created_at: datetime.datetime
    eligible_host_ids: list[int]
    host_preferences: list[int]
    id: int
    startup_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        accept_unranked = self.accept_unranked

        camp_id = self.camp_id

        created_at = self.created_at.isoformat()

        eligible_host_ids = self.eligible_host_ids



        host_preferences = self.host_preferences



        id = self.id

        startup_id = self.startup_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accept_unranked": accept_unranked,
            "camp_id": camp_id,
            "created_at": created_at,
            "eligible_host_ids": eligible_host_ids,
            "host_preferences": host_preferences,
            "id": id,
            "startup_id": startup_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accept_unranked = d.pop("accept_unranked")

        camp_id = d.pop("camp_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        eligible_host_ids = cast(list[int], d.pop("eligible_host_ids"))


        host_preferences = cast(list[int], d.pop("host_preferences"))


        id = d.pop("id")

        startup_id = d.pop("startup_id")

        application_read = cls(
            accept_unranked=accept_unranked,
            camp_id=camp_id,
            created_at=created_at,
            eligible_host_ids=eligible_host_ids,
            host_preferences=host_preferences,
            id=id,
            startup_id=startup_id,
        )


        application_read.additional_properties = d
        return application_read

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
