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
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.location import Location





T = TypeVar("T", bound="IncubatorCreate")



@_attrs_define
class IncubatorCreate:
    """ A new incubator. ``contact_email`` is private: never listed publicly.

        Attributes:
            domains (list[Domain]):
            kind (IncubatorKind):
            location (Location): Where a profile is. Beijing, Tianjin and Hebei form one collaborative region.
            name (str):
            capacity (int | Unset): open places Default: 0.
            contact_email (None | str | Unset):
            description (str | Unset):  Default: ''.
            fund_size_usd (int | None | Unset):
            languages (list[str] | Unset):
            programs (list[Program] | Unset):
            services (list[Need] | Unset):
            stages (list[Stage] | Unset):
            trl_max (int | Unset):  Default: 9.
            trl_min (int | Unset):  Default: 1.
            website (None | str | Unset):
     """

    domains: list[Domain]
    kind: IncubatorKind
    location: Location
    name: str
    capacity: int | Unset = 0
    contact_email: None | str | Unset = UNSET
    description: str | Unset = ''
    fund_size_usd: int | None | Unset = UNSET
    languages: list[str] | Unset = UNSET
    programs: list[Program] | Unset = UNSET
    services: list[Need] | Unset = UNSET
    stages: list[Stage] | Unset = UNSET
    trl_max: int | Unset = 9
    trl_min: int | Unset = 1
    website: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location # noqa: PLC0415
        domains = []
        for domains_item_data in self.domains:
            domains_item = domains_item_data.value
            domains.append(domains_item)



        kind = self.kind.value

        location = self.location.to_dict()

        name = self.name

        capacity = self.capacity

        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        description = self.description

        fund_size_usd: int | None | Unset
        if isinstance(self.fund_size_usd, Unset):
            fund_size_usd = UNSET
        else:
            fund_size_usd = self.fund_size_usd

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages



        programs: list[str] | Unset = UNSET
        if not isinstance(self.programs, Unset):
            programs = []
            for programs_item_data in self.programs:
                programs_item = programs_item_data.value
                programs.append(programs_item)



        services: list[str] | Unset = UNSET
        if not isinstance(self.services, Unset):
            services = []
            for services_item_data in self.services:
                services_item = services_item_data.value
                services.append(services_item)



        stages: list[str] | Unset = UNSET
        if not isinstance(self.stages, Unset):
            stages = []
            for stages_item_data in self.stages:
                stages_item = stages_item_data.value
                stages.append(stages_item)



        trl_max = self.trl_max

        trl_min = self.trl_min

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "domains": domains,
            "kind": kind,
            "location": location,
            "name": name,
        })
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if description is not UNSET:
            field_dict["description"] = description
        if fund_size_usd is not UNSET:
            field_dict["fund_size_usd"] = fund_size_usd
        if languages is not UNSET:
            field_dict["languages"] = languages
        if programs is not UNSET:
            field_dict["programs"] = programs
        if services is not UNSET:
            field_dict["services"] = services
        if stages is not UNSET:
            field_dict["stages"] = stages
        if trl_max is not UNSET:
            field_dict["trl_max"] = trl_max
        if trl_min is not UNSET:
            field_dict["trl_min"] = trl_min
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location import Location # noqa: PLC0415
        d = dict(src_dict)
        domains = []
        _domains = d.pop("domains")
        for domains_item_data in (_domains):
            domains_item = Domain(domains_item_data)



            domains.append(domains_item)


        kind = IncubatorKind(d.pop("kind"))




        location = Location.from_dict(d.pop("location"))




        name = d.pop("name")

        capacity = d.pop("capacity", UNSET)

        def _parse_contact_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))


        description = d.pop("description", UNSET)

        def _parse_fund_size_usd(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fund_size_usd = _parse_fund_size_usd(d.pop("fund_size_usd", UNSET))


        languages = cast(list[str], d.pop("languages", UNSET))


        _programs = d.pop("programs", UNSET)
        programs: list[Program] | Unset = UNSET
        if _programs is not UNSET:
            programs = []
            for programs_item_data in _programs:
                programs_item = Program(programs_item_data)



                programs.append(programs_item)


        _services = d.pop("services", UNSET)
        services: list[Need] | Unset = UNSET
        if _services is not UNSET:
            services = []
            for services_item_data in _services:
                services_item = Need(services_item_data)



                services.append(services_item)


        _stages = d.pop("stages", UNSET)
        stages: list[Stage] | Unset = UNSET
        if _stages is not UNSET:
            stages = []
            for stages_item_data in _stages:
                stages_item = Stage(stages_item_data)



                stages.append(stages_item)


        trl_max = d.pop("trl_max", UNSET)

        trl_min = d.pop("trl_min", UNSET)

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))


        incubator_create = cls(
            domains=domains,
            kind=kind,
            location=location,
            name=name,
            capacity=capacity,
            contact_email=contact_email,
            description=description,
            fund_size_usd=fund_size_usd,
            languages=languages,
            programs=programs,
            services=services,
            stages=stages,
            trl_max=trl_max,
            trl_min=trl_min,
            website=website,
        )

        return incubator_create

