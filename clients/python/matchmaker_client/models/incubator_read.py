from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.domain import Domain
from ..models.incubator_kind import IncubatorKind
from ..models.need import Need
from ..models.program import Program
from ..models.stage import Stage
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.location import Location





T = TypeVar("T", bound="IncubatorRead")



@_attrs_define
class IncubatorRead:
    """ An incubator's public fields.

        Attributes:
            capacity (int): open places Default: 0.
            created_at (datetime.datetime):
            description (str):  Default: ''.
            domains (list[Domain]):
            fund_size_usd (int | None):
            id (int):
            kind (IncubatorKind):
            languages (list[str]):
            location (Location): Where a profile is. Beijing, Tianjin and Hebei form one collaborative region.
            name (str):
            programs (list[Program]):
            services (list[Need]):
            stages (list[Stage]):
            stale (bool): not updated for more than MATCHMAKER_STALE_AFTER_DAYS days: its matches are ranked lower (x0.8)
                until it is updated Default: False.
            stale_since (datetime.datetime): when it counts (or will count) as stale unless updated before Default:
                datetime.datetime.fromisoformat('0001-01-01T00:00:00Z').
            trl_max (int):  Default: 9.
            trl_min (int):  Default: 1.
            updated_at (datetime.datetime):
            version (int):
            website (None | str):
     """

    created_at: datetime.datetime
    domains: list[Domain]
    fund_size_usd: int | None
    id: int
    kind: IncubatorKind
    languages: list[str]
    location: Location
    name: str
    programs: list[Program]
    services: list[Need]
    stages: list[Stage]
    updated_at: datetime.datetime
    version: int
    website: None | str
    capacity: int = 0
    description: str = ''
    stale: bool = False
    stale_since: datetime.datetime = datetime.datetime.fromisoformat('0001-01-01T00:00:00Z')
    trl_max: int = 9
    trl_min: int = 1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location # noqa: PLC0415
        capacity = self.capacity

        created_at = self.created_at.isoformat()

        description = self.description

        domains = []
        for domains_item_data in self.domains:
            domains_item = domains_item_data.value
            domains.append(domains_item)



        fund_size_usd: int | None
        fund_size_usd = self.fund_size_usd

        id = self.id

        kind = self.kind.value

        languages = self.languages



        location = self.location.to_dict()

        name = self.name

        programs = []
        for programs_item_data in self.programs:
            programs_item = programs_item_data.value
            programs.append(programs_item)



        services = []
        for services_item_data in self.services:
            services_item = services_item_data.value
            services.append(services_item)



        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.value
            stages.append(stages_item)



        stale = self.stale

        stale_since = self.stale_since.isoformat()

        trl_max = self.trl_max

        trl_min = self.trl_min

        updated_at = self.updated_at.isoformat()

        version = self.version

        website: None | str
        website = self.website


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "capacity": capacity,
            "created_at": created_at,
            "description": description,
            "domains": domains,
            "fund_size_usd": fund_size_usd,
            "id": id,
            "kind": kind,
            "languages": languages,
            "location": location,
            "name": name,
            "programs": programs,
            "services": services,
            "stages": stages,
            "stale": stale,
            "stale_since": stale_since,
            "trl_max": trl_max,
            "trl_min": trl_min,
            "updated_at": updated_at,
            "version": version,
            "website": website,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location import Location # noqa: PLC0415
        d = dict(src_dict)
        capacity = d.pop("capacity")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = d.pop("description")

        domains = []
        _domains = d.pop("domains")
        for domains_item_data in (_domains):
            domains_item = Domain(domains_item_data)



            domains.append(domains_item)


        def _parse_fund_size_usd(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        fund_size_usd = _parse_fund_size_usd(d.pop("fund_size_usd"))


        id = d.pop("id")

        kind = IncubatorKind(d.pop("kind"))




        languages = cast(list[str], d.pop("languages"))


        location = Location.from_dict(d.pop("location"))




        name = d.pop("name")

        programs = []
        _programs = d.pop("programs")
        for programs_item_data in (_programs):
            programs_item = Program(programs_item_data)



            programs.append(programs_item)


        services = []
        _services = d.pop("services")
        for services_item_data in (_services):
            services_item = Need(services_item_data)



            services.append(services_item)


        stages = []
        _stages = d.pop("stages")
        for stages_item_data in (_stages):
            stages_item = Stage(stages_item_data)



            stages.append(stages_item)


        stale = d.pop("stale")

        stale_since = datetime.datetime.fromisoformat(d.pop("stale_since"))




        trl_max = d.pop("trl_max")

        trl_min = d.pop("trl_min")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version")

        def _parse_website(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        website = _parse_website(d.pop("website"))


        incubator_read = cls(
            capacity=capacity,
            created_at=created_at,
            description=description,
            domains=domains,
            fund_size_usd=fund_size_usd,
            id=id,
            kind=kind,
            languages=languages,
            location=location,
            name=name,
            programs=programs,
            services=services,
            stages=stages,
            stale=stale,
            stale_since=stale_since,
            trl_max=trl_max,
            trl_min=trl_min,
            updated_at=updated_at,
            version=version,
            website=website,
        )


        incubator_read.additional_properties = d
        return incubator_read

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
