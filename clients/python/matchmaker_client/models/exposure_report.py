from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.exposure_row import ExposureRow
  from ..models.report_scope import ReportScope
  from ..models.report_window import ReportWindow





T = TypeVar("T", bound="ExposureReport")



@_attrs_define
class ExposureReport:
    """ Who appears in the startup lists served to incubators, partners and scenarios in the
    window, against the pool of startups stored now.

        Attributes:
            exposures (int): appearances counted in the window (impressions)
            k (int): only ranks 1 to k count
            pool (int): startups stored now
            rows (list[ExposureRow]):
            scope (ReportScope): Whose lists and pairs a report counts: one incubator's, one partner's, or all.
            window (ReportWindow): The UTC days a report covers, both included.
     """

    exposures: int
    k: int
    pool: int
    rows: list[ExposureRow]
    scope: ReportScope
    window: ReportWindow
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exposure_row import ExposureRow # noqa: PLC0415
        from ..models.report_scope import ReportScope # noqa: PLC0415
        from ..models.report_window import ReportWindow # noqa: PLC0415
        exposures = self.exposures

        k = self.k

        pool = self.pool

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)



        scope = self.scope.to_dict()

        window = self.window.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "exposures": exposures,
            "k": k,
            "pool": pool,
            "rows": rows,
            "scope": scope,
            "window": window,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exposure_row import ExposureRow # noqa: PLC0415
        from ..models.report_scope import ReportScope # noqa: PLC0415
        from ..models.report_window import ReportWindow # noqa: PLC0415
        d = dict(src_dict)
        exposures = d.pop("exposures")

        k = d.pop("k")

        pool = d.pop("pool")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in (_rows):
            rows_item = ExposureRow.from_dict(rows_item_data)



            rows.append(rows_item)


        scope = ReportScope.from_dict(d.pop("scope"))




        window = ReportWindow.from_dict(d.pop("window"))




        exposure_report = cls(
            exposures=exposures,
            k=k,
            pool=pool,
            rows=rows,
            scope=scope,
            window=window,
        )


        exposure_report.additional_properties = d
        return exposure_report

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
