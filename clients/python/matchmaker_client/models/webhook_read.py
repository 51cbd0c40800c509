from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_type import EventType
from typing import cast
import datetime






T = TypeVar("T", bound="WebhookRead")



@_attrs_define
class WebhookRead:
    """ 
        Attributes:
            active (bool):
            created_at (datetime.datetime):
            description (str):
            events (list[EventType]):
            id (int):
            min_score (float):
            url (str):
     """

    active: bool
    created_at: datetime.datetime
    description: str
    events: list[EventType]
    id: int
    min_score: float
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at = self.created_at.isoformat()

        description = self.description

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)



        id = self.id

        min_score = self.min_score

        url = self.url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "created_at": created_at,
            "description": description,
            "events": events,
            "id": id,
            "min_score": min_score,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = d.pop("description")

        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = EventType(events_item_data)



            events.append(events_item)


        id = d.pop("id")

        min_score = d.pop("min_score")

        url = d.pop("url")

        webhook_read = cls(
            active=active,
            created_at=created_at,
            description=description,
            events=events,
            id=id,
            min_score=min_score,
            url=url,
        )


        webhook_read.additional_properties = d
        return webhook_read

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
