from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.match_list_target import MatchListTarget
from typing import cast

if TYPE_CHECKING:
  from ..models.explanation import Explanation
  from ..models.match_read import MatchRead
  from ..models.profile_ref import ProfileRef





T = TypeVar("T", bound="MatchList")



@_attrs_define
class MatchList:
    """ 
        Attributes:
            excluded (Explanation | None): why no startup is proposed to this profile right now, if so: an incubator with no
                open places, a scenario closed or past its deadline; the list is then empty
            matches (list[MatchRead]):
            model (str):
            query (ProfileRef):
            ranking_version (str):
            rerank_notes (list[Explanation]): what re-ranking could not do for the whole list, e.g. too few candidates from
                a region to give it its minimum share
            target (MatchListTarget):
     """

    excluded: Explanation | None
    matches: list[MatchRead]
    model: str
    query: ProfileRef
    ranking_version: str
    rerank_notes: list[Explanation]
    target: MatchListTarget
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.explanation import Explanation # noqa: PLC0415
        from ..models.match_read import MatchRead # noqa: PLC0415
        from ..models.profile_ref import ProfileRef # noqa: PLC0415
        excluded: dict[str, Any] | None
        if isinstance(self.excluded, Explanation):
            excluded = self.excluded.to_dict()
        else:
            excluded = self.excluded

        matches = []
        for matches_item_data in self.matches:
            matches_item = matches_item_data.to_dict()
            matches.append(matches_item)



        model = self.model

        query = self.query.to_dict()

        ranking_version = self.ranking_version

        rerank_notes = []
        for rerank_notes_item_data in self.rerank_notes:
            rerank_notes_item = rerank_notes_item_data.to_dict()
            rerank_notes.append(rerank_notes_item)



        target = self.target.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "excluded": excluded,
            "matches": matches,
            "model": model,
            "query": query,
            "ranking_version": ranking_version,
            "rerank_notes": rerank_notes,
            "target": target,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.explanation import Explanation # noqa: PLC0415
        from ..models.match_read import MatchRead # noqa: PLC0415
        from ..models.profile_ref import ProfileRef # noqa: PLC0415
        d = dict(src_dict)
        def _parse_excluded(data: object) -> Explanation | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                excluded_type_0 = Explanation.from_dict(data)



                return excluded_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Explanation | None, data)

        excluded = _parse_excluded(d.pop("excluded"))


        matches = []
        _matches = d.pop("matches")
        for matches_item_data in (_matches):
            matches_item = MatchRead.from_dict(matches_item_data)



            matches.append(matches_item)


        model = d.pop("model")

        query = ProfileRef.from_dict(d.pop("query"))




        ranking_version = d.pop("ranking_version")

        rerank_notes = []
        _rerank_notes = d.pop("rerank_notes")
        for rerank_notes_item_data in (_rerank_notes):
            rerank_notes_item = Explanation.from_dict(rerank_notes_item_data)



            rerank_notes.append(rerank_notes_item)


        target = MatchListTarget(d.pop("target"))




        match_list = cls(
            excluded=excluded,
            matches=matches,
            model=model,
            query=query,
            ranking_version=ranking_version,
            rerank_notes=rerank_notes,
            target=target,
        )


        match_list.additional_properties = d
        return match_list

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
