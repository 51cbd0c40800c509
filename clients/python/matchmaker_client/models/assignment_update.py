from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AssignmentUpdate")



@_attrs_define
class AssignmentUpdate:
    """ Move a startup to another host and/or lock it; every change is audited.

        Attributes:
            host_id (int | None | Unset): Camp host id to move the startup to.
            locked (bool | None | Unset):
            note (str | Unset):  Default: ''.
     """

    host_id: int | None | Unset = UNSET
    locked: bool | None | Unset = UNSET
    note: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        host_id: int | None | Unset
        if isinstance(self.host_id, Unset):
            host_id = UNSET
        else:
            host_id = self.host_id

        locked: bool | None | Unset
        if isinstance(self.locked, Unset):
            locked = UNSET
        else:
            locked = self.locked

        note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if host_id is not UNSET:
            field_dict["host_id"] = host_id
        if locked is not UNSET:
            field_dict["locked"] = locked
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_host_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        host_id = _parse_host_id(d.pop("host_id", UNSET))


        def _parse_locked(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        locked = _parse_locked(d.pop("locked", UNSET))


        note = d.pop("note", UNSET)

        assignment_update = cls(
            host_id=host_id,
            locked=locked,
            note=note,
        )

        return assignment_update

