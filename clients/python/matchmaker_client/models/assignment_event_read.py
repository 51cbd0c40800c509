from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AssignmentEventRead")



@_attrs_define
class AssignmentEventRead:
    """ 
        Attributes:
            actor_account_id (int | None):
            at (datetime.datetime):
            from_host_id (int | None):
            id (int):
            locked_after (bool):
            locked_before (bool):
            note (str):
            startup_id (int):
            to_host_id (int | None):
     """

    actor_account_id: int | None
    at: datetime.datetime
    from_host_id: int | None
    id: int
    locked_after: bool
    locked_before: bool
    note: str
    startup_id: int
    to_host_id: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        actor_account_id: int | None
        actor_account_id = self.actor_account_id

        at = self.at.isoformat()

        from_host_id: int | None
        from_host_id = self.from_host_id

        id = self.id

        locked_after = self.locked_after

        locked_before = self.locked_before

        note = self.note

        startup_id = self.startup_id

        to_host_id: int | None
        to_host_id = self.to_host_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "actor_account_id": actor_account_id,
            "at": at,
            "from_host_id": from_host_id,
            "id": id,
            "locked_after": locked_after,
            "locked_before": locked_before,
            "note": note,
            "startup_id": startup_id,
            "to_host_id": to_host_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_actor_account_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor_account_id = _parse_actor_account_id(d.pop("actor_account_id"))


        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_from_host_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        from_host_id = _parse_from_host_id(d.pop("from_host_id"))


        id = d.pop("id")

        locked_after = d.pop("locked_after")

        locked_before = d.pop("locked_before")

        note = d.pop("note")

        startup_id = d.pop("startup_id")

        def _parse_to_host_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        to_host_id = _parse_to_host_id(d.pop("to_host_id"))


        assignment_event_read = cls(
            actor_account_id=actor_account_id,
            at=at,
            from_host_id=from_host_id,
            id=id,
            locked_after=locked_after,
            locked_before=locked_before,
            note=note,
            startup_id=startup_id,
            to_host_id=to_host_id,
        )


        assignment_event_read.additional_properties = d
        return assignment_event_read

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
