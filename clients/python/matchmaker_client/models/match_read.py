from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.match_read_confidence import MatchReadConfidence
from typing import cast

if TYPE_CHECKING:
  from ..models.explanation import Explanation
  from ..models.match_read_components import MatchReadComponents
  from ..models.profile_ref import ProfileRef





T = TypeVar("T", bound="MatchRead")



@_attrs_define
class MatchRead:
    """ One ranked match, with the numbers behind it and the words for them.

        Attributes:
            components (MatchReadComponents):
            confidence (MatchReadConfidence): 'low' when a profile is too thin to judge
            improve (list[str]): what would raise the score
            improve_parts (list[Explanation]): `improve` as codes, one per line
            matched_domains (list[str]):
            matched_needs (list[str]):
            profile (ProfileRef):
            reason (str):
            reason_parts (list[Explanation]): the reason as codes: the verdict, what fits, what it cost
            rerank (Explanation | None): why a diversity or regional-balance option put this match here, above its place by
                score alone; null when the score alone did
            score (float | None): 0 to 1; null when confidence is low
            similarity (float):
     """

    components: MatchReadComponents
    confidence: MatchReadConfidence
    improve: list[str]
    improve_parts: list[Explanation]
    matched_domains: list[str]
    matched_needs: list[str]
    profile: ProfileRef
    reason: str
    reason_parts: list[Explanation]
    rerank: Explanation | None
    score: float | None
    similarity: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.explanation import Explanation # noqa: PLC0415
        from ..models.match_read_components import MatchReadComponents # noqa: PLC0415
        from ..models.profile_ref import ProfileRef # noqa: PLC0415
        components = self.components.to_dict()

        confidence = self.confidence.value

        improve = self.improve



        improve_parts = []
        for improve_parts_item_data in self.improve_parts:
            improve_parts_item = improve_parts_item_data.to_dict()
            improve_parts.append(improve_parts_item)



        matched_domains = self.matched_domains



        matched_needs = self.matched_needs



        profile = self.profile.to_dict()

        reason = self.reason

        reason_parts = []
        for reason_parts_item_data in self.reason_parts:
            reason_parts_item = reason_parts_item_data.to_dict()
            reason_parts.append(reason_parts_item)



        rerank: dict[str, Any] | None
        if isinstance(self.rerank, Explanation):
            rerank = self.rerank.to_dict()
        else:
            rerank = self.rerank

        score: float | None
        score = self.score

        similarity = self.similarity


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "components": components,
            "confidence": confidence,
            "improve": improve,
            "improve_parts": improve_parts,
            "matched_domains": matched_domains,
            "matched_needs": matched_needs,
            "profile": profile,
            "reason": reason,
            "reason_parts": reason_parts,
            "rerank": rerank,
            "score": score,
            "similarity": similarity,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.explanation import Explanation # noqa: PLC0415
        from ..models.match_read_components import MatchReadComponents # noqa: PLC0415
        from ..models.profile_ref import ProfileRef # noqa: PLC0415
        d = dict(src_dict)
        components = MatchReadComponents.from_dict(d.pop("components"))




        confidence = MatchReadConfidence(d.pop("confidence"))




        improve = cast(list[str], d.pop("improve"))


        improve_parts = []
        _improve_parts = d.pop("improve_parts")
        for improve_parts_item_data in (_improve_parts):
            improve_parts_item = Explanation.from_dict(improve_parts_item_data)



            improve_parts.append(improve_parts_item)


        matched_domains = cast(list[str], d.pop("matched_domains"))


        matched_needs = cast(list[str], d.pop("matched_needs"))


        profile = ProfileRef.from_dict(d.pop("profile"))




        reason = d.pop("reason")

        reason_parts = []
        _reason_parts = d.pop("reason_parts")
        for reason_parts_item_data in (_reason_parts):
            reason_parts_item = Explanation.from_dict(reason_parts_item_data)



            reason_parts.append(reason_parts_item)


        def _parse_rerank(data: object) -> Explanation | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rerank_type_0 = Explanation.from_dict(data)



                return rerank_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Explanation | None, data)

        rerank = _parse_rerank(d.pop("rerank"))


        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))


        similarity = d.pop("similarity")

        match_read = cls(
            components=components,
            confidence=confidence,
            improve=improve,
            improve_parts=improve_parts,
            matched_domains=matched_domains,
            matched_needs=matched_needs,
            profile=profile,
            reason=reason,
            reason_parts=reason_parts,
            rerank=rerank,
            score=score,
            similarity=similarity,
        )


        match_read.additional_properties = d
        return match_read

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
