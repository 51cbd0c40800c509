from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.decision import Decision
from ..models.state import State
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.contacts import Contacts





T = TypeVar("T", bound="MatchRecordRead")



@_attrs_define
class MatchRecordRead:
    """ A match record: the pair, its state, each side's decision and the score behind it.

        Attributes:
            contacts (Contacts | None):
            created_at (datetime.datetime):
            id (int):
            incubator_id (int | None):
            model (None | str):
            partner_id (int | None):
            ranking_version (None | str):
            scenario_id (int | None):
            score (float | None): the pair's score when the last decision was recorded, with `model` and `ranking_version`;
                the pair's lists show its score now, which later decisions and edits move
            startup_decision (Decision | None):
            startup_id (int):
            state (State):
            target_decision (Decision | None):
            target_id (int):
            target_kind (str):
            updated_at (datetime.datetime):
            version (int):
     """

    contacts: Contacts | None
    created_at: datetime.datetime
    id: int
    incubator_id: int | None
    model: None | str
    partner_id: int | None
    ranking_version: None | str
    scenario_id: int | None
    score: float | None
    startup_decision: Decision | None
    startup_id: int
    state: State
    target_decision: Decision | None
    target_id: int
    target_kind: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.contacts import Contacts # noqa: PLC0415
        contacts: dict[str, Any] | None
        if isinstance(self.contacts, Contacts):
            contacts = self.contacts.to_dict()
        else:
            contacts = self.contacts

        created_at = self.created_at.isoformat()

        id = self.id

        incubator_id: int | None
        incubator_id = self.incubator_id

        model: None | str
        model = self.model

        partner_id: int | None
        partner_id = self.partner_id

        ranking_version: None | str
        ranking_version = self.ranking_version

        scenario_id: int | None
        scenario_id = self.scenario_id

        score: float | None
        score = self.score

        startup_decision: None | str
        if isinstance(self.startup_decision, Decision):
            startup_decision = self.startup_decision.value
        else:
            startup_decision = self.startup_decision

        startup_id = self.startup_id

        state = self.state.value

        target_decision: None | str
        if isinstance(self.target_decision, Decision):
            target_decision = self.target_decision.value
        else:
            target_decision = self.target_decision

        target_id = self.target_id

        target_kind = self.target_kind

        updated_at = self.updated_at.isoformat()

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contacts": contacts,
            "created_at": created_at,
            "id": id,
            "incubator_id": incubator_id,
            "model": model,
            "partner_id": partner_id,
            "ranking_version": ranking_version,
            "scenario_id": scenario_id,
            "score": score,
            "startup_decision": startup_decision,
            "startup_id": startup_id,
            "state": state,
            "target_decision": target_decision,
            "target_id": target_id,
            "target_kind": target_kind,
            "updated_at": updated_at,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contacts import Contacts # noqa: PLC0415
        d = dict(src_dict)
        def _parse_contacts(data: object) -> Contacts | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contacts_type_0 = Contacts.from_dict(data)



                return contacts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Contacts | None, data)

        contacts = _parse_contacts(d.pop("contacts"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        def _parse_incubator_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        incubator_id = _parse_incubator_id(d.pop("incubator_id"))


        def _parse_model(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        model = _parse_model(d.pop("model"))


        def _parse_partner_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        partner_id = _parse_partner_id(d.pop("partner_id"))


        def _parse_ranking_version(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ranking_version = _parse_ranking_version(d.pop("ranking_version"))


        def _parse_scenario_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        scenario_id = _parse_scenario_id(d.pop("scenario_id"))


        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))


        def _parse_startup_decision(data: object) -> Decision | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                startup_decision_type_0 = Decision(data)



                return startup_decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decision | None, data)

        startup_decision = _parse_startup_decision(d.pop("startup_decision"))


        startup_id = d.pop("startup_id")

        state = State(d.pop("state"))




        def _parse_target_decision(data: object) -> Decision | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_decision_type_0 = Decision(data)



                return target_decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decision | None, data)

        target_decision = _parse_target_decision(d.pop("target_decision"))


        target_id = d.pop("target_id")

        target_kind = d.pop("target_kind")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version")

        match_record_read = cls(
            contacts=contacts,
            created_at=created_at,
            id=id,
            incubator_id=incubator_id,
            model=model,
            partner_id=partner_id,
            ranking_version=ranking_version,
            scenario_id=scenario_id,
            score=score,
            startup_decision=startup_decision,
            startup_id=startup_id,
            state=state,
            target_decision=target_decision,
            target_id=target_id,
            target_kind=target_kind,
            updated_at=updated_at,
            version=version,
        )


        match_record_read.additional_properties = d
        return match_record_read

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
