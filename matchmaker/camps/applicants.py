"""How many applications a camp holds, and the room left for one more."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matchmaker.camps.models import Camp, CampApplication
from matchmaker.errors import InvalidInput


def count_applications(session: Session, camp: Camp) -> int:
    count = session.scalar(
        select(func.count()).select_from(CampApplication).where(CampApplication.camp_id == camp.id)
    )
    return count or 0


def check_room(session: Session, camp: Camp, max_applications: int) -> None:
    """Refuse an application beyond ``max_applications`` (MATCHMAKER_CAMP_MAX_APPLICATIONS)."""
    # Lock the camp row first (PostgreSQL; SQLite has one writer) so two founders applying at
    # once cannot both see the last free slot.
    session.execute(select(Camp.id).where(Camp.id == camp.id).with_for_update())
    count = count_applications(session, camp)
    if count >= max_applications:
        raise InvalidInput(
            "camp_id",
            f"camp {camp.id} has {count} applications, the most a camp takes "
            f"(MATCHMAKER_CAMP_MAX_APPLICATIONS={max_applications}); it takes no more",
        )


def applicant_ids(session: Session, camp: Camp) -> set[int]:
    ids = session.scalars(
        select(CampApplication.startup_id).where(CampApplication.camp_id == camp.id)
    )
    return set(ids)
