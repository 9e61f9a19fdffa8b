from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.pagination import PageParams, changes_page, keyset_page
from showroom.core.time import utcnow
from showroom.models import (
    Brand,
    Catalog,
    CatalogAccessGrant,
    CatalogStatus,
    Customer,
    CustomerInvitation,
    CustomerKind,
    TransactionTerm,
)


class CustomerRepository:
    """Customers and invitations of one brand."""

    def __init__(self, session: AsyncSession, brand_id: uuid.UUID) -> None:
        self.session = session
        self.brand_id = brand_id

    async def page(
        self,
        page: PageParams,
        *,
        kind: CustomerKind | None,
        search: str | None,
        updated_since: datetime | None,
    ) -> tuple[list[Customer], str | None]:
        query = select(Customer).where(Customer.brand_id == self.brand_id)
        if kind is not None:
            query = query.where(Customer.kind == kind)
        if search:
            pattern = f"%{search.lower()}%"
            query = query.where(
                or_(
                    func.lower(Customer.code).like(pattern),
                    func.lower(Customer.company_name).like(pattern),
                    func.lower(Customer.contact_name).like(pattern),
                    func.lower(Customer.email).like(pattern),
                )
            )
        if updated_since is not None:
            query = query.where(Customer.updated_at >= updated_since)
            rows, cursor = await changes_page(
                self.session, query, page, updated=Customer.updated_at, ident=Customer.id
            )
        else:
            rows, cursor = await keyset_page(
                self.session, query, page, created=Customer.created_at, ident=Customer.id
            )
        return [row[0] for row in rows], cursor

    async def get(self, customer_id: uuid.UUID) -> Customer | None:
        return await self.session.scalar(
            select(Customer).where(Customer.brand_id == self.brand_id, Customer.id == customer_id)
        )

    async def code_taken(self, code: str, except_id: uuid.UUID | None = None) -> bool:
        query = select(Customer.id).where(Customer.brand_id == self.brand_id, Customer.code == code)
        if except_id is not None:
            query = query.where(Customer.id != except_id)
        return await self.session.scalar(query.limit(1)) is not None

    async def count(self) -> int:
        return (
            await self.session.scalar(
                select(func.count()).select_from(Customer).where(Customer.brand_id == self.brand_id)
            )
            or 0
        )

    async def term(self, term_id: uuid.UUID) -> TransactionTerm | None:
        return await self.session.scalar(
            select(TransactionTerm).where(
                TransactionTerm.brand_id == self.brand_id, TransactionTerm.id == term_id
            )
        )

    async def invitations(self, page: PageParams) -> tuple[list[CustomerInvitation], str | None]:
        rows, cursor = await keyset_page(
            self.session,
            select(CustomerInvitation).where(CustomerInvitation.brand_id == self.brand_id),
            page,
            created=CustomerInvitation.created_at,
            ident=CustomerInvitation.id,
        )
        return [row[0] for row in rows], cursor

    async def invitation(self, invitation_id: uuid.UUID) -> CustomerInvitation | None:
        return await self.session.scalar(
            select(CustomerInvitation).where(
                CustomerInvitation.brand_id == self.brand_id,
                CustomerInvitation.id == invitation_id,
            )
        )


class ConnectionRepository:
    """The buyer's side: invitations addressed to them, the brands they are connected to."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def invitation_by_token(self, token_hash: str) -> CustomerInvitation | None:
        return await self.session.scalar(
            select(CustomerInvitation).where(CustomerInvitation.token_hash == token_hash)
        )

    async def pending_for(self, emails: list[str]) -> list[CustomerInvitation]:
        return list(
            await self.session.scalars(
                select(CustomerInvitation)
                .where(
                    CustomerInvitation.email.in_(emails),
                    CustomerInvitation.accepted_at.is_(None),
                    CustomerInvitation.revoked_at.is_(None),
                    CustomerInvitation.expires_at > utcnow(),
                )
                .order_by(CustomerInvitation.created_at, CustomerInvitation.id)
            )
        )

    async def brands(self, ids: set[uuid.UUID]) -> dict[uuid.UUID, Brand]:
        if not ids:
            return {}
        return {b.id: b for b in await self.session.scalars(select(Brand).where(Brand.id.in_(ids)))}

    async def terms(self, ids: set[uuid.UUID]) -> dict[uuid.UUID, TransactionTerm]:
        if not ids:
            return {}
        rows = await self.session.scalars(
            select(TransactionTerm).where(TransactionTerm.id.in_(ids))
        )
        return {term.id: term for term in rows}

    async def customer_of(self, brand_id: uuid.UUID, org_id: uuid.UUID) -> Customer | None:
        return await self.session.scalar(
            select(Customer).where(
                Customer.brand_id == brand_id, Customer.buyer_organization_id == org_id
            )
        )

    async def customers_of(self, org_id: uuid.UUID) -> list[Customer]:
        return list(
            await self.session.scalars(
                select(Customer)
                .where(Customer.buyer_organization_id == org_id)
                .order_by(Customer.created_at, Customer.id)
            )
        )

    async def visible_catalogs(self, customers: list[Customer]) -> list[Catalog]:
        """Released catalogs these customers may see: open ones, and limited ones they were
        granted. Closed catalogs are never listed."""
        if not customers:
            return []
        brand_ids = [customer.brand_id for customer in customers]
        customer_ids = [customer.id for customer in customers]
        granted = select(CatalogAccessGrant.catalog_id).where(
            CatalogAccessGrant.customer_id.in_(customer_ids)
        )
        now = utcnow()
        return list(
            await self.session.scalars(
                select(Catalog)
                .where(
                    Catalog.brand_id.in_(brand_ids),
                    or_(Catalog.release_at.is_(None), Catalog.release_at <= now),
                    or_(
                        Catalog.status == CatalogStatus.open,
                        (Catalog.status == CatalogStatus.limited) & Catalog.id.in_(granted),
                    ),
                )
                .order_by(Catalog.created_at, Catalog.id)
            )
        )
