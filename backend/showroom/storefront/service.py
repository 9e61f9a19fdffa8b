"""Order link landing and access, and catalogs priced for the shopper (DOMAIN.md §4, §5)."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any, cast

from sqlalchemy import Row
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
from showroom.storefront.grants import issue_grant, link_version, read_grant
from showroom.storefront.repository import LinkContext, StorefrontRepository
from showroom.storefront.schemas import (
    Background,
    Category,
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
    ) -> tuple[list[dict[str, Any]], str | None]:
        """A page of products as plain data in the shape of ``StoreProduct``, which the router
        writes straight to JSON: it is the largest response buyers read, and building and
        validating 600 SKU models per page cost more than its queries."""
        page = await self.repo.catalog_page(
            catalog.id,
            shopper.price_list,
            after_position=decode_position(cursor) if cursor else None,
            limit=limit,
            search=search.strip() if search and search.strip() else None,
            category_id=category_id,
        )
        rows = page.products[:limit]
        prices = PagePrices(shopper)
        lang = (shopper.language, shopper.brand.default_language)
        items = [
            self._product(row, page.skus[row.id], page.images[row.id], prices, lang) for row in rows
        ]
        more = len(page.products) > limit
        return items, encode_position(rows[-1].position) if more and rows else None

    def _product(
        self,
        row: Row[Any],
        skus: list[Row[Any]],
        images: list[Row[Any]],
        prices: PagePrices,
        lang: tuple[str, str],
    ) -> dict[str, Any]:
        text = _picker((self.language, *lang))
        properties = row.sku_properties
        names = {
            (prop["code"], value["code"]): text(value["name"])
            for prop in properties
            for value in prop["values"]
        }
        codes = [prop["code"] for prop in properties]
        tax = prices.tax(row)
        sku_views = []
        # Unpacked, not read by name: a row's attributes cost more than the rest of the loop.
        sku_rows = cast("list[tuple[Any, ...]]", skus)  # the repository's column order
        for _, sku_id, code, values, track_stock, quantity, backorder, base, rrp in sku_rows:
            unit, shown = prices.price(base, tax)
            state, available = stock_state(track_stock, backorder, quantity)
            sku_views.append(
                {
                    "id": sku_id,
                    "code": code,
                    "values": values,
                    "label": " / ".join(
                        [names.get((prop, values.get(prop, "")), "") for prop in codes]
                    ),
                    "unit_price": unit,
                    "display_price": shown,
                    "rrp": prices.rrp(rrp, tax),
                    "stock_state": state,
                    "available_quantity": available,
                }
            )
        shown_prices = [s["display_price"] for s in sku_views if s["display_price"] is not None]
        rrps = [s["rrp"] for s in sku_views if s["rrp"] is not None]
        return {
            "id": row.id,
            "model_number": row.model_number,
            "name": text(row.name),
            "description": text(row.description),
            "category": {"id": row.category_id, "name": text(row.category_name)}
            if row.category_id is not None
            else None,
            "images": [
                {
                    "media_id": image.id,
                    "url": media_url(image.id),
                    "thumbnail_url": thumbnail_url(image.id),
                    "width": image.width,
                    "height": image.height,
                }
                for image in images
            ],
            "properties": _group_views(properties, text),
            "option_groups": _group_views(row.option_groups, text),
            "currency": prices.shopper.currency,
            "price_from": min(shown_prices) if shown_prices else None,
            "rrp_from": min(rrps) if rrps else None,
            "skus": sku_views,
        }


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


def _picker(languages: tuple[str | None, ...]) -> Callable[[dict[str, str]], str]:
    """``pick_text`` with its languages bound: the catalog page picks thousands of texts."""
    preferred = [language for language in languages if language]

    def pick(text: dict[str, str]) -> str:
        for language in preferred:
            value = text.get(language)
            if value:
                return value
        return next((value for value in text.values() if value), "")

    return pick


def _group_views(
    groups: list[dict[str, Any]], text: Callable[[dict[str, str]], str]
) -> list[dict[str, Any]]:
    return [
        {
            "code": str(group["code"]),
            "name": text(group["name"]),
            "values": [
                {"code": value["code"], "name": text(value["name"])} for value in group["values"]
            ],
        }
        for group in groups
    ]


class PagePrices:
    """``PriceBook`` for plain rows of a catalog page. The SKUs of a product mostly share a
    list price and every product of a brand a tax rate, so each distinct price is worked out
    once per page rather than once per SKU (Decimal arithmetic is the page's hot loop)."""

    def __init__(self, shopper: Shopper) -> None:
        self.shopper = shopper
        self.terms = PricingTerms(kind=shopper.term.kind, condition=shopper.condition)
        self.shows_rrp = shopper.shows_rrp  # read once: it goes through the ORM term
        self._taxes: dict[Any, PricedTaxRate | None] = {}
        self._prices: dict[tuple[int, str | None], tuple[int, int]] = {}
        self._rrps: dict[tuple[int, str | None], int] = {}

    def tax(self, row: Row[Any]) -> PricedTaxRate | None:
        if row.tax_id not in self._taxes:
            self._taxes[row.tax_id] = (
                PricedTaxRate(str(row.tax_id), row.tax_rate, row.tax_country, row.tax_rounding)
                if row.tax_id is not None
                else None
            )
        return self._taxes[row.tax_id]

    def _shown(self, amount: int, tax: PricedTaxRate | None) -> int:
        return display_price(
            amount,
            tax,
            self.shopper.destination_country,
            include_tax=self.shopper.apply_tax_to_price,
        )

    def price(self, base: int | None, tax: PricedTaxRate | None) -> tuple[int | None, int | None]:
        """(unit price, display price) of a list price."""
        if base is None:
            return None, None
        key = (base, tax.id if tax else None)
        if key not in self._prices:
            unit = unit_price(base, self.terms)
            self._prices[key] = unit, self._shown(unit, tax)
        return self._prices[key]

    def rrp(self, amount: int | None, tax: PricedTaxRate | None) -> int | None:
        if amount is None or not self.shows_rrp:
            return None
        key = (amount, tax.id if tax else None)
        if key not in self._rrps:
            self._rrps[key] = self._shown(amount, tax)
        return self._rrps[key]


def stock_state(
    track_stock: bool, allow_backorder: bool, stock_quantity: int
) -> tuple[StockState, int | None]:
    if not track_stock:
        return "unlimited", None
    if allow_backorder:
        return ("in_stock" if stock_quantity > 0 else "backorder"), None
    if stock_quantity > 0:
        return "in_stock", stock_quantity
    return "sold_out", 0


def stock_of(sku: Sku) -> tuple[StockState, int | None]:
    return stock_state(sku.track_stock, sku.allow_backorder, sku.stock_quantity)


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
