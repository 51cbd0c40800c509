from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.explanation import Explanation
  from ..models.match_read import MatchRead





T = TypeVar("T", bound="BundleRead")



@_attrs_define
class BundleRead:
    """ An incubator, a partner and a scenario that fit the startup and each other.

        Attributes:
            incubator (MatchRead): One ranked match, with the numbers behind it and the words for them.
            partner (MatchRead): One ranked match, with the numbers behind it and the words for them.
            reason (str):
            reason_parts (list[Explanation]):
            scenario (MatchRead): One ranked match, with the numbers behind it and the words for them.
            score (float):
            shared_domains (list[str]):
     """

    incubator: MatchRead
    partner: MatchRead
    reason: str
    reason_parts: list[Explanation]
    scenario: MatchRead
    score: float
    shared_domains: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.explanation import Explanation # noqa: PLC0415
        from ..models.match_read import MatchRead # noqa: PLC0415
        incubator = self.incubator.to_dict()

        partner = self.partner.to_dict()

        reason = self.reason

        reason_parts = []
        for reason_parts_item_data in self.reason_parts:
            reason_parts_item = reason_parts_item_data.to_dict()
            reason_parts.append(reason_parts_item)



        scenario = self.scenario.to_dict()

        score = self.score

        shared_domains = self.shared_domains




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "incubator": incubator,
            "partner": partner,
            "reason": reason,
            "reason_parts": reason_parts,
            "scenario": scenario,
            "score": score,
            "shared_domains": shared_domains,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.explanation import Explanation # noqa: PLC0415
        from ..models.match_read import MatchRead # noqa: PLC0415
        d = dict(src_dict)
        incubator = MatchRead.from_dict(d.pop("incubator"))




        partner = MatchRead.from_dict(d.pop("partner"))




        reason = d.pop("reason")

        reason_parts = []
        _reason_parts = d.pop("reason_parts")
        for reason_parts_item_data in (_reason_parts):
            reason_parts_item = Explanation.from_dict(reason_parts_item_data)



            reason_parts.append(reason_parts_item)


        scenario = MatchRead.from_dict(d.pop("scenario"))




        score = d.pop("score")

        shared_domains = cast(list[str], d.pop("shared_domains"))


        bundle_read = cls(
            incubator=incubator,
            partner=partner,
            reason=reason,
            reason_parts=reason_parts,
            scenario=scenario,
            score=score,
            shared_domains=shared_domains,
        )


        bundle_read.additional_properties = d
        return bundle_read

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
