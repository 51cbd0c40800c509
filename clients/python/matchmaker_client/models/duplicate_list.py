from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.profile_kind_name import ProfileKindName
from typing import cast

if TYPE_CHECKING:
  from ..models.duplicate_pair import DuplicatePair





T = TypeVar("T", bound="DuplicateList")



@_attrs_define
class DuplicateList:
    """ Likely duplicate pairs of one kind, most alike first.

        Attributes:
            kind (ProfileKindName):
            pairs (list[DuplicatePair]):
     """

    kind: ProfileKindName
    pairs: list[DuplicatePair]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.duplicate_pair import DuplicatePair # noqa: PLC0415
        kind = self.kind.value

        pairs = []
        for pairs_item_data in self.pairs:
            pairs_item = pairs_item_data.to_dict()
            pairs.append(pairs_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "pairs": pairs,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.duplicate_pair import DuplicatePair # noqa: PLC0415
        d = dict(src_dict)
        kind = ProfileKindName(d.pop("kind"))




        pairs = []
        _pairs = d.pop("pairs")
        for pairs_item_data in (_pairs):
            pairs_item = DuplicatePair.from_dict(pairs_item_data)



            pairs.append(pairs_item)


        duplicate_list = cls(
            kind=kind,
            pairs=pairs,
        )


        duplicate_list.additional_properties = d
        return duplicate_list

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
