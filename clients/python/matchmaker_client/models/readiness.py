from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.index_readiness import IndexReadiness





T = TypeVar("T", bound="Readiness")



@_attrs_define
class Readiness:
    """ What /readyz found; more keys may be added, so clients should ignore unknown ones.

        Attributes:
            current (None | str):
            error (None | str):
            head (None | str):
            index (IndexReadiness):
            ready (bool):
     """

    current: None | str
    error: None | str
    head: None | str
    index: IndexReadiness
    ready: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.index_readiness import IndexReadiness # noqa: PLC0415
        current: None | str
        current = self.current

        error: None | str
        error = self.error

        head: None | str
        head = self.head

        index = self.index.to_dict()

        ready = self.ready


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "current": current,
            "error": error,
            "head": head,
            "index": index,
            "ready": ready,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.index_readiness import IndexReadiness # noqa: PLC0415
        d = dict(src_dict)
        def _parse_current(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current = _parse_current(d.pop("current"))


        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))


        def _parse_head(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        head = _parse_head(d.pop("head"))


        index = IndexReadiness.from_dict(d.pop("index"))




        ready = d.pop("ready")

        readiness = cls(
            current=current,
            error=error,
            head=head,
            index=index,
            ready=ready,
        )


        readiness.additional_properties = d
        return readiness

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
