"""A brand's commerce settings (DOMAIN.md §3): currencies, payments, order comments, delivery
dates, notification addresses; transaction terms; tax rates; shipping; categories."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from showroom.brands.access import BrandContext
from showroom.commerce.repository import BrandOwned, Coded, CommerceRepository
from showroom.commerce.schemas import (
    BrandSettingsRead,
    BrandSettingsUpdate,
    CategoryCreate,
    CategoryUpdate,
    ShippingRateGroupCreate,
    ShippingRateGroupUpdate,
    ShippingRateIn,
    TaxRateCreate,
    TaxRateUpdate,
    TransactionTermCreate,
    TransactionTermUpdate,
)
from showroom.core.config import Settings
from showroom.core.errors import Conflict, FieldErrors, NotFound
from showroom.core.pagination import PageParams
from showroom.models import (
    Category,
    CommentMode,
    ShippingRate,
    ShippingRateGroup,
    TaxRate,
    TransactionTerm,
)
from showroom.pricing import RateCondition

_LABELS = {
    TransactionTerm: "transaction_term",
    TaxRate: "tax_rate",
    ShippingRateGroup: "shipping_rate_group",
    Category: "category",
}


class CommerceService:
    def __init__(self, session: AsyncSession, settings: Settings, ctx: BrandContext) -> None:
        self.session = session
        self.settings = settings
        self.ctx = ctx
        self.brand = ctx.brand
        self.repo = CommerceRepository(session, ctx.brand_id)

    # --- helpers ---------------------------------------------------------------------------

    async def _get(self, model: type[BrandOwned], item_id: uuid.UUID) -> BrandOwned:
        found = await self.repo.get(model, item_id)
        if found is None:
            label = _LABELS[model]
            raise NotFound(f"No such {label.replace('_', ' ')}.", code=f"{label}.not_found")
        return found

    async def _unique_code(
        self, model: type[Coded], code: str, except_id: uuid.UUID | None = None
    ) -> None:
        if await self.repo.code_taken(model, code, except_id=except_id):
            label = _LABELS[model]
            raise Conflict(
                f"Another {label.replace('_', ' ')} already uses the code {code}.",
                code=f"{label}.code_taken",
                loc=("body", "code"),
            )

    async def list_page(
        self, model: type[BrandOwned], page: PageParams
    ) -> tuple[list[BrandOwned], str | None]:
        return await self.repo.page(model, page)

    async def get(self, model: type[BrandOwned], item_id: uuid.UUID) -> BrandOwned:
        return await self._get(model, item_id)

    # --- settings --------------------------------------------------------------------------

    def settings_view(self) -> BrandSettingsRead:
        brand = self.brand
        return BrandSettingsRead(
            languages=brand.languages,
            default_language=brand.default_language,
            currencies=brand.currencies,
            default_currency=brand.default_currency,
            card_payments_enabled=brand.card_payments_enabled,
            card_payments_available=self.settings.card_payments_available,
            offline_payment_accepted=brand.offline_payment_accepted,
            comment_mode=brand.comment_mode,
            comment_presets=brand.comment_presets,
            delivery_date_allowed=brand.delivery_date_allowed,
            notification_emails=brand.notification_emails,
        )

    async def update_settings(self, data: BrandSettingsUpdate) -> BrandSettingsRead:
        self.ctx.require_admin("change commerce settings")
        brand = self.brand
        changes = data.model_dump(exclude_unset=True, exclude_none=True)
        currencies: list[str] = changes.get("currencies", brand.currencies)
        default_currency: str = changes.get("default_currency", brand.default_currency)
        card = changes.get("card_payments_enabled", brand.card_payments_enabled)
        offline = changes.get("offline_payment_accepted", brand.offline_payment_accepted)
        mode = changes.get("comment_mode", brand.comment_mode)
        presets: list[dict[str, str]] = changes.get("comment_presets", brand.comment_presets)

        errors = FieldErrors()
        if len(set(currencies)) != len(currencies):
            errors.add(("body", "currencies"), "Each currency can be chosen once.", "duplicate")
        if default_currency not in currencies:
            errors.add(
                ("body", "default_currency"),
                "The default currency must be one of the enabled currencies.",
                "default_currency_not_enabled",
            )
        if card and not self.settings.card_payments_available:
            errors.add(
                ("body", "card_payments_enabled"),
                "Card payments are not configured on this platform.",
                "payments.card_unavailable",
            )
        if not card and not offline:
            errors.add(
                ("body", "offline_payment_accepted"),
                "Accept at least one way to pay: cards or payment outside Showroom.",
                "payments.none_accepted",
            )
        presets = [
            self.ctx.localized(errors, preset, ("body", "comment_presets", index))
            for index, preset in enumerate(presets)
        ]
        if mode == CommentMode.presets and not presets:
            errors.add(
                ("body", "comment_presets"),
                "Add at least one preset comment, or choose another comment mode.",
                "comment_presets_missing",
            )
        emails = changes.get("notification_emails", brand.notification_emails)
        if len(set(emails)) != len(emails):
            errors.add(("body", "notification_emails"), "Each address once.", "duplicate")
        errors.raise_if_any()

        for removed in set(brand.currencies) - set(currencies):
            if await self.repo.currency_in_use(removed):
                raise Conflict(
                    f"{removed} is used by customers or shipping groups; change them first.",
                    code="currency.in_use",
                    loc=("body", "currencies"),
                )
        brand.currencies = list(currencies)
        brand.default_currency = default_currency
        brand.card_payments_enabled = card
        brand.offline_payment_accepted = offline
        brand.comment_mode = mode
        brand.comment_presets = presets
        brand.delivery_date_allowed = changes.get(
            "delivery_date_allowed", brand.delivery_date_allowed
        )
        brand.notification_emails = list(emails)
        await self.session.flush()
        return self.settings_view()

    # --- transaction terms -----------------------------------------------------------------

    async def create_term(self, data: TransactionTermCreate) -> TransactionTerm:
        errors = FieldErrors()
        name = self.ctx.localized(errors, data.name, ("body", "name"))
        errors.raise_if_any()
        await self._unique_code(TransactionTerm, data.code)
        term = TransactionTerm(
            brand_id=self.brand.id,
            code=data.code,
            name=name,
            kind=data.kind,
            position=data.position,
        )
        self.repo.add(term)
        await self.session.flush()
        return term

    async def update_term(self, term_id: uuid.UUID, data: TransactionTermUpdate) -> TransactionTerm:
        term = await self._get(TransactionTerm, term_id)
        errors = FieldErrors()
        if data.name is not None:
            term.name = self.ctx.localized(errors, data.name, ("body", "name"))
        errors.raise_if_any()
        if data.code is not None and data.code != term.code:
            await self._unique_code(TransactionTerm, data.code, term.id)
            term.code = data.code
        if data.position is not None:
            term.position = data.position
        await self.session.flush()
        return term

    async def delete_term(self, term_id: uuid.UUID) -> None:
        term = await self._get(TransactionTerm, term_id)
        if await self.repo.term_in_use(term.id):
            raise Conflict(
                "Customers or order links use this term; give them another term first.",
                code="transaction_term.in_use",
            )
        await self.repo.delete(term)

    # --- tax rates -------------------------------------------------------------------------

    async def taxes_in_use(self, taxes: list[TaxRate]) -> set[uuid.UUID]:
        return await self.repo.taxes_in_use([tax.id for tax in taxes])

    async def create_tax(self, data: TaxRateCreate) -> TaxRate:
        errors = FieldErrors()
        name = self.ctx.localized(errors, data.name, ("body", "name"))
        errors.raise_if_any()
        tax = TaxRate(
            id=uuid.uuid4(),
            brand_id=self.brand.id,
            name=name,
            rate=data.rate,
            country=data.country,
            rounding=data.rounding,
            is_default=data.is_default,
        )
        if data.is_default:
            await self.repo.clear_default_tax(None)
        self.repo.add(tax)
        await self.session.flush()
        return tax

    async def update_tax(self, tax_id: uuid.UUID, data: TaxRateUpdate) -> TaxRate:
        tax = await self._get(TaxRate, tax_id)
        errors = FieldErrors()
        if data.name is not None:
            tax.name = self.ctx.localized(errors, data.name, ("body", "name"))
        errors.raise_if_any()
        changes_amount = (data.rate is not None and data.rate != tax.rate) or (
            data.country is not None and data.country != tax.country
        )
        if changes_amount and tax.id in await self.repo.taxes_in_use([tax.id]):
            raise Conflict(
                "The rate and country of a tax in use cannot change; create a new tax instead.",
                code="tax_rate.immutable",
                loc=("body", "rate" if data.rate is not None else "country"),
            )
        if data.rate is not None:
            tax.rate = data.rate
        if data.country is not None:
            tax.country = data.country
        if data.rounding is not None:
            tax.rounding = data.rounding
        if data.is_default is not None:
            if data.is_default:
                await self.repo.clear_default_tax(tax.id)
            tax.is_default = data.is_default
        await self.session.flush()
        return tax

    async def delete_tax(self, tax_id: uuid.UUID) -> None:
        tax = await self._get(TaxRate, tax_id)
        if tax.id in await self.repo.taxes_in_use([tax.id]):
            raise Conflict(
                "Products or shipping groups use this tax; change them first.",
                code="tax_rate.in_use",
            )
        await self.repo.delete(tax)

    # --- shipping --------------------------------------------------------------------------

    def _rates(self, errors: FieldErrors, rates: list[ShippingRateIn]) -> list[ShippingRate]:
        built = []
        for index, rate in enumerate(rates):
            loc = ("body", "rates", index)
            threshold, low, high = None, None, None
            if rate.condition in (RateCondition.subtotal_at_least, RateCondition.subtotal_below):
                if rate.threshold is None:
                    errors.add((*loc, "threshold"), "Enter the subtotal threshold.", "missing")
                threshold = rate.threshold
            elif rate.condition is RateCondition.quantity_between:
                low, high = rate.min_quantity, rate.max_quantity
                if low is None and high is None:
                    errors.add((*loc, "min_quantity"), "Enter a quantity range.", "missing")
                elif low is not None and high is not None and low > high:
                    errors.add((*loc, "max_quantity"), "Must be at least the minimum.", "range")
            built.append(
                ShippingRate(
                    position=index,
                    amount=rate.amount,
                    condition=rate.condition,
                    threshold=threshold,
                    min_quantity=low,
                    max_quantity=high,
                )
            )
        return built

    async def _check_group(
        self, errors: FieldErrors, currency: str, tax_rate_id: uuid.UUID | None
    ) -> None:
        if currency not in self.brand.currencies:
            errors.add(("body", "currency"), "Enable this currency first.", "currency_not_enabled")
        if tax_rate_id is not None and await self.repo.get(TaxRate, tax_rate_id) is None:
            errors.add(("body", "tax_rate_id"), "No such tax rate.", "not_found")

    async def _one_all_countries_group(
        self, currency: str, country: str | None, except_id: uuid.UUID | None = None
    ) -> None:
        if country is None and await self.repo.all_countries_group(currency, except_id=except_id):
            raise Conflict(
                f"{currency} already has an all-countries group; choose a country.",
                code="shipping_rate_group.all_countries_taken",
                loc=("body", "country"),
            )

    async def create_group(self, data: ShippingRateGroupCreate) -> ShippingRateGroup:
        errors = FieldErrors()
        name = self.ctx.localized(errors, data.name, ("body", "name"))
        rates = self._rates(errors, data.rates)
        await self._check_group(errors, data.currency, data.tax_rate_id)
        errors.raise_if_any()
        await self._unique_code(ShippingRateGroup, data.code)
        await self._one_all_countries_group(data.currency, data.country)
        group = ShippingRateGroup(
            brand_id=self.brand.id,
            code=data.code,
            name=name,
            currency=data.currency,
            country=data.country,
            tax_rate_id=data.tax_rate_id,
            description=data.description,
            rates=rates,
        )
        self.repo.add(group)
        await self.session.flush()
        return group

    async def update_group(
        self, group_id: uuid.UUID, data: ShippingRateGroupUpdate
    ) -> ShippingRateGroup:
        group = await self._get(ShippingRateGroup, group_id)
        given = data.model_fields_set
        errors = FieldErrors()
        if data.name is not None:
            group.name = self.ctx.localized(errors, data.name, ("body", "name"))
        rates = self._rates(errors, data.rates) if data.rates is not None else None
        tax_rate_id = data.tax_rate_id if "tax_rate_id" in given else group.tax_rate_id
        await self._check_group(errors, group.currency, tax_rate_id)
        errors.raise_if_any()
        if data.code is not None and data.code != group.code:
            await self._unique_code(ShippingRateGroup, data.code, group.id)
            group.code = data.code
        if "country" in given:
            await self._one_all_countries_group(group.currency, data.country, group.id)
            group.country = data.country
        group.tax_rate_id = tax_rate_id
        if data.description is not None:
            group.description = data.description
        if rates is not None:
            group.rates = rates
        await self.session.flush()
        return group

    async def delete_group(self, group_id: uuid.UUID) -> None:
        await self.repo.delete(await self._get(ShippingRateGroup, group_id))

    # --- categories ------------------------------------------------------------------------

    async def create_category(self, data: CategoryCreate) -> Category:
        errors = FieldErrors()
        name = self.ctx.localized(errors, data.name, ("body", "name"))
        errors.raise_if_any()
        await self._unique_code(Category, data.code)
        category = Category(
            brand_id=self.brand.id, code=data.code, name=name, position=data.position
        )
        self.repo.add(category)
        await self.session.flush()
        return category

    async def update_category(self, category_id: uuid.UUID, data: CategoryUpdate) -> Category:
        category = await self._get(Category, category_id)
        errors = FieldErrors()
        if data.name is not None:
            category.name = self.ctx.localized(errors, data.name, ("body", "name"))
        errors.raise_if_any()
        if data.code is not None and data.code != category.code:
            await self._unique_code(Category, data.code, category.id)
            category.code = data.code
        if data.position is not None:
            category.position = data.position
        await self.session.flush()
        return category

    async def delete_category(self, category_id: uuid.UUID) -> None:
        await self.repo.delete(await self._get(Category, category_id))
