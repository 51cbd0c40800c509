from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.funnel_group_by import FunnelGroupBy
from typing import cast

if TYPE_CHECKING:
  from ..models.funnel_row import FunnelRow
  from ..models.report_scope import ReportScope
  from ..models.report_window import ReportWindow





T = TypeVar("T", bound="FunnelReport")



@_attrs_define
class FunnelReport:
    """ recommended -> shortlisted -> accepted -> connected, with declines and decision time:
    the pairs shown or acted on in the window, and the steps they took in it.

        Attributes:
            group_by (FunnelGroupBy | None):
            rows (list[FunnelRow]): one per group, in vocabulary or month order
            scope (ReportScope): Whose lists and pairs a report counts: one incubator's, one partner's, or all.
            total (FunnelRow): One group's pairs at each step; each step counts the pairs that reached it.
            window (ReportWindow): The UTC days a report covers, both included.
     """

    group_by: FunnelGroupBy | None
    rows: list[FunnelRow]
    scope: ReportScope
    total: FunnelRow
    window: ReportWindow
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.funnel_row import FunnelRow # noqa: PLC0415
        from ..models.report_scope import ReportScope # noqa: PLC0415
        from ..models.report_window import ReportWindow # noqa: PLC0415
        group_by: None | str
        if isinstance(self.group_by, FunnelGroupBy):
            group_by = self.group_by.value
        else:
            group_by = self.group_by

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)



        scope = self.scope.to_dict()

        total = self.total.to_dict()

        window = self.window.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "group_by": group_by,
            "rows": rows,
            "scope": scope,
            "total": total,
            "window": window,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.funnel_row import FunnelRow # noqa: PLC0415
        from ..models.report_scope import ReportScope # noqa: PLC0415
        from ..models.report_window import ReportWindow # noqa: PLC0415
        d = dict(src_dict)
        def _parse_group_by(data: object) -> FunnelGroupBy | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                group_by_type_0 = FunnelGroupBy(data)



                return group_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FunnelGroupBy | None, data)

        group_by = _parse_group_by(d.pop("group_by"))


        rows = []
        _rows = d.pop("rows")
        for rows_item_data in (_rows):
            rows_item = FunnelRow.from_dict(rows_item_data)



            rows.append(rows_item)


        scope = ReportScope.from_dict(d.pop("scope"))




        total = FunnelRow.from_dict(d.pop("total"))




        window = ReportWindow.from_dict(d.pop("window"))




        funnel_report = cls(
            group_by=group_by,
            rows=rows,
            scope=scope,
            total=total,
            window=window,
        )


        funnel_report.additional_properties = d
        return funnel_report

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
