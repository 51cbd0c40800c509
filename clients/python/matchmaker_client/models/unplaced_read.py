from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.explanation_detail import ExplanationDetail





T = TypeVar("T", bound="UnplacedRead")



@_attrs_define
class UnplacedRead:
    """ 
        Attributes:
            explanation (str):
            explanation_detail (ExplanationDetail): The facts behind the sentence, each checkable against the preference
                lists.
            startup_id (int):
            startup_name (str):
     """

    explanation: str
    explanation_detail: ExplanationDetail
    startup_id: int
    startup_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.explanation_detail import ExplanationDetail # noqa: PLC0415
        explanation = self.explanation

        explanation_detail = self.explanation_detail.to_dict()

        startup_id = self.startup_id

        startup_name = self.startup_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "explanation": explanation,
            "explanation_detail": explanation_detail,
            "startup_id": startup_id,
            "startup_name": startup_name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.explanation_detail import ExplanationDetail # noqa: PLC0415
        d = dict(src_dict)
        explanation = d.pop("explanation")

        explanation_detail = ExplanationDetail.from_dict(d.pop("explanation_detail"))




        startup_id = d.pop("startup_id")

        startup_name = d.pop("startup_name")

        unplaced_read = cls(
            explanation=explanation,
            explanation_detail=explanation_detail,
            startup_id=startup_id,
            startup_name=startup_name,
        )


        unplaced_read.additional_properties = d
        return unplaced_read

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
