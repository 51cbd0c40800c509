from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.camp_host_read import CampHostRead
  from ..models.day_plan_in import DayPlanIn
  from ..models.eligibility_in import EligibilityIn
  from ..models.quota_in import QuotaIn





T = TypeVar("T", bound="CampRead")



@_attrs_define
class CampRead:
    """ 
        Attributes:
            applications (int):
            day_plan (DayPlanIn): The matchmaking day(s): local times in the camp's time zone.
            eligibility (EligibilityIn): Who may join; empty lists mean any. A startup needs one shared domain.
            ends_on (datetime.date):
            hosts (list[CampHostRead]):
            id (int):
            location (str):
            name (str):
            quotas (list[QuotaIn]):
            starts_on (datetime.date):
            timezone (str):
     """

    applications: int
    day_plan: DayPlanIn
    eligibility: EligibilityIn
    ends_on: datetime.date
    hosts: list[CampHostRead]
    id: int
    location: str
    name: str
    quotas: list[QuotaIn]
    starts_on: datetime.date
    timezone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.camp_host_read import CampHostRead # noqa: PLC0415
        from ..models.day_plan_in import DayPlanIn # noqa: PLC0415
        from ..models.eligibility_in import EligibilityIn # noqa: PLC0415
        from ..models.quota_in import QuotaIn # noqa: PLC0415
        applications = self.applications

        day_plan = self.day_plan.to_dict()

        eligibility = self.eligibility.to_dict()

        ends_on = self.ends_on.isoformat()

        hosts = []
        for hosts_item_data in self.hosts:
            hosts_item = hosts_item_data.to_dict()
            hosts.append(hosts_item)



        id = self.id

        location = self.location

        name = self.name

        quotas = []
        for quotas_item_data in self.quotas:
            quotas_item = quotas_item_data.to_dict()
            quotas.append(quotas_item)



        starts_on = self.starts_on.isoformat()

        timezone = self.timezone


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "applications": applications,
            "day_plan": day_plan,
            "eligibility": eligibility,
            "ends_on": ends_on,
            "hosts": hosts,
            "id": id,
            "location": location,
            "name": name,
            "quotas": quotas,
            "starts_on": starts_on,
            "timezone": timezone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.camp_host_read import CampHostRead # noqa: PLC0415
        from ..models.day_plan_in import DayPlanIn # noqa: PLC0415
        from ..models.eligibility_in import EligibilityIn # noqa: PLC0415
        from ..models.quota_in import QuotaIn # noqa: PLC0415
        d = dict(src_dict)
        applications = d.pop("applications")

        day_plan = DayPlanIn.from_dict(d.pop("day_plan"))




        eligibility = EligibilityIn.from_dict(d.pop("eligibility"))




        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))




        hosts = []
        _hosts = d.pop("hosts")
        for hosts_item_data in (_hosts):
            hosts_item = CampHostRead.from_dict(hosts_item_data)



            hosts.append(hosts_item)


        id = d.pop("id")

        location = d.pop("location")

        name = d.pop("name")

        quotas = []
        _quotas = d.pop("quotas")
        for quotas_item_data in (_quotas):
            quotas_item = QuotaIn.from_dict(quotas_item_data)



            quotas.append(quotas_item)


        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))




        timezone = d.pop("timezone")

        camp_read = cls(
            applications=applications,
            day_plan=day_plan,
            eligibility=eligibility,
            ends_on=ends_on,
            hosts=hosts,
            id=id,
            location=location,
            name=name,
            quotas=quotas,
            starts_on=starts_on,
            timezone=timezone,
        )


        camp_read.additional_properties = d
        return camp_read

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
