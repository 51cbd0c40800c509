from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="QuotaOutcomeRead")



@_attrs_define
class QuotaOutcomeRead:
    """ 
        Attributes:
            achieved (int):
            group (str):
            host_id (int | None):
            kind (str):
            met (bool):
            name (str):
            reason (None | str):
            required (int):
     """

    achieved: int
    group: str
    host_id: int | None
    kind: str
    met: bool
    name: str
    reason: None | str
    required: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        achieved = self.achieved

        group = self.group

        host_id: int | None
        host_id = self.host_id

        kind = self.kind

        met = self.met

        name = self.name

        reason: None | str
        reason = self.reason

        required = self.required


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "achieved": achieved,
            "group": group,
            "host_id": host_id,
            "kind": kind,
            "met": met,
            "name": name,
            "reason": reason,
            "required": required,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        achieved = d.pop("achieved")

        group = d.pop("group")

        def _parse_host_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        host_id = _parse_host_id(d.pop("host_id"))


        kind = d.pop("kind")

        met = d.pop("met")

        name = d.pop("name")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        required = d.pop("required")

        quota_outcome_read = cls(
            achieved=achieved,
            group=group,
            host_id=host_id,
            kind=kind,
            met=met,
            name=name,
            reason=reason,
            required=required,
        )


        quota_outcome_read.additional_properties = d
        return quota_outcome_read

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
