from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.bundle_read import BundleRead
  from ..models.explanation import Explanation
  from ..models.profile_ref import ProfileRef





T = TypeVar("T", bound="BundleResponse")



@_attrs_define
class BundleResponse:
    """ 
        Attributes:
            bundle (BundleRead | None):
            message (None | str):
            message_parts (list[Explanation]):
            model (str):
            query (ProfileRef):
            ranking_version (str):
     """

    bundle: BundleRead | None
    message: None | str
    message_parts: list[Explanation]
    model: str
    query: ProfileRef
    ranking_version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.bundle_read import BundleRead # noqa: PLC0415
        from ..models.explanation import Explanation # noqa: PLC0415
        from ..models.profile_ref import ProfileRef # noqa: PLC0415
        bundle: dict[str, Any] | None
        if isinstance(self.bundle, BundleRead):
            bundle = self.bundle.to_dict()
        else:
            bundle = self.bundle

        message: None | str
        message = self.message

        message_parts = []
        for message_parts_item_data in self.message_parts:
            message_parts_item = message_parts_item_data.to_dict()
            message_parts.append(message_parts_item)



        model = self.model

        query = self.query.to_dict()

        ranking_version = self.ranking_version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bundle": bundle,
            "message": message,
            "message_parts": message_parts,
            "model": model,
            "query": query,
            "ranking_version": ranking_version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bundle_read import BundleRead # noqa: PLC0415
        from ..models.explanation import Explanation # noqa: PLC0415
        from ..models.profile_ref import ProfileRef # noqa: PLC0415
        d = dict(src_dict)
        def _parse_bundle(data: object) -> BundleRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                bundle_type_0 = BundleRead.from_dict(data)



                return bundle_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BundleRead | None, data)

        bundle = _parse_bundle(d.pop("bundle"))


        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))


        message_parts = []
        _message_parts = d.pop("message_parts")
        for message_parts_item_data in (_message_parts):
            message_parts_item = Explanation.from_dict(message_parts_item_data)



            message_parts.append(message_parts_item)


        model = d.pop("model")

        query = ProfileRef.from_dict(d.pop("query"))




        ranking_version = d.pop("ranking_version")

        bundle_response = cls(
            bundle=bundle,
            message=message,
            message_parts=message_parts,
            model=model,
            query=query,
            ranking_version=ranking_version,
        )


        bundle_response.additional_properties = d
        return bundle_response

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
