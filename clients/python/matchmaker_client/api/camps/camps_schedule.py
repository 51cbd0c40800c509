from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.camps_schedule_format import CampsScheduleFormat
from ...models.database_unavailable_error import DatabaseUnavailableError
from ...models.forbidden_error import ForbiddenError
from ...models.not_found_error import NotFoundError
from ...models.rate_limited_error import RateLimitedError
from ...models.schedule_read import ScheduleRead
from ...models.storage_unwritable_error import StorageUnwritableError
from ...models.unauthorized_error import UnauthorizedError
from ...models.validation_failed_error import ValidationFailedError
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    camp_id: int,
    *,
    startup_id: int | Unset = UNSET,
    host_id: int | Unset = UNSET,
    format_: CampsScheduleFormat | Unset = CampsScheduleFormat.JSON,
    accept_language: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["accept-language"] = accept_language



    

    params: dict[str, Any] = {}

    params["startup_id"] = startup_id

    params["host_id"] = host_id

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/camps/{camp_id}/schedule".format(camp_id=quote(str(camp_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | RateLimitedError | ScheduleRead | UnauthorizedError | ValidationFailedError | None:
    if response.status_code == 200:
        response_200 = ScheduleRead.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | RateLimitedError | ScheduleRead | UnauthorizedError | ValidationFailedError]:
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
    startup_id: int | Unset = UNSET,
    host_id: int | Unset = UNSET,
    format_: CampsScheduleFormat | Unset = CampsScheduleFormat.JSON,
    accept_language: str | Unset = UNSET,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | RateLimitedError | ScheduleRead | UnauthorizedError | ValidationFailedError]:
    """ Read Schedule

     Matchmaking-day meetings of allocated and connected pairs; one participant's if asked.

    Args:
        camp_id (int): a positive id
        startup_id (int | Unset):
        host_id (int | Unset):
        format_ (CampsScheduleFormat | Unset):  Default: CampsScheduleFormat.JSON.
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | RateLimitedError | ScheduleRead | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        camp_id=camp_id,
startup_id=startup_id,
host_id=host_id,
format_=format_,
accept_language=accept_language,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    camp_id: int,
    *,
    client: AuthenticatedClient,
    startup_id: int | Unset = UNSET,
    host_id: int | Unset = UNSET,
    format_: CampsScheduleFormat | Unset = CampsScheduleFormat.JSON,
    accept_language: str | Unset = UNSET,

) -> DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | RateLimitedError | ScheduleRead | UnauthorizedError | ValidationFailedError | None:
    """ Read Schedule

     Matchmaking-day meetings of allocated and connected pairs; one participant's if asked.

    Args:
        camp_id (int): a positive id
        startup_id (int | Unset):
        host_id (int | Unset):
        format_ (CampsScheduleFormat | Unset):  Default: CampsScheduleFormat.JSON.
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | RateLimitedError | ScheduleRead | UnauthorizedError | ValidationFailedError
     """


    return sync_detailed(
        camp_id=camp_id,
client=client,
startup_id=startup_id,
host_id=host_id,
format_=format_,
accept_language=accept_language,

    ).parsed

async def asyncio_detailed(
    camp_id: int,
    *,
    client: AuthenticatedClient,
    startup_id: int | Unset = UNSET,
    host_id: int | Unset = UNSET,
    format_: CampsScheduleFormat | Unset = CampsScheduleFormat.JSON,
    accept_language: str | Unset = UNSET,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | RateLimitedError | ScheduleRead | UnauthorizedError | ValidationFailedError]:
    """ Read Schedule

     Matchmaking-day meetings of allocated and connected pairs; one participant's if asked.

    Args:
        camp_id (int): a positive id
        startup_id (int | Unset):
        host_id (int | Unset):
        format_ (CampsScheduleFormat | Unset):  Default: CampsScheduleFormat.JSON.
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | RateLimitedError | ScheduleRead | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        camp_id=camp_id,
startup_id=startup_id,
host_id=host_id,
format_=format_,
accept_language=accept_language,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    camp_id: int,
    *,
    client: AuthenticatedClient,
    startup_id: int | Unset = UNSET,
    host_id: int | Unset = UNSET,
    format_: CampsScheduleFormat | Unset = CampsScheduleFormat.JSON,
    accept_language: str | Unset = UNSET,

) -> DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | RateLimitedError | ScheduleRead | UnauthorizedError | ValidationFailedError | None:
    """ Read Schedule

     Matchmaking-day meetings of allocated and connected pairs; one participant's if asked.

    Args:
        camp_id (int): a positive id
        startup_id (int | Unset):
        host_id (int | Unset):
        format_ (CampsScheduleFormat | Unset):  Default: CampsScheduleFormat.JSON.
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUnavailableError | StorageUnwritableError | ForbiddenError | NotFoundError | RateLimitedError | ScheduleRead | UnauthorizedError | ValidationFailedError
     """


    return (await asyncio_detailed(
        camp_id=camp_id,
client=client,
startup_id=startup_id,
host_id=host_id,
format_=format_,
accept_language=accept_language,

    )).parsed
