from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.explanation_detail import ExplanationDetail





T = TypeVar("T", bound="AssignmentRead")



@_attrs_define
class AssignmentRead:
    """ 
        Attributes:
            explanation (None | str):
            explanation_detail (ExplanationDetail | None):
            host_id (int):
            host_name (str):
            incubator_id (int | None):
            locked (bool):
            partner_id (int | None):
            source (str):
            startup_id (int):
            startup_name (str):
     """

    explanation: None | str
    explanation_detail: ExplanationDetail | None
    host_id: int
    host_name: str
    incubator_id: int | None
    locked: bool
    partner_id: int | None
    source: str
    startup_id: int
    startup_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.explanation_detail import ExplanationDetail # noqa: PLC0415
        explanation: None | str
        explanation = self.explanation

        explanation_detail: dict[str, Any] | None
        if isinstance(self.explanation_detail, ExplanationDetail):
            explanation_detail = self.explanation_detail.to_dict()
        else:
            explanation_detail = self.explanation_detail

        host_id = self.host_id

        host_name = self.host_name

        incubator_id: int | None
        incubator_id = self.incubator_id

        locked = self.locked

        partner_id: int | None
        partner_id = self.partner_id

        source = self.source

        startup_id = self.startup_id

        startup_name = self.startup_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "explanation": explanation,
            "explanation_detail": explanation_detail,
            "host_id": host_id,
            "host_name": host_name,
            "incubator_id": incubator_id,
            "locked": locked,
            "partner_id": partner_id,
            "source": source,
            "startup_id": startup_id,
            "startup_name": startup_name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.explanation_detail import ExplanationDetail # noqa: PLC0415
        d = dict(src_dict)
        def _parse_explanation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        explanation = _parse_explanation(d.pop("explanation"))


        def _parse_explanation_detail(data: object) -> ExplanationDetail | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                explanation_detail_type_0 = ExplanationDetail.from_dict(data)



                return explanation_detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExplanationDetail | None, data)

        explanation_detail = _parse_explanation_detail(d.pop("explanation_detail"))


        host_id = d.pop("host_id")

        host_name = d.pop("host_name")

        def _parse_incubator_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        incubator_id = _parse_incubator_id(d.pop("incubator_id"))


        locked = d.pop("locked")

        def _parse_partner_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        partner_id = _parse_partner_id(d.pop("partner_id"))


        source = d.pop("source")

        startup_id = d.pop("startup_id")

        startup_name = d.pop("startup_name")

        assignment_read = cls(
            explanation=explanation,
            explanation_detail=explanation_detail,
            host_id=host_id,
            host_name=host_name,
            incubator_id=incubator_id,
            locked=locked,
            partner_id=partner_id,
            source=source,
            startup_id=startup_id,
            startup_name=startup_name,
        )


        assignment_read.additional_properties = d
        return assignment_read

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
