from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.collaboration_mode import CollaborationMode
from ..models.domain import Domain
from ..models.partner_kind import PartnerKind
from ..models.stage import Stage
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.location import Location





T = TypeVar("T", bound="PartnerRead")



@_attrs_define
class PartnerRead:
    """ A partner's public fields.

        Attributes:
            collaboration_modes (list[CollaborationMode]):
            created_at (datetime.datetime):
            description (str):  Default: ''.
            domains (list[Domain]):
            id (int):
            kind (PartnerKind):
            languages (list[str]):
            location (Location): Where a profile is. Beijing, Tianjin and Hebei form one collaborative region.
            name (str):
            stages (list[Stage]):
            stale (bool): not updated for more than MATCHMAKER_STALE_AFTER_DAYS days: its matches are ranked lower (x0.8)
                until it is updated Default: False.
            stale_since (datetime.datetime): when it counts (or will count) as stale unless updated before Default:
                datetime.datetime.fromisoformat('0001-01-01T00:00:00Z').
            updated_at (datetime.datetime):
            version (int):
            website (None | str):
     """

    collaboration_modes: list[CollaborationMode]
    created_at: datetime.datetime
    domains: list[Domain]
    id: int
    kind: PartnerKind
    languages: list[str]
    location: Location
    name: str
    stages: list[Stage]
    updated_at: datetime.datetime
    version: int
    website: None | str
    description: str = ''
    stale: bool = False
    stale_since: datetime.datetime = datetime.datetime.fromisoformat('0001-01-01T00:00:00Z')
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location # noqa: PLC0415
        collaboration_modes = []
        for collaboration_modes_item_data in self.collaboration_modes:
            collaboration_modes_item = collaboration_modes_item_data.value
            collaboration_modes.append(collaboration_modes_item)



        created_at = self.created_at.isoformat()

        description = self.description

        domains = []
        for domains_item_data in self.domains:
            domains_item = domains_item_data.value
            domains.append(domains_item)



        id = self.id

        kind = self.kind.value

        languages = self.languages



        location = self.location.to_dict()

        name = self.name

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.value
            stages.append(stages_item)



        stale = self.stale

        stale_since = self.stale_since.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        website: None | str
        website = self.website


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "collaboration_modes": collaboration_modes,
            "created_at": created_at,
            "description": description,
            "domains": domains,
            "id": id,
            "kind": kind,
            "languages": languages,
            "location": location,
            "name": name,
            "stages": stages,
            "stale": stale,
            "stale_since": stale_since,
            "updated_at": updated_at,
            "version": version,
            "website": website,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location import Location # noqa: PLC0415
        d = dict(src_dict)
        collaboration_modes = []
        _collaboration_modes = d.pop("collaboration_modes")
        for collaboration_modes_item_data in (_collaboration_modes):
            collaboration_modes_item = CollaborationMode(collaboration_modes_item_data)



            collaboration_modes.append(collaboration_modes_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = d.pop("description")

        domains = []
        _domains = d.pop("domains")
        for domains_item_data in (_domains):
            domains_item = Domain(domains_item_data)



            domains.append(domains_item)


        id = d.pop("id")

        kind = PartnerKind(d.pop("kind"))




        languages = cast(list[str], d.pop("languages"))


        location = Location.from_dict(d.pop("location"))




        name = d.pop("name")

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in (_stages):
            stages_item = Stage(stages_item_data)



            stages.append(stages_item)


        stale = d.pop("stale")

        stale_since = datetime.datetime.fromisoformat(d.pop("stale_since"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version")

        def _parse_website(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        website = _parse_website(d.pop("website"))


        partner_read = cls(
            collaboration_modes=collaboration_modes,
            created_at=created_at,
            description=description,
            domains=domains,
            id=id,
            kind=kind,
            languages=languages,
            location=location,
            name=name,
            stages=stages,
            stale=stale,
            stale_since=stale_since,
            updated_at=updated_at,
            version=version,
            website=website,
        )


        partner_read.additional_properties = d
        return partner_read

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
