from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.database_unavailable_error import DatabaseUnavailableError
from ...models.match_event_read import MatchEventRead
from ...models.not_found_error import NotFoundError
from ...models.rate_limited_error import RateLimitedError
from ...models.storage_unwritable_error import StorageUnwritableError
from ...models.unauthorized_error import UnauthorizedError
from ...models.validation_failed_error import ValidationFailedError
from typing import cast



def _get_kwargs(
    match_id: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/matches/{match_id}/events".format(match_id=quote(str(match_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DatabaseUnavailableError | StorageUnwritableError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | list[MatchEventRead] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = MatchEventRead.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DatabaseUnavailableError | StorageUnwritableError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | list[MatchEventRead]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    match_id: int,
    *,
    client: AuthenticatedClient,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | list[MatchEventRead]]:
    """ Match Events

     The append-only history of a match: who did what, when, and the score behind it.

    Args:
        match_id (int): a positive id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUnavailableError | StorageUnwritableError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | list[MatchEventRead]]
     """


    kwargs = _get_kwargs(
        match_id=match_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    match_id: int,
    *,
    client: AuthenticatedClient,

) -> DatabaseUnavailableError | StorageUnwritableError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | list[MatchEventRead] | None:
    """ Match Events

     The append-only history of a match: who did what, when, and the score behind it.

    Args:
        match_id (int): a positive id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUnavailableError | StorageUnwritableError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | list[MatchEventRead]
     """


    return sync_detailed(
        match_id=match_id,
client=client,

    ).parsed

async def asyncio_detailed(
    match_id: int,
    *,
    client: AuthenticatedClient,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | list[MatchEventRead]]:
    """ Match Events

     The append-only history of a match: who did what, when, and the score behind it.

    Args:
        match_id (int): a positive id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUnavailableError | StorageUnwritableError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | list[MatchEventRead]]
     """


    kwargs = _get_kwargs(
        match_id=match_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    match_id: int,
    *,
    client: AuthenticatedClient,

) -> DatabaseUnavailableError | StorageUnwritableError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | list[MatchEventRead] | None:
    """ Match Events

     The append-only history of a match: who did what, when, and the score behind it.

    Args:
        match_id (int): a positive id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUnavailableError | StorageUnwritableError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | list[MatchEventRead]
     """


    return (await asyncio_detailed(
        match_id=match_id,
client=client,

    )).parsed
