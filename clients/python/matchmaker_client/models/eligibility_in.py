from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.domain import Domain
from ..models.stage import Stage
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="EligibilityIn")



@_attrs_define
class EligibilityIn:
    """ Who may join; empty lists mean any. A startup needs one shared domain.

        Attributes:
            domains (list[Domain] | Unset):
            stages (list[Stage] | Unset):
            trl_max (int | Unset):  Default: 9.
            trl_min (int | Unset):  Default: 1.
     """

    domains: list[Domain] | Unset = UNSET
    stages: list[Stage] | Unset = UNSET
    trl_max: int | Unset = 9
    trl_min: int | Unset = 1





    def to_dict(self) -> dict[str, Any]:
        domains: list[str] | Unset = UNSET
        if not isinstance(self.domains, Unset):
            domains = []
            for domains_item_data in self.domains:
                domains_item = domains_item_data.value
                domains.append(domains_item)



        stages: list[str] | Unset = UNSET
        if not isinstance(self.stages, Unset):
            stages = []
            for stages_item_data in self.stages:
                stages_item = stages_item_data.value
                stages.append(stages_item)



        trl_max = self.trl_max

        trl_min = self.trl_min


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if domains is not UNSET:
            field_dict["domains"] = domains
        if stages is not UNSET:
            field_dict["stages"] = stages
        if trl_max is not UNSET:
            field_dict["trl_max"] = trl_max
        if trl_min is not UNSET:
            field_dict["trl_min"] = trl_min

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


        _stages = d.pop("stages", UNSET)
        stages: list[Stage] | Unset = UNSET
        if _stages is not UNSET:
            stages = []
            for stages_item_data in _stages:
                stages_item = Stage(stages_item_data)



                stages.append(stages_item)


        trl_max = d.pop("trl_max", UNSET)

        trl_min = d.pop("trl_min", UNSET)

        eligibility_in = cls(
            domains=domains,
            stages=stages,
            trl_max=trl_max,
            trl_min=trl_min,
        )

        return eligibility_in

