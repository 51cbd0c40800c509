from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="TransitionDetail")



@_attrs_define
class TransitionDetail:
    """ The match, its state, and the side and action that state does not allow.

        Attributes:
            action (str):
            match_id (int | None):
            side (str):
            state (str):
     """

    action: str
    match_id: int | None
    side: str
    state: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        action = self.action

        match_id: int | None
        match_id = self.match_id

        side = self.side

        state = self.state


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "match_id": match_id,
            "side": side,
            "state": state,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        def _parse_match_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        match_id = _parse_match_id(d.pop("match_id"))


        side = d.pop("side")

        state = d.pop("state")

        transition_detail = cls(
            action=action,
            match_id=match_id,
            side=side,
            state=state,
        )


        transition_detail.additional_properties = d
        return transition_detail

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
