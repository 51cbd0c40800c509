from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.action import Action
from ..models.decline_reason import DeclineReason
from ..models.side import Side
from ..models.state import State
from typing import cast
import datetime






T = TypeVar("T", bound="MatchEventRead")



@_attrs_define
class MatchEventRead:
    """ One audit event: who did what, when, from which state to which, and why.

        Attributes:
            action (Action):
            actor_account_id (int | None):
            created_at (datetime.datetime):
            from_state (State):
            id (int):
            match_id (int):
            model (None | str):
            note (None | str):
            ranking_version (None | str):
            reason (DeclineReason | None):
            score (float | None): the pair's score when this event was recorded
            side (Side):
            to_state (State):
     """

    action: Action
    actor_account_id: int | None
    created_at: datetime.datetime
    from_state: State
    id: int
    match_id: int
    model: None | str
    note: None | str
    ranking_version: None | str
    reason: DeclineReason | None
    score: float | None
    side: Side
    to_state: State
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        actor_account_id: int | None
        actor_account_id = self.actor_account_id

        created_at = self.created_at.isoformat()

        from_state = self.from_state.value

        id = self.id

        match_id = self.match_id

        model: None | str
        model = self.model

        note: None | str
        note = self.note

        ranking_version: None | str
        ranking_version = self.ranking_version

        reason: None | str
        if isinstance(self.reason, DeclineReason):
            reason = self.reason.value
        else:
            reason = self.reason

        score: float | None
        score = self.score

        side = self.side.value

        to_state = self.to_state.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "actor_account_id": actor_account_id,
            "created_at": created_at,
            "from_state": from_state,
            "id": id,
            "match_id": match_id,
            "model": model,
            "note": note,
            "ranking_version": ranking_version,
            "reason": reason,
            "score": score,
            "side": side,
            "to_state": to_state,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = Action(d.pop("action"))




        def _parse_actor_account_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actor_account_id = _parse_actor_account_id(d.pop("actor_account_id"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        from_state = State(d.pop("from_state"))




        id = d.pop("id")

        match_id = d.pop("match_id")

        def _parse_model(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        model = _parse_model(d.pop("model"))


        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        def _parse_ranking_version(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ranking_version = _parse_ranking_version(d.pop("ranking_version"))


        def _parse_reason(data: object) -> DeclineReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reason_type_0 = DeclineReason(data)



                return reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeclineReason | None, data)

        reason = _parse_reason(d.pop("reason"))


        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))


        side = Side(d.pop("side"))




        to_state = State(d.pop("to_state"))




        match_event_read = cls(
            action=action,
            actor_account_id=actor_account_id,
            created_at=created_at,
            from_state=from_state,
            id=id,
            match_id=match_id,
            model=model,
            note=note,
            ranking_version=ranking_version,
            reason=reason,
            score=score,
            side=side,
            to_state=to_state,
        )


        match_event_read.additional_properties = d
        return match_event_read

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
