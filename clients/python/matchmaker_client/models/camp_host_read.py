from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.eligibility_in import EligibilityIn





T = TypeVar("T", bound="CampHostRead")



@_attrs_define
class CampHostRead:
    """ 
        Attributes:
            accept_unranked (bool):
            eligibility (EligibilityIn | None):
            id (int): The camp host id used by rankings and results.
            incubator_id (int | None):
            name (str):
            partner_id (int | None):
            places (int):
     """

    accept_unranked: bool
    eligibility: EligibilityIn | None
    id: int
    incubator_id: int | None
    name: str
    partner_id: int | None
    places: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.eligibility_in import EligibilityIn # noqa: PLC0415
        accept_unranked = self.accept_unranked

        eligibility: dict[str, Any] | None
        if isinstance(self.eligibility, EligibilityIn):
            eligibility = self.eligibility.to_dict()
        else:
            eligibility = self.eligibility

        id = self.id

        incubator_id: int | None
        incubator_id = self.incubator_id

        name = self.name

        partner_id: int | None
        partner_id = self.partner_id

        places = self.places


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accept_unranked": accept_unranked,
            "eligibility": eligibility,
            "id": id,
            "incubator_id": incubator_id,
            "name": name,
            "partner_id": partner_id,
            "places": places,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.eligibility_in import EligibilityIn # noqa: PLC0415
        d = dict(src_dict)
        accept_unranked = d.pop("accept_unranked")

        def _parse_eligibility(data: object) -> EligibilityIn | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                eligibility_type_0 = EligibilityIn.from_dict(data)



                return eligibility_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EligibilityIn | None, data)

        eligibility = _parse_eligibility(d.pop("eligibility"))


        id = d.pop("id")

        def _parse_incubator_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        incubator_id = _parse_incubator_id(d.pop("incubator_id"))


        name = d.pop("name")

        def _parse_partner_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        partner_id = _parse_partner_id(d.pop("partner_id"))


        places = d.pop("places")

        camp_host_read = cls(
            accept_unranked=accept_unranked,
            eligibility=eligibility,
            id=id,
            incubator_id=incubator_id,
            name=name,
            partner_id=partner_id,
            places=places,
        )


        camp_host_read.additional_properties = d
        return camp_host_read

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
