from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.index_readiness_indexed import IndexReadinessIndexed





T = TypeVar("T", bound="IndexReadiness")



@_attrs_define
class IndexReadiness:
    """ 
        Attributes:
            indexed (IndexReadinessIndexed):
            model (str):
            problem (None | str):
     """

    indexed: IndexReadinessIndexed
    model: str
    problem: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.index_readiness_indexed import IndexReadinessIndexed # noqa: PLC0415
        indexed = self.indexed.to_dict()

        model = self.model

        problem: None | str
        problem = self.problem


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "indexed": indexed,
            "model": model,
            "problem": problem,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.index_readiness_indexed import IndexReadinessIndexed # noqa: PLC0415
        d = dict(src_dict)
        indexed = IndexReadinessIndexed.from_dict(d.pop("indexed"))




        model = d.pop("model")

        def _parse_problem(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        problem = _parse_problem(d.pop("problem"))


        index_readiness = cls(
            indexed=indexed,
            model=model,
            problem=problem,
        )


        index_readiness.additional_properties = d
        return index_readiness

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
