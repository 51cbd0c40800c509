from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="FeedbackRead")



@_attrs_define
class FeedbackRead:
    """ What the target's own review decisions did to this match's score.

        Attributes:
            accepted_examples (int): startups you accepted that shaped this ranking
            contribution (float): approximate change in score: shift × weight
            declined_examples (int): startups you declined that shaped this ranking
            note (str):
            similar_accepted (int): of those accepted, how many resemble this one
            similar_declined (int): of those declined, how many resemble this one
            similarity_shift (float): change in semantic similarity from feedback
     """

    accepted_examples: int
    contribution: float
    declined_examples: int
    note: str
    similar_accepted: int
    similar_declined: int
    similarity_shift: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        accepted_examples = self.accepted_examples

        contribution = self.contribution

        declined_examples = self.declined_examples

        note = self.note

        similar_accepted = self.similar_accepted

        similar_declined = self.similar_declined

        similarity_shift = self.similarity_shift


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accepted_examples": accepted_examples,
            "contribution": contribution,
            "declined_examples": declined_examples,
            "note": note,
            "similar_accepted": similar_accepted,
            "similar_declined": similar_declined,
            "similarity_shift": similarity_shift,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accepted_examples = d.pop("accepted_examples")

        contribution = d.pop("contribution")

        declined_examples = d.pop("declined_examples")

        note = d.pop("note")

        similar_accepted = d.pop("similar_accepted")

        similar_declined = d.pop("similar_declined")

        similarity_shift = d.pop("similarity_shift")

        feedback_read = cls(
            accepted_examples=accepted_examples,
            contribution=contribution,
            declined_examples=declined_examples,
            note=note,
            similar_accepted=similar_accepted,
            similar_declined=similar_declined,
            similarity_shift=similarity_shift,
        )


        feedback_read.additional_properties = d
        return feedback_read

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
