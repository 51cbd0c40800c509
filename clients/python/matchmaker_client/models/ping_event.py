from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast
import datetime

if TYPE_CHECKING:
  from ..models.ping_data import PingData





T = TypeVar("T", bound="PingEvent")



@_attrs_define
class PingEvent:
    """ 
        Attributes:
            created_at (datetime.datetime):
            data (PingData):
            id (str): evt_<n>: the same on every retry, deduplicate on it
            type_ (Literal['ping']):
     """

    created_at: datetime.datetime
    data: PingData
    id: str
    type_: Literal['ping']
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.ping_data import PingData # noqa: PLC0415
        created_at = self.created_at.isoformat()

        data = self.data.to_dict()

        id = self.id

        type_ = self.type_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "data": data,
            "id": id,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ping_data import PingData # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        data = PingData.from_dict(d.pop("data"))




        id = d.pop("id")

        type_ = cast(Literal['ping'] , d.pop("type"))
        if type_ != 'ping':
            raise ValueError(f"type must match const 'ping', got '{type_}'")

        ping_event = cls(
            created_at=created_at,
            data=data,
            id=id,
            type_=type_,
        )


        ping_event.additional_properties = d
        return ping_event

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
