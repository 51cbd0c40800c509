from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.explanation_params import ExplanationParams





T = TypeVar("T", bound="Explanation")



@_attrs_define
class Explanation:
    """ One sentence of an explanation: a stable code, its parameters, and its words.

        Attributes:
            code (str): stable code of the sentence; a platform may word it in its own language
            params (ExplanationParams): what the sentence says (vocabulary values as the API writes them)
            text (str): the sentence in the response's Content-Language
     """

    code: str
    params: ExplanationParams
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.explanation_params import ExplanationParams # noqa: PLC0415
        code = self.code

        params = self.params.to_dict()

        text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "params": params,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.explanation_params import ExplanationParams # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        params = ExplanationParams.from_dict(d.pop("params"))




        text = d.pop("text")

        explanation = cls(
            code=code,
            params=params,
            text=text,
        )


        explanation.additional_properties = d
        return explanation

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
