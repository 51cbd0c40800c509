from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="HostRef")



@_attrs_define
class HostRef:
    """ A host profile: exactly one of ``incubator_id`` and ``partner_id``.

        Attributes:
            incubator_id (int | None | Unset):
            partner_id (int | None | Unset):
     """

    incubator_id: int | None | Unset = UNSET
    partner_id: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        incubator_id: int | None | Unset
        if isinstance(self.incubator_id, Unset):
            incubator_id = UNSET
        else:
            incubator_id = self.incubator_id

        partner_id: int | None | Unset
        if isinstance(self.partner_id, Unset):
            partner_id = UNSET
        else:
            partner_id = self.partner_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if incubator_id is not UNSET:
            field_dict["incubator_id"] = incubator_id
        if partner_id is not UNSET:
            field_dict["partner_id"] = partner_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_incubator_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        incubator_id = _parse_incubator_id(d.pop("incubator_id", UNSET))


        def _parse_partner_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        partner_id = _parse_partner_id(d.pop("partner_id", UNSET))


        host_ref = cls(
            incubator_id=incubator_id,
            partner_id=partner_id,
        )

        return host_ref

