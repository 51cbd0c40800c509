from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.match_read import MatchRead
  from ..models.profile_ref import ProfileRef





T = TypeVar("T", bound="MatchFoundData")



@_attrs_define
class MatchFoundData:
    """ 
        Attributes:
            match (MatchRead): One ranked match, with the numbers behind it and the words for them.
            profile (ProfileRef):
     """

    match: MatchRead
    profile: ProfileRef
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.match_read import MatchRead # noqa: PLC0415
        from ..models.profile_ref import ProfileRef # noqa: PLC0415
        match = self.match.to_dict()

        profile = self.profile.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "match": match,
            "profile": profile,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.match_read import MatchRead # noqa: PLC0415
        from ..models.profile_ref import ProfileRef # noqa: PLC0415
        d = dict(src_dict)
        match = MatchRead.from_dict(d.pop("match"))




        profile = ProfileRef.from_dict(d.pop("profile"))




        match_found_data = cls(
            match=match,
            profile=profile,
        )


        match_found_data.additional_properties = d
        return match_found_data

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
