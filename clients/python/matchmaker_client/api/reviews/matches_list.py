from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.database_unavailable_error import DatabaseUnavailableError
from ...models.match_page import MatchPage
from ...models.rate_limited_error import RateLimitedError
from ...models.state import State
from ...models.storage_unwritable_error import StorageUnwritableError
from ...models.unauthorized_error import UnauthorizedError
from ...models.validation_failed_error import ValidationFailedError
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    incubator_id: int | Unset = UNSET,
    partner_id: int | Unset = UNSET,
    scenario_id: int | Unset = UNSET,
    startup_id: int | Unset = UNSET,
    state: list[State] | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["incubator_id"] = incubator_id

    params["partner_id"] = partner_id

    params["scenario_id"] = scenario_id

    params["startup_id"] = startup_id

    json_state: list[str] | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = []
        for state_item_data in state:
            state_item = state_item_data.value
            json_state.append(state_item)


    params["state"] = json_state

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/matches",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DatabaseUnavailableError | StorageUnwritableError | MatchPage | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    if response.status_code == 200:
        response_200 = MatchPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = UnauthorizedError.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DatabaseUnavailableError | StorageUnwritableError | MatchPage | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    incubator_id: int | Unset = UNSET,
    partner_id: int | Unset = UNSET,
    scenario_id: int | Unset = UNSET,
    startup_id: int | Unset = UNSET,
    state: list[State] | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | MatchPage | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    """ List Matches

     Matches of the startups and targets your key manages (every match, for an admin).

    Args:
        incubator_id (int | Unset):
        partner_id (int | Unset):
        scenario_id (int | Unset):
        startup_id (int | Unset):
        state (list[State] | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUnavailableError | StorageUnwritableError | MatchPage | RateLimitedError | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        incubator_id=incubator_id,
partner_id=partner_id,
scenario_id=scenario_id,
startup_id=startup_id,
state=state,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    incubator_id: int | Unset = UNSET,
    partner_id: int | Unset = UNSET,
    scenario_id: int | Unset = UNSET,
    startup_id: int | Unset = UNSET,
    state: list[State] | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> DatabaseUnavailableError | StorageUnwritableError | MatchPage | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    """ List Matches

     Matches of the startups and targets your key manages (every match, for an admin).

    Args:
        incubator_id (int | Unset):
        partner_id (int | Unset):
        scenario_id (int | Unset):
        startup_id (int | Unset):
        state (list[State] | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUnavailableError | StorageUnwritableError | MatchPage | RateLimitedError | UnauthorizedError | ValidationFailedError
     """


    return sync_detailed(
        client=client,
incubator_id=incubator_id,
partner_id=partner_id,
scenario_id=scenario_id,
startup_id=startup_id,
state=state,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    incubator_id: int | Unset = UNSET,
    partner_id: int | Unset = UNSET,
    scenario_id: int | Unset = UNSET,
    startup_id: int | Unset = UNSET,
    state: list[State] | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | MatchPage | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    """ List Matches

     Matches of the startups and targets your key manages (every match, for an admin).

    Args:
        incubator_id (int | Unset):
        partner_id (int | Unset):
        scenario_id (int | Unset):
        startup_id (int | Unset):
        state (list[State] | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUnavailableError | StorageUnwritableError | MatchPage | RateLimitedError | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        incubator_id=incubator_id,
partner_id=partner_id,
scenario_id=scenario_id,
startup_id=startup_id,
state=state,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    incubator_id: int | Unset = UNSET,
    partner_id: int | Unset = UNSET,
    scenario_id: int | Unset = UNSET,
    startup_id: int | Unset = UNSET,
    state: list[State] | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> DatabaseUnavailableError | StorageUnwritableError | MatchPage | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    """ List Matches

     Matches of the startups and targets your key manages (every match, for an admin).

    Args:
        incubator_id (int | Unset):
        partner_id (int | Unset):
        scenario_id (int | Unset):
        startup_id (int | Unset):
        state (list[State] | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): `next_cursor` of the previous page; leave out for the first page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUnavailableError | StorageUnwritableError | MatchPage | RateLimitedError | UnauthorizedError | ValidationFailedError
     """


    return (await asyncio_detailed(
        client=client,
incubator_id=incubator_id,
partner_id=partner_id,
scenario_id=scenario_id,
startup_id=startup_id,
state=state,
limit=limit,
cursor=cursor,

    )).parsed
