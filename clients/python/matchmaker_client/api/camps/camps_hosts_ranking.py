from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_body import ErrorBody
from ...models.ranking_read import RankingRead
from ...models.ranking_update import RankingUpdate
from typing import cast



def _get_kwargs(
    camp_id: int,
    host_id: int,
    *,
    body: RankingUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/camps/{camp_id}/hosts/{host_id}/ranking".format(camp_id=quote(str(camp_id), safe=""),host_id=quote(str(host_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorBody | RankingRead | None:
    if response.status_code == 200:
        response_200 = RankingRead.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = ErrorBody.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = ErrorBody.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = ErrorBody.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = ErrorBody.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorBody | RankingRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    camp_id: int,
    host_id: int,
    *,
    client: AuthenticatedClient,
    body: RankingUpdate,

) -> Response[ErrorBody | RankingRead]:
    """ Rank

     Replace a host's ranking of applicants (the camp's manager or the host's own).

    Args:
        camp_id (int): a positive id
        host_id (int): a positive id
        body (RankingUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RankingRead]
     """


    kwargs = _get_kwargs(
        camp_id=camp_id,
host_id=host_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    camp_id: int,
    host_id: int,
    *,
    client: AuthenticatedClient,
    body: RankingUpdate,

) -> ErrorBody | RankingRead | None:
    """ Rank

     Replace a host's ranking of applicants (the camp's manager or the host's own).

    Args:
        camp_id (int): a positive id
        host_id (int): a positive id
        body (RankingUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RankingRead
     """


    return sync_detailed(
        camp_id=camp_id,
host_id=host_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    camp_id: int,
    host_id: int,
    *,
    client: AuthenticatedClient,
    body: RankingUpdate,

) -> Response[ErrorBody | RankingRead]:
    """ Rank

     Replace a host's ranking of applicants (the camp's manager or the host's own).

    Args:
        camp_id (int): a positive id
        host_id (int): a positive id
        body (RankingUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RankingRead]
     """


    kwargs = _get_kwargs(
        camp_id=camp_id,
host_id=host_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    camp_id: int,
    host_id: int,
    *,
    client: AuthenticatedClient,
    body: RankingUpdate,

) -> ErrorBody | RankingRead | None:
    """ Rank

     Replace a host's ranking of applicants (the camp's manager or the host's own).

    Args:
        camp_id (int): a positive id
        host_id (int): a positive id
        body (RankingUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RankingRead
     """


    return (await asyncio_detailed(
        camp_id=camp_id,
host_id=host_id,
client=client,
body=body,

    )).parsed
