from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role import Role
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="KeyCreate")



@_attrs_define
class KeyCreate:
    """ A new account of ``role`` and its first key (admins only).

        Attributes:
            role (Role): What an account is: it decides what its keys may create and change.
            expires_in_days (int | None | Unset):
            incubator_ids (list[int] | Unset): incubators a manager key manages
            name (str | Unset):  Default: ''.
            partner_ids (list[int] | Unset): partners a partner-platform key acts for
     """

    role: Role
    expires_in_days: int | None | Unset = UNSET
    incubator_ids: list[int] | Unset = UNSET
    name: str | Unset = ''
    partner_ids: list[int] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        expires_in_days: int | None | Unset
        if isinstance(self.expires_in_days, Unset):
            expires_in_days = UNSET
        else:
            expires_in_days = self.expires_in_days

        incubator_ids: list[int] | Unset = UNSET
        if not isinstance(self.incubator_ids, Unset):
            incubator_ids = self.incubator_ids



        name = self.name

        partner_ids: list[int] | Unset = UNSET
        if not isinstance(self.partner_ids, Unset):
            partner_ids = self.partner_ids




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "role": role,
        })
        if expires_in_days is not UNSET:
            field_dict["expires_in_days"] = expires_in_days
        if incubator_ids is not UNSET:
            field_dict["incubator_ids"] = incubator_ids
        if name is not UNSET:
            field_dict["name"] = name
        if partner_ids is not UNSET:
            field_dict["partner_ids"] = partner_ids

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = Role(d.pop("role"))




        def _parse_expires_in_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expires_in_days = _parse_expires_in_days(d.pop("expires_in_days", UNSET))


        incubator_ids = cast(list[int], d.pop("incubator_ids", UNSET))


        name = d.pop("name", UNSET)

        partner_ids = cast(list[int], d.pop("partner_ids", UNSET))


        key_create = cls(
            role=role,
            expires_in_days=expires_in_days,
            incubator_ids=incubator_ids,
            name=name,
            partner_ids=partner_ids,
        )

        return key_create

