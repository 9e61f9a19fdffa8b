"""Order link landing and access, and catalogs priced for the shopper (DOMAIN.md §4, §5)."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core import security
from showroom.core.config import Settings
from showroom.core.errors import (
    Conflict,
    Invalid,
    NotFound,
    TooManyRequests,
    Unauthorized,
)
from showroom.core.i18n import pick_text
from showroom.core.ratelimit import SlidingWindow
from showroom.core.time import utcnow
from showroom.customers.schemas import TermsSummary
from showroom.media.schemas import media_url, thumbnail_url
from showroom.models import (
    BackgroundType,
    Brand,
    Catalog,
    Customer,
    LinkKind,
    Lookbook,
    OrderLink,
    Product,
    Sku,
    TaxRate,
    User,
)
from showroom.pricing import TaxRate as PricedTaxRate
from showroom.pricing import Terms as PricingTerms
from showroom.pricing import display_price, unit_price
from showroom.products.schemas import ImageRead
from showroom.storefront.grants import issue_grant, link_version, read_grant
from showroom.storefront.repository import LinkContext, StorefrontRepository
from showroom.storefront.schemas import (
    Background,
    Category,
    Choice,
    ChoiceGroup,
    CustomerBadge,
    LinkAccess,
    LinkGrant,
    LinkLanding,
    LookbookImageView,
    PricingView,
    StockState,
    StoreBrand,
    StoreCatalog,
    StoreCatalogCard,
    StoreLookbook,
    StoreProduct,
    StoreSku,
)
from showroom.storefront.shopper import (
    Shopper,
    ShopperResolver,
    link_state,
    ordering_open,
)


class WrongLinkCredentials(Invalid):
    """A failed passcode or login: counted, so the count survives the refusal."""

    keep_changes = True


class StorefrontService:
    def __init__(self, session: AsyncSession, settings: Settings, language: str) -> None:
        self.session = session
        self.settings = settings
        self.language = language
        self.repo = StorefrontRepository(session)
        self.shoppers = ShopperResolver(session, settings)
        self.failures = SlidingWindow(
            "link_access_failure",
            settings.link_access_failures_allowed,
            timedelta(minutes=settings.link_access_window_minutes),
        )

    def _text(self, text: dict[str, str], *fallbacks: str | None) -> str:
        return pick_text(text, self.language, *fallbacks)

    # --- the landing page ------------------------------------------------------------------

    async def _open_link(self, token: str) -> LinkContext:
        found = await self.repo.link_context(token=token)
        if found is None:
            raise NotFound("No such link.", code="link.not_found")
        return found

    async def landing(self, token: str, raw_grant: str | None) -> LinkLanding:
        found = await self._open_link(token)
        link, brand = found.link, found.brand
        state = link_state(link, brand, utcnow())
        shopper: Shopper | None = None
        fresh: LinkGrant | None = None
        if state == "available":
            read = read_grant(raw_grant, self.settings.secret_key) if raw_grant else None
            # Another link's grant, or one from before the link changed, opens nothing here.
            valid = read is not None and (read[0].link_id, read[1]) == (link.id, link_version(link))
            grant = read[0] if read is not None and valid else None
            if grant is None and link.kind is LinkKind.customer:
                state = "login_required"
            elif grant is None and link.passcode_hash is not None:
                state = "passcode_required"
            else:
                shopper = await self.shoppers.for_link(found, grant)
                if shopper is None:
                    state = "login_required"
                elif grant is None:
                    fresh = self._grant(link, None)
        return await self._landing_view(link, brand, state, shopper, fresh)

    async def _landing_view(
        self,
        link: OrderLink,
        brand: Brand,
        state: str,
        shopper: Shopper | None,
        grant: LinkGrant | None,
    ) -> LinkLanding:
        default = link.languages[0] if link.languages else brand.default_language
        now = utcnow()
        return LinkLanding.model_validate(
            {
                "state": state,
                "kind": link.kind,
                "name": link.name,
                "description": link.description,
                "brand": self._brand(brand),
                "background": Background(
                    type=link.background_type,
                    image_url=_url(link.background_media_id)
                    if link.background_type is BackgroundType.image
                    else None,
                    video_url=link.background_video_url,
                ),
                "contacts": link.contacts,
                "release_at": link.release_at,
                "expires_at": link.expires_at,
                "languages": link.languages or brand.languages,
                "currencies": link.currencies,
                "target_buyer_type": link.target_buyer_type,
                "use_as_catalog": link.use_as_catalog,
                "require_address": link.require_address,
                "video_url": link.video_url if shopper else None,
                "terms": self._terms(shopper) if shopper else None,
                "catalogs": [
                    StoreCatalogCard(
                        id=c.id,
                        name=self._text(c.name, default, brand.default_language),
                        description=self._text(c.description, default, brand.default_language),
                        release_at=c.release_at,
                        order_deadline=c.order_deadline,
                        ordering_open=ordering_open(c, now),
                        main_visual_url=_url(c.main_visual_id),
                    )
                    for c in (shopper.catalogs if shopper else [])
                ],
                "lookbooks": await self._lookbooks(brand, link.lookbook_ids) if shopper else [],
                "grant": grant,
                "customer": _badge(shopper.customer) if shopper and shopper.customer else None,
            }
        )

    def _brand(self, brand: Brand) -> StoreBrand:
        return StoreBrand(
            id=brand.id,
            name=self._text(brand.name, brand.default_language),
            description=self._text(brand.description, brand.default_language),
            logo_url=_url(brand.logo_id),
            main_visual_url=_url(brand.main_visual_id),
            website_url=brand.website_url,
        )

    async def _lookbooks(self, brand: Brand, ids: list[str]) -> list[StoreLookbook]:
        return [
            self._lookbook(brand, lookbook)
            for lookbook in await self.repo.public_lookbooks(brand.id, ids)
        ]

    def _lookbook(self, brand: Brand, lookbook: Lookbook) -> StoreLookbook:
        return StoreLookbook(
            id=lookbook.id,
            name=self._text(lookbook.name, brand.default_language),
            images=[
                LookbookImageView(
                    url=media_url(uuid.UUID(image["media_id"])),
                    thumbnail_url=thumbnail_url(uuid.UUID(image["media_id"])),
                    product_ids=image["product_ids"],
                )
                for image in lookbook.images
            ],
        )

    @staticmethod
    def _terms(shopper: Shopper) -> TermsSummary | None:
        return shopper.terms_summary() if shopper.display_terms else None

    # --- access ----------------------------------------------------------------------------

    def _grant(self, link: OrderLink, customer: Customer | None) -> LinkGrant:
        grant, expires = issue_grant(
            link,
            self.settings.secret_key,
            self.shoppers.grant_ttl(),
            customer_id=customer.id if customer else None,
            buyer_organization_id=customer.buyer_organization_id if customer else None,
        )
        return LinkGrant(
            grant=grant, expires_at=expires, customer=_badge(customer) if customer else None
        )

    async def access(
        self, token: str, body: LinkAccess, user: User | None, client: str
    ) -> LinkGrant:
        found = await self._open_link(token)
        link, brand = found.link, found.brand
        state = link_state(link, brand, utcnow())
        if state != "available":
            raise Conflict(f"This link is {state.replace('_', ' ')}.", code=f"link.{state}")
        if link.kind is LinkKind.customer:
            return self._grant(link, await self._customer_login(link, body, user, client))
        if link.passcode_hash is not None:
            await self._check_passcode(link, body.passcode, client)
        return self._grant(link, None)

    async def _limit(self, key: str) -> None:
        retry = await self.failures.retry_after(self.session, key)
        if retry is not None:
            raise TooManyRequests(
                "Too many wrong attempts; wait a little and try again.",
                code="link.too_many_attempts",
                retry_after=retry,
            )

    async def _check_passcode(self, link: OrderLink, passcode: str | None, client: str) -> None:
        if not passcode or not passcode.strip():
            raise Invalid(
                "Enter the passcode.", code="link.passcode_required", loc=("body", "passcode")
            )
        key = f"{link.id}:{client}"
        await self._limit(key)
        # Pasted passcodes often carry spaces (DOMAIN.md §5): they never count.
        if not security.verify_password(passcode.strip(), link.passcode_hash):
            self.failures.hit(self.session, key)
            raise WrongLinkCredentials(
                "The passcode is not correct.", code="link.passcode_wrong", loc=("body", "passcode")
            )

    async def _customer_login(
        self, link: OrderLink, body: LinkAccess, user: User | None, client: str
    ) -> Customer:
        if body.email is not None or body.password is not None:
            key = f"{link.id}:{client}"
            await self._limit(key)
            customer = await self.repo.customer_by_link_login(link.brand_id, body.email or "")
            if (
                not security.verify_password(
                    body.password or "", customer.link_password_hash if customer else None
                )
                or customer is None
            ):
                self.failures.hit(self.session, key)
                raise WrongLinkCredentials(
                    "The e-mail or password is not correct.",
                    code="link.login_failed",
                    loc=("body", "password"),
                )
            return customer
        if user is None:
            raise Unauthorized(
                "Log in with your account, or with the e-mail and password the brand gave you.",
                code="link.login_required",
            )
        if body.buyer_organization_id is None:
            raise Invalid(
                "Choose the buyer organization you order for.",
                code="link.organization_required",
                loc=("body", "buyer_organization_id"),
            )
        shopper = await self.shoppers.for_organization(
            user, body.buyer_organization_id, brand_id=link.brand_id
        )
        assert shopper.customer is not None  # found by its organization: a connected one
        return shopper.customer

    # --- catalogs --------------------------------------------------------------------------

    async def catalog(self, shopper: Shopper, catalog: Catalog) -> StoreCatalog:
        brand = shopper.brand
        now = utcnow()
        is_open = ordering_open(catalog, now)
        categories = await self.repo.categories_in(catalog.id)
        lookbook_ids = list(
            dict.fromkeys(
                [*catalog.lookbook_ids, *(shopper.link.lookbook_ids if shopper.link else [])]
            )
        )
        return StoreCatalog(
            id=catalog.id,
            brand=self._brand(brand),
            name=self._text(catalog.name, shopper.language, brand.default_language),
            description=self._text(catalog.description, shopper.language, brand.default_language),
            release_at=catalog.release_at,
            order_deadline=catalog.order_deadline,
            ordering_open=is_open,
            can_order=is_open and not shopper.use_as_catalog,
            main_visual_url=_url(catalog.main_visual_id),
            video_url=catalog.video_url,
            delivery_date_allowed=brand.delivery_date_allowed,
            lookbooks=await self._lookbooks(brand, lookbook_ids),
            categories=[
                Category(id=c.id, name=self._text(c.name, shopper.language, brand.default_language))
                for c in categories
            ],
            pricing=PricingView(
                currency=shopper.currency,
                currencies=shopper.currencies,
                language=shopper.language,
                languages=shopper.languages,
                tax_inclusive=shopper.apply_tax_to_price,
                shows_rrp=shopper.shows_rrp,
                terms=self._terms(shopper),
            ),
        )

    async def products(
        self,
        shopper: Shopper,
        catalog: Catalog,
        *,
        cursor: str | None,
        limit: int,
        search: str | None,
        category_id: uuid.UUID | None,
    ) -> tuple[list[StoreProduct], str | None]:
        rows = await self.repo.catalog_products(
            catalog.id,
            shopper.price_list,
            after_position=decode_position(cursor) if cursor else None,
            limit=limit + 1,
            search=search.strip() if search and search.strip() else None,
            category_id=category_id,
        )
        more = len(rows) > limit
        rows = rows[:limit]
        prices = PriceBook(shopper)
        lang = (shopper.language, shopper.brand.default_language)
        items = [self._product(product, prices, lang) for _, product in rows]
        return items, encode_position(rows[-1][0]) if more and rows else None

    def _product(self, product: Product, prices: PriceBook, lang: tuple[str, str]) -> StoreProduct:
        category = product.category
        names = {
            (prop["code"], value["code"]): self._text(value["name"], *lang)
            for prop in product.sku_properties
            for value in prop["values"]
        }
        skus = [prices.sku(product, sku, names) for sku in product.skus]
        shown = [s.display_price for s in skus if s.display_price is not None]
        rrps = [s.rrp for s in skus if s.rrp is not None]
        return StoreProduct(
            id=product.id,
            model_number=product.model_number,
            name=self._text(product.name, *lang),
            description=self._text(product.description, *lang),
            category=Category(id=category.id, name=self._text(category.name, *lang))
            if category is not None
            else None,
            images=[
                ImageRead(
                    media_id=image.media.id,
                    url=media_url(image.media.id),
                    thumbnail_url=thumbnail_url(image.media.id),
                    width=image.media.width,
                    height=image.media.height,
                )
                for image in product.images
            ],
            properties=self._groups(product.sku_properties, lang),
            option_groups=self._groups(product.option_groups, lang),
            currency=prices.shopper.currency,
            price_from=min(shown) if shown else None,
            rrp_from=min(rrps) if rrps else None,
            skus=skus,
        )

    def _groups(self, groups: list[dict[str, Any]], lang: tuple[str, str]) -> list[ChoiceGroup]:
        return [
            ChoiceGroup(
                code=str(group["code"]),
                name=self._text(group["name"], *lang),
                values=[
                    Choice(code=value["code"], name=self._text(value["name"], *lang))
                    for value in group["values"]
                ],
            )
            for group in groups
        ]


def priced_tax(rate: TaxRate | None) -> PricedTaxRate | None:
    return PricedTaxRate(str(rate.id), rate.rate, rate.country, rate.rounding) if rate else None


class PriceBook:
    """Prices, RRP and stock of SKUs for one shopper's terms, from products loaded with
    the shopper's price list (``storefront.repository.priced``)."""

    def __init__(self, shopper: Shopper) -> None:
        self.shopper = shopper
        self.terms = PricingTerms(kind=shopper.term.kind, condition=shopper.condition)

    def sku(self, product: Product, sku: Sku, names: dict[tuple[str, str], str]) -> StoreSku:
        tax = priced_tax(product.tax_rate)
        country = self.shopper.destination_country
        include = self.shopper.apply_tax_to_price
        base = sku.list_amount
        unit = unit_price(base, self.terms) if base is not None else None
        rrp = sku.rrp_amount if self.shopper.shows_rrp else None
        state, available = stock_of(sku)
        return StoreSku(
            id=sku.id,
            code=sku.code,
            values=sku.values,
            label=" / ".join(
                names.get((prop["code"], sku.values.get(prop["code"], "")), "")
                for prop in product.sku_properties
            ),
            unit_price=unit,
            display_price=display_price(unit, tax, country, include_tax=include)
            if unit is not None
            else None,
            rrp=display_price(rrp, tax, country, include_tax=include) if rrp is not None else None,
            stock_state=state,
            available_quantity=available,
        )


def stock_of(sku: Sku) -> tuple[StockState, int | None]:
    if not sku.track_stock:
        return "unlimited", None
    if sku.allow_backorder:
        return ("in_stock" if sku.stock_quantity > 0 else "backorder"), None
    if sku.stock_quantity > 0:
        return "in_stock", sku.stock_quantity
    return "sold_out", 0


def encode_position(position: int) -> str:
    raw = json.dumps({"p": position}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_position(cursor: str) -> int:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        position = json.loads(base64.urlsafe_b64decode(padded.encode()))["p"]
        if not isinstance(position, int) or isinstance(position, bool):
            raise TypeError("position")
        return position
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError) as exc:
        raise Invalid(
            "The cursor is not valid; start again from the first page.",
            code="pagination.cursor_invalid",
            loc=("query", "cursor"),
        ) from exc


def _url(media_id: uuid.UUID | None) -> str | None:
    return media_url(media_id) if media_id else None


def _badge(customer: Customer) -> CustomerBadge:
    return CustomerBadge(
        id=customer.id,
        code=customer.code,
        company_name=customer.company_name,
        contact_name=customer.contact_name,
        buyer_organization_id=customer.buyer_organization_id,
    )
