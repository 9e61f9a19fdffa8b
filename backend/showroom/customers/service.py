"""A brand's customers (connected and offline) with their established terms, and the
invitations that connect buyer organizations to brands."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.brands.access import BrandContext
from showroom.core import security
from showroom.core.config import Settings
from showroom.core.errors import Conflict, FieldErrors, Invalid, Loc, NotFound
from showroom.core.pagination import PageParams
from showroom.core.time import utcnow
from showroom.core.validation import normalize_phone
from showroom.customers.repository import ConnectionRepository, CustomerRepository
from showroom.customers.schemas import (
    BrandInvitationView,
    CatalogCard,
    ConnectedBrand,
    CustomerCreate,
    CustomerInvitationCreate,
    CustomerRead,
    CustomerUpdate,
    Terms,
    TermsRead,
    TermsSummary,
)
from showroom.integrations.events import emit
from showroom.integrations.schemas import EventType
from showroom.media.schemas import media_url
from showroom.models import (
    BrandStatus,
    BuyerMember,
    BuyerOrganization,
    Customer,
    CustomerInvitation,
    CustomerKind,
    TransactionTerm,
    User,
)
from showroom.notifications.mail import queue_mail
from showroom.pricing import BillingTerm, TermKind

INVITATION_DAYS = 30

InvitationState = Literal["pending", "accepted", "expired", "revoked"]


def invitation_state(invitation: CustomerInvitation) -> InvitationState:
    if invitation.accepted_at is not None:
        return "accepted"
    if invitation.revoked_at is not None:
        return "revoked"
    if invitation.expires_at <= utcnow():
        return "expired"
    return "pending"


async def next_customer_code(customers: CustomerRepository) -> str:
    """``C00001``, ``C00002`` … the first free one in the brand."""
    number = await customers.count() + 1
    while await customers.code_taken(f"C{number:05d}"):
        number += 1
    return f"C{number:05d}"


def terms_of(customer: Customer) -> Terms:
    return Terms(
        language=customer.language,
        currency=customer.currency,
        transaction_term_id=customer.transaction_term_id,
        condition=customer.condition,
        billing_term=customer.billing_term,
        deposit_percent=customer.deposit_percent,
        apply_tax_to_price=customer.apply_tax_to_price,
    )


def apply_terms(customer: Customer, terms: Terms) -> None:
    customer.language = terms.language
    customer.currency = terms.currency
    customer.transaction_term_id = terms.transaction_term_id
    customer.condition = terms.condition
    customer.billing_term = terms.billing_term
    customer.deposit_percent = (
        terms.deposit_percent if terms.billing_term is BillingTerm.with_deposit else None
    )
    customer.apply_tax_to_price = terms.apply_tax_to_price


def customer_view(customer: Customer) -> CustomerRead:
    return CustomerRead(
        id=customer.id,
        code=customer.code,
        kind=customer.kind,
        buyer_organization_id=customer.buyer_organization_id,
        buyer_type=customer.buyer_type,
        company_name=customer.company_name,
        contact_name=customer.contact_name,
        country=customer.country,
        email=customer.email,
        phone=customer.phone,
        notes=customer.notes,
        terms=TermsRead.model_validate(terms_of(customer).model_dump()),
        link_login_email=customer.link_login_email,
        created_at=customer.created_at,
        updated_at=customer.updated_at,
    )


class CustomerService:
    def __init__(self, session: AsyncSession, settings: Settings, ctx: BrandContext) -> None:
        self.session = session
        self.settings = settings
        self.ctx = ctx
        self.brand = ctx.brand
        self.repo = CustomerRepository(session, ctx.brand_id)

    async def check_terms(self, errors: FieldErrors, terms: Terms, loc: Loc) -> None:
        if terms.language not in self.brand.languages:
            errors.add(
                (*loc, "language"), "Not one of the brand's languages.", "language_not_enabled"
            )
        if terms.currency not in self.brand.currencies:
            errors.add(
                (*loc, "currency"), "Not one of the brand's currencies.", "currency_not_enabled"
            )
        term = await self.repo.term(terms.transaction_term_id)
        if term is None:
            errors.add((*loc, "transaction_term_id"), "No such transaction term.", "not_found")
        elif term.kind is TermKind.rate and not 0 < terms.condition <= 100:
            errors.add((*loc, "condition"), "A rate must be above 0 and at most 100 %.", "range")
        elif term.kind is TermKind.discount and not 0 <= terms.condition < 100:
            errors.add((*loc, "condition"), "A discount must be from 0 to under 100 %.", "range")
        if terms.billing_term is BillingTerm.with_deposit and not (
            terms.deposit_percent is not None and 0 < terms.deposit_percent <= 100
        ):
            errors.add(
                (*loc, "deposit_percent"),
                "With a deposit, give its percentage (above 0, at most 100).",
                "deposit_required",
            )

    async def _code_free(self, code: str, except_id: uuid.UUID | None = None) -> None:
        if await self.repo.code_taken(code, except_id):
            raise Conflict(
                f"Another customer already has the code {code}.",
                code="customer.code_taken",
                loc=("body", "code"),
            )

    async def page(
        self,
        page: PageParams,
        *,
        kind: CustomerKind | None,
        search: str | None,
        updated_since: datetime | None,
    ) -> tuple[list[Customer], str | None]:
        return await self.repo.page(page, kind=kind, search=search, updated_since=updated_since)

    async def get(self, customer_id: uuid.UUID) -> Customer:
        customer = await self.repo.get(customer_id)
        if customer is None:
            raise NotFound("No such customer.", code="customer.not_found")
        return customer

    async def create(self, data: CustomerCreate) -> Customer:
        errors = FieldErrors()
        await self.check_terms(errors, data.terms, ("body", "terms"))
        errors.raise_if_any()
        if data.code is not None:
            await self._code_free(data.code)
        customer = Customer(
            brand_id=self.brand.id,
            code=data.code or await next_customer_code(self.repo),
            kind=CustomerKind.offline,
            buyer_type=data.buyer_type,
            company_name=data.company_name,
            contact_name=data.contact_name,
            country=data.country,
            email=data.email,
            phone=data.phone,
            notes=data.notes,
        )
        apply_terms(customer, data.terms)
        if data.link_login is not None:
            customer.link_login_email = data.link_login.email
            customer.link_password_hash = security.hash_password(data.link_login.password)
        self.session.add(customer)
        await self.session.flush()
        return customer

    async def update(self, customer_id: uuid.UUID, data: CustomerUpdate) -> Customer:
        customer = await self.get(customer_id)
        errors = FieldErrors()
        if data.terms is not None:
            await self.check_terms(errors, data.terms, ("body", "terms"))
        errors.raise_if_any()
        if data.code is not None and data.code != customer.code:
            await self._code_free(data.code, customer.id)
            customer.code = data.code
        for field in ("company_name", "contact_name", "country", "email", "notes"):
            value = getattr(data, field)
            if value is not None:
                setattr(customer, field, value)
        if data.phone is not None:
            try:
                customer.phone = normalize_phone(data.phone, customer.country)
            except ValueError as exc:
                raise Invalid(
                    "Not a valid phone number for this country.",
                    code="phone_invalid",
                    loc=("body", "phone"),
                ) from exc
        if data.terms is not None:
            # Placed orders keep the terms they were placed with (a snapshot).
            apply_terms(customer, data.terms)
        if "link_login" in data.model_fields_set:
            login = data.link_login
            customer.link_login_email = login.email if login else None
            customer.link_password_hash = security.hash_password(login.password) if login else None
        customer.updated_at = utcnow()
        await self.session.flush()
        return customer

    # --- invitations -----------------------------------------------------------------------

    async def invite(self, data: CustomerInvitationCreate) -> CustomerInvitation:
        customer = await self.get(data.customer_id) if data.customer_id else None
        if customer is not None and customer.kind is CustomerKind.connected:
            raise Conflict("This customer is already connected.", code="customer.already_connected")
        terms = data.terms or (terms_of(customer) if customer else None)
        errors = FieldErrors()
        if terms is None:
            errors.add(("body", "terms"), "Set the terms this customer will order on.", "missing")
        else:
            await self.check_terms(errors, terms, ("body", "terms"))
        errors.raise_if_any()
        assert terms is not None
        raw = security.new_secret()
        invitation = CustomerInvitation(
            brand_id=self.brand.id,
            customer_id=customer.id if customer else None,
            email=data.email,
            language=data.language,
            message=data.message.strip(),
            terms=terms.model_dump(mode="json"),
            token_hash=security.hash_secret(raw),
            invited_by_id=self.ctx.actor_id,
            expires_at=utcnow() + timedelta(days=INVITATION_DAYS),
        )
        self.session.add(invitation)
        brand_name = (
            self.brand.name.get(data.language) or self.brand.name[self.brand.default_language]
        )
        queue_mail(
            self.session,
            data.email,
            "customer_invitation",
            data.language,
            brand=brand_name,
            message=invitation.message,
            url=f"{self.settings.public_url}/brand-invitations/{raw}",
            expires=invitation.expires_at,
        )
        await self.session.flush()
        return invitation

    async def invitations(self, page: PageParams) -> tuple[list[CustomerInvitation], str | None]:
        return await self.repo.invitations(page)

    async def revoke(self, invitation_id: uuid.UUID) -> None:
        invitation = await self.repo.invitation(invitation_id)
        if invitation is None or invitation_state(invitation) != "pending":
            raise NotFound("No such pending invitation.", code="customer_invitation.not_found")
        invitation.revoked_at = utcnow()


class ConnectionService:
    """The buyer's side of connections."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.repo = ConnectionRepository(session)

    async def by_token(self, raw_token: str) -> CustomerInvitation:
        invitation = await self.repo.invitation_by_token(security.hash_secret(raw_token))
        if invitation is None:
            raise NotFound(
                "This invitation link is not valid.", code="customer_invitation.not_found"
            )
        return invitation

    async def pending_for(self, user: User) -> list[CustomerInvitation]:
        """Invitations sent to the user's own e-mail, once the user has proven it is theirs.
        An organization's e-mail addresses are whatever its members typed, and an unverified
        account's may be someone else's: trusting either would let anyone take another
        buyer's invitation, and its terms. Other recipients open the e-mailed link."""
        if not user.email_verified:
            return []
        return await self.repo.pending_for([user.email])

    async def accept(
        self, invitation: CustomerInvitation, org: BuyerOrganization, member: BuyerMember
    ) -> Customer:
        state = invitation_state(invitation)
        if state != "pending":
            raise Conflict(f"This invitation is {state}.", code=f"customer_invitation.{state}")
        if await self.repo.customer_of(invitation.brand_id, org.id) is not None:
            raise Conflict(
                "This organization is already connected to the brand.",
                code="customer.already_connected",
            )
        terms = Terms.model_validate(invitation.terms)
        customer = (
            await self.session.get(Customer, invitation.customer_id)
            if invitation.customer_id
            else None
        )
        if customer is None:
            brand_customers = CustomerRepository(self.session, invitation.brand_id)
            customer = Customer(
                brand_id=invitation.brand_id, code=await next_customer_code(brand_customers)
            )
            self.session.add(customer)
        # An offline customer keeps its code and history; it is now this organization.
        customer.kind = CustomerKind.connected
        customer.buyer_organization_id = org.id
        customer.buyer_type = org.kind
        customer.company_name = org.name.get(org.default_language, "")
        customer.contact_name = org.representative.get(org.default_language, "")
        customer.country = org.country
        customer.email = org.emails[0]
        customer.phone = org.phone
        apply_terms(customer, terms)
        customer.updated_at = utcnow()
        invitation.accepted_at = utcnow()
        invitation.accepted_by_organization_id = org.id
        try:
            await self.session.flush()
        except IntegrityError as exc:
            raise Conflict(
                "This organization is already connected to the brand.",
                code="customer.already_connected",
            ) from exc
        emit(
            self.session,
            customer.brand_id,
            EventType.customer_connected,
            customer_view(customer).model_dump(mode="json"),
        )
        return customer

    async def invitation_views(
        self, invitations: list[CustomerInvitation]
    ) -> list[BrandInvitationView]:
        brands = await self.repo.brands({i.brand_id for i in invitations})
        terms = await self.repo.terms(
            {uuid.UUID(i.terms["transaction_term_id"]) for i in invitations}
        )
        views = []
        for invitation in invitations:
            brand = brands[invitation.brand_id]
            saved = Terms.model_validate(invitation.terms)
            views.append(
                BrandInvitationView(
                    id=invitation.id,
                    brand_id=brand.id,
                    brand_name=brand.name,
                    brand_default_language=brand.default_language,
                    email=invitation.email,
                    message=invitation.message,
                    terms=terms_summary(saved, terms.get(saved.transaction_term_id)),
                    state=invitation_state(invitation),
                    expires_at=invitation.expires_at,
                )
            )
        return views

    async def connected_brands(self, org: BuyerOrganization) -> list[ConnectedBrand]:
        """The brands this organization trades with (inactive brands hide), each with the
        catalogs it may order from."""
        customers = await self.repo.customers_of(org.id)
        brands = await self.repo.brands({c.brand_id for c in customers})
        terms = await self.repo.terms({c.transaction_term_id for c in customers})
        active = [c for c in customers if brands[c.brand_id].status is BrandStatus.active]
        catalogs = await self.repo.visible_catalogs(active)
        now = utcnow()
        return [
            ConnectedBrand(
                brand_id=customer.brand_id,
                name=brands[customer.brand_id].name,
                description=brands[customer.brand_id].description,
                default_language=brands[customer.brand_id].default_language,
                logo_url=_url(brands[customer.brand_id].logo_id),
                customer_code=customer.code,
                terms=terms_summary(terms_of(customer), terms.get(customer.transaction_term_id)),
                catalogs=[
                    CatalogCard(
                        id=catalog.id,
                        name=catalog.name,
                        description=catalog.description,
                        status=catalog.status,
                        release_at=catalog.release_at,
                        order_deadline=catalog.order_deadline,
                        ordering_open=catalog.order_deadline is None
                        or catalog.order_deadline > now,
                        main_visual_url=_url(catalog.main_visual_id),
                    )
                    for catalog in catalogs
                    if catalog.brand_id == customer.brand_id
                ],
            )
            for customer in active
        ]


def _url(media_id: uuid.UUID | None) -> str | None:
    return media_url(media_id) if media_id else None


def terms_summary(terms: Terms, term: TransactionTerm | None) -> TermsSummary:
    return TermsSummary(
        currency=terms.currency,
        transaction_term=term.code if term else "",
        transaction_term_kind=term.kind if term else "",
        condition=terms.condition,
        billing_term=terms.billing_term,
        deposit_percent=terms.deposit_percent,
    )
