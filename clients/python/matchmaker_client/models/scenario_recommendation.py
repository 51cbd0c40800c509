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
  from ..models.scenario_create import ScenarioCreate





T = TypeVar("T", bound="ScenarioRecommendation")



@_attrs_define
class ScenarioRecommendation:
    """ 
        Attributes:
            kind (Literal['scenarios']):
            profile (ScenarioCreate): A new application scenario. ``contact_email`` is private.
            filters (Filters | Unset): The same filters as the stored profiles' match endpoints.
            targets (list[Target] | None | Unset): target kinds; a startup's default is all three, everyone else's is
                startups
     """

    kind: Literal['scenarios']
    profile: ScenarioCreate
    filters: Filters | Unset = UNSET
    targets: list[Target] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.filters import Filters # noqa: PLC0415
        from ..models.scenario_create import ScenarioCreate # noqa: PLC0415
        kind = self.kind

        profile = self.profile.to_dict()

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
            "profile": profile,
        })
        if filters is not UNSET:
            field_dict["filters"] = filters
        if targets is not UNSET:
            field_dict["targets"] = targets

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.filters import Filters # noqa: PLC0415
        from ..models.scenario_create import ScenarioCreate # noqa: PLC0415
        d = dict(src_dict)
        kind = cast(Literal['scenarios'] , d.pop("kind"))
        if kind != 'scenarios':
            raise ValueError(f"kind must match const 'scenarios', got '{kind}'")

        profile = ScenarioCreate.from_dict(d.pop("profile"))




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


        scenario_recommendation = cls(
            kind=kind,
            profile=profile,
            filters=filters,
            targets=targets,
        )

        return scenario_recommendation

