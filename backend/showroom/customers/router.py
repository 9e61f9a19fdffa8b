from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, status

from showroom.accounts.dependencies import CurrentUser
from showroom.brands.access import CustomersBrand
from showroom.buyers.service import BuyerService
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings
from showroom.core.errors import NotFound, errors
from showroom.core.pagination import Page, Pagination, UpdatedSince
from showroom.customers.schemas import (
    AcceptInvitation,
    BrandInvitationView,
    ConnectedBrand,
    Connection,
    CustomerCreate,
    CustomerInvitationCreate,
    CustomerInvitationRead,
    CustomerRead,
    CustomerUpdate,
    TermsRead,
)
from showroom.customers.service import (
    ConnectionService,
    CustomerService,
    customer_view,
    invitation_state,
)
from showroom.models import (
    CustomerInvitation,
    CustomerKind,
)

brand_side = APIRouter(prefix="/brands/{brand_id}", tags=["customers"])
buyer_side = APIRouter(tags=["connections"])

Token = Annotated[str, Path(min_length=10, max_length=200)]


def get_customer_service(
    session: DbSession, settings: AppSettings, ctx: CustomersBrand
) -> CustomerService:
    return CustomerService(session, settings, ctx)


def get_connection_service(session: DbSession) -> ConnectionService:
    return ConnectionService(session)


def get_buyer_service(session: DbSession, settings: AppSettings) -> BuyerService:
    return BuyerService(session, settings)


Customers = Annotated[CustomerService, Depends(get_customer_service)]
Connections = Annotated[ConnectionService, Depends(get_connection_service)]
Buyers = Annotated[BuyerService, Depends(get_buyer_service)]


def invitation_view(invitation: CustomerInvitation) -> CustomerInvitationRead:
    return CustomerInvitationRead(
        id=invitation.id,
        email=invitation.email,
        language=invitation.language,
        message=invitation.message,
        terms=TermsRead.model_validate(invitation.terms),
        customer_id=invitation.customer_id,
        state=invitation_state(invitation),
        expires_at=invitation.expires_at,
        accepted_at=invitation.accepted_at,
        accepted_by_organization_id=invitation.accepted_by_organization_id,
        created_at=invitation.created_at,
    )


# --- brand side --------------------------------------------------------------------------------


@brand_side.get("/customers", responses=errors(404), summary="Customers (connected and offline)")
async def list_customers(
    customers: Customers,
    page: Pagination,
    kind: Annotated[CustomerKind | None, Query()] = None,
    search: Annotated[str | None, Query(max_length=200)] = None,
    updated_since: UpdatedSince = None,
) -> Page[CustomerRead]:
    rows, cursor = await customers.page(page, kind=kind, search=search, updated_since=updated_since)
    return Page(items=[customer_view(c) for c in rows], next_cursor=cursor)


@brand_side.post(
    "/customers",
    status_code=status.HTTP_201_CREATED,
    responses=errors(404, 409),
    summary="Create an offline customer",
)
async def create_customer(body: CustomerCreate, customers: Customers) -> CustomerRead:
    return customer_view(await customers.create(body))


@brand_side.get("/customers/{customer_id}", responses=errors(404), summary="One customer")
async def get_customer(customer_id: uuid.UUID, customers: Customers) -> CustomerRead:
    return customer_view(await customers.get(customer_id))


@brand_side.patch(
    "/customers/{customer_id}",
    responses=errors(404, 409),
    summary="Change a customer and its terms (orders already placed keep theirs)",
)
async def update_customer(
    customer_id: uuid.UUID, body: CustomerUpdate, customers: Customers
) -> CustomerRead:
    return customer_view(await customers.update(customer_id, body))


@brand_side.post(
    "/invitations",
    status_code=status.HTTP_201_CREATED,
    responses=errors(404, 409),
    summary="Invite a buyer by e-mail to trade on the given terms",
)
async def invite_customer(
    body: CustomerInvitationCreate, customers: Customers
) -> CustomerInvitationRead:
    return invitation_view(await customers.invite(body))


@brand_side.get("/invitations", responses=errors(404), summary="Invitations sent")
async def list_customer_invitations(
    customers: Customers, page: Pagination
) -> Page[CustomerInvitationRead]:
    rows, cursor = await customers.invitations(page)
    return Page(items=[invitation_view(i) for i in rows], next_cursor=cursor)


@brand_side.delete(
    "/invitations/{invitation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=errors(404),
    summary="Revoke a pending invitation",
)
async def revoke_customer_invitation(invitation_id: uuid.UUID, customers: Customers) -> None:
    await customers.revoke(invitation_id)


# --- buyer side --------------------------------------------------------------------------------


@buyer_side.get(
    "/brand-invitations/{token}",
    responses=errors(404),
    summary="What a brand's invitation offers (no login needed)",
)
async def preview_brand_invitation(token: Token, connections: Connections) -> BrandInvitationView:
    return (await connections.invitation_views([await connections.by_token(token)]))[0]


@buyer_side.post(
    "/brand-invitations/{token}/accept",
    responses=errors(404, 409),
    summary="Accept a brand's invitation for one of my buyer organizations",
)
async def accept_brand_invitation(
    token: Token,
    body: AcceptInvitation,
    user: CurrentUser,
    connections: Connections,
    buyers: Buyers,
) -> Connection:
    invitation = await connections.by_token(token)
    org, member = await buyers.get(user, body.buyer_organization_id)
    customer = await connections.accept(invitation, org, member)
    return Connection(
        brand_id=customer.brand_id, customer_id=customer.id, customer_code=customer.code
    )


@buyer_side.get(
    "/buyer-organizations/{org_id}/invitations",
    responses=errors(404),
    summary="Pending invitations from brands sent to my verified e-mail, to accept for this "
    "organization",
)
async def list_brand_invitations(
    org_id: uuid.UUID, user: CurrentUser, connections: Connections, buyers: Buyers
) -> list[BrandInvitationView]:
    await buyers.get(user, org_id)  # a member of the organization it would connect
    return await connections.invitation_views(await connections.pending_for(user))


@buyer_side.post(
    "/buyer-organizations/{org_id}/invitations/{invitation_id}/accept",
    responses=errors(404, 409),
    summary="Accept a pending invitation from the list",
)
async def accept_listed_brand_invitation(
    org_id: uuid.UUID,
    invitation_id: uuid.UUID,
    user: CurrentUser,
    connections: Connections,
    buyers: Buyers,
) -> Connection:
    org, member = await buyers.get(user, org_id)
    pending = {i.id: i for i in await connections.pending_for(user)}
    if invitation_id not in pending:
        raise NotFound("No such pending invitation.", code="customer_invitation.not_found")
    customer = await connections.accept(pending[invitation_id], org, member)
    return Connection(
        brand_id=customer.brand_id, customer_id=customer.id, customer_code=customer.code
    )


@buyer_side.get(
    "/buyer-organizations/{org_id}/brands",
    responses=errors(404),
    summary="Connected Brands, each with the catalogs this organization may order from",
)
async def list_connected_brands(
    org_id: uuid.UUID, user: CurrentUser, connections: Connections, buyers: Buyers
) -> list[ConnectedBrand]:
    org, _ = await buyers.get(user, org_id)
    return await connections.connected_brands(org)
