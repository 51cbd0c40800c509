from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_body import ErrorBody
from ...models.merge_create import MergeCreate
from ...models.merge_read import MergeRead
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: MergeCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/admin/duplicates/merge",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorBody | MergeRead | None:
    if response.status_code == 201:
        response_201 = MergeRead.from_dict(response.json())



        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorBody | MergeRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MergeCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[ErrorBody | MergeRead]:
    """ Merge a duplicate profile into another

     Move the matches (with their events), camp entries and bindings of ``merge_id`` to
    ``keep_id`` and delete ``merge_id``, in one transaction; returns the audit record.

    Args:
        idempotency_key (str | Unset):
        body (MergeCreate): Merge ``merge_id`` into ``keep_id`` (both of ``kind``); ``merge_id``
            is deleted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | MergeRead]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: MergeCreate,
    idempotency_key: str | Unset = UNSET,

) -> ErrorBody | MergeRead | None:
    """ Merge a duplicate profile into another

     Move the matches (with their events), camp entries and bindings of ``merge_id`` to
    ``keep_id`` and delete ``merge_id``, in one transaction; returns the audit record.

    Args:
        idempotency_key (str | Unset):
        body (MergeCreate): Merge ``merge_id`` into ``keep_id`` (both of ``kind``); ``merge_id``
            is deleted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | MergeRead
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MergeCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[ErrorBody | MergeRead]:
    """ Merge a duplicate profile into another

     Move the matches (with their events), camp entries and bindings of ``merge_id`` to
    ``keep_id`` and delete ``merge_id``, in one transaction; returns the audit record.

    Args:
        idempotency_key (str | Unset):
        body (MergeCreate): Merge ``merge_id`` into ``keep_id`` (both of ``kind``); ``merge_id``
            is deleted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | MergeRead]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MergeCreate,
    idempotency_key: str | Unset = UNSET,

) -> ErrorBody | MergeRead | None:
    """ Merge a duplicate profile into another

     Move the matches (with their events), camp entries and bindings of ``merge_id`` to
    ``keep_id`` and delete ``merge_id``, in one transaction; returns the audit record.

    Args:
        idempotency_key (str | Unset):
        body (MergeCreate): Merge ``merge_id`` into ``keep_id`` (both of ``kind``); ``merge_id``
            is deleted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | MergeRead
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
