from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.database_unavailable_error import DatabaseUnavailableError
from ...models.forbidden_error import ForbiddenError
from ...models.idempotency_in_progress_error import IdempotencyInProgressError
from ...models.idempotency_key_reused_error import IdempotencyKeyReusedError
from ...models.idempotency_response_lost_error import IdempotencyResponseLostError
from ...models.import_job_read import ImportJobRead
from ...models.import_queue_full_error import ImportQueueFullError
from ...models.import_upload import ImportUpload
from ...models.payload_too_large_error import PayloadTooLargeError
from ...models.rate_limited_error import RateLimitedError
from ...models.storage_unwritable_error import StorageUnwritableError
from ...models.unauthorized_error import UnauthorizedError
from ...models.validation_failed_error import ValidationFailedError
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: ImportUpload,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/imports",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | ImportQueueFullError | IdempotencyKeyReusedError | ValidationFailedError | ImportJobRead | PayloadTooLargeError | RateLimitedError | UnauthorizedError | None:
    if response.status_code == 202:
        response_202 = ImportJobRead.from_dict(response.json())



        return response_202

    if response.status_code == 401:
        response_401 = UnauthorizedError.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ForbiddenError.from_dict(response.json())



        return response_403

    if response.status_code == 409:
        def _parse_response_409(data: object) -> IdempotencyInProgressError | IdempotencyResponseLostError | ImportQueueFullError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_409_type_0 = ImportQueueFullError.from_dict(data)



                return response_409_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_409_type_1 = IdempotencyInProgressError.from_dict(data)



                return response_409_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_409_type_2 = IdempotencyResponseLostError.from_dict(data)



            return response_409_type_2

        response_409 = _parse_response_409(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = PayloadTooLargeError.from_dict(response.json())



        return response_413

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | ImportQueueFullError | IdempotencyKeyReusedError | ValidationFailedError | ImportJobRead | PayloadTooLargeError | RateLimitedError | UnauthorizedError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportUpload,
    idempotency_key: str | Unset = UNSET,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | ImportQueueFullError | IdempotencyKeyReusedError | ValidationFailedError | ImportJobRead | PayloadTooLargeError | RateLimitedError | UnauthorizedError]:
    """ Create Import

     Upload a file of profiles; it is imported in the background. Poll the job for progress.

    Args:
        idempotency_key (str | Unset):
        body (ImportUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | ImportQueueFullError | IdempotencyKeyReusedError | ValidationFailedError | ImportJobRead | PayloadTooLargeError | RateLimitedError | UnauthorizedError]
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
    body: ImportUpload,
    idempotency_key: str | Unset = UNSET,

) -> DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | ImportQueueFullError | IdempotencyKeyReusedError | ValidationFailedError | ImportJobRead | PayloadTooLargeError | RateLimitedError | UnauthorizedError | None:
    """ Create Import

     Upload a file of profiles; it is imported in the background. Poll the job for progress.

    Args:
        idempotency_key (str | Unset):
        body (ImportUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | ImportQueueFullError | IdempotencyKeyReusedError | ValidationFailedError | ImportJobRead | PayloadTooLargeError | RateLimitedError | UnauthorizedError
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportUpload,
    idempotency_key: str | Unset = UNSET,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | ImportQueueFullError | IdempotencyKeyReusedError | ValidationFailedError | ImportJobRead | PayloadTooLargeError | RateLimitedError | UnauthorizedError]:
    """ Create Import

     Upload a file of profiles; it is imported in the background. Poll the job for progress.

    Args:
        idempotency_key (str | Unset):
        body (ImportUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | ImportQueueFullError | IdempotencyKeyReusedError | ValidationFailedError | ImportJobRead | PayloadTooLargeError | RateLimitedError | UnauthorizedError]
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
    body: ImportUpload,
    idempotency_key: str | Unset = UNSET,

) -> DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | ImportQueueFullError | IdempotencyKeyReusedError | ValidationFailedError | ImportJobRead | PayloadTooLargeError | RateLimitedError | UnauthorizedError | None:
    """ Create Import

     Upload a file of profiles; it is imported in the background. Poll the job for progress.

    Args:
        idempotency_key (str | Unset):
        body (ImportUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | IdempotencyInProgressError | IdempotencyResponseLostError | ImportQueueFullError | IdempotencyKeyReusedError | ValidationFailedError | ImportJobRead | PayloadTooLargeError | RateLimitedError | UnauthorizedError
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
