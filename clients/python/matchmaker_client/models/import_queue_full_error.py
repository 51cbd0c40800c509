from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.field_error import FieldError





T = TypeVar("T", bound="ImportQueueFullError")



@_attrs_define
class ImportQueueFullError:
    """ The account has as many imports queued or running as it may (detail: field and reason); upload again once one of
    them has ended.

        Attributes:
            detail (list[FieldError]):
            error (Literal['import_queue_full']):
            message (str):
     """

    detail: list[FieldError]
    error: Literal['import_queue_full']
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.field_error import FieldError # noqa: PLC0415
        detail = []
        for detail_item_data in self.detail:
            detail_item = detail_item_data.to_dict()
            detail.append(detail_item)



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
        from ..models.field_error import FieldError # noqa: PLC0415
        d = dict(src_dict)
        detail = []
        _detail = d.pop("detail")
        for detail_item_data in (_detail):
            detail_item = FieldError.from_dict(detail_item_data)



            detail.append(detail_item)


        error = cast(Literal['import_queue_full'] , d.pop("error"))
        if error != 'import_queue_full':
            raise ValueError(f"error must match const 'import_queue_full', got '{error}'")

        message = d.pop("message")

        import_queue_full_error = cls(
            detail=detail,
            error=error,
            message=message,
        )


        import_queue_full_error.additional_properties = d
        return import_queue_full_error

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
