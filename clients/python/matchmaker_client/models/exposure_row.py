from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.exposure_dimension import ExposureDimension
from typing import cast






T = TypeVar("T", bound="ExposureRow")



@_attrs_define
class ExposureRow:
    """ How often one group's startups were in top-k lists, against its share of the pool.

        Attributes:
            dimension (ExposureDimension):
            exposure_share (float): exposures / every exposure counted
            exposures (int): appearances in the top k of the lists served in the window: impressions, so the same list
                served twice (a page reloaded) counts twice
            group (str):
            pool (int): startups of this group stored now
            pool_share (float): pool / every startup stored
            ratio (float | None): exposure_share / pool_share: 1 is a fair share, below 1 under-exposed; null for an empty
                group or when nothing was shown yet
            startups_shown (int): distinct startups of the group that appeared in the window
     """

    dimension: ExposureDimension
    exposure_share: float
    exposures: int
    group: str
    pool: int
    pool_share: float
    ratio: float | None
    startups_shown: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        dimension = self.dimension.value

        exposure_share = self.exposure_share

        exposures = self.exposures

        group = self.group

        pool = self.pool

        pool_share = self.pool_share

        ratio: float | None
        ratio = self.ratio

        startups_shown = self.startups_shown


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "dimension": dimension,
            "exposure_share": exposure_share,
            "exposures": exposures,
            "group": group,
            "pool": pool,
            "pool_share": pool_share,
            "ratio": ratio,
            "startups_shown": startups_shown,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dimension = ExposureDimension(d.pop("dimension"))




        exposure_share = d.pop("exposure_share")

        exposures = d.pop("exposures")

        group = d.pop("group")

        pool = d.pop("pool")

        pool_share = d.pop("pool_share")

        def _parse_ratio(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ratio = _parse_ratio(d.pop("ratio"))


        startups_shown = d.pop("startups_shown")

        exposure_row = cls(
            dimension=dimension,
            exposure_share=exposure_share,
            exposures=exposures,
            group=group,
            pool=pool,
            pool_share=pool_share,
            ratio=ratio,
            startups_shown=startups_shown,
        )


        exposure_row.additional_properties = d
        return exposure_row

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
