from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.allocate_request import AllocateRequest
from ...models.allocation_read import AllocationRead
from ...models.database_unavailable_error import DatabaseUnavailableError
from ...models.forbidden_error import ForbiddenError
from ...models.idempotency_in_progress_error import IdempotencyInProgressError
from ...models.idempotency_key_reused_error import IdempotencyKeyReusedError
from ...models.idempotency_response_lost_error import IdempotencyResponseLostError
from ...models.not_found_error import NotFoundError
from ...models.payload_too_large_error import PayloadTooLargeError
from ...models.rate_limited_error import RateLimitedError
from ...models.storage_unwritable_error import StorageUnwritableError
from ...models.unauthorized_error import UnauthorizedError
from ...models.unsupported_media_type_error import UnsupportedMediaTypeError
from ...models.validation_failed_error import ValidationFailedError
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    camp_id: int,
    *,
    body: AllocateRequest | Unset = UNSET,
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
        "url": "/v1/camps/{camp_id}/allocate".format(camp_id=quote(str(camp_id), safe=""),),
    }

    
    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AllocationRead | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | None:
    if response.status_code == 200:
        response_200 = AllocationRead.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = UnauthorizedError.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ForbiddenError.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = NotFoundError.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AllocationRead | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError]:
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
    accept_language: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[AllocationRead | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError]:
    """ Allocate

     Allocate places by deferred acceptance; locked assignments are kept (camp managers).

    Args:
        camp_id (int): a positive id
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        idempotency_key (str | Unset):
        body (AllocateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AllocationRead | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError]
     """


    kwargs = _get_kwargs(
        camp_id=camp_id,
body=body,
accept_language=accept_language,
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
    accept_language: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> AllocationRead | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | None:
    """ Allocate

     Allocate places by deferred acceptance; locked assignments are kept (camp managers).

    Args:
        camp_id (int): a positive id
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        idempotency_key (str | Unset):
        body (AllocateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AllocationRead | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError
     """


    return sync_detailed(
        camp_id=camp_id,
client=client,
body=body,
accept_language=accept_language,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    camp_id: int,
    *,
    client: AuthenticatedClient,
    body: AllocateRequest | Unset = UNSET,
    accept_language: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[AllocationRead | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError]:
    """ Allocate

     Allocate places by deferred acceptance; locked assignments are kept (camp managers).

    Args:
        camp_id (int): a positive id
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        idempotency_key (str | Unset):
        body (AllocateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AllocationRead | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError]
     """


    kwargs = _get_kwargs(
        camp_id=camp_id,
body=body,
accept_language=accept_language,
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
    accept_language: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> AllocationRead | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | None:
    """ Allocate

     Allocate places by deferred acceptance; locked assignments are kept (camp managers).

    Args:
        camp_id (int): a positive id
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        idempotency_key (str | Unset):
        body (AllocateRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AllocationRead | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | IdempotencyKeyReusedError | ValidationFailedError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError
     """


    return (await asyncio_detailed(
        camp_id=camp_id,
client=client,
body=body,
accept_language=accept_language,
idempotency_key=idempotency_key,

    )).parsed
