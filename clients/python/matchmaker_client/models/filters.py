from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.diversity import Diversity
from ..models.domain import Domain
from ..models.organisation_kind import OrganisationKind
from ..models.region import Region
from ..models.region_group import RegionGroup
from ..models.stage import Stage
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Filters")



@_attrs_define
class Filters:
    """ The same filters as the stored profiles' match endpoints.

        Attributes:
            diversity (Diversity | None | Unset): mmr: maximal marginal relevance, fewer near-copies
            domains (list[Domain] | Unset):
            fair_regions (list[RegionGroup] | None | Unset): region groups given a minimum share of every top-k
            fair_share (float | None | Unset): the minimum share of each of fair_regions
            kinds (list[OrganisationKind] | Unset): incubator or partner kinds
            limit (int | Unset):  Default: 10.
            min_score (float | None | Unset):
            mmr_lambda (float | None | Unset): with mmr: 1 is score alone, 0 diversity alone
            one_per_org (bool | None | Unset): at most one profile per organisation
            regions (list[Region] | Unset):
            stages (list[Stage] | Unset):
     """

    diversity: Diversity | None | Unset = UNSET
    domains: list[Domain] | Unset = UNSET
    fair_regions: list[RegionGroup] | None | Unset = UNSET
    fair_share: float | None | Unset = UNSET
    kinds: list[OrganisationKind] | Unset = UNSET
    limit: int | Unset = 10
    min_score: float | None | Unset = UNSET
    mmr_lambda: float | None | Unset = UNSET
    one_per_org: bool | None | Unset = UNSET
    regions: list[Region] | Unset = UNSET
    stages: list[Stage] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        diversity: None | str | Unset
        if isinstance(self.diversity, Unset):
            diversity = UNSET
        elif isinstance(self.diversity, Diversity):
            diversity = self.diversity.value
        else:
            diversity = self.diversity

        domains: list[str] | Unset = UNSET
        if not isinstance(self.domains, Unset):
            domains = []
            for domains_item_data in self.domains:
                domains_item = domains_item_data.value
                domains.append(domains_item)



        fair_regions: list[str] | None | Unset
        if isinstance(self.fair_regions, Unset):
            fair_regions = UNSET
        elif isinstance(self.fair_regions, list):
            fair_regions = []
            for fair_regions_type_0_item_data in self.fair_regions:
                fair_regions_type_0_item = fair_regions_type_0_item_data.value
                fair_regions.append(fair_regions_type_0_item)


        else:
            fair_regions = self.fair_regions

        fair_share: float | None | Unset
        if isinstance(self.fair_share, Unset):
            fair_share = UNSET
        else:
            fair_share = self.fair_share

        kinds: list[str] | Unset = UNSET
        if not isinstance(self.kinds, Unset):
            kinds = []
            for kinds_item_data in self.kinds:
                kinds_item = kinds_item_data.value
                kinds.append(kinds_item)



        limit = self.limit

        min_score: float | None | Unset
        if isinstance(self.min_score, Unset):
            min_score = UNSET
        else:
            min_score = self.min_score

        mmr_lambda: float | None | Unset
        if isinstance(self.mmr_lambda, Unset):
            mmr_lambda = UNSET
        else:
            mmr_lambda = self.mmr_lambda

        one_per_org: bool | None | Unset
        if isinstance(self.one_per_org, Unset):
            one_per_org = UNSET
        else:
            one_per_org = self.one_per_org

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
        if diversity is not UNSET:
            field_dict["diversity"] = diversity
        if domains is not UNSET:
            field_dict["domains"] = domains
        if fair_regions is not UNSET:
            field_dict["fair_regions"] = fair_regions
        if fair_share is not UNSET:
            field_dict["fair_share"] = fair_share
        if kinds is not UNSET:
            field_dict["kinds"] = kinds
        if limit is not UNSET:
            field_dict["limit"] = limit
        if min_score is not UNSET:
            field_dict["min_score"] = min_score
        if mmr_lambda is not UNSET:
            field_dict["mmr_lambda"] = mmr_lambda
        if one_per_org is not UNSET:
            field_dict["one_per_org"] = one_per_org
        if regions is not UNSET:
            field_dict["regions"] = regions
        if stages is not UNSET:
            field_dict["stages"] = stages

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_diversity(data: object) -> Diversity | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                diversity_type_0 = Diversity(data)



                return diversity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Diversity | None | Unset, data)

        diversity = _parse_diversity(d.pop("diversity", UNSET))


        _domains = d.pop("domains", UNSET)
        domains: list[Domain] | Unset = UNSET
        if _domains is not UNSET:
            domains = []
            for domains_item_data in _domains:
                domains_item = Domain(domains_item_data)



                domains.append(domains_item)


        def _parse_fair_regions(data: object) -> list[RegionGroup] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                fair_regions_type_0 = []
                _fair_regions_type_0 = data
                for fair_regions_type_0_item_data in (_fair_regions_type_0):
                    fair_regions_type_0_item = RegionGroup(fair_regions_type_0_item_data)



                    fair_regions_type_0.append(fair_regions_type_0_item)

                return fair_regions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RegionGroup] | None | Unset, data)

        fair_regions = _parse_fair_regions(d.pop("fair_regions", UNSET))


        def _parse_fair_share(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        fair_share = _parse_fair_share(d.pop("fair_share", UNSET))


        _kinds = d.pop("kinds", UNSET)
        kinds: list[OrganisationKind] | Unset = UNSET
        if _kinds is not UNSET:
            kinds = []
            for kinds_item_data in _kinds:
                kinds_item = OrganisationKind(kinds_item_data)



                kinds.append(kinds_item)


        limit = d.pop("limit", UNSET)

        def _parse_min_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_score = _parse_min_score(d.pop("min_score", UNSET))


        def _parse_mmr_lambda(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mmr_lambda = _parse_mmr_lambda(d.pop("mmr_lambda", UNSET))


        def _parse_one_per_org(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        one_per_org = _parse_one_per_org(d.pop("one_per_org", UNSET))


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
            diversity=diversity,
            domains=domains,
            fair_regions=fair_regions,
            fair_share=fair_share,
            kinds=kinds,
            limit=limit,
            min_score=min_score,
            mmr_lambda=mmr_lambda,
            one_per_org=one_per_org,
            regions=regions,
            stages=stages,
        )

        return filters

