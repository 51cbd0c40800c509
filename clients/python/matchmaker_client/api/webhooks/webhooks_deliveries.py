from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.database_unavailable_error import DatabaseUnavailableError
from ...models.delivery_page import DeliveryPage
from ...models.not_found_error import NotFoundError
from ...models.rate_limited_error import RateLimitedError
from ...models.storage_unwritable_error import StorageUnwritableError
from ...models.unauthorized_error import UnauthorizedError
from ...models.validation_failed_error import ValidationFailedError
from ...models.webhooks_deliveries_status import WebhooksDeliveriesStatus
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    webhook_id: int,
    *,
    status: WebhooksDeliveriesStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/webhooks/{webhook_id}/deliveries".format(webhook_id=quote(str(webhook_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DatabaseUnavailableError | StorageUnwritableError | DeliveryPage | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    if response.status_code == 200:
        response_200 = DeliveryPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = UnauthorizedError.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = NotFoundError.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = ValidationFailedError.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = RateLimitedError.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        def _parse_response_503(data: object) -> DatabaseUnavailableError | StorageUnwritableError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_503_type_0 = DatabaseUnavailableError.from_dict(data)



                return response_503_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_503_type_1 = StorageUnwritableError.from_dict(data)



            return response_503_type_1

        response_503 = _parse_response_503(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DatabaseUnavailableError | StorageUnwritableError | DeliveryPage | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
    status: WebhooksDeliveriesStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | DeliveryPage | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    """ List Deliveries

     Deliveries of one webhook, newest first, each with its attempts.

    Args:
        webhook_id (int): a positive id
        status (WebhooksDeliveriesStatus | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUnavailableError | StorageUnwritableError | DeliveryPage | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        webhook_id=webhook_id,
status=status,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
    status: WebhooksDeliveriesStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> DatabaseUnavailableError | StorageUnwritableError | DeliveryPage | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    """ List Deliveries

     Deliveries of one webhook, newest first, each with its attempts.

    Args:
        webhook_id (int): a positive id
        status (WebhooksDeliveriesStatus | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUnavailableError | StorageUnwritableError | DeliveryPage | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError
     """


    return sync_detailed(
        webhook_id=webhook_id,
client=client,
status=status,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
    status: WebhooksDeliveriesStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | DeliveryPage | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    """ List Deliveries

     Deliveries of one webhook, newest first, each with its attempts.

    Args:
        webhook_id (int): a positive id
        status (WebhooksDeliveriesStatus | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUnavailableError | StorageUnwritableError | DeliveryPage | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        webhook_id=webhook_id,
status=status,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
    status: WebhooksDeliveriesStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> DatabaseUnavailableError | StorageUnwritableError | DeliveryPage | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    """ List Deliveries

     Deliveries of one webhook, newest first, each with its attempts.

    Args:
        webhook_id (int): a positive id
        status (WebhooksDeliveriesStatus | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUnavailableError | StorageUnwritableError | DeliveryPage | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError
     """


    return (await asyncio_detailed(
        webhook_id=webhook_id,
client=client,
status=status,
limit=limit,
cursor=cursor,

    )).parsed
