"""Orders: the buyer organization's Orders page and the brand's order inbox."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from showroom.accounts.dependencies import CurrentUser
from showroom.brands.access import OrdersBrand
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings
from showroom.core.errors import errors
from showroom.core.pagination import Page, Pagination, UpdatedSince
from showroom.models import OrderStatus
from showroom.orders.schemas import (
    AcknowledgedOrder,
    BuyerOrderRead,
    OrderAcknowledge,
    OrderAcknowledgement,
    OrderListItem,
    OrderRead,
    OrderTransition,
)
from showroom.orders.service import OrderFilters, OrderService
from showroom.payments.gateway import CurrentGateway

buyer_side = APIRouter(prefix="/buyer-organizations/{org_id}", tags=["orders"])
brand_side = APIRouter(prefix="/brands/{brand_id}", tags=["orders"])


async def get_order_service(
    session: DbSession, settings: AppSettings, gateway: CurrentGateway
) -> OrderService:
    return OrderService(session, settings, gateway)


Orders = Annotated[OrderService, Depends(get_order_service)]
From = Annotated[datetime | None, Query(description="Placed at or after")]
To = Annotated[datetime | None, Query(description="Placed before")]
Statuses = Annotated[list[OrderStatus] | None, Query(alias="status", max_length=6)]


def common_filters(
    order_status: Statuses = None,
    placed_from: From = None,
    placed_to: To = None,
    updated_since: UpdatedSince = None,
) -> OrderFilters:
    return OrderFilters(
        statuses=order_status,
        placed_from=placed_from,
        placed_to=placed_to,
        updated_since=updated_since,
    )


def brand_filters(
    common: Annotated[OrderFilters, Depends(common_filters)],
    buyer_organization_id: uuid.UUID | None = None,
    catalog_id: uuid.UUID | None = None,
    link_id: uuid.UUID | None = None,
) -> OrderFilters:
    return OrderFilters(
        **{
            **common.__dict__,
            "buyer_organization_id": buyer_organization_id,
            "catalog_id": catalog_id,
            "link_id": link_id,
        }
    )


def buyer_filters(
    common: Annotated[OrderFilters, Depends(common_filters)],
    brand_id: uuid.UUID | None = None,
) -> OrderFilters:
    return OrderFilters(**{**common.__dict__, "brand_id": brand_id})


BrandFilters = Annotated[OrderFilters, Depends(brand_filters)]
BuyerFilters = Annotated[OrderFilters, Depends(buyer_filters)]


@buyer_side.get("/orders", responses=errors(404), summary="The organization's orders")
async def list_buyer_orders(
    org_id: uuid.UUID, user: CurrentUser, orders: Orders, filters: BuyerFilters, page: Pagination
) -> Page[OrderListItem]:
    items, cursor = await orders.buyer_page(user, org_id, filters, page)
    return Page(items=items, next_cursor=cursor)


@buyer_side.get(
    "/orders/{order_id}",
    responses=errors(404),
    summary="One order, with internal notes and status history",
)
async def get_buyer_order(
    org_id: uuid.UUID, order_id: uuid.UUID, user: CurrentUser, orders: Orders
) -> BuyerOrderRead:
    return await orders.buyer_order(user, org_id, order_id)


@brand_side.get("/orders", responses=errors(404), summary="The order inbox")
async def list_brand_orders(
    ctx: OrdersBrand, orders: Orders, filters: BrandFilters, page: Pagination
) -> Page[OrderListItem]:
    items, cursor = await orders.brand_page(ctx, filters, page)
    return Page(items=items, next_cursor=cursor)


@brand_side.get(
    "/orders.csv",
    response_class=Response,
    responses={
        200: {
            "description": "One row per order line",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        },
        **errors(404),
    },
    summary="Export orders as CSV, one row per order line",
)
async def export_brand_orders(ctx: OrdersBrand, orders: Orders, filters: BrandFilters) -> Response:
    return Response(
        await orders.csv(ctx, filters),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="orders.csv"'},
    )


@brand_side.get(
    "/orders/export",
    responses=errors(404),
    summary="Orders not yet acknowledged, oldest first, with their lines (ERP pull)",
    description="An ERP's pull: read the pages, store the orders, then acknowledge them with "
    "`POST /orders/acknowledge`; acknowledged orders never come back here, so each order is "
    "imported once. An order acknowledged while you page moves the rest up: after "
    "acknowledging, start again from the first page rather than following `next_cursor`.",
)
async def export_unacknowledged_orders(
    ctx: OrdersBrand, orders: Orders, page: Pagination, order_status: Statuses = None
) -> Page[OrderRead]:
    items, cursor = await orders.export_page(ctx, order_status, page)
    return Page(items=items, next_cursor=cursor)


@brand_side.post(
    "/orders/acknowledge",
    responses=errors(404),
    summary="Acknowledge exported orders (idempotent; all or nothing)",
)
async def acknowledge_orders(
    body: OrderAcknowledge, ctx: OrdersBrand, orders: Orders
) -> OrderAcknowledgement:
    done = await orders.acknowledge(ctx, body.order_ids)
    return OrderAcknowledgement(
        items=[AcknowledgedOrder(id=i, number=n, acknowledged_at=at) for i, n, at in done]
    )


@brand_side.get("/orders/{order_id}", responses=errors(404), summary="One order")
async def get_brand_order(order_id: uuid.UUID, ctx: OrdersBrand, orders: Orders) -> OrderRead:
    return await orders.brand_order(ctx, order_id)


TRANSITION_RESPONSES = errors(402, 404, 409, 503)


def _transition(action: str, summary: str) -> None:
    path = action.replace("_", "-")

    async def change(
        order_id: uuid.UUID,
        ctx: OrdersBrand,
        orders: Orders,
        body: OrderTransition | None = None,
    ) -> OrderRead:
        return await orders.change(ctx, order_id, action, body.note if body else "")

    change.__name__ = f"{action}_order"
    brand_side.post(
        f"/orders/{{order_id}}/{path}", responses=TRANSITION_RESPONSES, summary=summary
    )(change)


_transition("confirm", "Confirm (placed → confirmed)")
_transition("ship", "Mark shipped (confirmed → shipped)")
_transition("complete", "Complete (shipped → completed)")
_transition("reject", "Reject (final; the stock is returned)")
_transition("return_to_cart", "Return to the buyer's cart (the stock is returned)")
