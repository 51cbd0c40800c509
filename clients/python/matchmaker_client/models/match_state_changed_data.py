from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.match_state_changed_data_target_kind import MatchStateChangedDataTargetKind






T = TypeVar("T", bound="MatchStateChangedData")



@_attrs_define
class MatchStateChangedData:
    """ 
        Attributes:
            action (str):
            from_state (str):
            match_id (int):
            side (str):
            startup_id (int):
            target_id (int):
            target_kind (MatchStateChangedDataTargetKind):
            to_state (str):
     """

    action: str
    from_state: str
    match_id: int
    side: str
    startup_id: int
    target_id: int
    target_kind: MatchStateChangedDataTargetKind
    to_state: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        action = self.action

        from_state = self.from_state

        match_id = self.match_id

        side = self.side

        startup_id = self.startup_id

        target_id = self.target_id

        target_kind = self.target_kind.value

        to_state = self.to_state


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "from_state": from_state,
            "match_id": match_id,
            "side": side,
            "startup_id": startup_id,
            "target_id": target_id,
            "target_kind": target_kind,
            "to_state": to_state,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        from_state = d.pop("from_state")

        match_id = d.pop("match_id")

        side = d.pop("side")

        startup_id = d.pop("startup_id")

        target_id = d.pop("target_id")

        target_kind = MatchStateChangedDataTargetKind(d.pop("target_kind"))




        to_state = d.pop("to_state")

        match_state_changed_data = cls(
            action=action,
            from_state=from_state,
            match_id=match_id,
            side=side,
            startup_id=startup_id,
            target_id=target_id,
            target_kind=target_kind,
            to_state=to_state,
        )


        match_state_changed_data.additional_properties = d
        return match_state_changed_data

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
