from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_type import EventType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WebhookCreate")



@_attrs_define
class WebhookCreate:
    """ Where to POST which events. ``min_score`` applies to ``match.found`` only.

        Attributes:
            events (list[EventType]):
            url (str):
            description (str | Unset):  Default: ''.
            min_score (float | None | Unset): match.found threshold; default from settings
     """

    events: list[EventType]
    url: str
    description: str | Unset = ''
    min_score: float | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)



        url = self.url

        description = self.description

        min_score: float | None | Unset
        if isinstance(self.min_score, Unset):
            min_score = UNSET
        else:
            min_score = self.min_score


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "events": events,
            "url": url,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if min_score is not UNSET:
            field_dict["min_score"] = min_score

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = EventType(events_item_data)



            events.append(events_item)


        url = d.pop("url")

        description = d.pop("description", UNSET)

        def _parse_min_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_score = _parse_min_score(d.pop("min_score", UNSET))


        webhook_create = cls(
            events=events,
            url=url,
            description=description,
            min_score=min_score,
        )

        return webhook_create

