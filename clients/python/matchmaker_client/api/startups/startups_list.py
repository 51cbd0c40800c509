from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.database_unavailable_error import DatabaseUnavailableError
from ...models.domain import Domain
from ...models.rate_limited_error import RateLimitedError
from ...models.region import Region
from ...models.stage import Stage
from ...models.startup_page import StartupPage
from ...models.storage_unwritable_error import StorageUnwritableError
from ...models.unauthorized_error import UnauthorizedError
from ...models.validation_failed_error import ValidationFailedError
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    q: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    domain: list[Domain] | Unset = UNSET,
    stage: list[Stage] | Unset = UNSET,
    region: list[Region] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["q"] = q

    params["limit"] = limit

    params["cursor"] = cursor

    json_domain: list[str] | Unset = UNSET
    if not isinstance(domain, Unset):
        json_domain = []
        for domain_item_data in domain:
            domain_item = domain_item_data.value
            json_domain.append(domain_item)


    params["domain"] = json_domain

    json_stage: list[str] | Unset = UNSET
    if not isinstance(stage, Unset):
        json_stage = []
        for stage_item_data in stage:
            stage_item = stage_item_data.value
            json_stage.append(stage_item)


    params["stage"] = json_stage

    json_region: list[str] | Unset = UNSET
    if not isinstance(region, Unset):
        json_region = []
        for region_item_data in region:
            region_item = region_item_data.value
            json_region.append(region_item)


    params["region"] = json_region


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/startups",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | StartupPage | UnauthorizedError | ValidationFailedError | None:
    if response.status_code == 200:
        response_200 = StartupPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | StartupPage | UnauthorizedError | ValidationFailedError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    domain: list[Domain] | Unset = UNSET,
    stage: list[Stage] | Unset = UNSET,
    region: list[Region] | Unset = UNSET,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | StartupPage | UnauthorizedError | ValidationFailedError]:
    """ List startups

    Args:
        q (str | Unset): words in the name or description (each space-separated term must appear;
            Chinese is matched without spaces)
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page
        domain (list[Domain] | Unset):
        stage (list[Stage] | Unset):
        region (list[Region] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | StartupPage | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        q=q,
limit=limit,
cursor=cursor,
domain=domain,
stage=stage,
region=region,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    domain: list[Domain] | Unset = UNSET,
    stage: list[Stage] | Unset = UNSET,
    region: list[Region] | Unset = UNSET,

) -> DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | StartupPage | UnauthorizedError | ValidationFailedError | None:
    """ List startups

    Args:
        q (str | Unset): words in the name or description (each space-separated term must appear;
            Chinese is matched without spaces)
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page
        domain (list[Domain] | Unset):
        stage (list[Stage] | Unset):
        region (list[Region] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | StartupPage | UnauthorizedError | ValidationFailedError
     """


    return sync_detailed(
        client=client,
q=q,
limit=limit,
cursor=cursor,
domain=domain,
stage=stage,
region=region,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    domain: list[Domain] | Unset = UNSET,
    stage: list[Stage] | Unset = UNSET,
    region: list[Region] | Unset = UNSET,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | StartupPage | UnauthorizedError | ValidationFailedError]:
    """ List startups

    Args:
        q (str | Unset): words in the name or description (each space-separated term must appear;
            Chinese is matched without spaces)
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page
        domain (list[Domain] | Unset):
        stage (list[Stage] | Unset):
        region (list[Region] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | StartupPage | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        q=q,
limit=limit,
cursor=cursor,
domain=domain,
stage=stage,
region=region,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    domain: list[Domain] | Unset = UNSET,
    stage: list[Stage] | Unset = UNSET,
    region: list[Region] | Unset = UNSET,

) -> DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | StartupPage | UnauthorizedError | ValidationFailedError | None:
    """ List startups

    Args:
        q (str | Unset): words in the name or description (each space-separated term must appear;
            Chinese is matched without spaces)
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page
        domain (list[Domain] | Unset):
        stage (list[Stage] | Unset):
        region (list[Region] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUnavailableError | StorageUnwritableError | RateLimitedError | StartupPage | UnauthorizedError | ValidationFailedError
     """


    return (await asyncio_detailed(
        client=client,
q=q,
limit=limit,
cursor=cursor,
domain=domain,
stage=stage,
region=region,

    )).parsed
