from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.eligibility_in import EligibilityIn





T = TypeVar("T", bound="CampHostIn")



@_attrs_define
class CampHostIn:
    """ 
        Attributes:
            places (int):
            accept_unranked (bool | Unset): Without a full ranking, rank the rest by engine score. Default: True.
            eligibility (EligibilityIn | None | Unset):
            incubator_id (int | None | Unset):
            partner_id (int | None | Unset):
     """

    places: int
    accept_unranked: bool | Unset = True
    eligibility: EligibilityIn | None | Unset = UNSET
    incubator_id: int | None | Unset = UNSET
    partner_id: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.eligibility_in import EligibilityIn # noqa: PLC0415
        places = self.places

        accept_unranked = self.accept_unranked

        eligibility: dict[str, Any] | None | Unset
        if isinstance(self.eligibility, Unset):
            eligibility = UNSET
        elif isinstance(self.eligibility, EligibilityIn):
            eligibility = self.eligibility.to_dict()
        else:
            eligibility = self.eligibility

        incubator_id: int | None | Unset
        if isinstance(self.incubator_id, Unset):
            incubator_id = UNSET
        else:
            incubator_id = self.incubator_id

        partner_id: int | None | Unset
        if isinstance(self.partner_id, Unset):
            partner_id = UNSET
        else:
            partner_id = self.partner_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "places": places,
        })
        if accept_unranked is not UNSET:
            field_dict["accept_unranked"] = accept_unranked
        if eligibility is not UNSET:
            field_dict["eligibility"] = eligibility
        if incubator_id is not UNSET:
            field_dict["incubator_id"] = incubator_id
        if partner_id is not UNSET:
            field_dict["partner_id"] = partner_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.eligibility_in import EligibilityIn # noqa: PLC0415
        d = dict(src_dict)
        places = d.pop("places")

        accept_unranked = d.pop("accept_unranked", UNSET)

        def _parse_eligibility(data: object) -> EligibilityIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                eligibility_type_0 = EligibilityIn.from_dict(data)



                return eligibility_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EligibilityIn | None | Unset, data)

        eligibility = _parse_eligibility(d.pop("eligibility", UNSET))


        def _parse_incubator_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        incubator_id = _parse_incubator_id(d.pop("incubator_id", UNSET))


        def _parse_partner_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        partner_id = _parse_partner_id(d.pop("partner_id", UNSET))


        camp_host_in = cls(
            places=places,
            accept_unranked=accept_unranked,
            eligibility=eligibility,
            incubator_id=incubator_id,
            partner_id=partner_id,
        )

        return camp_host_in

