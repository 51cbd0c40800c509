from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.import_finished_data_status import ImportFinishedDataStatus






T = TypeVar("T", bound="ImportFinishedData")



@_attrs_define
class ImportFinishedData:
    """ 
        Attributes:
            created (int):
            failed (int):
            import_id (int):
            kind (str):
            rows_read (int):
            source (str):
            status (ImportFinishedDataStatus):
            unchanged (int):
            updated (int):
     """

    created: int
    failed: int
    import_id: int
    kind: str
    rows_read: int
    source: str
    status: ImportFinishedDataStatus
    unchanged: int
    updated: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created = self.created

        failed = self.failed

        import_id = self.import_id

        kind = self.kind

        rows_read = self.rows_read

        source = self.source

        status = self.status.value

        unchanged = self.unchanged

        updated = self.updated


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created": created,
            "failed": failed,
            "import_id": import_id,
            "kind": kind,
            "rows_read": rows_read,
            "source": source,
            "status": status,
            "unchanged": unchanged,
            "updated": updated,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = d.pop("created")

        failed = d.pop("failed")

        import_id = d.pop("import_id")

        kind = d.pop("kind")

        rows_read = d.pop("rows_read")

        source = d.pop("source")

        status = ImportFinishedDataStatus(d.pop("status"))




        unchanged = d.pop("unchanged")

        updated = d.pop("updated")

        import_finished_data = cls(
            created=created,
            failed=failed,
            import_id=import_id,
            kind=kind,
            rows_read=rows_read,
            source=source,
            status=status,
            unchanged=unchanged,
            updated=updated,
        )


        import_finished_data.additional_properties = d
        return import_finished_data

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
