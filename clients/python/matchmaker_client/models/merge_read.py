from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.profile_kind_name import ProfileKindName
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.merge_read_moved import MergeReadMoved





T = TypeVar("T", bound="MergeRead")



@_attrs_define
class MergeRead:
    """ What a merge did: the audit record.

        Attributes:
            actor_account_id (int | None):
            created_at (datetime.datetime):
            id (int):
            keep_id (int):
            kind (ProfileKindName):
            merged_id (int):
            merged_title (str):
            moved (MergeReadMoved): rows moved to the kept profile by what they are (matches, match_conflicts,
                match_events_joined, camp_applications, ...)
     """

    actor_account_id: int | None
    created_at: datetime.datetime
    id: int
    keep_id: int
    kind: ProfileKindName
    merged_id: int
    merged_title: str
    moved: MergeReadMoved
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.merge_read_moved import MergeReadMoved # noqa: PLC0415
        actor_account_id: int | None
        actor_account_id = self.actor_account_id

        created_at = self.created_at.isoformat()

        id = self.id

        keep_id = self.keep_id

        kind = self.kind.value

        merged_id = self.merged_id

        merged_title = self.merged_title

        moved = self.moved.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "actor_account_id": actor_account_id,
            "created_at": created_at,
            "id": id,
            "keep_id": keep_id,
            "kind": kind,
            "merged_id": merged_id,
            "merged_title": merged_title,
            "moved": moved,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merge_read_moved import MergeReadMoved # noqa: PLC0415
        d = dict(src_dict)
        def _parse_actor_account_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor_account_id = _parse_actor_account_id(d.pop("actor_account_id"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        keep_id = d.pop("keep_id")

        kind = ProfileKindName(d.pop("kind"))




        merged_id = d.pop("merged_id")

        merged_title = d.pop("merged_title")

        moved = MergeReadMoved.from_dict(d.pop("moved"))




        merge_read = cls(
            actor_account_id=actor_account_id,
            created_at=created_at,
            id=id,
            keep_id=keep_id,
            kind=kind,
            merged_id=merged_id,
            merged_title=merged_title,
            moved=moved,
        )


        merge_read.additional_properties = d
        return merge_read

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
