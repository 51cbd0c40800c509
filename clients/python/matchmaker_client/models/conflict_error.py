from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.resource_ref import ResourceRef





T = TypeVar("T", bound="ConflictError")



@_attrs_define
class ConflictError:
    """ The request conflicts with the record's current state (detail names the record).

        Attributes:
            detail (None | ResourceRef):
            error (Literal['conflict']):
            message (str):
     """

    detail: None | ResourceRef
    error: Literal['conflict']
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.resource_ref import ResourceRef # noqa: PLC0415
        detail: dict[str, Any] | None
        if isinstance(self.detail, ResourceRef):
            detail = self.detail.to_dict()
        else:
            detail = self.detail

        error = self.error

        message = self.message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "detail": detail,
            "error": error,
            "message": message,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resource_ref import ResourceRef # noqa: PLC0415
        d = dict(src_dict)
        def _parse_detail(data: object) -> None | ResourceRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = ResourceRef.from_dict(data)



                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResourceRef, data)

        detail = _parse_detail(d.pop("detail"))


        error = cast(Literal['conflict'] , d.pop("error"))
        if error != 'conflict':
            raise ValueError(f"error must match const 'conflict', got '{error}'")

        message = d.pop("message")

        conflict_error = cls(
            detail=detail,
            error=error,
            message=message,
        )


        conflict_error.additional_properties = d
        return conflict_error

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
