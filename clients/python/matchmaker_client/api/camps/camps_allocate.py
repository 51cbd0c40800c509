from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.allocate_request import AllocateRequest
from ...models.allocation_read import AllocationRead
from ...models.error_body import ErrorBody
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    camp_id: int,
    *,
    body: AllocateRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/camps/{camp_id}/allocate".format(camp_id=quote(str(camp_id), safe=""),),
    }

    
    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AllocationRead | ErrorBody | None:
    if response.status_code == 200:
        response_200 = AllocationRead.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = ErrorBody.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AllocationRead | ErrorBody]:
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
    body: AllocateRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[AllocationRead | ErrorBody]:
    """ Allocate

     Allocate places by deferred acceptance; locked assignments are kept (camp managers).

    Args:
        camp_id (int): a positive id
        idempotency_key (str | Unset):
        body (AllocateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AllocationRead | ErrorBody]
     """


    kwargs = _get_kwargs(
        camp_id=camp_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    camp_id: int,
    *,
    client: AuthenticatedClient,
    body: AllocateRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> AllocationRead | ErrorBody | None:
    """ Allocate

     Allocate places by deferred acceptance; locked assignments are kept (camp managers).

    Args:
        camp_id (int): a positive id
        idempotency_key (str | Unset):
        body (AllocateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AllocationRead | ErrorBody
     """


    return sync_detailed(
        camp_id=camp_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    camp_id: int,
    *,
    client: AuthenticatedClient,
    body: AllocateRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[AllocationRead | ErrorBody]:
    """ Allocate

     Allocate places by deferred acceptance; locked assignments are kept (camp managers).

    Args:
        camp_id (int): a positive id
        idempotency_key (str | Unset):
        body (AllocateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AllocationRead | ErrorBody]
     """


    kwargs = _get_kwargs(
        camp_id=camp_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    camp_id: int,
    *,
    client: AuthenticatedClient,
    body: AllocateRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> AllocationRead | ErrorBody | None:
    """ Allocate

     Allocate places by deferred acceptance; locked assignments are kept (camp managers).

    Args:
        camp_id (int): a positive id
        idempotency_key (str | Unset):
        body (AllocateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AllocationRead | ErrorBody
     """


    return (await asyncio_detailed(
        camp_id=camp_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
