from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.funnel_row_declined_reasons import FunnelRowDeclinedReasons





T = TypeVar("T", bound="FunnelRow")



@_attrs_define
class FunnelRow:
    """ One group's pairs at each step; each step counts the pairs that reached it.

        Attributes:
            accepted (int): pairs accepted by at least one side, or connected
            connected (int):
            decisions (int): pairs the target side accepted or declined
            declined (int): pairs whose last step in the window was a decline
            declined_reasons (FunnelRowDeclinedReasons): declined pairs by the reason given
            group (str): the domain, region, stage or YYYY-MM month; 'all' ungrouped
            median_hours_to_decision (float | None): from the pair's first appearance in the window (in a list, or its first
                action) to the target side's accept or decline; null without decisions
            recommended (int): pairs shown in a match list in the window, or acted on in it (so every step is part of this);
                a pair shown again and again counts once
            shortlisted (int): pairs shortlisted, accepted or connected
            withdrawn (int): pairs whose last step in the window was a withdrawal
     """

    accepted: int
    connected: int
    decisions: int
    declined: int
    declined_reasons: FunnelRowDeclinedReasons
    group: str
    median_hours_to_decision: float | None
    recommended: int
    shortlisted: int
    withdrawn: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.funnel_row_declined_reasons import FunnelRowDeclinedReasons # noqa: PLC0415
        accepted = self.accepted

        connected = self.connected

        decisions = self.decisions

        declined = self.declined

        declined_reasons = self.declined_reasons.to_dict()

        group = self.group

        median_hours_to_decision: float | None
        median_hours_to_decision = self.median_hours_to_decision

        recommended = self.recommended

        shortlisted = self.shortlisted

        withdrawn = self.withdrawn


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accepted": accepted,
            "connected": connected,
            "decisions": decisions,
            "declined": declined,
            "declined_reasons": declined_reasons,
            "group": group,
            "median_hours_to_decision": median_hours_to_decision,
            "recommended": recommended,
            "shortlisted": shortlisted,
            "withdrawn": withdrawn,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.funnel_row_declined_reasons import FunnelRowDeclinedReasons # noqa: PLC0415
        d = dict(src_dict)
        accepted = d.pop("accepted")

        connected = d.pop("connected")

        decisions = d.pop("decisions")

        declined = d.pop("declined")

        declined_reasons = FunnelRowDeclinedReasons.from_dict(d.pop("declined_reasons"))




        group = d.pop("group")

        def _parse_median_hours_to_decision(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_hours_to_decision = _parse_median_hours_to_decision(d.pop("median_hours_to_decision"))


        recommended = d.pop("recommended")

        shortlisted = d.pop("shortlisted")

        withdrawn = d.pop("withdrawn")

        funnel_row = cls(
            accepted=accepted,
            connected=connected,
            decisions=decisions,
            declined=declined,
            declined_reasons=declined_reasons,
            group=group,
            median_hours_to_decision=median_hours_to_decision,
            recommended=recommended,
            shortlisted=shortlisted,
            withdrawn=withdrawn,
        )


        funnel_row.additional_properties = d
        return funnel_row

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
