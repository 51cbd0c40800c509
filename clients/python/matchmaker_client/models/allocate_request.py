from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AllocateRequest")



@_attrs_define
class AllocateRequest:
    """ 
        Attributes:
            camp_priority (list[int] | None | Unset): Who wins when a camp-wide cap binds; default: best engine score.
     """

    camp_priority: list[int] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        camp_priority: list[int] | None | Unset
        if isinstance(self.camp_priority, Unset):
            camp_priority = UNSET
        elif isinstance(self.camp_priority, list):
            camp_priority = self.camp_priority


        else:
            camp_priority = self.camp_priority


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if camp_priority is not UNSET:
            field_dict["camp_priority"] = camp_priority

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_camp_priority(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                camp_priority_type_0 = cast(list[int], data)

                return camp_priority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        camp_priority = _parse_camp_priority(d.pop("camp_priority", UNSET))


        allocate_request = cls(
            camp_priority=camp_priority,
        )

        return allocate_request

