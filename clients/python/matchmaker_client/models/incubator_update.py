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





T = TypeVar("T", bound="IncubatorUpdate")



@_attrs_define
class IncubatorUpdate:
    """ 
        Attributes:
            capacity (int | Unset): open places
            contact_email (None | str | Unset):
            description (str | Unset):
            domains (list[Domain] | Unset):
            fund_size_usd (int | None | Unset):
            kind (IncubatorKind | Unset):
            languages (list[str] | Unset):
            location (Location | Unset): Where a profile is. Beijing, Tianjin and Hebei form one collaborative region.
            name (str | Unset):
            programs (list[Program] | Unset):
            services (list[Need] | Unset):
            stages (list[Stage] | Unset):
            trl_max (int | Unset):
            trl_min (int | Unset):
            website (None | str | Unset):
     """

    capacity: int | Unset = UNSET
    contact_email: None | str | Unset = UNSET
    description: str | Unset = UNSET
    domains: list[Domain] | Unset = UNSET
    fund_size_usd: int | None | Unset = UNSET
    kind: IncubatorKind | Unset = UNSET
    languages: list[str] | Unset = UNSET
    location: Location | Unset = UNSET
    name: str | Unset = UNSET
    programs: list[Program] | Unset = UNSET
    services: list[Need] | Unset = UNSET
    stages: list[Stage] | Unset = UNSET
    trl_max: int | Unset = UNSET
    trl_min: int | Unset = UNSET
    website: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location # noqa: PLC0415
        capacity = self.capacity

        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        description = self.description

        domains: list[str] | Unset = UNSET
        if not isinstance(self.domains, Unset):
            domains = []
            for domains_item_data in self.domains:
                domains_item = domains_item_data.value
                domains.append(domains_item)



        fund_size_usd: int | None | Unset
        if isinstance(self.fund_size_usd, Unset):
            fund_size_usd = UNSET
        else:
            fund_size_usd = self.fund_size_usd

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages



        location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location, Unset):
            location = self.location.to_dict()

        name = self.name

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
        })
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if description is not UNSET:
            field_dict["description"] = description
        if domains is not UNSET:
            field_dict["domains"] = domains
        if fund_size_usd is not UNSET:
            field_dict["fund_size_usd"] = fund_size_usd
        if kind is not UNSET:
            field_dict["kind"] = kind
        if languages is not UNSET:
            field_dict["languages"] = languages
        if location is not UNSET:
            field_dict["location"] = location
        if name is not UNSET:
            field_dict["name"] = name
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
        capacity = d.pop("capacity", UNSET)

        def _parse_contact_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))


        description = d.pop("description", UNSET)

        _domains = d.pop("domains", UNSET)
        domains: list[Domain] | Unset = UNSET
        if _domains is not UNSET:
            domains = []
            for domains_item_data in _domains:
                domains_item = Domain(domains_item_data)



                domains.append(domains_item)


        def _parse_fund_size_usd(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fund_size_usd = _parse_fund_size_usd(d.pop("fund_size_usd", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: IncubatorKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = IncubatorKind(_kind)




        languages = cast(list[str], d.pop("languages", UNSET))


        _location = d.pop("location", UNSET)
        location: Location | Unset
        if isinstance(_location,  Unset):
            location = UNSET
        else:
            location = Location.from_dict(_location)




        name = d.pop("name", UNSET)

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


        incubator_update = cls(
            capacity=capacity,
            contact_email=contact_email,
            description=description,
            domains=domains,
            fund_size_usd=fund_size_usd,
            kind=kind,
            languages=languages,
            location=location,
            name=name,
            programs=programs,
            services=services,
            stages=stages,
            trl_max=trl_max,
            trl_min=trl_min,
            website=website,
        )

        return incubator_update

