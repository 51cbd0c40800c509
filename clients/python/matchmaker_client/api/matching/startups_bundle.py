from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.bundle_response import BundleResponse
from ...models.database_unavailable_error import DatabaseUnavailableError
from ...models.diversity import Diversity
from ...models.forbidden_error import ForbiddenError
from ...models.not_found_error import NotFoundError
from ...models.rate_limited_error import RateLimitedError
from ...models.region_group import RegionGroup
from ...models.storage_unwritable_error import StorageUnwritableError
from ...models.unauthorized_error import UnauthorizedError
from ...models.unavailable_error import UnavailableError
from ...models.validation_failed_error import ValidationFailedError
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    profile_id: int,
    *,
    diversity: Diversity | Unset = UNSET,
    mmr_lambda: float | Unset = UNSET,
    one_per_org: bool | Unset = UNSET,
    fair_regions: list[RegionGroup] | Unset = UNSET,
    fair_share: float | Unset = UNSET,
    accept_language: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["accept-language"] = accept_language



    

    params: dict[str, Any] = {}

    json_diversity: str | Unset = UNSET
    if not isinstance(diversity, Unset):
        json_diversity = diversity.value

    params["diversity"] = json_diversity

    params["mmr_lambda"] = mmr_lambda

    params["one_per_org"] = one_per_org

    json_fair_regions: list[str] | Unset = UNSET
    if not isinstance(fair_regions, Unset):
        json_fair_regions = []
        for fair_regions_item_data in fair_regions:
            fair_regions_item = fair_regions_item_data.value
            json_fair_regions.append(fair_regions_item)


    params["fair_regions"] = json_fair_regions

    params["fair_share"] = fair_share


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/startups/{profile_id}/bundle".format(profile_id=quote(str(profile_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BundleResponse | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    if response.status_code == 200:
        response_200 = BundleResponse.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BundleResponse | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    profile_id: int,
    *,
    client: AuthenticatedClient,
    diversity: Diversity | Unset = UNSET,
    mmr_lambda: float | Unset = UNSET,
    one_per_org: bool | Unset = UNSET,
    fair_regions: list[RegionGroup] | Unset = UNSET,
    fair_share: float | Unset = UNSET,
    accept_language: str | Unset = UNSET,

) -> Response[BundleResponse | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    """ Startup Bundle

     An incubator, a partner and a scenario chosen to fit the startup and each other.

    Args:
        profile_id (int): a positive id
        diversity (Diversity | Unset): How a match list is diversified: not at all, or by maximal
            marginal relevance.
        mmr_lambda (float | Unset): with diversity=mmr: 1 is score alone, 0 diversity alone
        one_per_org (bool | Unset): at most one profile per organisation
        fair_regions (list[RegionGroup] | Unset): region groups given a minimum share of every
            top-k
        fair_share (float | Unset): the minimum share of each of fair_regions; 0 turns it off
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BundleResponse | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        profile_id=profile_id,
diversity=diversity,
mmr_lambda=mmr_lambda,
one_per_org=one_per_org,
fair_regions=fair_regions,
fair_share=fair_share,
accept_language=accept_language,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    profile_id: int,
    *,
    client: AuthenticatedClient,
    diversity: Diversity | Unset = UNSET,
    mmr_lambda: float | Unset = UNSET,
    one_per_org: bool | Unset = UNSET,
    fair_regions: list[RegionGroup] | Unset = UNSET,
    fair_share: float | Unset = UNSET,
    accept_language: str | Unset = UNSET,

) -> BundleResponse | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    """ Startup Bundle

     An incubator, a partner and a scenario chosen to fit the startup and each other.

    Args:
        profile_id (int): a positive id
        diversity (Diversity | Unset): How a match list is diversified: not at all, or by maximal
            marginal relevance.
        mmr_lambda (float | Unset): with diversity=mmr: 1 is score alone, 0 diversity alone
        one_per_org (bool | Unset): at most one profile per organisation
        fair_regions (list[RegionGroup] | Unset): region groups given a minimum share of every
            top-k
        fair_share (float | Unset): the minimum share of each of fair_regions; 0 turns it off
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BundleResponse | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError
     """


    return sync_detailed(
        profile_id=profile_id,
client=client,
diversity=diversity,
mmr_lambda=mmr_lambda,
one_per_org=one_per_org,
fair_regions=fair_regions,
fair_share=fair_share,
accept_language=accept_language,

    ).parsed

async def asyncio_detailed(
    profile_id: int,
    *,
    client: AuthenticatedClient,
    diversity: Diversity | Unset = UNSET,
    mmr_lambda: float | Unset = UNSET,
    one_per_org: bool | Unset = UNSET,
    fair_regions: list[RegionGroup] | Unset = UNSET,
    fair_share: float | Unset = UNSET,
    accept_language: str | Unset = UNSET,

) -> Response[BundleResponse | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    """ Startup Bundle

     An incubator, a partner and a scenario chosen to fit the startup and each other.

    Args:
        profile_id (int): a positive id
        diversity (Diversity | Unset): How a match list is diversified: not at all, or by maximal
            marginal relevance.
        mmr_lambda (float | Unset): with diversity=mmr: 1 is score alone, 0 diversity alone
        one_per_org (bool | Unset): at most one profile per organisation
        fair_regions (list[RegionGroup] | Unset): region groups given a minimum share of every
            top-k
        fair_share (float | Unset): the minimum share of each of fair_regions; 0 turns it off
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BundleResponse | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        profile_id=profile_id,
diversity=diversity,
mmr_lambda=mmr_lambda,
one_per_org=one_per_org,
fair_regions=fair_regions,
fair_share=fair_share,
accept_language=accept_language,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    profile_id: int,
    *,
    client: AuthenticatedClient,
    diversity: Diversity | Unset = UNSET,
    mmr_lambda: float | Unset = UNSET,
    one_per_org: bool | Unset = UNSET,
    fair_regions: list[RegionGroup] | Unset = UNSET,
    fair_share: float | Unset = UNSET,
    accept_language: str | Unset = UNSET,

) -> BundleResponse | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    """ Startup Bundle

     An incubator, a partner and a scenario chosen to fit the startup and each other.

    Args:
        profile_id (int): a positive id
        diversity (Diversity | Unset): How a match list is diversified: not at all, or by maximal
            marginal relevance.
        mmr_lambda (float | Unset): with diversity=mmr: 1 is score alone, 0 diversity alone
        one_per_org (bool | Unset): at most one profile per organisation
        fair_regions (list[RegionGroup] | Unset): region groups given a minimum share of every
            top-k
        fair_share (float | Unset): the minimum share of each of fair_regions; 0 turns it off
        accept_language (str | Unset): `zh` (zh-CN, zh-Hans…) for explanations in Chinese;
            q-values are honoured; English otherwise. The response's Content-Language says which.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BundleResponse | DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError
     """


    return (await asyncio_detailed(
        profile_id=profile_id,
client=client,
diversity=diversity,
mmr_lambda=mmr_lambda,
one_per_org=one_per_org,
fair_regions=fair_regions,
fair_share=fair_share,
accept_language=accept_language,

    )).parsed
