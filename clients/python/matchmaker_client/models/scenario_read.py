from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.collaboration_mode import CollaborationMode
from ..models.domain import Domain
from ..models.scenario_status import ScenarioStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.location import Location





T = TypeVar("T", bound="ScenarioRead")



@_attrs_define
class ScenarioRead:
    """ A scenario's public fields; ``publisher_name`` is resolved from the partner.

        Attributes:
            budget_usd (int | None):
            collaboration_mode (CollaborationMode):
            created_at (datetime.datetime):
            deadline (datetime.date | None):
            description (str):  Default: ''.
            domains (list[Domain]):
            id (int):
            location (Location): Where a profile is. Beijing, Tianjin and Hebei form one collaborative region.
            min_trl (int):  Default: 1.
            publisher (int | str): the publishing partner's id, or a name when it has no profile
            publisher_name (str):
            stale (bool): not updated for more than MATCHMAKER_STALE_AFTER_DAYS days: its matches are ranked lower (x0.8)
                until it is updated Default: False.
            stale_since (datetime.datetime): when it counts (or will count) as stale unless updated before Default:
                datetime.datetime.fromisoformat('0001-01-01T00:00:00Z').
            status (ScenarioStatus):
            title (str):
            updated_at (datetime.datetime):
            version (int):
     """

    budget_usd: int | None
    collaboration_mode: CollaborationMode
    created_at: datetime.datetime
    deadline: datetime.date | None
    domains: list[Domain]
    id: int
    location: Location
    publisher: int | str
    publisher_name: str
    status: ScenarioStatus
    title: str
    updated_at: datetime.datetime
    version: int
    description: str = ''
    min_trl: int = 1
    stale: bool = False
    stale_since: datetime.datetime = datetime.datetime.fromisoformat('0001-01-01T00:00:00Z')
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location # noqa: PLC0415
        budget_usd: int | None
        budget_usd = self.budget_usd

        collaboration_mode = self.collaboration_mode.value

        created_at = self.created_at.isoformat()

        deadline: None | str
        if isinstance(self.deadline, datetime.date):
            deadline = self.deadline.isoformat()
        else:
            deadline = self.deadline

        description = self.description

        domains = []
        for domains_item_data in self.domains:
            domains_item = domains_item_data.value
            domains.append(domains_item)



        id = self.id

        location = self.location.to_dict()

        min_trl = self.min_trl

        publisher: int | str
        publisher = self.publisher

        publisher_name = self.publisher_name

        stale = self.stale

        stale_since = self.stale_since.isoformat()

        status = self.status.value

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "budget_usd": budget_usd,
            "collaboration_mode": collaboration_mode,
            "created_at": created_at,
            "deadline": deadline,
            "description": description,
            "domains": domains,
            "id": id,
            "location": location,
            "min_trl": min_trl,
            "publisher": publisher,
            "publisher_name": publisher_name,
            "stale": stale,
            "stale_since": stale_since,
            "status": status,
            "title": title,
            "updated_at": updated_at,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location import Location # noqa: PLC0415
        d = dict(src_dict)
        def _parse_budget_usd(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        budget_usd = _parse_budget_usd(d.pop("budget_usd"))


        collaboration_mode = CollaborationMode(d.pop("collaboration_mode"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_deadline(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deadline_type_0 = datetime.date.fromisoformat(data)



                return deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        deadline = _parse_deadline(d.pop("deadline"))


        description = d.pop("description")

        domains = []
        _domains = d.pop("domains")
        for domains_item_data in (_domains):
            domains_item = Domain(domains_item_data)



            domains.append(domains_item)


        id = d.pop("id")

        location = Location.from_dict(d.pop("location"))




        min_trl = d.pop("min_trl")

        def _parse_publisher(data: object) -> int | str:
            return cast(int | str, data)

        publisher = _parse_publisher(d.pop("publisher"))


        publisher_name = d.pop("publisher_name")

        stale = d.pop("stale")

        stale_since = datetime.datetime.fromisoformat(d.pop("stale_since"))




        status = ScenarioStatus(d.pop("status"))




        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version")

        scenario_read = cls(
            budget_usd=budget_usd,
            collaboration_mode=collaboration_mode,
            created_at=created_at,
            deadline=deadline,
            description=description,
            domains=domains,
            id=id,
            location=location,
            min_trl=min_trl,
            publisher=publisher,
            publisher_name=publisher_name,
            stale=stale,
            stale_since=stale_since,
            status=status,
            title=title,
            updated_at=updated_at,
            version=version,
        )


        scenario_read.additional_properties = d
        return scenario_read

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
