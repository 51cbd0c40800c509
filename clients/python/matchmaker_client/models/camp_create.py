from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.camp_host_in import CampHostIn
  from ..models.day_plan_in import DayPlanIn
  from ..models.eligibility_in import EligibilityIn
  from ..models.quota_in import QuotaIn





T = TypeVar("T", bound="CampCreate")



@_attrs_define
class CampCreate:
    """ A new camp. It lasts at most 366 days (``starts_on`` and ``ends_on`` included), all
    of them from 2000-01-01 to 2099-12-31, as are the days of its ``day_plan``.

        Attributes:
            ends_on (datetime.date): The last day, on or after starts_on; at most 366 days in all.
            hosts (list[CampHostIn]):
            location (str):
            name (str):
            starts_on (datetime.date):
            day_plan (DayPlanIn | Unset): The matchmaking day(s): local times in the camp's time zone.
            eligibility (EligibilityIn | Unset): Who may join; empty lists mean any. A startup needs one shared domain.
            quotas (list[QuotaIn] | Unset):
            timezone (str | Unset):  Default: 'Asia/Shanghai'.
     """

    ends_on: datetime.date
    hosts: list[CampHostIn]
    location: str
    name: str
    starts_on: datetime.date
    day_plan: DayPlanIn | Unset = UNSET
    eligibility: EligibilityIn | Unset = UNSET
    quotas: list[QuotaIn] | Unset = UNSET
    timezone: str | Unset = 'Asia/Shanghai'





    def to_dict(self) -> dict[str, Any]:
        from ..models.camp_host_in import CampHostIn # noqa: PLC0415
        from ..models.day_plan_in import DayPlanIn # noqa: PLC0415
        from ..models.eligibility_in import EligibilityIn # noqa: PLC0415
        from ..models.quota_in import QuotaIn # noqa: PLC0415
        ends_on = self.ends_on.isoformat()

        hosts = []
        for hosts_item_data in self.hosts:
            hosts_item = hosts_item_data.to_dict()
            hosts.append(hosts_item)



        location = self.location

        name = self.name

        starts_on = self.starts_on.isoformat()

        day_plan: dict[str, Any] | Unset = UNSET
        if not isinstance(self.day_plan, Unset):
            day_plan = self.day_plan.to_dict()

        eligibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.eligibility, Unset):
            eligibility = self.eligibility.to_dict()

        quotas: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.quotas, Unset):
            quotas = []
            for quotas_item_data in self.quotas:
                quotas_item = quotas_item_data.to_dict()
                quotas.append(quotas_item)



        timezone = self.timezone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "ends_on": ends_on,
            "hosts": hosts,
            "location": location,
            "name": name,
            "starts_on": starts_on,
        })
        if day_plan is not UNSET:
            field_dict["day_plan"] = day_plan
        if eligibility is not UNSET:
            field_dict["eligibility"] = eligibility
        if quotas is not UNSET:
            field_dict["quotas"] = quotas
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.camp_host_in import CampHostIn # noqa: PLC0415
        from ..models.day_plan_in import DayPlanIn # noqa: PLC0415
        from ..models.eligibility_in import EligibilityIn # noqa: PLC0415
        from ..models.quota_in import QuotaIn # noqa: PLC0415
        d = dict(src_dict)
        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))




        hosts = []
        _hosts = d.pop("hosts")
        for hosts_item_data in (_hosts):
            hosts_item = CampHostIn.from_dict(hosts_item_data)



            hosts.append(hosts_item)


        location = d.pop("location")

        name = d.pop("name")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))




        _day_plan = d.pop("day_plan", UNSET)
        day_plan: DayPlanIn | Unset
        if isinstance(_day_plan,  Unset):
            day_plan = UNSET
        else:
            day_plan = DayPlanIn.from_dict(_day_plan)




        _eligibility = d.pop("eligibility", UNSET)
        eligibility: EligibilityIn | Unset
        if isinstance(_eligibility,  Unset):
            eligibility = UNSET
        else:
            eligibility = EligibilityIn.from_dict(_eligibility)




        _quotas = d.pop("quotas", UNSET)
        quotas: list[QuotaIn] | Unset = UNSET
        if _quotas is not UNSET:
            quotas = []
            for quotas_item_data in _quotas:
                quotas_item = QuotaIn.from_dict(quotas_item_data)



                quotas.append(quotas_item)


        timezone = d.pop("timezone", UNSET)

        camp_create = cls(
            ends_on=ends_on,
            hosts=hosts,
            location=location,
            name=name,
            starts_on=starts_on,
            day_plan=day_plan,
            eligibility=eligibility,
            quotas=quotas,
            timezone=timezone,
        )

        return camp_create

