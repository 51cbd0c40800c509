from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.import_job_read_status import ImportJobReadStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.row_error_read import RowErrorRead





T = TypeVar("T", bound="ImportJobRead")



@_attrs_define
class ImportJobRead:
    """ An import job: its status, what it did so far, and the first row errors.

        Attributes:
            created (int):
            created_at (datetime.datetime):
            errors (list[RowErrorRead]):
            failed (int): rows not imported; see errors
            filename (str):
            finished_at (datetime.datetime | None):
            format_ (str):
            id (int):
            kind (str):
            message (None | str): why a failed job could not run at all
            rows_read (int):
            source (str):
            started_at (datetime.datetime | None):
            status (ImportJobReadStatus): queued, running, finished (rows may have failed) or failed
            unchanged (int):
            updated (int):
     """

    created: int
    created_at: datetime.datetime
    errors: list[RowErrorRead]
    failed: int
    filename: str
    finished_at: datetime.datetime | None
    format_: str
    id: int
    kind: str
    message: None | str
    rows_read: int
    source: str
    started_at: datetime.datetime | None
    status: ImportJobReadStatus
    unchanged: int
    updated: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.row_error_read import RowErrorRead # noqa: PLC0415
        created = self.created

        created_at = self.created_at.isoformat()

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)



        failed = self.failed

        filename = self.filename

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        format_ = self.format_

        id = self.id

        kind = self.kind

        message: None | str
        message = self.message

        rows_read = self.rows_read

        source = self.source

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        status = self.status.value

        unchanged = self.unchanged

        updated = self.updated


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created": created,
            "created_at": created_at,
            "errors": errors,
            "failed": failed,
            "filename": filename,
            "finished_at": finished_at,
            "format": format_,
            "id": id,
            "kind": kind,
            "message": message,
            "rows_read": rows_read,
            "source": source,
            "started_at": started_at,
            "status": status,
            "unchanged": unchanged,
            "updated": updated,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.row_error_read import RowErrorRead # noqa: PLC0415
        d = dict(src_dict)
        created = d.pop("created")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        errors = []
        _errors = d.pop("errors")
        for errors_item_data in (_errors):
            errors_item = RowErrorRead.from_dict(errors_item_data)



            errors.append(errors_item)


        failed = d.pop("failed")

        filename = d.pop("filename")

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))


        format_ = d.pop("format")

        id = d.pop("id")

        kind = d.pop("kind")

        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))


        rows_read = d.pop("rows_read")

        source = d.pop("source")

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)



                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))


        status = ImportJobReadStatus(d.pop("status"))




        unchanged = d.pop("unchanged")

        updated = d.pop("updated")

        import_job_read = cls(
            created=created,
            created_at=created_at,
            errors=errors,
            failed=failed,
            filename=filename,
            finished_at=finished_at,
            format_=format_,
            id=id,
            kind=kind,
            message=message,
            rows_read=rows_read,
            source=source,
            started_at=started_at,
            status=status,
            unchanged=unchanged,
            updated=updated,
        )


        import_job_read.additional_properties = d
        return import_job_read

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
