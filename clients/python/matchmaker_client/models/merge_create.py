from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.profile_kind_name import ProfileKindName






T = TypeVar("T", bound="MergeCreate")



@_attrs_define
class MergeCreate:
    """ Merge ``merge_id`` into ``keep_id`` (both of ``kind``); ``merge_id`` is deleted.

        Attributes:
            keep_id (int):
            kind (ProfileKindName):
            merge_id (int):
     """

    keep_id: int
    kind: ProfileKindName
    merge_id: int





    def to_dict(self) -> dict[str, Any]:
        keep_id = self.keep_id

        kind = self.kind.value

        merge_id = self.merge_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "keep_id": keep_id,
            "kind": kind,
            "merge_id": merge_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        keep_id = d.pop("keep_id")

        kind = ProfileKindName(d.pop("kind"))




        merge_id = d.pop("merge_id")

        merge_create = cls(
            keep_id=keep_id,
            kind=kind,
            merge_id=merge_id,
        )

        return merge_create

