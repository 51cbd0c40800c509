from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.assignment_event_read import AssignmentEventRead
from ...models.error_body import ErrorBody
from typing import cast



def _get_kwargs(
    camp_id: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/camps/{camp_id}/assignments/events".format(camp_id=quote(str(camp_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorBody | list[AssignmentEventRead] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = AssignmentEventRead.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorBody | list[AssignmentEventRead]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    camp_id: int,
    *,
    client: AuthenticatedClient,

) -> Response[ErrorBody | list[AssignmentEventRead]]:
    """ Assignment Events

     The audit trail of manual changes, oldest first (camp managers).

    Args:
        camp_id (int): a positive id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[AssignmentEventRead]]
     """


    kwargs = _get_kwargs(
        camp_id=camp_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    camp_id: int,
    *,
    client: AuthenticatedClient,

) -> ErrorBody | list[AssignmentEventRead] | None:
    """ Assignment Events

     The audit trail of manual changes, oldest first (camp managers).

    Args:
        camp_id (int): a positive id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[AssignmentEventRead]
     """


    return sync_detailed(
        camp_id=camp_id,
client=client,

    ).parsed

async def asyncio_detailed(
    camp_id: int,
    *,
    client: AuthenticatedClient,

) -> Response[ErrorBody | list[AssignmentEventRead]]:
    """ Assignment Events

     The audit trail of manual changes, oldest first (camp managers).

    Args:
        camp_id (int): a positive id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[AssignmentEventRead]]
     """


    kwargs = _get_kwargs(
        camp_id=camp_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    camp_id: int,
    *,
    client: AuthenticatedClient,

) -> ErrorBody | list[AssignmentEventRead] | None:
    """ Assignment Events

     The audit trail of manual changes, oldest first (camp managers).

    Args:
        camp_id (int): a positive id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[AssignmentEventRead]
     """


    return (await asyncio_detailed(
        camp_id=camp_id,
client=client,

    )).parsed
