from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.version_detail import VersionDetail





T = TypeVar("T", bound="PreconditionFailedError")



@_attrs_define
class PreconditionFailedError:
    """ If-Match names an older version, or another request changed the record first.

        Attributes:
            detail (None | VersionDetail):
            error (Literal['precondition_failed']):
            message (str):
     """

    detail: None | VersionDetail
    error: Literal['precondition_failed']
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.version_detail import VersionDetail # noqa: PLC0415
        detail: dict[str, Any] | None
        if isinstance(self.detail, VersionDetail):
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
        from ..models.version_detail import VersionDetail # noqa: PLC0415
        d = dict(src_dict)
        def _parse_detail(data: object) -> None | VersionDetail:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = VersionDetail.from_dict(data)



                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VersionDetail, data)

        detail = _parse_detail(d.pop("detail"))


        error = cast(Literal['precondition_failed'] , d.pop("error"))
        if error != 'precondition_failed':
            raise ValueError(f"error must match const 'precondition_failed', got '{error}'")

        message = d.pop("message")

        precondition_failed_error = cls(
            detail=detail,
            error=error,
            message=message,
        )


        precondition_failed_error.additional_properties = d
        return precondition_failed_error

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
