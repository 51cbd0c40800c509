from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.collaboration_mode import CollaborationMode
from ..models.domain import Domain
from ..models.scenario_status import ScenarioStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.location import Location





T = TypeVar("T", bound="ScenarioUpdate")



@_attrs_define
class ScenarioUpdate:
    """ 
        Attributes:
            budget_usd (int | None | Unset):
            collaboration_mode (CollaborationMode | Unset):
            contact_email (None | str | Unset):
            deadline (datetime.date | None | Unset):
            description (str | Unset):
            domains (list[Domain] | Unset):
            location (Location | Unset): Where a profile is. Beijing, Tianjin and Hebei form one collaborative region.
            min_trl (int | Unset):
            publisher (int | str | Unset): the publishing partner's id, or a name when it has no profile
            status (ScenarioStatus | Unset):
            title (str | Unset):
     """

    budget_usd: int | None | Unset = UNSET
    collaboration_mode: CollaborationMode | Unset = UNSET
    contact_email: None | str | Unset = UNSET
    deadline: datetime.date | None | Unset = UNSET
    description: str | Unset = UNSET
    domains: list[Domain] | Unset = UNSET
    location: Location | Unset = UNSET
    min_trl: int | Unset = UNSET
    publisher: int | str | Unset = UNSET
    status: ScenarioStatus | Unset = UNSET
    title: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location # noqa: PLC0415
        budget_usd: int | None | Unset
        if isinstance(self.budget_usd, Unset):
            budget_usd = UNSET
        else:
            budget_usd = self.budget_usd

        collaboration_mode: str | Unset = UNSET
        if not isinstance(self.collaboration_mode, Unset):
            collaboration_mode = self.collaboration_mode.value


        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        deadline: None | str | Unset
        if isinstance(self.deadline, Unset):
            deadline = UNSET
        elif isinstance(self.deadline, datetime.date):
            deadline = self.deadline.isoformat()
        else:
            deadline = self.deadline

        description = self.description

        domains: list[str] | Unset = UNSET
        if not isinstance(self.domains, Unset):
            domains = []
            for domains_item_data in self.domains:
                domains_item = domains_item_data.value
                domains.append(domains_item)



        location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location, Unset):
            location = self.location.to_dict()

        min_trl = self.min_trl

        publisher: int | str | Unset
        if isinstance(self.publisher, Unset):
            publisher = UNSET
        else:
            publisher = self.publisher

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        title = self.title


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if budget_usd is not UNSET:
            field_dict["budget_usd"] = budget_usd
        if collaboration_mode is not UNSET:
            field_dict["collaboration_mode"] = collaboration_mode
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if deadline is not UNSET:
            field_dict["deadline"] = deadline
        if description is not UNSET:
            field_dict["description"] = description
        if domains is not UNSET:
            field_dict["domains"] = domains
        if location is not UNSET:
            field_dict["location"] = location
        if min_trl is not UNSET:
            field_dict["min_trl"] = min_trl
        if publisher is not UNSET:
            field_dict["publisher"] = publisher
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location import Location # noqa: PLC0415
        d = dict(src_dict)
        def _parse_budget_usd(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        budget_usd = _parse_budget_usd(d.pop("budget_usd", UNSET))


        _collaboration_mode = d.pop("collaboration_mode", UNSET)
        collaboration_mode: CollaborationMode | Unset
        if isinstance(_collaboration_mode,  Unset):
            collaboration_mode = UNSET
        else:
            collaboration_mode = CollaborationMode(_collaboration_mode)




        def _parse_contact_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))


        def _parse_deadline(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deadline_type_0 = datetime.date.fromisoformat(data)



                return deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        deadline = _parse_deadline(d.pop("deadline", UNSET))


        description = d.pop("description", UNSET)

        _domains = d.pop("domains", UNSET)
        domains: list[Domain] | Unset = UNSET
        if _domains is not UNSET:
            domains = []
            for domains_item_data in _domains:
                domains_item = Domain(domains_item_data)



                domains.append(domains_item)


        _location = d.pop("location", UNSET)
        location: Location | Unset
        if isinstance(_location,  Unset):
            location = UNSET
        else:
            location = Location.from_dict(_location)




        min_trl = d.pop("min_trl", UNSET)

        def _parse_publisher(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        publisher = _parse_publisher(d.pop("publisher", UNSET))


        _status = d.pop("status", UNSET)
        status: ScenarioStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ScenarioStatus(_status)




        title = d.pop("title", UNSET)

        scenario_update = cls(
            budget_usd=budget_usd,
            collaboration_mode=collaboration_mode,
            contact_email=contact_email,
            deadline=deadline,
            description=description,
            domains=domains,
            location=location,
            min_trl=min_trl,
            publisher=publisher,
            status=status,
            title=title,
        )

        return scenario_update

