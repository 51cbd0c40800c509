from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.duplicate_profile import DuplicateProfile
  from ..models.duplicate_reason import DuplicateReason





T = TypeVar("T", bound="DuplicatePair")



@_attrs_define
class DuplicatePair:
    """ Two profiles of one kind that are likely one organisation.

        Attributes:
            cosine (float): of the two stored description vectors
            keep (DuplicateProfile): One side of a likely duplicate pair.
            merge (DuplicateProfile): One side of a likely duplicate pair.
            name_similarity (float): of the normalised names
            reasons (list[DuplicateReason]):
     """

    cosine: float
    keep: DuplicateProfile
    merge: DuplicateProfile
    name_similarity: float
    reasons: list[DuplicateReason]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.duplicate_profile import DuplicateProfile # noqa: PLC0415
        from ..models.duplicate_reason import DuplicateReason # noqa: PLC0415
        cosine = self.cosine

        keep = self.keep.to_dict()

        merge = self.merge.to_dict()

        name_similarity = self.name_similarity

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cosine": cosine,
            "keep": keep,
            "merge": merge,
            "name_similarity": name_similarity,
            "reasons": reasons,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.duplicate_profile import DuplicateProfile # noqa: PLC0415
        from ..models.duplicate_reason import DuplicateReason # noqa: PLC0415
        d = dict(src_dict)
        cosine = d.pop("cosine")

        keep = DuplicateProfile.from_dict(d.pop("keep"))




        merge = DuplicateProfile.from_dict(d.pop("merge"))




        name_similarity = d.pop("name_similarity")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in (_reasons):
            reasons_item = DuplicateReason.from_dict(reasons_item_data)



            reasons.append(reasons_item)


        duplicate_pair = cls(
            cosine=cosine,
            keep=keep,
            merge=merge,
            name_similarity=name_similarity,
            reasons=reasons,
        )


        duplicate_pair.additional_properties = d
        return duplicate_pair

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
