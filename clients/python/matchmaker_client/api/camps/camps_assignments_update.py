from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.assignment_read import AssignmentRead
from ...models.assignment_update import AssignmentUpdate
from ...models.conflict_error import ConflictError
from ...models.database_unavailable_error import DatabaseUnavailableError
from ...models.forbidden_error import ForbiddenError
from ...models.no_free_place_error import NoFreePlaceError
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
    startup_id: int,
    *,
    body: AssignmentUpdate,
    accept_language: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["accept-language"] = accept_language



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/camps/{camp_id}/assignments/{startup_id}".format(camp_id=quote(str(camp_id), safe=""),startup_id=quote(str(startup_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AssignmentRead | ConflictError | NoFreePlaceError | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | ValidationFailedError | None:
    if response.status_code == 200:
        response_200 = AssignmentRead.from_dict(response.json())



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
        def _parse_response_409(data: object) -> ConflictError | NoFreePlaceError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_409_type_0 = ConflictError.from_dict(data)



                return response_409_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_409_type_1 = NoFreePlaceError.from_dict(data)



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AssignmentRead | ConflictError | NoFreePlaceError | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | ValidationFailedError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    camp_id: int,
    startup_id: int,
    *,
    client: AuthenticatedClient,
    body: AssignmentUpdate,
    accept_language: str | Unset = UNSET,

) -> Response[AssignmentRead | ConflictError | NoFreePlaceError | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | ValidationFailedError]:
    """ Adjust

     Move or lock an assignment (camp managers); audited, and locked ones survive re-runs.

    Args:
        camp_id (int): a positive id
        startup_id (int): a positive id
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        body (AssignmentUpdate): Move a startup to another host and/or lock it; every change is
            audited.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssignmentRead | ConflictError | NoFreePlaceError | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        camp_id=camp_id,
startup_id=startup_id,
body=body,
accept_language=accept_language,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    camp_id: int,
    startup_id: int,
    *,
    client: AuthenticatedClient,
    body: AssignmentUpdate,
    accept_language: str | Unset = UNSET,

) -> AssignmentRead | ConflictError | NoFreePlaceError | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | ValidationFailedError | None:
    """ Adjust

     Move or lock an assignment (camp managers); audited, and locked ones survive re-runs.

    Args:
        camp_id (int): a positive id
        startup_id (int): a positive id
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        body (AssignmentUpdate): Move a startup to another host and/or lock it; every change is
            audited.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssignmentRead | ConflictError | NoFreePlaceError | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | ValidationFailedError
     """


    return sync_detailed(
        camp_id=camp_id,
startup_id=startup_id,
client=client,
body=body,
accept_language=accept_language,

    ).parsed

async def asyncio_detailed(
    camp_id: int,
    startup_id: int,
    *,
    client: AuthenticatedClient,
    body: AssignmentUpdate,
    accept_language: str | Unset = UNSET,

) -> Response[AssignmentRead | ConflictError | NoFreePlaceError | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | ValidationFailedError]:
    """ Adjust

     Move or lock an assignment (camp managers); audited, and locked ones survive re-runs.

    Args:
        camp_id (int): a positive id
        startup_id (int): a positive id
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        body (AssignmentUpdate): Move a startup to another host and/or lock it; every change is
            audited.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssignmentRead | ConflictError | NoFreePlaceError | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        camp_id=camp_id,
startup_id=startup_id,
body=body,
accept_language=accept_language,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    camp_id: int,
    startup_id: int,
    *,
    client: AuthenticatedClient,
    body: AssignmentUpdate,
    accept_language: str | Unset = UNSET,

) -> AssignmentRead | ConflictError | NoFreePlaceError | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | ValidationFailedError | None:
    """ Adjust

     Move or lock an assignment (camp managers); audited, and locked ones survive re-runs.

    Args:
        camp_id (int): a positive id
        startup_id (int): a positive id
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.
        body (AssignmentUpdate): Move a startup to another host and/or lock it; every change is
            audited.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssignmentRead | ConflictError | NoFreePlaceError | DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | PayloadTooLargeError | RateLimitedError | UnauthorizedError | UnsupportedMediaTypeError | ValidationFailedError
     """


    return (await asyncio_detailed(
        camp_id=camp_id,
startup_id=startup_id,
client=client,
body=body,
accept_language=accept_language,

    )).parsed
