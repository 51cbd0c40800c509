from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.batch_recommendation import BatchRecommendation
from ...models.database_unavailable_error import DatabaseUnavailableError
from ...models.idempotency_in_progress_error import IdempotencyInProgressError
from ...models.idempotency_key_reused_error import IdempotencyKeyReusedError
from ...models.idempotency_response_lost_error import IdempotencyResponseLostError
from ...models.incubator_batch import IncubatorBatch
from ...models.partner_batch import PartnerBatch
from ...models.payload_too_large_error import PayloadTooLargeError
from ...models.rate_limited_error import RateLimitedError
from ...models.scenario_batch import ScenarioBatch
from ...models.startup_batch import StartupBatch
from ...models.storage_unwritable_error import StorageUnwritableError
from ...models.unauthorized_error import UnauthorizedError
from ...models.unavailable_error import UnavailableError
from ...models.unsupported_media_type_error import UnsupportedMediaTypeError
from ...models.validation_failed_error import ValidationFailedError
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



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BatchRecommendation | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | None:
    if response.status_code == 200:
        response_200 = BatchRecommendation.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = UnauthorizedError.from_dict(response.json())



        return response_401

    if response.status_code == 409:
        def _parse_response_409(data: object) -> IdempotencyInProgressError | IdempotencyResponseLostError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_409_type_0 = IdempotencyInProgressError.from_dict(data)



                return response_409_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_409_type_1 = IdempotencyResponseLostError.from_dict(data)



            return response_409_type_1

        response_409 = _parse_response_409(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = PayloadTooLargeError.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = UnsupportedMediaTypeError.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        def _parse_response_422(data: object) -> IdempotencyKeyReusedError | ValidationFailedError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_422_type_0 = ValidationFailedError.from_dict(data)



                return response_422_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_422_type_1 = IdempotencyKeyReusedError.from_dict(data)



            return response_422_type_1

        response_422 = _parse_response_422(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = RateLimitedError.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        def _parse_response_503(data: object) -> DatabaseUnavailableError | StorageUnwritableError | UnavailableError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_503_type_0 = UnavailableError.from_dict(data)



                return response_503_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_503_type_1 = DatabaseUnavailableError.from_dict(data)



                return response_503_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_503_type_2 = StorageUnwritableError.from_dict(data)



            return response_503_type_2

        response_503 = _parse_response_503(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BatchRecommendation | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError]:
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

) -> Response[BatchRecommendation | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError]:
    """ Recommend Batch

     Up to 100 unsaved profiles of one kind, embedded in one batch; one result per profile, in order.
    Nothing is saved. The profiles' texts (every string field) may add up to 100000 characters. A batch
    costs one request of the rate limit per profile (at most the burst); when the bucket holds fewer, it
    gets 429 with `Retry-After`.

    Args:
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        idempotency_key (str | Unset):
        body (IncubatorBatch | PartnerBatch | ScenarioBatch | StartupBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchRecommendation | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError]
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

) -> BatchRecommendation | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | None:
    """ Recommend Batch

     Up to 100 unsaved profiles of one kind, embedded in one batch; one result per profile, in order.
    Nothing is saved. The profiles' texts (every string field) may add up to 100000 characters. A batch
    costs one request of the rate limit per profile (at most the burst); when the bucket holds fewer, it
    gets 429 with `Retry-After`.

    Args:
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        idempotency_key (str | Unset):
        body (IncubatorBatch | PartnerBatch | ScenarioBatch | StartupBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchRecommendation | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError
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

) -> Response[BatchRecommendation | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError]:
    """ Recommend Batch

     Up to 100 unsaved profiles of one kind, embedded in one batch; one result per profile, in order.
    Nothing is saved. The profiles' texts (every string field) may add up to 100000 characters. A batch
    costs one request of the rate limit per profile (at most the burst); when the bucket holds fewer, it
    gets 429 with `Retry-After`.

    Args:
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        idempotency_key (str | Unset):
        body (IncubatorBatch | PartnerBatch | ScenarioBatch | StartupBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchRecommendation | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError]
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

) -> BatchRecommendation | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | None:
    """ Recommend Batch

     Up to 100 unsaved profiles of one kind, embedded in one batch; one result per profile, in order.
    Nothing is saved. The profiles' texts (every string field) may add up to 100000 characters. A batch
    costs one request of the rate limit per profile (at most the burst); when the bucket holds fewer, it
    gets 429 with `Retry-After`.

    Args:
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        idempotency_key (str | Unset):
        body (IncubatorBatch | PartnerBatch | ScenarioBatch | StartupBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchRecommendation | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError
     """


    return (await asyncio_detailed(
        client=client,
body=body,
accept_language=accept_language,
idempotency_key=idempotency_key,

    )).parsed
