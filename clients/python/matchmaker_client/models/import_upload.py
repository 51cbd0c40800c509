from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field
import json
from .. import types

from ..types import UNSET, Unset

from ..models.target import Target
from ..types import File, FileTypes
from ..types import UNSET, Unset
from io import BytesIO






T = TypeVar("T", bound="ImportUpload")



@_attrs_define
class ImportUpload:
    """ 
        Attributes:
            file (File): CSV (with a header), JSON array or JSONL
            kind (Target):
            format_ (str | Unset): one of csv, json, jsonl; default: from the name
            mapping (str | Unset): column mapping as JSON (see README)
            source (str | Unset): names where the external ids come from; re-importing the same source updates the profiles
                it created Default: 'api'.
     """

    file: File
    kind: Target
    format_: str | Unset = UNSET
    mapping: str | Unset = UNSET
    source: str | Unset = 'api'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()


        kind = self.kind.value

        format_ = self.format_

        mapping = self.mapping

        source = self.source


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "file": file,
            "kind": kind,
        })
        if format_ is not UNSET:
            field_dict["format"] = format_
        if mapping is not UNSET:
            field_dict["mapping"] = mapping
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))



        files.append(("kind",  (None, str(self.kind.value).encode(), "text/plain")))



        if not isinstance(self.format_, Unset):
            files.append(("format", (None, str(self.format_).encode(), "text/plain")))



        if not isinstance(self.mapping, Unset):
            files.append(("mapping", (None, str(self.mapping).encode(), "text/plain")))



        if not isinstance(self.source, Unset):
            files.append(("source", (None, str(self.source).encode(), "text/plain")))




        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))



        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(
             payload = BytesIO(d.pop("file"))
        )




        kind = Target(d.pop("kind"))




        format_ = d.pop("format", UNSET)

        mapping = d.pop("mapping", UNSET)

        source = d.pop("source", UNSET)

        import_upload = cls(
            file=file,
            kind=kind,
            format_=format_,
            mapping=mapping,
            source=source,
        )


        import_upload.additional_properties = d
        return import_upload

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
