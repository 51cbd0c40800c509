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





T = TypeVar("T", bound="ScenarioCreate")



@_attrs_define
class ScenarioCreate:
    """ A new application scenario. ``contact_email`` is private.

        Attributes:
            domains (list[Domain]):
            location (Location): Where a profile is. Beijing, Tianjin and Hebei form one collaborative region.
            publisher (int | str): the publishing partner's id, or a name when it has no profile
            title (str):
            budget_usd (int | None | Unset):
            collaboration_mode (CollaborationMode | Unset):
            contact_email (None | str | Unset):
            deadline (datetime.date | None | Unset):
            description (str | Unset):  Default: ''.
            min_trl (int | Unset):  Default: 1.
            status (ScenarioStatus | Unset):
     """

    domains: list[Domain]
    location: Location
    publisher: int | str
    title: str
    budget_usd: int | None | Unset = UNSET
    collaboration_mode: CollaborationMode | Unset = UNSET
    contact_email: None | str | Unset = UNSET
    deadline: datetime.date | None | Unset = UNSET
    description: str | Unset = ''
    min_trl: int | Unset = 1
    status: ScenarioStatus | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location # noqa: PLC0415
        domains = []
        for domains_item_data in self.domains:
            domains_item = domains_item_data.value
            domains.append(domains_item)



        location = self.location.to_dict()

        publisher: int | str
        publisher = self.publisher

        title = self.title

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

        min_trl = self.min_trl

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "domains": domains,
            "location": location,
            "publisher": publisher,
            "title": title,
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
        if min_trl is not UNSET:
            field_dict["min_trl"] = min_trl
        if status is not UNSET:
            field_dict["status"] = status

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




        def _parse_publisher(data: object) -> int | str:
            return cast(int | str, data)

        publisher = _parse_publisher(d.pop("publisher"))


        title = d.pop("title")

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

        min_trl = d.pop("min_trl", UNSET)

        _status = d.pop("status", UNSET)
        status: ScenarioStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ScenarioStatus(_status)




        scenario_create = cls(
            domains=domains,
            location=location,
            publisher=publisher,
            title=title,
            budget_usd=budget_usd,
            collaboration_mode=collaboration_mode,
            contact_email=contact_email,
            deadline=deadline,
            description=description,
            min_trl=min_trl,
            status=status,
        )

        return scenario_create

