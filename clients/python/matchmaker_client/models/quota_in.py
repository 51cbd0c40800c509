from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.quota_in_attribute import QuotaInAttribute
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.host_ref import HostRef





T = TypeVar("T", bound="QuotaIn")



@_attrs_define
class QuotaIn:
    """ A floor or a cap over a startup attribute, camp-wide or (caps only) for one host.

    Examples: ``{"name": "30% Tianjin and Hebei", "attribute": "region", "values":
    ["tianjin", "hebei"], "at_least_share": 0.3}``; ``{"name": "at most 3 per city",
    "attribute": "city", "per_value": true, "at_most": 3}``.

        Attributes:
            attribute (QuotaInAttribute):
            name (str):
            at_least (int | None | Unset):
            at_least_share (float | None | Unset):
            at_most (int | None | Unset):
            host (HostRef | None | Unset):
            per_value (bool | Unset):  Default: False.
            values (list[str] | Unset):
     """

    attribute: QuotaInAttribute
    name: str
    at_least: int | None | Unset = UNSET
    at_least_share: float | None | Unset = UNSET
    at_most: int | None | Unset = UNSET
    host: HostRef | None | Unset = UNSET
    per_value: bool | Unset = False
    values: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.host_ref import HostRef # noqa: PLC0415
        attribute = self.attribute.value

        name = self.name

        at_least: int | None | Unset
        if isinstance(self.at_least, Unset):
            at_least = UNSET
        else:
            at_least = self.at_least

        at_least_share: float | None | Unset
        if isinstance(self.at_least_share, Unset):
            at_least_share = UNSET
        else:
            at_least_share = self.at_least_share

        at_most: int | None | Unset
        if isinstance(self.at_most, Unset):
            at_most = UNSET
        else:
            at_most = self.at_most

        host: dict[str, Any] | None | Unset
        if isinstance(self.host, Unset):
            host = UNSET
        elif isinstance(self.host, HostRef):
            host = self.host.to_dict()
        else:
            host = self.host

        per_value = self.per_value

        values: list[str] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "attribute": attribute,
            "name": name,
        })
        if at_least is not UNSET:
            field_dict["at_least"] = at_least
        if at_least_share is not UNSET:
            field_dict["at_least_share"] = at_least_share
        if at_most is not UNSET:
            field_dict["at_most"] = at_most
        if host is not UNSET:
            field_dict["host"] = host
        if per_value is not UNSET:
            field_dict["per_value"] = per_value
        if values is not UNSET:
            field_dict["values"] = values

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.host_ref import HostRef # noqa: PLC0415
        d = dict(src_dict)
        attribute = QuotaInAttribute(d.pop("attribute"))




        name = d.pop("name")

        def _parse_at_least(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        at_least = _parse_at_least(d.pop("at_least", UNSET))


        def _parse_at_least_share(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        at_least_share = _parse_at_least_share(d.pop("at_least_share", UNSET))


        def _parse_at_most(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        at_most = _parse_at_most(d.pop("at_most", UNSET))


        def _parse_host(data: object) -> HostRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                host_type_0 = HostRef.from_dict(data)



                return host_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HostRef | None | Unset, data)

        host = _parse_host(d.pop("host", UNSET))


        per_value = d.pop("per_value", UNSET)

        values = cast(list[str], d.pop("values", UNSET))


        quota_in = cls(
            attribute=attribute,
            name=name,
            at_least=at_least,
            at_least_share=at_least_share,
            at_most=at_most,
            host=host,
            per_value=per_value,
            values=values,
        )

        return quota_in

