"""The brand's Links area: create, edit, pause and delete order links (DOMAIN.md §5)."""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.brands.access import BrandContext
from showroom.catalogs.repository import CatalogRepository, Owned
from showroom.catalogs.service import check_owned, check_payment_methods
from showroom.core import security
from showroom.core.config import Settings
from showroom.core.errors import Conflict, FieldErrors, Loc, NotFound, invalid_from
from showroom.core.pagination import PageParams
from showroom.core.time import utcnow
from showroom.integrations.events import emit
from showroom.integrations.schemas import EventType
from showroom.links.repository import LinkRepository
from showroom.links.schemas import LinkCreate, LinkFields, LinkRead, LinkUpdate
from showroom.models import (
    BackgroundType,
    Catalog,
    LinkKind,
    LinkStatus,
    Lookbook,
    Media,
    OrderLink,
    ShippingRateGroup,
    TransactionTerm,
)
from showroom.pricing import BillingTerm, TermKind

# Letters and digits that cannot be mistaken for one another when read aloud or typed.
PASSCODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PASSCODE_LENGTH = 8

# Link attributes copied as they are between the schemas and the model.
_PLAIN_FIELDS = (
    "name",
    "description",
    "china_only",
    "use_as_catalog",
    "target_buyer_type",
    "require_address",
    "release_at",
    "expires_at",
    "languages",
    "currencies",
    "video_url",
    "background_type",
    "background_media_id",
    "background_video_url",
    "shipping_rate_group_id",
    "payment_methods",
)
_TERM_FIELDS = (
    "transaction_term_id",
    "condition",
    "billing_term",
    "deposit_percent",
    "apply_tax_to_price",
    "display_transaction_terms",
)


def new_token() -> str:
    """256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def new_passcode() -> str:
    return "".join(secrets.choice(PASSCODE_ALPHABET) for _ in range(PASSCODE_LENGTH))


def link_url(settings: Settings, link: OrderLink) -> str:
    return f"{settings.public_url}/l/{link.token}"


def link_terms(link: OrderLink) -> dict[str, Any] | None:
    if link.transaction_term_id is None:
        return None
    return {name: getattr(link, name) for name in _TERM_FIELDS}


def link_read(settings: Settings, link: OrderLink, catalogs: list[Catalog]) -> LinkRead:
    return LinkRead.model_validate(
        {
            **{name: getattr(link, name) for name in LinkRead.model_fields if hasattr(link, name)},
            "url": link_url(settings, link),
            "catalogs": catalogs,
            "passcode_enabled": link.passcode_hash is not None,
            "terms": link_terms(link),
        }
    )


class LinkService:
    def __init__(self, session: AsyncSession, settings: Settings, ctx: BrandContext) -> None:
        self.session = session
        self.settings = settings
        self.ctx = ctx
        self.brand = ctx.brand
        self.repo = LinkRepository(session, ctx.brand_id)
        self.owned = CatalogRepository(session, ctx.brand_id)

    # --- reading ---------------------------------------------------------------------------

    async def page(
        self,
        page: PageParams,
        kind: LinkKind | None,
        status: LinkStatus | None,
        updated_since: datetime | None = None,
    ) -> tuple[list[OrderLink], dict[uuid.UUID, list[Catalog]], str | None]:
        links, cursor = await self.repo.page(page, kind, status, updated_since)
        return links, await self.repo.catalogs([link.id for link in links]), cursor

    async def get(self, link_id: uuid.UUID) -> tuple[OrderLink, list[Catalog]]:
        link = await self._link(link_id)
        return link, (await self.repo.catalogs([link.id]))[link.id]

    async def _link(self, link_id: uuid.UUID) -> OrderLink:
        link = await self.repo.get(link_id)
        if link is None:
            raise NotFound("No such link.", code="link.not_found")
        return link

    # --- writing ---------------------------------------------------------------------------

    async def create(self, data: LinkCreate) -> tuple[OrderLink, list[Catalog]]:
        errors = FieldErrors()
        await self._check(errors, data.kind, data, passcode_on=data.passcode is not None)
        errors.raise_if_any()
        link = OrderLink(
            brand_id=self.brand.id,
            kind=data.kind,
            status=LinkStatus.open,
            token=new_token(),
            passcode_hash=security.hash_password(data.passcode) if data.passcode else None,
        )
        self._assign(link, data)
        self.repo.add(link)
        await self.session.flush()
        await self.repo.replace_catalogs(link.id, data.catalog_ids)
        return await self.get(link.id)

    async def update(self, link_id: uuid.UUID, data: LinkUpdate) -> tuple[OrderLink, list[Catalog]]:
        link, catalogs = await self.get(link_id)
        given = data.model_dump(exclude_unset=True)
        status = given.pop("status", None)
        passcode_given = "passcode" in given
        passcode = given.pop("passcode", None)
        current: dict[str, Any] = {name: getattr(link, name) for name in _PLAIN_FIELDS}
        current |= {
            "catalog_ids": [c.id for c in catalogs],
            "lookbook_ids": [uuid.UUID(i) for i in link.lookbook_ids],
            "contacts": link.contacts,
            "terms": link_terms(link),
        }
        if given or passcode_given:
            try:
                merged = LinkFields.model_validate(current | given)
            except ValidationError as exc:
                raise invalid_from(exc) from exc
            errors = FieldErrors()
            passcode_on = passcode is not None if passcode_given else link.passcode_hash is not None
            await self._check(errors, link.kind, merged, passcode_on=passcode_on)
            errors.raise_if_any()
            self._assign(link, merged)
        if passcode_given:
            link.passcode_hash = security.hash_password(passcode) if passcode else None
        if status is not None:
            link.status = status
        link.updated_at = utcnow()
        if "catalog_ids" in given:
            await self.repo.replace_catalogs(link.id, given["catalog_ids"])
        await self.session.flush()
        if link.status is LinkStatus.deleted:
            self._updated(link, catalogs)
            return link, catalogs
        return self._updated(*await self.get(link.id))

    async def regenerate_token(self, link_id: uuid.UUID) -> tuple[OrderLink, list[Catalog]]:
        """A new URL: the old one answers 404 and grants issued for it stop working."""
        link = await self._link(link_id)
        link.token = new_token()
        link.updated_at = utcnow()
        await self.session.flush()
        return self._updated(*await self.get(link.id))

    async def generate_passcode(self, link_id: uuid.UUID) -> str:
        link = await self._link(link_id)
        if link.kind is LinkKind.customer:
            raise Conflict(
                "Customer Order Links ask for a login, not a passcode.", code="link.kind_mismatch"
            )
        passcode = new_passcode()
        link.passcode_hash = security.hash_password(passcode)
        link.updated_at = utcnow()
        self._updated(*await self.get(link.id))
        return passcode

    def _updated(self, link: OrderLink, catalogs: list[Catalog]) -> tuple[OrderLink, list[Catalog]]:
        emit(
            self.session,
            self.brand.id,
            EventType.link_updated,
            link_read(self.settings, link, catalogs).model_dump(mode="json"),
        )
        return link, catalogs

    def _assign(self, link: OrderLink, data: LinkFields) -> None:
        for name in _PLAIN_FIELDS:
            setattr(link, name, getattr(data, name))
        link.lookbook_ids = [str(i) for i in data.lookbook_ids]
        link.contacts = [contact.model_dump() for contact in data.contacts]
        terms = data.terms.model_dump() if data.terms else dict.fromkeys(_TERM_FIELDS)
        for name in _TERM_FIELDS:
            setattr(link, name, terms[name])
        if data.terms is None:
            link.apply_tax_to_price = link.display_transaction_terms = False
        elif data.terms.billing_term is BillingTerm.without_deposit:
            link.deposit_percent = None
        if data.background_type is not BackgroundType.image:
            link.background_media_id = None
        if data.background_type is not BackgroundType.video:
            link.background_video_url = None

    # --- the rules of each kind ------------------------------------------------------------

    async def _check(
        self, errors: FieldErrors, kind: LinkKind, data: LinkFields, *, passcode_on: bool
    ) -> None:
        await self._check_references(errors, data)
        if kind is LinkKind.instant and len(data.catalog_ids) != 1:
            errors.add(
                ("body", "catalog_ids"),
                "An Instant Order Link has exactly one catalog.",
                "link.one_catalog",
            )
        if data.use_as_catalog and kind is LinkKind.dynamic:
            errors.add(
                ("body", "use_as_catalog"),
                "Only Instant and Customer Order Links can be used as a catalog.",
                "link.kind_mismatch",
            )
        if data.require_address and kind is not LinkKind.customer:
            errors.add(
                ("body", "require_address"),
                "Only Customer Order Links ask for an address up front.",
                "link.kind_mismatch",
            )
        if data.release_at and data.expires_at and data.release_at >= data.expires_at:
            errors.add(
                ("body", "expires_at"),
                "The link must expire after its release date.",
                "link.expiry_before_release",
            )
        if data.background_type is BackgroundType.image and data.background_media_id is None:
            errors.add(("body", "background_media_id"), "Choose an image.", "missing")
        if data.background_type is BackgroundType.video and data.background_video_url is None:
            errors.add(("body", "background_video_url"), "Give the video's URL.", "missing")
        if kind is LinkKind.customer:
            self._check_customer_link(errors, data, passcode_on=passcode_on)
        else:
            await self._check_own_terms(errors, data)

    def _check_customer_link(
        self, errors: FieldErrors, data: LinkFields, *, passcode_on: bool
    ) -> None:
        """Customer links use each customer's established terms and a login."""
        refusals: list[tuple[str, bool, str]] = [
            ("china_only", data.china_only, "Customer Order Links cannot be China-only."),
            ("terms", data.terms is not None, "Customer Order Links use the customer's terms."),
            ("languages", bool(data.languages), "The customer's terms choose the language."),
            ("currencies", bool(data.currencies), "The customer's terms choose the currency."),
            ("passcode", passcode_on, "Customer Order Links ask for a login, not a passcode."),
        ]
        for field, refused, message in refusals:
            if refused:
                errors.add(("body", field), message, "link.kind_mismatch")

    async def _check_own_terms(self, errors: FieldErrors, data: LinkFields) -> None:
        for field, chosen, enabled in (
            ("languages", data.languages, self.brand.languages),
            ("currencies", data.currencies, self.brand.currencies),
        ):
            if not chosen:
                errors.add(("body", field), "Choose at least one.", "missing")
            if len(set(chosen)) != len(chosen):
                errors.add(("body", field), "Each one once.", "duplicate")
            for index, value in enumerate(chosen):
                if value not in enabled:
                    errors.add(
                        ("body", field, index),
                        f"{value} is not enabled in the brand's settings.",
                        "link.not_enabled",
                    )
        if data.terms is None:
            errors.add(("body", "terms"), "Choose the link's transaction terms.", "missing")
            return
        loc: Loc = ("body", "terms")
        term = await self.session.scalar(
            select(TransactionTerm).where(
                TransactionTerm.brand_id == self.brand.id,
                TransactionTerm.id == data.terms.transaction_term_id,
            )
        )
        condition = data.terms.condition
        if term is None:
            errors.add((*loc, "transaction_term_id"), "No such transaction term.", "not_found")
        elif term.kind is TermKind.rate and not 0 < condition <= 100:
            errors.add((*loc, "condition"), "A rate must be above 0 and at most 100 %.", "range")
        elif term.kind is TermKind.discount and not 0 <= condition < 100:
            errors.add((*loc, "condition"), "A discount must be from 0 to under 100 %.", "range")
        deposit = data.terms.deposit_percent
        if data.terms.billing_term is BillingTerm.with_deposit:
            if deposit is None or not 0 < deposit <= 100:
                errors.add(
                    (*loc, "deposit_percent"),
                    "With a deposit, give its percentage (above 0, at most 100).",
                    "deposit_required",
                )
        elif deposit is not None:
            errors.add(
                (*loc, "deposit_percent"),
                "A deposit percentage needs the billing term “with deposit”.",
                "deposit_without_billing",
            )

    async def _check_references(self, errors: FieldErrors, data: LinkFields) -> None:
        await check_owned(
            errors, self.owned, Catalog, data.catalog_ids, ("body", "catalog_ids"), "catalog"
        )
        await check_owned(
            errors, self.owned, Lookbook, data.lookbook_ids, ("body", "lookbook_ids"), "lookbook"
        )
        singles: list[tuple[Owned, uuid.UUID | None, str]] = [
            (Media, data.background_media_id, "background_media_id"),
            (ShippingRateGroup, data.shipping_rate_group_id, "shipping_rate_group_id"),
        ]
        for model, item_id, name in singles:
            if item_id is not None and await self.owned.missing(model, [item_id]):
                errors.add(("body", name), "Not found in this brand.", "not_found")
        check_payment_methods(errors, self.brand, data.payment_methods or [])
