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
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.location import Location





T = TypeVar("T", bound="PartnerUpdate")



@_attrs_define
class PartnerUpdate:
    """ 
        Attributes:
            collaboration_modes (list[CollaborationMode] | Unset):
            contact_email (None | str | Unset):
            description (str | Unset):
            domains (list[Domain] | Unset):
            kind (PartnerKind | Unset):
            languages (list[str] | Unset):
            location (Location | Unset): Where a profile is. Beijing, Tianjin and Hebei form one collaborative region.
            name (str | Unset):
            stages (list[Stage] | Unset):
            website (None | str | Unset):
     """

    collaboration_modes: list[CollaborationMode] | Unset = UNSET
    contact_email: None | str | Unset = UNSET
    description: str | Unset = UNSET
    domains: list[Domain] | Unset = UNSET
    kind: PartnerKind | Unset = UNSET
    languages: list[str] | Unset = UNSET
    location: Location | Unset = UNSET
    name: str | Unset = UNSET
    stages: list[Stage] | Unset = UNSET
    website: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location # noqa: PLC0415
        collaboration_modes: list[str] | Unset = UNSET
        if not isinstance(self.collaboration_modes, Unset):
            collaboration_modes = []
            for collaboration_modes_item_data in self.collaboration_modes:
                collaboration_modes_item = collaboration_modes_item_data.value
                collaboration_modes.append(collaboration_modes_item)



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

        stages: list[str] | Unset = UNSET
        if not isinstance(self.stages, Unset):
            stages = []
            for stages_item_data in self.stages:
                stages_item = stages_item_data.value
                stages.append(stages_item)



        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if collaboration_modes is not UNSET:
            field_dict["collaboration_modes"] = collaboration_modes
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if description is not UNSET:
            field_dict["description"] = description
        if domains is not UNSET:
            field_dict["domains"] = domains
        if kind is not UNSET:
            field_dict["kind"] = kind
        if languages is not UNSET:
            field_dict["languages"] = languages
        if location is not UNSET:
            field_dict["location"] = location
        if name is not UNSET:
            field_dict["name"] = name
        if stages is not UNSET:
            field_dict["stages"] = stages
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location import Location # noqa: PLC0415
        d = dict(src_dict)
        _collaboration_modes = d.pop("collaboration_modes", UNSET)
        collaboration_modes: list[CollaborationMode] | Unset = UNSET
        if _collaboration_modes is not UNSET:
            collaboration_modes = []
            for collaboration_modes_item_data in _collaboration_modes:
                collaboration_modes_item = CollaborationMode(collaboration_modes_item_data)



                collaboration_modes.append(collaboration_modes_item)


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


        _kind = d.pop("kind", UNSET)
        kind: PartnerKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = PartnerKind(_kind)




        languages = cast(list[str], d.pop("languages", UNSET))


        _location = d.pop("location", UNSET)
        location: Location | Unset
        if isinstance(_location,  Unset):
            location = UNSET
        else:
            location = Location.from_dict(_location)




        name = d.pop("name", UNSET)

        _stages = d.pop("stages", UNSET)
        stages: list[Stage] | Unset = UNSET
        if _stages is not UNSET:
            stages = []
            for stages_item_data in _stages:
                stages_item = Stage(stages_item_data)



                stages.append(stages_item)


        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))


        partner_update = cls(
            collaboration_modes=collaboration_modes,
            contact_email=contact_email,
            description=description,
            domains=domains,
            kind=kind,
            languages=languages,
            location=location,
            name=name,
            stages=stages,
            website=website,
        )

        return partner_update

