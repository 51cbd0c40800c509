from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_body import ErrorBody
from ...models.key_issued import KeyIssued
from ...models.key_rotate import KeyRotate
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    key_id: int,
    *,
    body: KeyRotate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/keys/{key_id}/rotate".format(key_id=quote(str(key_id), safe=""),),
    }

    
    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorBody | KeyIssued | None:
    if response.status_code == 201:
        response_201 = KeyIssued.from_dict(response.json())



        return response_201

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorBody | KeyIssued]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    key_id: int,
    *,
    client: AuthenticatedClient,
    body: KeyRotate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[ErrorBody | KeyIssued]:
    """ Rotate Key

     Replace one of your keys: a new key is returned (once) and the old one is revoked.

    Args:
        key_id (int): a positive id
        idempotency_key (str | Unset):
        body (KeyRotate | Unset): Options of a rotation; by default the new key keeps the old
            key's lifetime.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | KeyIssued]
     """


    kwargs = _get_kwargs(
        key_id=key_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    key_id: int,
    *,
    client: AuthenticatedClient,
    body: KeyRotate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> ErrorBody | KeyIssued | None:
    """ Rotate Key

     Replace one of your keys: a new key is returned (once) and the old one is revoked.

    Args:
        key_id (int): a positive id
        idempotency_key (str | Unset):
        body (KeyRotate | Unset): Options of a rotation; by default the new key keeps the old
            key's lifetime.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | KeyIssued
     """


    return sync_detailed(
        key_id=key_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    key_id: int,
    *,
    client: AuthenticatedClient,
    body: KeyRotate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[ErrorBody | KeyIssued]:
    """ Rotate Key

     Replace one of your keys: a new key is returned (once) and the old one is revoked.

    Args:
        key_id (int): a positive id
        idempotency_key (str | Unset):
        body (KeyRotate | Unset): Options of a rotation; by default the new key keeps the old
            key's lifetime.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | KeyIssued]
     """


    kwargs = _get_kwargs(
        key_id=key_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    key_id: int,
    *,
    client: AuthenticatedClient,
    body: KeyRotate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> ErrorBody | KeyIssued | None:
    """ Rotate Key

     Replace one of your keys: a new key is returned (once) and the old one is revoked.

    Args:
        key_id (int): a positive id
        idempotency_key (str | Unset):
        body (KeyRotate | Unset): Options of a rotation; by default the new key keeps the old
            key's lifetime.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | KeyIssued
     """


    return (await asyncio_detailed(
        key_id=key_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
