from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.domain import Domain
from ..models.need import Need
from ..models.qualification import Qualification
from ..models.stage import Stage
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.location import Location





T = TypeVar("T", bound="StartupCreate")



@_attrs_define
class StartupCreate:
    """ A new startup. ``contact_email`` is private: never listed publicly.

        Attributes:
            domains (list[Domain]):
            location (Location): Where a profile is. Beijing, Tianjin and Hebei form one collaborative region.
            name (str):
            stage (Stage):
            trl (int): Technology readiness level, 1 to 9
            contact_email (None | str | Unset):
            description (str | Unset):  Default: ''.
            first_time_founders (bool | None | Unset):
            founded_year (int | None | Unset):
            funding_raised_usd (int | None | Unset):
            languages (list[str] | Unset):
            needs (list[Need] | Unset):
            pitch (str | Unset):  Default: ''.
            qualifications (list[Qualification] | Unset):
            tags (list[str] | Unset):
            team_size (int | None | Unset):
            website (None | str | Unset):
     """

    domains: list[Domain]
    location: Location
    name: str
    stage: Stage
    trl: int
    contact_email: None | str | Unset = UNSET
    description: str | Unset = ''
    first_time_founders: bool | None | Unset = UNSET
    founded_year: int | None | Unset = UNSET
    funding_raised_usd: int | None | Unset = UNSET
    languages: list[str] | Unset = UNSET
    needs: list[Need] | Unset = UNSET
    pitch: str | Unset = ''
    qualifications: list[Qualification] | Unset = UNSET
    tags: list[str] | Unset = UNSET
    team_size: int | None | Unset = UNSET
    website: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location # noqa: PLC0415
        domains = []
        for domains_item_data in self.domains:
            domains_item = domains_item_data.value
            domains.append(domains_item)



        location = self.location.to_dict()

        name = self.name

        stage = self.stage.value

        trl = self.trl

        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        description = self.description

        first_time_founders: bool | None | Unset
        if isinstance(self.first_time_founders, Unset):
            first_time_founders = UNSET
        else:
            first_time_founders = self.first_time_founders

        founded_year: int | None | Unset
        if isinstance(self.founded_year, Unset):
            founded_year = UNSET
        else:
            founded_year = self.founded_year

        funding_raised_usd: int | None | Unset
        if isinstance(self.funding_raised_usd, Unset):
            funding_raised_usd = UNSET
        else:
            funding_raised_usd = self.funding_raised_usd

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages



        needs: list[str] | Unset = UNSET
        if not isinstance(self.needs, Unset):
            needs = []
            for needs_item_data in self.needs:
                needs_item = needs_item_data.value
                needs.append(needs_item)



        pitch = self.pitch

        qualifications: list[str] | Unset = UNSET
        if not isinstance(self.qualifications, Unset):
            qualifications = []
            for qualifications_item_data in self.qualifications:
                qualifications_item = qualifications_item_data.value
                qualifications.append(qualifications_item)



        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        team_size: int | None | Unset
        if isinstance(self.team_size, Unset):
            team_size = UNSET
        else:
            team_size = self.team_size

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "domains": domains,
            "location": location,
            "name": name,
            "stage": stage,
            "trl": trl,
        })
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if description is not UNSET:
            field_dict["description"] = description
        if first_time_founders is not UNSET:
            field_dict["first_time_founders"] = first_time_founders
        if founded_year is not UNSET:
            field_dict["founded_year"] = founded_year
        if funding_raised_usd is not UNSET:
            field_dict["funding_raised_usd"] = funding_raised_usd
        if languages is not UNSET:
            field_dict["languages"] = languages
        if needs is not UNSET:
            field_dict["needs"] = needs
        if pitch is not UNSET:
            field_dict["pitch"] = pitch
        if qualifications is not UNSET:
            field_dict["qualifications"] = qualifications
        if tags is not UNSET:
            field_dict["tags"] = tags
        if team_size is not UNSET:
            field_dict["team_size"] = team_size
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


        location = Location.from_dict(d.pop("location"))




        name = d.pop("name")

        stage = Stage(d.pop("stage"))




        trl = d.pop("trl")

        def _parse_contact_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))


        description = d.pop("description", UNSET)

        def _parse_first_time_founders(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        first_time_founders = _parse_first_time_founders(d.pop("first_time_founders", UNSET))


        def _parse_founded_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        founded_year = _parse_founded_year(d.pop("founded_year", UNSET))


        def _parse_funding_raised_usd(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        funding_raised_usd = _parse_funding_raised_usd(d.pop("funding_raised_usd", UNSET))


        languages = cast(list[str], d.pop("languages", UNSET))


        _needs = d.pop("needs", UNSET)
        needs: list[Need] | Unset = UNSET
        if _needs is not UNSET:
            needs = []
            for needs_item_data in _needs:
                needs_item = Need(needs_item_data)



                needs.append(needs_item)


        pitch = d.pop("pitch", UNSET)

        _qualifications = d.pop("qualifications", UNSET)
        qualifications: list[Qualification] | Unset = UNSET
        if _qualifications is not UNSET:
            qualifications = []
            for qualifications_item_data in _qualifications:
                qualifications_item = Qualification(qualifications_item_data)



                qualifications.append(qualifications_item)


        tags = cast(list[str], d.pop("tags", UNSET))


        def _parse_team_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        team_size = _parse_team_size(d.pop("team_size", UNSET))


        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))


        startup_create = cls(
            domains=domains,
            location=location,
            name=name,
            stage=stage,
            trl=trl,
            contact_email=contact_email,
            description=description,
            first_time_founders=first_time_founders,
            founded_year=founded_year,
            funding_raised_usd=funding_raised_usd,
            languages=languages,
            needs=needs,
            pitch=pitch,
            qualifications=qualifications,
            tags=tags,
            team_size=team_size,
            website=website,
        )

        return startup_create

