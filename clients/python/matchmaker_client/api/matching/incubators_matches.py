from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.database_unavailable_error import DatabaseUnavailableError
from ...models.diversity import Diversity
from ...models.domain import Domain
from ...models.forbidden_error import ForbiddenError
from ...models.match_list import MatchList
from ...models.not_found_error import NotFoundError
from ...models.organisation_kind import OrganisationKind
from ...models.rate_limited_error import RateLimitedError
from ...models.region import Region
from ...models.region_group import RegionGroup
from ...models.stage import Stage
from ...models.storage_unwritable_error import StorageUnwritableError
from ...models.unauthorized_error import UnauthorizedError
from ...models.unavailable_error import UnavailableError
from ...models.validation_failed_error import ValidationFailedError
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    profile_id: int,
    *,
    domain: list[Domain] | Unset = UNSET,
    stage: list[Stage] | Unset = UNSET,
    region: list[Region] | Unset = UNSET,
    kind: list[OrganisationKind] | Unset = UNSET,
    min_score: float | Unset = UNSET,
    limit: int | Unset = 10,
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

    json_domain: list[str] | Unset = UNSET
    if not isinstance(domain, Unset):
        json_domain = []
        for domain_item_data in domain:
            domain_item = domain_item_data.value
            json_domain.append(domain_item)


    params["domain"] = json_domain

    json_stage: list[str] | Unset = UNSET
    if not isinstance(stage, Unset):
        json_stage = []
        for stage_item_data in stage:
            stage_item = stage_item_data.value
            json_stage.append(stage_item)


    params["stage"] = json_stage

    json_region: list[str] | Unset = UNSET
    if not isinstance(region, Unset):
        json_region = []
        for region_item_data in region:
            region_item = region_item_data.value
            json_region.append(region_item)


    params["region"] = json_region

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = []
        for kind_item_data in kind:
            kind_item = kind_item_data.value
            json_kind.append(kind_item)


    params["kind"] = json_kind

    params["min_score"] = min_score

    params["limit"] = limit

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
        "url": "/v1/incubators/{profile_id}/matches".format(profile_id=quote(str(profile_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | MatchList | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    if response.status_code == 200:
        response_200 = MatchList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | MatchList | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]:
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
    domain: list[Domain] | Unset = UNSET,
    stage: list[Stage] | Unset = UNSET,
    region: list[Region] | Unset = UNSET,
    kind: list[OrganisationKind] | Unset = UNSET,
    min_score: float | Unset = UNSET,
    limit: int | Unset = 10,
    diversity: Diversity | Unset = UNSET,
    mmr_lambda: float | Unset = UNSET,
    one_per_org: bool | Unset = UNSET,
    fair_regions: list[RegionGroup] | Unset = UNSET,
    fair_share: float | Unset = UNSET,
    accept_language: str | Unset = UNSET,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | MatchList | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    """ Startups for an incubator

     Startups that fit an incubator, ranked and explained.

    Args:
        profile_id (int): a positive id
        domain (list[Domain] | Unset): only these domains
        stage (list[Stage] | Unset):
        region (list[Region] | Unset):
        kind (list[OrganisationKind] | Unset): incubator or partner kinds
        min_score (float | Unset):
        limit (int | Unset):  Default: 10.
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
        Response[DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | MatchList | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        profile_id=profile_id,
domain=domain,
stage=stage,
region=region,
kind=kind,
min_score=min_score,
limit=limit,
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
    domain: list[Domain] | Unset = UNSET,
    stage: list[Stage] | Unset = UNSET,
    region: list[Region] | Unset = UNSET,
    kind: list[OrganisationKind] | Unset = UNSET,
    min_score: float | Unset = UNSET,
    limit: int | Unset = 10,
    diversity: Diversity | Unset = UNSET,
    mmr_lambda: float | Unset = UNSET,
    one_per_org: bool | Unset = UNSET,
    fair_regions: list[RegionGroup] | Unset = UNSET,
    fair_share: float | Unset = UNSET,
    accept_language: str | Unset = UNSET,

) -> DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | MatchList | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    """ Startups for an incubator

     Startups that fit an incubator, ranked and explained.

    Args:
        profile_id (int): a positive id
        domain (list[Domain] | Unset): only these domains
        stage (list[Stage] | Unset):
        region (list[Region] | Unset):
        kind (list[OrganisationKind] | Unset): incubator or partner kinds
        min_score (float | Unset):
        limit (int | Unset):  Default: 10.
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
        DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | MatchList | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError
     """


    return sync_detailed(
        profile_id=profile_id,
client=client,
domain=domain,
stage=stage,
region=region,
kind=kind,
min_score=min_score,
limit=limit,
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
    domain: list[Domain] | Unset = UNSET,
    stage: list[Stage] | Unset = UNSET,
    region: list[Region] | Unset = UNSET,
    kind: list[OrganisationKind] | Unset = UNSET,
    min_score: float | Unset = UNSET,
    limit: int | Unset = 10,
    diversity: Diversity | Unset = UNSET,
    mmr_lambda: float | Unset = UNSET,
    one_per_org: bool | Unset = UNSET,
    fair_regions: list[RegionGroup] | Unset = UNSET,
    fair_share: float | Unset = UNSET,
    accept_language: str | Unset = UNSET,

) -> Response[DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | MatchList | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]:
    """ Startups for an incubator

     Startups that fit an incubator, ranked and explained.

    Args:
        profile_id (int): a positive id
        domain (list[Domain] | Unset): only these domains
        stage (list[Stage] | Unset):
        region (list[Region] | Unset):
        kind (list[OrganisationKind] | Unset): incubator or partner kinds
        min_score (float | Unset):
        limit (int | Unset):  Default: 10.
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
        Response[DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | MatchList | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError]
     """


    kwargs = _get_kwargs(
        profile_id=profile_id,
domain=domain,
stage=stage,
region=region,
kind=kind,
min_score=min_score,
limit=limit,
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
    domain: list[Domain] | Unset = UNSET,
    stage: list[Stage] | Unset = UNSET,
    region: list[Region] | Unset = UNSET,
    kind: list[OrganisationKind] | Unset = UNSET,
    min_score: float | Unset = UNSET,
    limit: int | Unset = 10,
    diversity: Diversity | Unset = UNSET,
    mmr_lambda: float | Unset = UNSET,
    one_per_org: bool | Unset = UNSET,
    fair_regions: list[RegionGroup] | Unset = UNSET,
    fair_share: float | Unset = UNSET,
    accept_language: str | Unset = UNSET,

) -> DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | MatchList | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError | None:
    """ Startups for an incubator

     Startups that fit an incubator, ranked and explained.

    Args:
        profile_id (int): a positive id
        domain (list[Domain] | Unset): only these domains
        stage (list[Stage] | Unset):
        region (list[Region] | Unset):
        kind (list[OrganisationKind] | Unset): incubator or partner kinds
        min_score (float | Unset):
        limit (int | Unset):  Default: 10.
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
        DatabaseUnavailableError | StorageUnwritableError | UnavailableError | ForbiddenError | MatchList | NotFoundError | RateLimitedError | UnauthorizedError | ValidationFailedError
     """


    return (await asyncio_detailed(
        profile_id=profile_id,
client=client,
domain=domain,
stage=stage,
region=region,
kind=kind,
min_score=min_score,
limit=limit,
diversity=diversity,
mmr_lambda=mmr_lambda,
one_per_org=one_per_org,
fair_regions=fair_regions,
fair_share=fair_share,
accept_language=accept_language,

    )).parsed
