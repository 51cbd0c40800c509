from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.meeting_read_source import MeetingReadSource
from typing import cast
import datetime






T = TypeVar("T", bound="MeetingRead")



@_attrs_define
class MeetingRead:
    """ 
        Attributes:
            ends_at (datetime.datetime):
            host_id (int):
            host_name (str):
            slot (int):
            source (MeetingReadSource):
            starts_at (datetime.datetime):
            startup_id (int):
            startup_name (str):
     """

    ends_at: datetime.datetime
    host_id: int
    host_name: str
    slot: int
    source: MeetingReadSource
    starts_at: datetime.datetime
    startup_id: int
    startup_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        ends_at = self.ends_at.isoformat()

        host_id = self.host_id

        host_name = self.host_name

        slot = self.slot

        source = self.source.value

        starts_at = self.starts_at.isoformat()

        startup_id = self.startup_id

        startup_name = self.startup_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ends_at": ends_at,
            "host_id": host_id,
            "host_name": host_name,
            "slot": slot,
            "source": source,
            "starts_at": starts_at,
            "startup_id": startup_id,
            "startup_name": startup_name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        host_id = d.pop("host_id")

        host_name = d.pop("host_name")

        slot = d.pop("slot")

        source = MeetingReadSource(d.pop("source"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        startup_id = d.pop("startup_id")

        startup_name = d.pop("startup_name")

        meeting_read = cls(
            ends_at=ends_at,
            host_id=host_id,
            host_name=host_name,
            slot=slot,
            source=source,
            starts_at=starts_at,
            startup_id=startup_id,
            startup_name=startup_name,
        )


        meeting_read.additional_properties = d
        return meeting_read

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
