from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="StaleProfileRead")



@_attrs_define
class StaleProfileRead:
    """ One profile the caller manages that was not updated for too long.

        Attributes:
            id (int):
            kind (str): startup, incubator, partner or scenario
            stale_since (datetime.datetime):
            title (str):
            updated_at (datetime.datetime):
            url (str): where to read and update it (PATCH)
     """

    id: int
    kind: str
    stale_since: datetime.datetime
    title: str
    updated_at: datetime.datetime
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind

        stale_since = self.stale_since.isoformat()

        title = self.title

        updated_at = self.updated_at.isoformat()

        url = self.url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "stale_since": stale_since,
            "title": title,
            "updated_at": updated_at,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = d.pop("kind")

        stale_since = datetime.datetime.fromisoformat(d.pop("stale_since"))




        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        url = d.pop("url")

        stale_profile_read = cls(
            id=id,
            kind=kind,
            stale_since=stale_since,
            title=title,
            updated_at=updated_at,
            url=url,
        )


        stale_profile_read.additional_properties = d
        return stale_profile_read

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
