from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.assignment_read import AssignmentRead
  from ..models.quota_outcome_read import QuotaOutcomeRead
  from ..models.unplaced_read import UnplacedRead





T = TypeVar("T", bound="AllocationRead")



@_attrs_define
class AllocationRead:
    """ 
        Attributes:
            algorithm (str):
            assignments (list[AssignmentRead]):
            camp_id (int):
            created_at (datetime.datetime):
            quota_report (list[QuotaOutcomeRead]):
            run_id (int):
            score_source (str):
            unplaced (list[UnplacedRead]):
     """

    algorithm: str
    assignments: list[AssignmentRead]
    camp_id: int
    created_at: datetime.datetime
    quota_report: list[QuotaOutcomeRead]
    run_id: int
    score_source: str
    unplaced: list[UnplacedRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.assignment_read import AssignmentRead # noqa: PLC0415
        from ..models.quota_outcome_read import QuotaOutcomeRead # noqa: PLC0415
        from ..models.unplaced_read import UnplacedRead # noqa: PLC0415
        algorithm = self.algorithm

        assignments = []
        for assignments_item_data in self.assignments:
            assignments_item = assignments_item_data.to_dict()
            assignments.append(assignments_item)



        camp_id = self.camp_id

        created_at = self.created_at.isoformat()

        quota_report = []
        for quota_report_item_data in self.quota_report:
            quota_report_item = quota_report_item_data.to_dict()
            quota_report.append(quota_report_item)



        run_id = self.run_id

        score_source = self.score_source

        unplaced = []
        for unplaced_item_data in self.unplaced:
            unplaced_item = unplaced_item_data.to_dict()
            unplaced.append(unplaced_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "algorithm": algorithm,
            "assignments": assignments,
            "camp_id": camp_id,
            "created_at": created_at,
            "quota_report": quota_report,
            "run_id": run_id,
            "score_source": score_source,
            "unplaced": unplaced,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assignment_read import AssignmentRead # noqa: PLC0415
        from ..models.quota_outcome_read import QuotaOutcomeRead # noqa: PLC0415
        from ..models.unplaced_read import UnplacedRead # noqa: PLC0415
        d = dict(src_dict)
        algorithm = d.pop("algorithm")

        assignments = []
        _assignments = d.pop("assignments")
        for assignments_item_data in (_assignments):
            assignments_item = AssignmentRead.from_dict(assignments_item_data)



            assignments.append(assignments_item)


        camp_id = d.pop("camp_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        quota_report = []
        _quota_report = d.pop("quota_report")
        for quota_report_item_data in (_quota_report):
            quota_report_item = QuotaOutcomeRead.from_dict(quota_report_item_data)



            quota_report.append(quota_report_item)


        run_id = d.pop("run_id")

        score_source = d.pop("score_source")

        unplaced = []
        _unplaced = d.pop("unplaced")
        for unplaced_item_data in (_unplaced):
            unplaced_item = UnplacedRead.from_dict(unplaced_item_data)



            unplaced.append(unplaced_item)


        allocation_read = cls(
            algorithm=algorithm,
            assignments=assignments,
            camp_id=camp_id,
            created_at=created_at,
            quota_report=quota_report,
            run_id=run_id,
            score_source=score_source,
            unplaced=unplaced,
        )


        allocation_read.additional_properties = d
        return allocation_read

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
