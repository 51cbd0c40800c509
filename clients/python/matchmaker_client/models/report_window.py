from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ReportWindow")



@_attrs_define
class ReportWindow:
    """ The UTC days a report covers, both included.

        Attributes:
            days (int): days in the window, since and until included
            since (datetime.date): first day counted, from 00:00 UTC
            until (datetime.date): last day counted, through 24:00 UTC
     """

    days: int
    since: datetime.date
    until: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        days = self.days

        since = self.since.isoformat()

        until = self.until.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "days": days,
            "since": since,
            "until": until,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        days = d.pop("days")

        since = datetime.date.fromisoformat(d.pop("since"))




        until = datetime.date.fromisoformat(d.pop("until"))




        report_window = cls(
            days=days,
            since=since,
            until=until,
        )


        report_window.additional_properties = d
        return report_window

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
