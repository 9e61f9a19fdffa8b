"""Shopping, both routes: order link landing and access, catalogs priced for the shopper."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials

from showroom.accounts.dependencies import Accounts, bearer, user_from_credentials
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings, RequestLanguage
from showroom.core.errors import errors
from showroom.core.pagination import Page
from showroom.models import Catalog, User
from showroom.storefront.schemas import (
    LinkAccess,
    LinkGrant,
    LinkLanding,
    StoreCatalog,
    StoreProduct,
)
from showroom.storefront.service import StorefrontService
from showroom.storefront.shopper import Shopper

router = APIRouter(tags=["shopping"])

LinkGrantHeader = Annotated[
    str | None,
    Header(
        alias="X-Link-Grant",
        max_length=2000,
        description="The grant from an order link's landing or access",
    ),
]
OrgQuery = Annotated[
    uuid.UUID | None,
    Query(description="Standard orders: the buyer organization the user orders for"),
]
CurrencyQuery = Annotated[
    str | None, Query(max_length=3, description="One of the link's currencies")
]


async def get_storefront(
    session: DbSession, settings: AppSettings, request: Request, language: RequestLanguage
) -> StorefrontService:
    # A link may be in a content language the UI has no translation for (ko, fr …).
    return StorefrontService(session, settings, request.query_params.get("locale") or language)


Storefront = Annotated[StorefrontService, Depends(get_storefront)]


async def get_optional_user(
    accounts: Accounts,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> User | None:
    if credentials is None:
        return None
    return await user_from_credentials(accounts, credentials)


OptionalUser = Annotated[User | None, Depends(get_optional_user)]


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.get("/order-links/{token}", responses=errors(404), summary="An order link's landing")
async def get_order_link(
    token: str,
    storefront: Storefront,
    grant: LinkGrantHeader = None,
) -> LinkLanding:
    return await storefront.landing(token, grant)


@router.post(
    "/order-links/{token}/access",
    responses=errors(401, 403, 404, 409, 429),
    summary="Passcode or customer login → a link grant",
)
async def access_order_link(
    token: str,
    body: LinkAccess,
    storefront: Storefront,
    request: Request,
    user: OptionalUser,
) -> LinkGrant:
    return await storefront.access(token, body, user, _client(request))


async def get_shopping(
    catalog_id: uuid.UUID,
    storefront: Storefront,
    user: OptionalUser,
    grant: LinkGrantHeader = None,
    buyer_organization_id: OrgQuery = None,
    currency: CurrencyQuery = None,
) -> tuple[Shopper, Catalog]:
    """Who is shopping this catalog, on what terms: a link grant, or a user and the buyer
    organization they order for."""
    return await storefront.shoppers.for_catalog(
        catalog_id,
        grant=grant,
        user=user,
        org_id=buyer_organization_id,
        currency=currency,
        language=storefront.language,
    )


Shopping = Annotated[tuple[Shopper, Catalog], Depends(get_shopping)]


@router.get(
    "/catalogs/{catalog_id}",
    responses=errors(401, 403, 404),
    summary="A catalog as the shopper sees it",
)
async def get_store_catalog(shopping: Shopping, storefront: Storefront) -> StoreCatalog:
    return await storefront.catalog(*shopping)


@router.get(
    "/catalogs/{catalog_id}/products",
    response_model=Page[StoreProduct],
    responses=errors(401, 403, 404),
    summary="A catalog's products, priced for the shopper",
)
async def list_store_products(
    shopping: Shopping,
    storefront: Storefront,
    q: Annotated[str | None, Query(max_length=200, description="Search text")] = None,
    category_id: uuid.UUID | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 24,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    items, next_cursor = await storefront.products(
        *shopping, cursor=cursor, limit=limit, search=q, category_id=category_id
    )
    # The page is written straight to JSON: validating 50 products × 12 SKUs against the
    # response model on every request cost more than the queries (QUALITY.md budgets this
    # page), and orjson writes it in a tenth of pydantic-core's time. The model still
    # documents it; tests check the page against it.
    body = orjson.dumps({"items": items, "next_cursor": next_cursor}, default=_uuid_text)
    return Response(body, media_type="application/json")


def _uuid_text(value: Any) -> str:
    # asyncpg's own UUID type, which orjson does not know (it knows uuid.UUID's exact type).
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")
