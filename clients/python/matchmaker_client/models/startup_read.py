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
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.location import Location





T = TypeVar("T", bound="StartupRead")



@_attrs_define
class StartupRead:
    """ A startup's public fields.

        Attributes:
            created_at (datetime.datetime):
            description (str):  Default: ''.
            domains (list[Domain]):
            first_time_founders (bool | None):
            founded_year (int | None):
            funding_raised_usd (int | None):
            id (int):
            languages (list[str]):
            location (Location): Where a profile is. Beijing, Tianjin and Hebei form one collaborative region.
            name (str):
            needs (list[Need]):
            pitch (str):  Default: ''.
            qualifications (list[Qualification]):
            stage (Stage):
            stale (bool): not updated for more than MATCHMAKER_STALE_AFTER_DAYS days: its matches are ranked lower (x0.8)
                until it is updated Default: False.
            stale_since (datetime.datetime): when it counts (or will count) as stale unless updated before Default:
                datetime.datetime.fromisoformat('0001-01-01T00:00:00Z').
            tags (list[str]):
            team_size (int | None):
            trl (int): Technology readiness level, 1 to 9
            updated_at (datetime.datetime):
            version (int):
            website (None | str):
     """

    created_at: datetime.datetime
    domains: list[Domain]
    first_time_founders: bool | None
    founded_year: int | None
    funding_raised_usd: int | None
    id: int
    languages: list[str]
    location: Location
    name: str
    needs: list[Need]
    qualifications: list[Qualification]
    stage: Stage
    tags: list[str]
    team_size: int | None
    trl: int
    updated_at: datetime.datetime
    version: int
    website: None | str
    description: str = ''
    pitch: str = ''
    stale: bool = False
    stale_since: datetime.datetime = datetime.datetime.fromisoformat('0001-01-01T00:00:00Z')
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location # noqa: PLC0415
        created_at = self.created_at.isoformat()

        description = self.description

        domains = []
        for domains_item_data in self.domains:
            domains_item = domains_item_data.value
            domains.append(domains_item)



        first_time_founders: bool | None
        first_time_founders = self.first_time_founders

        founded_year: int | None
        founded_year = self.founded_year

        funding_raised_usd: int | None
        funding_raised_usd = self.funding_raised_usd

        id = self.id

        languages = self.languages



        location = self.location.to_dict()

        name = self.name

        needs = []
        for needs_item_data in self.needs:
            needs_item = needs_item_data.value
            needs.append(needs_item)



        pitch = self.pitch

        qualifications = []
        for qualifications_item_data in self.qualifications:
            qualifications_item = qualifications_item_data.value
            qualifications.append(qualifications_item)



        stage = self.stage.value

        stale = self.stale

        stale_since = self.stale_since.isoformat()

        tags = self.tags



        team_size: int | None
        team_size = self.team_size

        trl = self.trl

        updated_at = self.updated_at.isoformat()

        version = self.version

        website: None | str
        website = self.website


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "description": description,
            "domains": domains,
            "first_time_founders": first_time_founders,
            "founded_year": founded_year,
            "funding_raised_usd": funding_raised_usd,
            "id": id,
            "languages": languages,
            "location": location,
            "name": name,
            "needs": needs,
            "pitch": pitch,
            "qualifications": qualifications,
            "stage": stage,
            "stale": stale,
            "stale_since": stale_since,
            "tags": tags,
            "team_size": team_size,
            "trl": trl,
            "updated_at": updated_at,
            "version": version,
            "website": website,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location import Location # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = d.pop("description")

        domains = []
        _domains = d.pop("domains")
        for domains_item_data in (_domains):
            domains_item = Domain(domains_item_data)



            domains.append(domains_item)


        def _parse_first_time_founders(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        first_time_founders = _parse_first_time_founders(d.pop("first_time_founders"))


        def _parse_founded_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        founded_year = _parse_founded_year(d.pop("founded_year"))


        def _parse_funding_raised_usd(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        funding_raised_usd = _parse_funding_raised_usd(d.pop("funding_raised_usd"))


        id = d.pop("id")

        languages = cast(list[str], d.pop("languages"))


        location = Location.from_dict(d.pop("location"))




        name = d.pop("name")

        needs = []
        _needs = d.pop("needs")
        for needs_item_data in (_needs):
            needs_item = Need(needs_item_data)



            needs.append(needs_item)


        pitch = d.pop("pitch")

        qualifications = []
        _qualifications = d.pop("qualifications")
        for qualifications_item_data in (_qualifications):
            qualifications_item = Qualification(qualifications_item_data)



            qualifications.append(qualifications_item)


        stage = Stage(d.pop("stage"))




        stale = d.pop("stale")

        stale_since = datetime.datetime.fromisoformat(d.pop("stale_since"))




        tags = cast(list[str], d.pop("tags"))


        def _parse_team_size(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        team_size = _parse_team_size(d.pop("team_size"))


        trl = d.pop("trl")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version")

        def _parse_website(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        website = _parse_website(d.pop("website"))


        startup_read = cls(
            created_at=created_at,
            description=description,
            domains=domains,
            first_time_founders=first_time_founders,
            founded_year=founded_year,
            funding_raised_usd=funding_raised_usd,
            id=id,
            languages=languages,
            location=location,
            name=name,
            needs=needs,
            pitch=pitch,
            qualifications=qualifications,
            stage=stage,
            stale=stale,
            stale_since=stale_since,
            tags=tags,
            team_size=team_size,
            trl=trl,
            updated_at=updated_at,
            version=version,
            website=website,
        )


        startup_read.additional_properties = d
        return startup_read

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
