from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.places_detail import PlacesDetail





T = TypeVar("T", bound="NoFreePlaceError")



@_attrs_define
class NoFreePlaceError:
    """ Every place of the camp host is taken: move someone out first.

        Attributes:
            detail (None | PlacesDetail):
            error (Literal['no_free_place']):
            message (str):
     """

    detail: None | PlacesDetail
    error: Literal['no_free_place']
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.places_detail import PlacesDetail # noqa: PLC0415
        detail: dict[str, Any] | None
        if isinstance(self.detail, PlacesDetail):
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
        from ..models.places_detail import PlacesDetail # noqa: PLC0415
        d = dict(src_dict)
        def _parse_detail(data: object) -> None | PlacesDetail:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = PlacesDetail.from_dict(data)



                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlacesDetail, data)

        detail = _parse_detail(d.pop("detail"))


        error = cast(Literal['no_free_place'] , d.pop("error"))
        if error != 'no_free_place':
            raise ValueError(f"error must match const 'no_free_place', got '{error}'")

        message = d.pop("message")

        no_free_place_error = cls(
            detail=detail,
            error=error,
            message=message,
        )


        no_free_place_error.additional_properties = d
        return no_free_place_error

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
