from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.explanation import Explanation





T = TypeVar("T", bound="ComponentRead")



@_attrs_define
class ComponentRead:
    """ 
        Attributes:
            contribution (float): value × weight, negative for a penalty; contributions add up to the score
            explanation (Explanation | None): the note as a code and its parameters
            note (str):
            value (float): 0 to 1: how well the pair does on this criterion (for a penalty: how severely it applies)
            weight (float): share of the score this criterion carries for the pair (for a penalty: its cost at full
                severity)
     """

    contribution: float
    explanation: Explanation | None
    note: str
    value: float
    weight: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.explanation import Explanation # noqa: PLC0415
        contribution = self.contribution

        explanation: dict[str, Any] | None
        if isinstance(self.explanation, Explanation):
            explanation = self.explanation.to_dict()
        else:
            explanation = self.explanation

        note = self.note

        value = self.value

        weight = self.weight


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contribution": contribution,
            "explanation": explanation,
            "note": note,
            "value": value,
            "weight": weight,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.explanation import Explanation # noqa: PLC0415
        d = dict(src_dict)
        contribution = d.pop("contribution")

        def _parse_explanation(data: object) -> Explanation | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                explanation_type_0 = Explanation.from_dict(data)



                return explanation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Explanation | None, data)

        explanation = _parse_explanation(d.pop("explanation"))


        note = d.pop("note")

        value = d.pop("value")

        weight = d.pop("weight")

        component_read = cls(
            contribution=contribution,
            explanation=explanation,
            note=note,
            value=value,
            weight=weight,
        )


        component_read.additional_properties = d
        return component_read

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
