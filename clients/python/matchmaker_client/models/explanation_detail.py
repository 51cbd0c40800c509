from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.alternative_read import AlternativeRead
  from ..models.host_note_read import HostNoteRead
  from ..models.ineligible_read import IneligibleRead





T = TypeVar("T", bound="ExplanationDetail")



@_attrs_define
class ExplanationDetail:
    """ The facts behind the sentence, each checkable against the preference lists.

        Attributes:
            ahead (list[HostNoteRead]):
            alternatives (list[AlternativeRead]):
            choice (int | None):
            choices (int):
            ineligible (list[IneligibleRead]):
            outcome (str):
            preference_source (str):
            quota (None | str):
            status (str):
     """

    ahead: list[HostNoteRead]
    alternatives: list[AlternativeRead]
    choice: int | None
    choices: int
    ineligible: list[IneligibleRead]
    outcome: str
    preference_source: str
    quota: None | str
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.alternative_read import AlternativeRead # noqa: PLC0415
        from ..models.host_note_read import HostNoteRead # noqa: PLC0415
        from ..models.ineligible_read import IneligibleRead # noqa: PLC0415
        ahead = []
        for ahead_item_data in self.ahead:
            ahead_item = ahead_item_data.to_dict()
            ahead.append(ahead_item)



        alternatives = []
        for alternatives_item_data in self.alternatives:
            alternatives_item = alternatives_item_data.to_dict()
            alternatives.append(alternatives_item)



        choice: int | None
        choice = self.choice

        choices = self.choices

        ineligible = []
        for ineligible_item_data in self.ineligible:
            ineligible_item = ineligible_item_data.to_dict()
            ineligible.append(ineligible_item)



        outcome = self.outcome

        preference_source = self.preference_source

        quota: None | str
        quota = self.quota

        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ahead": ahead,
            "alternatives": alternatives,
            "choice": choice,
            "choices": choices,
            "ineligible": ineligible,
            "outcome": outcome,
            "preference_source": preference_source,
            "quota": quota,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alternative_read import AlternativeRead # noqa: PLC0415
        from ..models.host_note_read import HostNoteRead # noqa: PLC0415
        from ..models.ineligible_read import IneligibleRead # noqa: PLC0415
        d = dict(src_dict)
        ahead = []
        _ahead = d.pop("ahead")
        for ahead_item_data in (_ahead):
            ahead_item = HostNoteRead.from_dict(ahead_item_data)



            ahead.append(ahead_item)


        alternatives = []
        _alternatives = d.pop("alternatives")
        for alternatives_item_data in (_alternatives):
            alternatives_item = AlternativeRead.from_dict(alternatives_item_data)



            alternatives.append(alternatives_item)


        def _parse_choice(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        choice = _parse_choice(d.pop("choice"))


        choices = d.pop("choices")

        ineligible = []
        _ineligible = d.pop("ineligible")
        for ineligible_item_data in (_ineligible):
            ineligible_item = IneligibleRead.from_dict(ineligible_item_data)



            ineligible.append(ineligible_item)


        outcome = d.pop("outcome")

        preference_source = d.pop("preference_source")

        def _parse_quota(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        quota = _parse_quota(d.pop("quota"))


        status = d.pop("status")

        explanation_detail = cls(
            ahead=ahead,
            alternatives=alternatives,
            choice=choice,
            choices=choices,
            ineligible=ineligible,
            outcome=outcome,
            preference_source=preference_source,
            quota=quota,
            status=status,
        )


        explanation_detail.additional_properties = d
        return explanation_detail

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
