from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.domain import Domain
from ..models.region import Region
from ..models.stage import Stage
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Filters")



@_attrs_define
class Filters:
    """ The same filters as the stored profiles' match endpoints.

        Attributes:
            domains (list[Domain] | Unset):
            kinds (list[str] | Unset): incubator or partner kinds
            limit (int | Unset):  Default: 10.
            min_score (float | None | Unset):
            regions (list[Region] | Unset):
            stages (list[Stage] | Unset):
     """

    domains: list[Domain] | Unset = UNSET
    kinds: list[str] | Unset = UNSET
    limit: int | Unset = 10
    min_score: float | None | Unset = UNSET
    regions: list[Region] | Unset = UNSET
    stages: list[Stage] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        domains: list[str] | Unset = UNSET
        if not isinstance(self.domains, Unset):
            domains = []
            for domains_item_data in self.domains:
                domains_item = domains_item_data.value
                domains.append(domains_item)



        kinds: list[str] | Unset = UNSET
        if not isinstance(self.kinds, Unset):
            kinds = self.kinds



        limit = self.limit

        min_score: float | None | Unset
        if isinstance(self.min_score, Unset):
            min_score = UNSET
        else:
            min_score = self.min_score

        regions: list[str] | Unset = UNSET
        if not isinstance(self.regions, Unset):
            regions = []
            for regions_item_data in self.regions:
                regions_item = regions_item_data.value
                regions.append(regions_item)



        stages: list[str] | Unset = UNSET
        if not isinstance(self.stages, Unset):
            stages = []
            for stages_item_data in self.stages:
                stages_item = stages_item_data.value
                stages.append(stages_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if domains is not UNSET:
            field_dict["domains"] = domains
        if kinds is not UNSET:
            field_dict["kinds"] = kinds
        if limit is not UNSET:
            field_dict["limit"] = limit
        if min_score is not UNSET:
            field_dict["min_score"] = min_score
        if regions is not UNSET:
            field_dict["regions"] = regions
        if stages is not UNSET:
            field_dict["stages"] = stages

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _domains = d.pop("domains", UNSET)
        domains: list[Domain] | Unset = UNSET
        if _domains is not UNSET:
            domains = []
            for domains_item_data in _domains:
                domains_item = Domain(domains_item_data)



                domains.append(domains_item)


        kinds = cast(list[str], d.pop("kinds", UNSET))


        limit = d.pop("limit", UNSET)

        def _parse_min_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_score = _parse_min_score(d.pop("min_score", UNSET))


        _regions = d.pop("regions", UNSET)
        regions: list[Region] | Unset = UNSET
        if _regions is not UNSET:
            regions = []
            for regions_item_data in _regions:
                regions_item = Region(regions_item_data)



                regions.append(regions_item)


        _stages = d.pop("stages", UNSET)
        stages: list[Stage] | Unset = UNSET
        if _stages is not UNSET:
            stages = []
            for stages_item_data in _stages:
                stages_item = Stage(stages_item_data)



                stages.append(stages_item)


        filters = cls(
            domains=domains,
            kinds=kinds,
            limit=limit,
            min_score=min_score,
            regions=regions,
            stages=stages,
        )

        return filters

