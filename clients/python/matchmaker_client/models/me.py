from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role import Role
from typing import cast

if TYPE_CHECKING:
  from ..models.key_read import KeyRead





T = TypeVar("T", bound="Me")



@_attrs_define
class Me:
    """ The caller: its account, role, bindings and the key in use.

        Attributes:
            account_id (int):
            incubator_ids (list[int]):
            key (KeyRead): A key's metadata; never its secret.
            name (str):
            partner_ids (list[int]):
            role (Role): What an account is: it decides what its keys may create and change.
     """

    account_id: int
    incubator_ids: list[int]
    key: KeyRead
    name: str
    partner_ids: list[int]
    role: Role
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.key_read import KeyRead # noqa: PLC0415
        account_id = self.account_id

        incubator_ids = self.incubator_ids



        key = self.key.to_dict()

        name = self.name

        partner_ids = self.partner_ids



        role = self.role.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "incubator_ids": incubator_ids,
            "key": key,
            "name": name,
            "partner_ids": partner_ids,
            "role": role,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.key_read import KeyRead # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        incubator_ids = cast(list[int], d.pop("incubator_ids"))


        key = KeyRead.from_dict(d.pop("key"))




        name = d.pop("name")

        partner_ids = cast(list[int], d.pop("partner_ids"))


        role = Role(d.pop("role"))




        me = cls(
            account_id=account_id,
            incubator_ids=incubator_ids,
            key=key,
            name=name,
            partner_ids=partner_ids,
            role=role,
        )


        me.additional_properties = d
        return me

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
