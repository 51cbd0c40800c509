from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.action import Action
from ..models.decline_reason import DeclineReason
from ..models.side import Side
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MatchActionCreate")



@_attrs_define
class MatchActionCreate:
    """ One side acting on a startup–target pair; the first action creates the record.

        Attributes:
            action (Action):
            startup_id (int):
            as_side (None | Side | Unset): which side you act for; needed only when your key manages both sides (always for
                an admin)
            incubator_id (int | None | Unset):
            note (None | str | Unset): free text kept in the audit trail
            partner_id (int | None | Unset):
            reason (DeclineReason | None | Unset): why, when declining (required then; see decline_reasons)
            scenario_id (int | None | Unset):
     """

    action: Action
    startup_id: int
    as_side: None | Side | Unset = UNSET
    incubator_id: int | None | Unset = UNSET
    note: None | str | Unset = UNSET
    partner_id: int | None | Unset = UNSET
    reason: DeclineReason | None | Unset = UNSET
    scenario_id: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        startup_id = self.startup_id

        as_side: None | str | Unset
        if isinstance(self.as_side, Unset):
            as_side = UNSET
        elif isinstance(self.as_side, Side):
            as_side = self.as_side.value
        else:
            as_side = self.as_side

        incubator_id: int | None | Unset
        if isinstance(self.incubator_id, Unset):
            incubator_id = UNSET
        else:
            incubator_id = self.incubator_id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        partner_id: int | None | Unset
        if isinstance(self.partner_id, Unset):
            partner_id = UNSET
        else:
            partner_id = self.partner_id

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        elif isinstance(self.reason, DeclineReason):
            reason = self.reason.value
        else:
            reason = self.reason

        scenario_id: int | None | Unset
        if isinstance(self.scenario_id, Unset):
            scenario_id = UNSET
        else:
            scenario_id = self.scenario_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "action": action,
            "startup_id": startup_id,
        })
        if as_side is not UNSET:
            field_dict["as_side"] = as_side
        if incubator_id is not UNSET:
            field_dict["incubator_id"] = incubator_id
        if note is not UNSET:
            field_dict["note"] = note
        if partner_id is not UNSET:
            field_dict["partner_id"] = partner_id
        if reason is not UNSET:
            field_dict["reason"] = reason
        if scenario_id is not UNSET:
            field_dict["scenario_id"] = scenario_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = Action(d.pop("action"))




        startup_id = d.pop("startup_id")

        def _parse_as_side(data: object) -> None | Side | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_side_type_0 = Side(data)



                return as_side_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Side | Unset, data)

        as_side = _parse_as_side(d.pop("as_side", UNSET))


        def _parse_incubator_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        incubator_id = _parse_incubator_id(d.pop("incubator_id", UNSET))


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        def _parse_partner_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        partner_id = _parse_partner_id(d.pop("partner_id", UNSET))


        def _parse_reason(data: object) -> DeclineReason | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reason_type_0 = DeclineReason(data)



                return reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeclineReason | None | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_scenario_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        scenario_id = _parse_scenario_id(d.pop("scenario_id", UNSET))


        match_action_create = cls(
            action=action,
            startup_id=startup_id,
            as_side=as_side,
            incubator_id=incubator_id,
            note=note,
            partner_id=partner_id,
            reason=reason,
            scenario_id=scenario_id,
        )

        return match_action_create

