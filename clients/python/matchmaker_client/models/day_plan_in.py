from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="DayPlanIn")



@_attrs_define
class DayPlanIn:
    """ The matchmaking day(s): local times in the camp's time zone.

        Attributes:
            breaks (list[list[str]] | Unset):
            days (list[datetime.date] | None | Unset): Defaults to every day of the camp.
            end (str | Unset):  Default: '17:00:00'.
            gap_minutes (int | Unset):  Default: 0.
            max_per_host_per_day (int | None | Unset):
            max_per_startup_per_day (int | None | Unset):
            slot_minutes (int | Unset):  Default: 30.
            start (str | Unset):  Default: '09:00:00'.
     """

    breaks: list[list[str]] | Unset = UNSET
    days: list[datetime.date] | None | Unset = UNSET
    end: str | Unset = '17:00:00'
    gap_minutes: int | Unset = 0
    max_per_host_per_day: int | None | Unset = UNSET
    max_per_startup_per_day: int | None | Unset = UNSET
    slot_minutes: int | Unset = 30
    start: str | Unset = '09:00:00'





    def to_dict(self) -> dict[str, Any]:
        breaks: list[list[str]] | Unset = UNSET
        if not isinstance(self.breaks, Unset):
            breaks = []
            for breaks_item_data in self.breaks:
                breaks_item = []
                for breaks_item_item_data in breaks_item_data:
                    breaks_item_item: str
                    breaks_item_item = breaks_item_item_data
                    breaks_item.append(breaks_item_item)


                breaks.append(breaks_item)



        days: list[str] | None | Unset
        if isinstance(self.days, Unset):
            days = UNSET
        elif isinstance(self.days, list):
            days = []
            for days_type_0_item_data in self.days:
                days_type_0_item = days_type_0_item_data.isoformat()
                days.append(days_type_0_item)


        else:
            days = self.days

        end = self.end

        gap_minutes = self.gap_minutes

        max_per_host_per_day: int | None | Unset
        if isinstance(self.max_per_host_per_day, Unset):
            max_per_host_per_day = UNSET
        else:
            max_per_host_per_day = self.max_per_host_per_day

        max_per_startup_per_day: int | None | Unset
        if isinstance(self.max_per_startup_per_day, Unset):
            max_per_startup_per_day = UNSET
        else:
            max_per_startup_per_day = self.max_per_startup_per_day

        slot_minutes = self.slot_minutes

        start = self.start


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if breaks is not UNSET:
            field_dict["breaks"] = breaks
        if days is not UNSET:
            field_dict["days"] = days
        if end is not UNSET:
            field_dict["end"] = end
        if gap_minutes is not UNSET:
            field_dict["gap_minutes"] = gap_minutes
        if max_per_host_per_day is not UNSET:
            field_dict["max_per_host_per_day"] = max_per_host_per_day
        if max_per_startup_per_day is not UNSET:
            field_dict["max_per_startup_per_day"] = max_per_startup_per_day
        if slot_minutes is not UNSET:
            field_dict["slot_minutes"] = slot_minutes
        if start is not UNSET:
            field_dict["start"] = start

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _breaks = d.pop("breaks", UNSET)
        breaks: list[list[str]] | Unset = UNSET
        if _breaks is not UNSET:
            breaks = []
            for breaks_item_data in _breaks:
                breaks_item = []
                _breaks_item = breaks_item_data
                for breaks_item_item_data in (_breaks_item):
                    def _parse_breaks_item_item(data: object) -> str:
                        return cast(str, data)

                    breaks_item_item = _parse_breaks_item_item(breaks_item_item_data)

                    breaks_item.append(breaks_item_item)

                breaks.append(breaks_item)


        def _parse_days(data: object) -> list[datetime.date] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                days_type_0 = []
                _days_type_0 = data
                for days_type_0_item_data in (_days_type_0):
                    days_type_0_item = datetime.date.fromisoformat(days_type_0_item_data)



                    days_type_0.append(days_type_0_item)

                return days_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[datetime.date] | None | Unset, data)

        days = _parse_days(d.pop("days", UNSET))


        end = d.pop("end", UNSET)

        gap_minutes = d.pop("gap_minutes", UNSET)

        def _parse_max_per_host_per_day(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_per_host_per_day = _parse_max_per_host_per_day(d.pop("max_per_host_per_day", UNSET))


        def _parse_max_per_startup_per_day(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_per_startup_per_day = _parse_max_per_startup_per_day(d.pop("max_per_startup_per_day", UNSET))


        slot_minutes = d.pop("slot_minutes", UNSET)

        start = d.pop("start", UNSET)

        day_plan_in = cls(
            breaks=breaks,
            days=days,
            end=end,
            gap_minutes=gap_minutes,
            max_per_host_per_day=max_per_host_per_day,
            max_per_startup_per_day=max_per_startup_per_day,
            slot_minutes=slot_minutes,
            start=start,
        )

        return day_plan_in

