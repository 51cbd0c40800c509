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





T = TypeVar("T", bound="PartnerCreate")



@_attrs_define
class PartnerCreate:
    """ A new partner. ``contact_email`` is private: never listed publicly.

        Attributes:
            collaboration_modes (list[CollaborationMode]):
            domains (list[Domain]):
            kind (PartnerKind):
            location (Location): Where a profile is. Beijing, Tianjin and Hebei form one collaborative region.
            name (str):
            contact_email (None | str | Unset):
            description (str | Unset):  Default: ''.
            languages (list[str] | Unset):
            stages (list[Stage] | Unset):
            website (None | str | Unset):
     """

    collaboration_modes: list[CollaborationMode]
    domains: list[Domain]
    kind: PartnerKind
    location: Location
    name: str
    contact_email: None | str | Unset = UNSET
    description: str | Unset = ''
    languages: list[str] | Unset = UNSET
    stages: list[Stage] | Unset = UNSET
    website: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location # noqa: PLC0415
        collaboration_modes = []
        for collaboration_modes_item_data in self.collaboration_modes:
            collaboration_modes_item = collaboration_modes_item_data.value
            collaboration_modes.append(collaboration_modes_item)



        domains = []
        for domains_item_data in self.domains:
            domains_item = domains_item_data.value
            domains.append(domains_item)



        kind = self.kind.value

        location = self.location.to_dict()

        name = self.name

        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        description = self.description

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages



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
            "collaboration_modes": collaboration_modes,
            "domains": domains,
            "kind": kind,
            "location": location,
            "name": name,
        })
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if description is not UNSET:
            field_dict["description"] = description
        if languages is not UNSET:
            field_dict["languages"] = languages
        if stages is not UNSET:
            field_dict["stages"] = stages
        if website is not UNSET:
            field_dict["website"] = website

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


        domains = []
        _domains = d.pop("domains")
        for domains_item_data in (_domains):
            domains_item = Domain(domains_item_data)



            domains.append(domains_item)


        kind = PartnerKind(d.pop("kind"))




        location = Location.from_dict(d.pop("location"))




        name = d.pop("name")

        def _parse_contact_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))


        description = d.pop("description", UNSET)

        languages = cast(list[str], d.pop("languages", UNSET))


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


        partner_create = cls(
            collaboration_modes=collaboration_modes,
            domains=domains,
            kind=kind,
            location=location,
            name=name,
            contact_email=contact_email,
            description=description,
            languages=languages,
            stages=stages,
            website=website,
        )

        return partner_create

