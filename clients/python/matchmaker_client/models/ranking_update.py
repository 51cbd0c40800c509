from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RankingUpdate")



@_attrs_define
class RankingUpdate:
    """ 
        Attributes:
            startup_ids (list[int]): Applicants, best first.
            accept_unranked (bool | Unset): Also accept applicants not listed, ordered by engine score. Default: True.
     """

    startup_ids: list[int]
    accept_unranked: bool | Unset = True





    def to_dict(self) -> dict[str, Any]:
        startup_ids = self.startup_ids



        accept_unranked = self.accept_unranked


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "startup_ids": startup_ids,
        })
        if accept_unranked is not UNSET:
            field_dict["accept_unranked"] = accept_unranked

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        startup_ids = cast(list[int], d.pop("startup_ids"))


        accept_unranked = d.pop("accept_unranked", UNSET)

        ranking_update = cls(
            startup_ids=startup_ids,
            accept_unranked=accept_unranked,
        )

        return ranking_update

