from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.access_detail import AccessDetail





T = TypeVar("T", bound="ForbiddenError")



@_attrs_define
class ForbiddenError:
    """ The key is valid but its role or scope does not allow this.

        Attributes:
            detail (AccessDetail | None):
            error (Literal['forbidden']):
            message (str):
     """

    detail: AccessDetail | None
    error: Literal['forbidden']
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.access_detail import AccessDetail # noqa: PLC0415
        detail: dict[str, Any] | None
        if isinstance(self.detail, AccessDetail):
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
        from ..models.access_detail import AccessDetail # noqa: PLC0415
        d = dict(src_dict)
        def _parse_detail(data: object) -> AccessDetail | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = AccessDetail.from_dict(data)



                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccessDetail | None, data)

        detail = _parse_detail(d.pop("detail"))


        error = cast(Literal['forbidden'] , d.pop("error"))
        if error != 'forbidden':
            raise ValueError(f"error must match const 'forbidden', got '{error}'")

        message = d.pop("message")

        forbidden_error = cls(
            detail=detail,
            error=error,
            message=message,
        )


        forbidden_error.additional_properties = d
        return forbidden_error

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
