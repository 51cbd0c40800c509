from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="HostNoteRead")



@_attrs_define
class HostNoteRead:
    """ 
        Attributes:
            choice (int):
            host_id (int):
            last_admitted_rank (int | None):
            locked (int):
            places (int):
            quota (None | str):
            reason (str):
            your_rank (int):
     """

    choice: int
    host_id: int
    last_admitted_rank: int | None
    locked: int
    places: int
    quota: None | str
    reason: str
    your_rank: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        choice = self.choice

        host_id = self.host_id

        last_admitted_rank: int | None
        last_admitted_rank = self.last_admitted_rank

        locked = self.locked

        places = self.places

        quota: None | str
        quota = self.quota

        reason = self.reason

        your_rank = self.your_rank


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "choice": choice,
            "host_id": host_id,
            "last_admitted_rank": last_admitted_rank,
            "locked": locked,
            "places": places,
            "quota": quota,
            "reason": reason,
            "your_rank": your_rank,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        choice = d.pop("choice")

        host_id = d.pop("host_id")

        def _parse_last_admitted_rank(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_admitted_rank = _parse_last_admitted_rank(d.pop("last_admitted_rank"))


        locked = d.pop("locked")

        places = d.pop("places")

        def _parse_quota(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        quota = _parse_quota(d.pop("quota"))


        reason = d.pop("reason")

        your_rank = d.pop("your_rank")

        host_note_read = cls(
            choice=choice,
            host_id=host_id,
            last_admitted_rank=last_admitted_rank,
            locked=locked,
            places=places,
            quota=quota,
            reason=reason,
            your_rank=your_rank,
        )


        host_note_read.additional_properties = d
        return host_note_read

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
