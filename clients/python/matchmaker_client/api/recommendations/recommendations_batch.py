from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.batch_recommendation import BatchRecommendation
from ...models.error_body import ErrorBody
from ...models.incubator_batch import IncubatorBatch
from ...models.partner_batch import PartnerBatch
from ...models.scenario_batch import ScenarioBatch
from ...models.startup_batch import StartupBatch
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: IncubatorBatch | PartnerBatch | ScenarioBatch | StartupBatch,
    accept_language: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["accept-language"] = accept_language

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/recommendations/batch",
    }

    
    if isinstance(body, StartupBatch):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, IncubatorBatch):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, PartnerBatch):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()


    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BatchRecommendation | ErrorBody | None:
    if response.status_code == 200:
        response_200 = BatchRecommendation.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())



        return response_401

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

    if response.status_code == 503:
        response_503 = ErrorBody.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BatchRecommendation | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IncubatorBatch | PartnerBatch | ScenarioBatch | StartupBatch,
    accept_language: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[BatchRecommendation | ErrorBody]:
    """ Recommend Batch

     Up to 100 unsaved profiles of one kind, embedded in one batch; one result per profile, in order.
    Nothing is saved.

    Args:
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        idempotency_key (str | Unset):
        body (IncubatorBatch | PartnerBatch | ScenarioBatch | StartupBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchRecommendation | ErrorBody]
     """


    kwargs = _get_kwargs(
        body=body,
accept_language=accept_language,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: IncubatorBatch | PartnerBatch | ScenarioBatch | StartupBatch,
    accept_language: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> BatchRecommendation | ErrorBody | None:
    """ Recommend Batch

     Up to 100 unsaved profiles of one kind, embedded in one batch; one result per profile, in order.
    Nothing is saved.

    Args:
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        idempotency_key (str | Unset):
        body (IncubatorBatch | PartnerBatch | ScenarioBatch | StartupBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchRecommendation | ErrorBody
     """


    return sync_detailed(
        client=client,
body=body,
accept_language=accept_language,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IncubatorBatch | PartnerBatch | ScenarioBatch | StartupBatch,
    accept_language: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[BatchRecommendation | ErrorBody]:
    """ Recommend Batch

     Up to 100 unsaved profiles of one kind, embedded in one batch; one result per profile, in order.
    Nothing is saved.

    Args:
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        idempotency_key (str | Unset):
        body (IncubatorBatch | PartnerBatch | ScenarioBatch | StartupBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchRecommendation | ErrorBody]
     """


    kwargs = _get_kwargs(
        body=body,
accept_language=accept_language,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IncubatorBatch | PartnerBatch | ScenarioBatch | StartupBatch,
    accept_language: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> BatchRecommendation | ErrorBody | None:
    """ Recommend Batch

     Up to 100 unsaved profiles of one kind, embedded in one batch; one result per profile, in order.
    Nothing is saved.

    Args:
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        idempotency_key (str | Unset):
        body (IncubatorBatch | PartnerBatch | ScenarioBatch | StartupBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchRecommendation | ErrorBody
     """


    return (await asyncio_detailed(
        client=client,
body=body,
accept_language=accept_language,
idempotency_key=idempotency_key,

    )).parsed
