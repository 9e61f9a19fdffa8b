"""Carts: both routes (a link grant for guests, a user acting for a buyer organization)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request, Response, status
from fastapi.responses import JSONResponse

from showroom.carts.schemas import (
    CartClaim,
    CartCreate,
    CartItemCreate,
    CartItemRead,
    CartItemUpdate,
    CartRead,
    CartSummary,
)
from showroom.carts.service import CartService, OpenCart
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings, RequestLanguage
from showroom.core.errors import errors
from showroom.core.pagination import Page
from showroom.orders.checkout import CheckoutService
from showroom.orders.schemas import BuyerOrderRead, CheckoutRead, OrderForm, OrderPreview
from showroom.payments.gateway import CurrentGateway
from showroom.storefront.router import LinkGrantHeader, OptionalUser

router = APIRouter(tags=["carts"])


async def get_cart_service(
    session: DbSession, settings: AppSettings, request: Request, language: RequestLanguage
) -> CartService:
    return CartService(session, settings, request.query_params.get("locale") or language)


Carts = Annotated[CartService, Depends(get_cart_service)]


async def get_checkout_service(
    session: DbSession,
    settings: AppSettings,
    request: Request,
    language: RequestLanguage,
    gateway: CurrentGateway,
) -> CheckoutService:
    return CheckoutService(
        session, settings, request.query_params.get("locale") or language, gateway
    )


Checkouts = Annotated[CheckoutService, Depends(get_checkout_service)]


async def open_cart(
    cart_id: uuid.UUID, carts: Carts, user: OptionalUser, grant: LinkGrantHeader = None
) -> OpenCart:
    return await carts.open(cart_id, grant, user)


Opened = Annotated[OpenCart, Depends(open_cart)]
READ = errors(401, 403, 404)
WRITE = errors(401, 403, 404, 409)


@router.post(
    "/carts",
    status_code=status.HTTP_201_CREATED,
    responses={200: {"description": "The caller's existing cart"}, **WRITE},
    summary="Open the cart for a catalog (or get the one already open)",
)
async def create_cart(
    body: CartCreate,
    carts: Carts,
    user: OptionalUser,
    response: Response,
    grant: LinkGrantHeader = None,
) -> CartRead:
    opened, created = await carts.create(body, grant, user)
    if not created:
        response.status_code = status.HTTP_200_OK
    return await carts.view(opened)


@router.get("/carts", responses=errors(401, 404), summary="My carts, most recent first")
async def list_carts(
    carts: Carts,
    user: OptionalUser,
    grant: LinkGrantHeader = None,
    buyer_organization_id: Annotated[
        uuid.UUID | None, Query(description="Standard route: the organization's carts")
    ] = None,
    with_items: Annotated[
        bool, Query(description="Only carts with at least one item (draft order lists)")
    ] = False,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> Page[CartSummary]:
    # The cursor is read after the caller is known: no credentials → 401 before 422.
    items, next_cursor = await carts.page(
        grant, user, buyer_organization_id, limit, cursor, with_items=with_items
    )
    return Page(items=items, next_cursor=next_cursor)


@router.get("/carts/{cart_id}", responses=READ, summary="A cart, priced, with its problems")
async def get_cart(opened: Opened, carts: Carts) -> CartRead:
    return await carts.view(opened)


@router.delete(
    "/carts/{cart_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=READ,
    summary="Throw a cart away",
)
async def delete_cart(opened: Opened, carts: Carts) -> None:
    await carts.delete(opened)


@router.post(
    "/carts/{cart_id}/items",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE,
    summary="Add a product",
)
async def add_cart_item(opened: Opened, body: CartItemCreate, carts: Carts) -> CartItemRead:
    return await carts.add_item(opened, body)


@router.patch("/carts/{cart_id}/items/{item_id}", responses=WRITE, summary="Edit an item")
async def update_cart_item(
    opened: Opened, item_id: uuid.UUID, body: CartItemUpdate, carts: Carts
) -> CartItemRead:
    return await carts.update_item(opened, item_id, body)


@router.delete(
    "/carts/{cart_id}/items/{item_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=READ,
    summary="Remove an item",
)
async def remove_cart_item(opened: Opened, item_id: uuid.UUID, carts: Carts) -> None:
    await carts.remove_item(opened, item_id)


@router.post(
    "/carts/{cart_id}/claim",
    responses=WRITE,
    summary="Move a link guest's cart to a buyer organization (merged with its cart)",
)
async def claim_cart(
    opened: Opened,
    body: CartClaim,
    carts: Carts,
    user: OptionalUser,
    grant: LinkGrantHeader = None,
) -> CartRead:
    return await carts.view(await carts.claim(opened, body, user, grant))


@router.get(
    "/carts/{cart_id}/checkout",
    responses=errors(401, 403, 404, 409),
    summary="What the order form needs: comment, payment, addresses, shipping",
)
async def get_checkout(opened: Opened, checkouts: Checkouts) -> CheckoutRead:
    return await checkouts.checkout(opened)


@router.post(
    "/carts/{cart_id}/preview",
    responses=errors(401, 403, 404, 409, 503),
    summary="The order as it would be placed",
)
async def preview_order(opened: Opened, body: OrderForm, checkouts: Checkouts) -> OrderPreview:
    return await checkouts.preview(opened, body)


@router.post(
    "/carts/{cart_id}/orders",
    status_code=status.HTTP_201_CREATED,
    response_model=BuyerOrderRead,
    responses=errors(401, 402, 403, 404, 409, 503),
    summary="Place the order (a retry with the same Idempotency-Key replays the answer)",
)
async def place_order(
    opened: Opened,
    body: OrderForm,
    checkouts: Checkouts,
    user: OptionalUser,
    idempotency_key: Annotated[
        str,
        Header(
            alias="Idempotency-Key",
            min_length=1,
            max_length=255,
            description="Unique per order attempt; reuse it only to retry the same request",
        ),
    ],
) -> JSONResponse:
    placed = await checkouts.place(opened, body, user, idempotency_key)
    return JSONResponse(placed.body, status_code=placed.status)
