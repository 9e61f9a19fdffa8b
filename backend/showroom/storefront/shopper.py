"""The terms context of a request (DOMAIN.md §4): who is shopping, which catalogs they may
reach, and on what terms. It comes from an order link's grant, or from a user acting for a
buyer organization connected to the brand (a standard order)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.config import Settings
from showroom.core.errors import Forbidden, NotFound, Unauthorized
from showroom.core.time import utcnow
from showroom.customers.repository import ConnectionRepository
from showroom.customers.schemas import Terms, TermsSummary
from showroom.customers.service import terms_summary
from showroom.models import (
    Brand,
    BrandStatus,
    BuyerOrganization,
    Catalog,
    CatalogStatus,
    Customer,
    LinkKind,
    LinkStatus,
    OrderLink,
    TransactionTerm,
    User,
)
from showroom.pricing import BillingTerm
from showroom.storefront.grants import Grant, link_version, read_grant
from showroom.storefront.repository import (
    CustomerContext,
    LinkContext,
    PriceList,
    StorefrontRepository,
)
from showroom.storefront.schemas import LinkState

WSP_CODE = "WSP"


def link_state(link: OrderLink, brand: Brand, now: datetime) -> LinkState:
    """The state before any passcode or login is considered."""
    if link.status is LinkStatus.void:
        return "unavailable"
    if link.kind is LinkKind.customer and brand.status is not BrandStatus.active:
        return "unavailable"
    if link.release_at is not None and now < link.release_at:
        return "not_yet_released"
    if link.expires_at is not None and now >= link.expires_at:
        return "expired"
    return "available"


def catalog_released(catalog: Catalog, now: datetime) -> bool:
    return catalog.release_at is None or catalog.release_at <= now


def ordering_open(catalog: Catalog, now: datetime) -> bool:
    return catalog.order_deadline is None or catalog.order_deadline > now


@dataclass(frozen=True)
class Shopper:
    brand: Brand
    link: OrderLink | None
    customer: Customer | None
    organization: BuyerOrganization | None
    catalogs: list[Catalog]  # everything this shopper may reach, in display order
    currency: str
    currencies: list[str]
    language: str
    languages: list[str]
    term: TransactionTerm
    condition: Decimal
    billing_term: BillingTerm
    deposit_percent: Decimal | None
    apply_tax_to_price: bool
    display_terms: bool
    destination_country: str  # decides whether displayed prices include tax
    rrp_term_id: uuid.UUID | None  # the brand's RRP list, shown beside WSP prices

    @property
    def use_as_catalog(self) -> bool:
        return self.link is not None and self.link.use_as_catalog

    @property
    def shows_rrp(self) -> bool:
        return self.term.code.upper() == WSP_CODE

    @property
    def price_list(self) -> PriceList:
        return PriceList(self.term.id, self.currency, self.rrp_term_id if self.shows_rrp else None)

    def terms_summary(self) -> TermsSummary:
        """The terms as the buyer reads them."""
        terms = Terms(
            language=self.language,
            currency=self.currency,
            transaction_term_id=self.term.id,
            condition=self.condition,
            billing_term=self.billing_term,
            deposit_percent=self.deposit_percent,
            apply_tax_to_price=self.apply_tax_to_price,
        )
        return terms_summary(terms, self.term)

    def reachable(self, catalog_id: uuid.UUID) -> Catalog:
        for catalog in self.catalogs:
            if catalog.id == catalog_id:
                return catalog
        raise NotFound("No such catalog.", code="catalog.not_found")


class ShopperResolver:
    def __init__(self, session: AsyncSession, settings: Settings) -> None:
        self.session = session
        self.settings = settings
        self.repo = StorefrontRepository(session)

    # --- link grants -----------------------------------------------------------------------

    async def granted_link(self, raw_grant: str) -> tuple[LinkContext, Grant]:
        """The link a grant opens, while it is still usable; 401 otherwise."""
        read = read_grant(raw_grant, self.settings.secret_key)
        found = await self.repo.link_context(link_id=read[0].link_id) if read else None
        if (
            read is None
            or found is None
            or read[1] != link_version(found.link)
            or link_state(found.link, found.brand, utcnow()) != "available"
        ):
            raise Unauthorized(
                "This link access has ended; open the link again.", code="link.grant_invalid"
            )
        return found, read[0]

    def grant_ttl(self) -> timedelta:
        return timedelta(hours=self.settings.link_grant_hours)

    async def for_link(
        self,
        found: LinkContext,
        grant: Grant | None,
        *,
        currency: str | None = None,
        language: str | None = None,
    ) -> Shopper | None:
        """The shopper on an open link; None when the link still needs a login."""
        link, brand, term = found.link, found.brand, found.term
        link_catalogs = found.catalogs
        now = utcnow()
        if link.kind is not LinkKind.customer:
            assert link.billing_term is not None
            assert term is not None  # RESTRICT keeps a link's term
            return Shopper(
                brand=brand,
                link=link,
                customer=None,
                organization=None,
                catalogs=[
                    c
                    for c in link_catalogs
                    if c.status is not CatalogStatus.closed and catalog_released(c, now)
                ],
                currency=_pick(currency, link.currencies),
                currencies=list(link.currencies),
                language=_pick(language, link.languages),
                languages=list(link.languages),
                term=term,
                condition=link.condition or Decimal(0),
                billing_term=link.billing_term,
                deposit_percent=link.deposit_percent,
                apply_tax_to_price=link.apply_tax_to_price,
                display_terms=link.display_transaction_terms,
                destination_country=brand.country,
                rrp_term_id=found.rrp_term_id,
            )
        customer = (
            await self.repo.customer_context(brand.id, grant.customer_id)
            if grant and grant.customer_id
            else None
        )
        if customer is None:
            return None
        visible = {
            c.id
            for c in await ConnectionRepository(self.session).visible_catalogs([customer.customer])
        }
        return self._customer_shopper(
            brand,
            customer,
            None,
            [c for c in link_catalogs if c.id in visible],
            link=link,
            language=language,
        )

    # --- standard orders -------------------------------------------------------------------

    async def for_organization(
        self,
        user: User,
        org_id: uuid.UUID,
        *,
        brand_id: uuid.UUID | None = None,
        catalog_id: uuid.UUID | None = None,
        language: str | None = None,
    ) -> Shopper:
        """A standard order: the user acting for a buyer organization connected to the brand
        (given, or the catalog's)."""
        found = await self.repo.organization_context(
            org_id, user.id, brand_id=brand_id, catalog_id=catalog_id
        )
        if found is None:
            raise NotFound("No such buyer organization.", code="buyer_organization.not_found")
        if found.brand is None:
            raise NotFound("No such catalog.", code="catalog.not_found")
        if found.customer is None or found.brand.status is not BrandStatus.active:
            raise Forbidden(
                "This buyer organization does not trade with the brand.",
                code="shopping.not_connected",
            )
        catalogs = await ConnectionRepository(self.session).visible_catalogs(
            [found.customer.customer]
        )
        return self._customer_shopper(
            found.brand, found.customer, found.organization, catalogs, language=language
        )

    @staticmethod
    def _customer_shopper(
        brand: Brand,
        found: CustomerContext,
        org: BuyerOrganization | None,
        catalogs: list[Catalog],
        *,
        link: OrderLink | None = None,
        language: str | None = None,
    ) -> Shopper:
        customer, term = found.customer, found.term
        return Shopper(
            brand=brand,
            link=link,
            customer=customer,
            organization=org,
            catalogs=catalogs,
            currency=customer.currency,
            currencies=[customer.currency],
            language=language if language in brand.languages else customer.language,
            languages=list(brand.languages),
            term=term,
            condition=customer.condition,
            billing_term=customer.billing_term,
            deposit_percent=customer.deposit_percent,
            apply_tax_to_price=customer.apply_tax_to_price,
            display_terms=True,  # a customer's own established terms
            destination_country=org.country if org else customer.country,
            rrp_term_id=found.rrp_term_id,
        )

    # --- either route ----------------------------------------------------------------------

    async def for_catalog(
        self,
        catalog_id: uuid.UUID,
        *,
        grant: str | None,
        user: User | None,
        org_id: uuid.UUID | None,
        currency: str | None,
        language: str | None,
    ) -> tuple[Shopper, Catalog]:
        if grant:
            found, read = await self.granted_link(grant)
            shopper = await self.for_link(found, read, currency=currency, language=language)
            if shopper is None:
                raise Unauthorized("Log in to this link first.", code="link.login_required")
        elif user is not None and org_id is not None:
            shopper = await self.for_organization(
                user, org_id, catalog_id=catalog_id, language=language
            )
        else:
            raise Unauthorized(
                "Open this catalog from an order link, or log in and choose the buyer "
                "organization you order for.",
                code="shopping.context_required",
            )
        return shopper, shopper.reachable(catalog_id)


def _pick(wanted: str | None, allowed: list[str]) -> str:
    if wanted and wanted in allowed:
        return wanted
    return allowed[0]
