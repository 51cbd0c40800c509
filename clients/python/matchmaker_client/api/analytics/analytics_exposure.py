from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.database_unavailable_error import DatabaseUnavailableError
from ...models.exposure_report import ExposureReport
from ...models.forbidden_error import ForbiddenError
from ...models.not_found_error import NotFoundError
from ...models.rate_limited_error import RateLimitedError
from ...models.report_format import ReportFormat
from ...models.storage_unwritable_error import StorageUnwritableError
from ...models.unauthorized_error import UnauthorizedError
from ...models.validation_failed_error import ValidationFailedError
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    incubator_id: int | Unset = UNSET,
    partner_id: int | Unset = UNSET,
    k: int | Unset = 10,
    format_: ReportFormat | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["incubator_id"] = incubator_id

    params["partner_id"] = partner_id

    params["k"] = k

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/analytics/exposure",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DatabaseUnavailableError | StorageUnwritableError | ExposureReport | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    if response.status_code == 200:
        response_200 = ExposureReport.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DatabaseUnavailableError | StorageUnwritableError | ExposureReport | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]:
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
    k: int | Unset = 10,
    format_: ReportFormat | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | ExposureReport | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    """ Exposure

     How often startups of each region, stage and first-time-founder group appear in the top
    k of the startup lists served, against their share of the pool stored now.

    Counts the lists served within the window (UTC days since to until, both included; the
    last 90 by default). Every list served counts: the same list served again, even a second
    later (a page reloaded), counts again, so the figures are impressions.

    Args:
        incubator_id (int | Unset): one incubator's pairs and lists (its manager, or an admin)
        partner_id (int | Unset): one partner's pairs and lists (its platform, or an admin)
        k (int | Unset): count ranks 1 to k of each list Default: 10.
        format_ (ReportFormat | Unset):
        since (datetime.date | Unset): first UTC day counted (YYYY-MM-DD, included); left out, the
            window is MATCHMAKER_ANALYTICS_WINDOW_DAYS days (default 90) ending on until
        until (datetime.date | Unset): last UTC day counted (YYYY-MM-DD, included, so the window
            ends at midnight after it); left out, today. At most 366 days from since

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUnavailableError | StorageUnwritableError | ExposureReport | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        incubator_id=incubator_id,
partner_id=partner_id,
k=k,
format_=format_,
since=since,
until=until,

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
    k: int | Unset = 10,
    format_: ReportFormat | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,

) -> DatabaseUnavailableError | StorageUnwritableError | ExposureReport | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    """ Exposure

     How often startups of each region, stage and first-time-founder group appear in the top
    k of the startup lists served, against their share of the pool stored now.

    Counts the lists served within the window (UTC days since to until, both included; the
    last 90 by default). Every list served counts: the same list served again, even a second
    later (a page reloaded), counts again, so the figures are impressions.

    Args:
        incubator_id (int | Unset): one incubator's pairs and lists (its manager, or an admin)
        partner_id (int | Unset): one partner's pairs and lists (its platform, or an admin)
        k (int | Unset): count ranks 1 to k of each list Default: 10.
        format_ (ReportFormat | Unset):
        since (datetime.date | Unset): first UTC day counted (YYYY-MM-DD, included); left out, the
            window is MATCHMAKER_ANALYTICS_WINDOW_DAYS days (default 90) ending on until
        until (datetime.date | Unset): last UTC day counted (YYYY-MM-DD, included, so the window
            ends at midnight after it); left out, today. At most 366 days from since

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUnavailableError | StorageUnwritableError | ExposureReport | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError
     """


    return sync_detailed(
        client=client,
incubator_id=incubator_id,
partner_id=partner_id,
k=k,
format_=format_,
since=since,
until=until,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    incubator_id: int | Unset = UNSET,
    partner_id: int | Unset = UNSET,
    k: int | Unset = 10,
    format_: ReportFormat | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | ExposureReport | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    """ Exposure

     How often startups of each region, stage and first-time-founder group appear in the top
    k of the startup lists served, against their share of the pool stored now.

    Counts the lists served within the window (UTC days since to until, both included; the
    last 90 by default). Every list served counts: the same list served again, even a second
    later (a page reloaded), counts again, so the figures are impressions.

    Args:
        incubator_id (int | Unset): one incubator's pairs and lists (its manager, or an admin)
        partner_id (int | Unset): one partner's pairs and lists (its platform, or an admin)
        k (int | Unset): count ranks 1 to k of each list Default: 10.
        format_ (ReportFormat | Unset):
        since (datetime.date | Unset): first UTC day counted (YYYY-MM-DD, included); left out, the
            window is MATCHMAKER_ANALYTICS_WINDOW_DAYS days (default 90) ending on until
        until (datetime.date | Unset): last UTC day counted (YYYY-MM-DD, included, so the window
            ends at midnight after it); left out, today. At most 366 days from since

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatabaseUnavailableError | StorageUnwritableError | ExposureReport | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        incubator_id=incubator_id,
partner_id=partner_id,
k=k,
format_=format_,
since=since,
until=until,

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
    k: int | Unset = 10,
    format_: ReportFormat | Unset = UNSET,
    since: datetime.date | Unset = UNSET,
    until: datetime.date | Unset = UNSET,

) -> DatabaseUnavailableError | StorageUnwritableError | ExposureReport | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    """ Exposure

     How often startups of each region, stage and first-time-founder group appear in the top
    k of the startup lists served, against their share of the pool stored now.

    Counts the lists served within the window (UTC days since to until, both included; the
    last 90 by default). Every list served counts: the same list served again, even a second
    later (a page reloaded), counts again, so the figures are impressions.

    Args:
        incubator_id (int | Unset): one incubator's pairs and lists (its manager, or an admin)
        partner_id (int | Unset): one partner's pairs and lists (its platform, or an admin)
        k (int | Unset): count ranks 1 to k of each list Default: 10.
        format_ (ReportFormat | Unset):
        since (datetime.date | Unset): first UTC day counted (YYYY-MM-DD, included); left out, the
            window is MATCHMAKER_ANALYTICS_WINDOW_DAYS days (default 90) ending on until
        until (datetime.date | Unset): last UTC day counted (YYYY-MM-DD, included, so the window
            ends at midnight after it); left out, today. At most 366 days from since

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatabaseUnavailableError | StorageUnwritableError | ExposureReport | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError
     """


    return (await asyncio_detailed(
        client=client,
incubator_id=incubator_id,
partner_id=partner_id,
k=k,
format_=format_,
since=since,
until=until,

    )).parsed
