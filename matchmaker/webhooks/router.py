"""Routes: subscribe, list, read, delete, ping; deliveries, and replaying one."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, status

from matchmaker.access.principal import PrincipalDep
from matchmaker.db import SessionDep
from matchmaker.errors import NotFound, Unauthorized, error_responses
from matchmaker.params import PathId
from matchmaker.platform.routes import OneHopRoute
from matchmaker.profiles.router import Cursor
from matchmaker.webhooks import service
from matchmaker.webhooks.schemas import (
    DeliveryPage,
    DeliveryRead,
    PingQueued,
    WebhookCreate,
    WebhookCreated,
    WebhookRead,
)

router = APIRouter(route_class=OneHopRoute, prefix="/v1/webhooks", tags=["webhooks"])
NOT_FOUND = error_responses(Unauthorized, NotFound)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=WebhookCreated,
    responses=error_responses(Unauthorized),
)
def create_webhook(
    request: Request, session: SessionDep, principal: PrincipalDep, body: WebhookCreate
) -> WebhookCreated:
    """Subscribe to events; the signing secret is in this response only."""
    hook = service.create(session, principal, body, request.app.state.settings)
    return WebhookCreated(**WebhookRead.model_validate(hook).model_dump(), secret=hook.secret)


@router.get("", response_model=list[WebhookRead], responses=error_responses(Unauthorized))
def list_webhooks(session: SessionDep, principal: PrincipalDep) -> list[WebhookRead]:
    """Your account's webhooks (never their secrets)."""
    return [WebhookRead.model_validate(h) for h in service.list_for(session, principal)]


@router.get("/{webhook_id}", response_model=WebhookRead, responses=NOT_FOUND)
def read_webhook(session: SessionDep, principal: PrincipalDep, webhook_id: PathId) -> WebhookRead:
    """One of your webhooks."""
    return WebhookRead.model_validate(service.get(session, principal, webhook_id))


@router.delete("/{webhook_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
def delete_webhook(session: SessionDep, principal: PrincipalDep, webhook_id: PathId) -> None:
    """Unsubscribe; undelivered events for it are dropped."""
    service.remove(session, principal, webhook_id)


@router.post(
    "/{webhook_id}/ping",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=PingQueued,
    responses=NOT_FOUND,
)
def ping_webhook(
    session: SessionDep, principal: PrincipalDep, webhook_id: PathId
) -> dict[str, str]:
    """Queue a signed ``ping`` event for this webhook, to test your receiver."""
    service.ping(session, principal, webhook_id)
    return {"status": "queued"}


@router.get("/{webhook_id}/deliveries", response_model=DeliveryPage, responses=NOT_FOUND)
def list_deliveries(
    session: SessionDep,
    principal: PrincipalDep,
    webhook_id: PathId,
    status_: Annotated[
        Literal["pending", "delivered", "failed"] | None, Query(alias="status")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Cursor = None,
) -> DeliveryPage:
    """Deliveries of one webhook, newest first, each with its attempts."""
    items, next_cursor = service.deliveries(session, principal, webhook_id, status_, limit, cursor)
    return DeliveryPage(items=items, next_cursor=next_cursor)


@router.get(
    "/{webhook_id}/deliveries/{delivery_id}", response_model=DeliveryRead, responses=NOT_FOUND
)
def read_delivery(
    session: SessionDep, principal: PrincipalDep, webhook_id: PathId, delivery_id: PathId
) -> DeliveryRead:
    """One delivery: status, attempts with status codes, latency and errors."""
    row = service.get_delivery(session, principal, webhook_id, delivery_id)
    return service.read_delivery(session, row)


@router.post(
    "/{webhook_id}/deliveries/{delivery_id}/replay",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=DeliveryRead,
    responses=NOT_FOUND,
)
def replay_delivery(
    session: SessionDep, principal: PrincipalDep, webhook_id: PathId, delivery_id: PathId
) -> DeliveryRead:
    """Send a delivery again: same event id and body, a fresh signature and timestamp."""
    row = service.replay(session, principal, webhook_id, delivery_id)
    return service.read_delivery(session, row)
