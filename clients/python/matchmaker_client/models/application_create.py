from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.host_ref import HostRef





T = TypeVar("T", bound="ApplicationCreate")



@_attrs_define
class ApplicationCreate:
    """ 
        Attributes:
            startup_id (int):
            accept_unranked (bool | Unset): Also accept hosts not listed, ordered by engine score. Default: True.
            host_preferences (list[HostRef | int] | Unset): Hosts wanted, best first: host profile ids (incubator or partner
                of this camp), or {"incubator_id": n} / {"partner_id": n} when an id is both.
     """

    startup_id: int
    accept_unranked: bool | Unset = True
    host_preferences: list[HostRef | int] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.host_ref import HostRef # noqa: PLC0415
        startup_id = self.startup_id

        accept_unranked = self.accept_unranked

        host_preferences: list[dict[str, Any] | int] | Unset = UNSET
        if not isinstance(self.host_preferences, Unset):
            host_preferences = []
            for host_preferences_item_data in self.host_preferences:
                host_preferences_item: dict[str, Any] | int
                if isinstance(host_preferences_item_data, HostRef):
                    host_preferences_item = host_preferences_item_data.to_dict()
                else:
                    host_preferences_item = host_preferences_item_data
                host_preferences.append(host_preferences_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "startup_id": startup_id,
        })
        if accept_unranked is not UNSET:
            field_dict["accept_unranked"] = accept_unranked
        if host_preferences is not UNSET:
            field_dict["host_preferences"] = host_preferences

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.host_ref import HostRef # noqa: PLC0415
        d = dict(src_dict)
        startup_id = d.pop("startup_id")

        accept_unranked = d.pop("accept_unranked", UNSET)

        _host_preferences = d.pop("host_preferences", UNSET)
        host_preferences: list[HostRef | int] | Unset = UNSET
        if _host_preferences is not UNSET:
            host_preferences = []
            for host_preferences_item_data in _host_preferences:
                def _parse_host_preferences_item(data: object) -> HostRef | int:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        host_preferences_item_type_1 = HostRef.from_dict(data)



                        return host_preferences_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(HostRef | int, data)

                host_preferences_item = _parse_host_preferences_item(host_preferences_item_data)

                host_preferences.append(host_preferences_item)


        application_create = cls(
            startup_id=startup_id,
            accept_unranked=accept_unranked,
            host_preferences=host_preferences,
        )

        return application_create

