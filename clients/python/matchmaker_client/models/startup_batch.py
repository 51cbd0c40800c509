from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.target import Target
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.filters import Filters
  from ..models.startup_create import StartupCreate





T = TypeVar("T", bound="StartupBatch")



@_attrs_define
class StartupBatch:
    """ 
        Attributes:
            kind (Literal['startups']):
            profiles (list[StartupCreate]): at most 100 profiles, all of ``kind``; encoded in one batch
            filters (Filters | Unset): The same filters as the stored profiles' match endpoints.
            targets (list[Target] | None | Unset): target kinds; a startup's default is all three, everyone else's is
                startups
     """

    kind: Literal['startups']
    profiles: list[StartupCreate]
    filters: Filters | Unset = UNSET
    targets: list[Target] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.filters import Filters # noqa: PLC0415
        from ..models.startup_create import StartupCreate # noqa: PLC0415
        kind = self.kind

        profiles = []
        for profiles_item_data in self.profiles:
            profiles_item = profiles_item_data.to_dict()
            profiles.append(profiles_item)



        filters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = self.filters.to_dict()

        targets: list[str] | None | Unset
        if isinstance(self.targets, Unset):
            targets = UNSET
        elif isinstance(self.targets, list):
            targets = []
            for targets_type_0_item_data in self.targets:
                targets_type_0_item = targets_type_0_item_data.value
                targets.append(targets_type_0_item)


        else:
            targets = self.targets


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "profiles": profiles,
        })
        if filters is not UNSET:
            field_dict["filters"] = filters
        if targets is not UNSET:
            field_dict["targets"] = targets

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.filters import Filters # noqa: PLC0415
        from ..models.startup_create import StartupCreate # noqa: PLC0415
        d = dict(src_dict)
        kind = cast(Literal['startups'] , d.pop("kind"))
        if kind != 'startups':
            raise ValueError(f"kind must match const 'startups', got '{kind}'")

        profiles = []
        _profiles = d.pop("profiles")
        for profiles_item_data in (_profiles):
            profiles_item = StartupCreate.from_dict(profiles_item_data)



            profiles.append(profiles_item)


        _filters = d.pop("filters", UNSET)
        filters: Filters | Unset
        if isinstance(_filters,  Unset):
            filters = UNSET
        else:
            filters = Filters.from_dict(_filters)




        def _parse_targets(data: object) -> list[Target] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                targets_type_0 = []
                _targets_type_0 = data
                for targets_type_0_item_data in (_targets_type_0):
                    targets_type_0_item = Target(targets_type_0_item_data)



                    targets_type_0.append(targets_type_0_item)

                return targets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Target] | None | Unset, data)

        targets = _parse_targets(d.pop("targets", UNSET))


        startup_batch = cls(
            kind=kind,
            profiles=profiles,
            filters=filters,
            targets=targets,
        )

        return startup_batch

