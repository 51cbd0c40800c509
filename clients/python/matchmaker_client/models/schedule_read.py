from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.meeting_read import MeetingRead
  from ..models.unscheduled_read import UnscheduledRead





T = TypeVar("T", bound="ScheduleRead")



@_attrs_define
class ScheduleRead:
    """ 
        Attributes:
            camp_id (int):
            meetings (list[MeetingRead]):
            slots (int):
            timezone (str):
            unscheduled (list[UnscheduledRead]):
     """

    camp_id: int
    meetings: list[MeetingRead]
    slots: int
    timezone: str
    unscheduled: list[UnscheduledRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.meeting_read import MeetingRead # noqa: PLC0415
        from ..models.unscheduled_read import UnscheduledRead # noqa: PLC0415
        camp_id = self.camp_id

        meetings = []
        for meetings_item_data in self.meetings:
            meetings_item = meetings_item_data.to_dict()
            meetings.append(meetings_item)



        slots = self.slots

        timezone = self.timezone

        unscheduled = []
        for unscheduled_item_data in self.unscheduled:
            unscheduled_item = unscheduled_item_data.to_dict()
            unscheduled.append(unscheduled_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "camp_id": camp_id,
            "meetings": meetings,
            "slots": slots,
            "timezone": timezone,
            "unscheduled": unscheduled,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.meeting_read import MeetingRead # noqa: PLC0415
        from ..models.unscheduled_read import UnscheduledRead # noqa: PLC0415
        d = dict(src_dict)
        camp_id = d.pop("camp_id")

        meetings = []
        _meetings = d.pop("meetings")
        for meetings_item_data in (_meetings):
            meetings_item = MeetingRead.from_dict(meetings_item_data)



            meetings.append(meetings_item)


        slots = d.pop("slots")

        timezone = d.pop("timezone")

        unscheduled = []
        _unscheduled = d.pop("unscheduled")
        for unscheduled_item_data in (_unscheduled):
            unscheduled_item = UnscheduledRead.from_dict(unscheduled_item_data)



            unscheduled.append(unscheduled_item)


        schedule_read = cls(
            camp_id=camp_id,
            meetings=meetings,
            slots=slots,
            timezone=timezone,
            unscheduled=unscheduled,
        )


        schedule_read.additional_properties = d
        return schedule_read

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
