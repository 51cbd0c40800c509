from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.camp_page import CampPage
from ...models.database_unavailable_error import DatabaseUnavailableError
from ...models.rate_limited_error import RateLimitedError
from ...models.storage_unwritable_error import StorageUnwritableError
from ...models.unauthorized_error import UnauthorizedError
from ...models.validation_failed_error import ValidationFailedError
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    incubator_id: int | Unset = UNSET,
    partner_id: int | Unset = UNSET,
    managed_by_me: bool | Unset = False,
    hosted_by_me: bool | Unset = False,
    starts_from: datetime.date | Unset = UNSET,
    starts_to: datetime.date | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["incubator_id"] = incubator_id

    params["partner_id"] = partner_id

    params["managed_by_me"] = managed_by_me

    params["hosted_by_me"] = hosted_by_me

    json_starts_from: str | Unset = UNSET
    if not isinstance(starts_from, Unset):
        json_starts_from = starts_from.isoformat()
    params["starts_from"] = json_starts_from

    json_starts_to: str | Unset = UNSET
    if not isinstance(starts_to, Unset):
        json_starts_to = starts_to.isoformat()
    params["starts_to"] = json_starts_to

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/camps",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CampPage | DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    if response.status_code == 200:
        response_200 = CampPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = UnauthorizedError.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CampPage | DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    incubator_id: int | Unset = UNSET,
    partner_id: int | Unset = UNSET,
    managed_by_me: bool | Unset = False,
    hosted_by_me: bool | Unset = False,
    starts_from: datetime.date | Unset = UNSET,
    starts_to: datetime.date | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[CampPage | DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    """ List Camps

     Camps in id order, one page at a time, narrowed by host, by your part, by start date.

    Args:
        incubator_id (int | Unset): camps this incubator hosts
        partner_id (int | Unset): camps this partner hosts
        managed_by_me (bool | Unset): camps your account runs Default: False.
        hosted_by_me (bool | Unset): camps a host you manage takes part in Default: False.
        starts_from (datetime.date | Unset): starting on or after
        starts_to (datetime.date | Unset): starting on or before
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampPage | DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        incubator_id=incubator_id,
partner_id=partner_id,
managed_by_me=managed_by_me,
hosted_by_me=hosted_by_me,
starts_from=starts_from,
starts_to=starts_to,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    incubator_id: int | Unset = UNSET,
    partner_id: int | Unset = UNSET,
    managed_by_me: bool | Unset = False,
    hosted_by_me: bool | Unset = False,
    starts_from: datetime.date | Unset = UNSET,
    starts_to: datetime.date | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> CampPage | DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    """ List Camps

     Camps in id order, one page at a time, narrowed by host, by your part, by start date.

    Args:
        incubator_id (int | Unset): camps this incubator hosts
        partner_id (int | Unset): camps this partner hosts
        managed_by_me (bool | Unset): camps your account runs Default: False.
        hosted_by_me (bool | Unset): camps a host you manage takes part in Default: False.
        starts_from (datetime.date | Unset): starting on or after
        starts_to (datetime.date | Unset): starting on or before
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampPage | DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | UnauthorizedError | ValidationFailedError
     """


    return sync_detailed(
        client=client,
incubator_id=incubator_id,
partner_id=partner_id,
managed_by_me=managed_by_me,
hosted_by_me=hosted_by_me,
starts_from=starts_from,
starts_to=starts_to,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    incubator_id: int | Unset = UNSET,
    partner_id: int | Unset = UNSET,
    managed_by_me: bool | Unset = False,
    hosted_by_me: bool | Unset = False,
    starts_from: datetime.date | Unset = UNSET,
    starts_to: datetime.date | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[CampPage | DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    """ List Camps

     Camps in id order, one page at a time, narrowed by host, by your part, by start date.

    Args:
        incubator_id (int | Unset): camps this incubator hosts
        partner_id (int | Unset): camps this partner hosts
        managed_by_me (bool | Unset): camps your account runs Default: False.
        hosted_by_me (bool | Unset): camps a host you manage takes part in Default: False.
        starts_from (datetime.date | Unset): starting on or after
        starts_to (datetime.date | Unset): starting on or before
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampPage | DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        incubator_id=incubator_id,
partner_id=partner_id,
managed_by_me=managed_by_me,
hosted_by_me=hosted_by_me,
starts_from=starts_from,
starts_to=starts_to,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    incubator_id: int | Unset = UNSET,
    partner_id: int | Unset = UNSET,
    managed_by_me: bool | Unset = False,
    hosted_by_me: bool | Unset = False,
    starts_from: datetime.date | Unset = UNSET,
    starts_to: datetime.date | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> CampPage | DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    """ List Camps

     Camps in id order, one page at a time, narrowed by host, by your part, by start date.

    Args:
        incubator_id (int | Unset): camps this incubator hosts
        partner_id (int | Unset): camps this partner hosts
        managed_by_me (bool | Unset): camps your account runs Default: False.
        hosted_by_me (bool | Unset): camps a host you manage takes part in Default: False.
        starts_from (datetime.date | Unset): starting on or after
        starts_to (datetime.date | Unset): starting on or before
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampPage | DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | UnauthorizedError | ValidationFailedError
     """


    return (await asyncio_detailed(
        client=client,
incubator_id=incubator_id,
partner_id=partner_id,
managed_by_me=managed_by_me,
hosted_by_me=hosted_by_me,
starts_from=starts_from,
starts_to=starts_to,
limit=limit,
cursor=cursor,

    )).parsed
