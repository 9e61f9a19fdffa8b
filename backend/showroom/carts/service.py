"""Carts (DOMAIN.md §6 steps 2–3): one per (buyer organization, catalog, route), or per link
visitor; items of SKU quantities with option rows, priced with the shopper's terms."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from showroom.carts.repository import CartRepository
from showroom.carts.schemas import (
    CartClaim,
    CartCreate,
    CartItemCreate,
    CartItemRead,
    CartItemUpdate,
    CartProblem,
    CartRead,
    CartSkuRead,
    CartSummary,
    OptionRowRead,
    SkuQuantityInput,
)
from showroom.core.config import Settings
from showroom.core.errors import Conflict, FieldError, Forbidden, Invalid, NotFound, Unauthorized
from showroom.core.i18n import pick_text
from showroom.core.pagination import PageParams, decode_cursor
from showroom.core.time import utcnow
from showroom.media.schemas import thumbnail_url
from showroom.models import (
    BuyerKind,
    BuyerMember,
    BuyerOrganization,
    BuyerRole,
    Cart,
    CartItem,
    Catalog,
    LinkKind,
    OrderLink,
    Product,
    User,
)
from showroom.storefront.grants import Grant
from showroom.storefront.repository import StorefrontRepository
from showroom.storefront.schemas import Choice, ChoiceGroup
from showroom.storefront.service import PriceBook, stock_of
from showroom.storefront.shopper import Shopper, ShopperResolver, ordering_open

CART_NOT_FOUND = "cart.not_found"


def earliest_delivery_date() -> date:
    """ "Today or later in the buyer's time zone" (DOMAIN.md §3) without knowing that zone:
    we accept every date that is still today somewhere on Earth, i.e. today in UTC−12, the
    last zone to change date. Generous on purpose: the brand reads the date, nothing is
    computed from it."""
    return (utcnow() - timedelta(hours=12)).date()


def org_scope(org_id: uuid.UUID, catalog_id: uuid.UUID, link_id: uuid.UUID | None) -> str:
    return f"org:{org_id}:{catalog_id}:{link_id or '-'}"


def guest_scope(link_id: uuid.UUID, subject: str, catalog_id: uuid.UUID) -> str:
    return f"guest:{link_id}:{subject}:{catalog_id}"


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    loc: tuple[str | int, ...]

    def read(self) -> CartProblem:
        return CartProblem(code=self.code, message=self.message, loc=list(self.loc))


def sku_problems(product: Product, rows: Sequence[dict[str, Any]]) -> list[Problem]:
    """What is wrong with an item's SKU quantities and option rows: unknown SKUs or option
    values, option rows not adding up, more than the stock of a non-backorderable SKU."""
    skus = {str(sku.id): sku for sku in product.skus}
    groups = {g["code"]: {v["code"] for v in g["values"]} for g in product.option_groups}
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, row in enumerate(rows):
        sku = skus.get(str(row["sku_id"]))
        if sku is None:
            problems.append(
                Problem("cart.sku_unknown", "This SKU is not (or no longer) offered.", ("skus", i))
            )
            continue
        if str(row["sku_id"]) in seen:
            problems.append(
                Problem("cart.sku_duplicate", "This SKU is listed twice.", ("skus", i, "sku_id"))
            )
        seen.add(str(row["sku_id"]))
        quantity, options = int(row["quantity"]), row.get("options") or []
        if not groups and options:
            problems.append(
                Problem(
                    "cart.options_not_offered",
                    "This product has no options.",
                    ("skus", i, "options"),
                )
            )
        elif groups and (quantity > 0 or options):
            for j, option in enumerate(options):
                values = option["values"]
                for code in sorted(set(values) | set(groups)):
                    if values.get(code) not in groups.get(code, set()):
                        problems.append(
                            Problem(
                                "cart.option_unknown",
                                "Choose one offered value for every option.",
                                ("skus", i, "options", j, "values", code),
                            )
                        )
            if sum(int(option["quantity"]) for option in options) != quantity:
                problems.append(
                    Problem(
                        "cart.options_mismatch",
                        f"The option rows must add up to the SKU quantity ({quantity}).",
                        ("skus", i, "options"),
                    )
                )
        _, available = stock_of(sku)
        if available is not None and quantity > available:
            problems.append(
                Problem(
                    "cart.stock_short",
                    f"Only {available} available.",
                    ("skus", i, "quantity"),
                )
            )
    return problems


def refuse(problems: Sequence[Problem], prefix: tuple[str | int, ...], status: int = 422) -> None:
    """Raise the problems as one error whose code is the first problem's."""
    if not problems:
        return
    errors = [FieldError(loc=[*prefix, *p.loc], msg=p.message, type=p.code) for p in problems]
    error_class = Conflict if status == 409 else Invalid
    raise error_class(problems[0].message, code=problems[0].code, errors=errors)


def merge_skus(
    first: Sequence[dict[str, Any]], second: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Two items of the same product as one: quantities of the same SKU add up, and so do
    option rows with the same values."""
    merged: dict[str, dict[str, Any]] = {}
    for row in [*first, *second]:
        target = merged.setdefault(
            str(row["sku_id"]), {"sku_id": str(row["sku_id"]), "quantity": 0, "options": []}
        )
        target["quantity"] += int(row["quantity"])
        for option in row.get("options") or []:
            same = next((o for o in target["options"] if o["values"] == option["values"]), None)
            if same is None:
                target["options"].append(dict(option))
            else:
                same["quantity"] += int(option["quantity"])
    return list(merged.values())


def _rows(skus: Iterable[SkuQuantityInput]) -> list[dict[str, Any]]:
    return [
        {
            "sku_id": str(row.sku_id),
            "quantity": row.quantity,
            "options": [o.model_dump() for o in row.options],
        }
        for row in skus
    ]


@dataclass(frozen=True)
class OpenCart:
    """A cart with the terms context it is priced in."""

    cart: Cart
    shopper: Shopper
    catalog: Catalog
    grant: Grant | None

    @property
    def can_order(self) -> bool:
        return ordering_open(self.catalog, utcnow()) and not self.shopper.use_as_catalog


class CartService:
    def __init__(self, session: AsyncSession, settings: Settings, language: str) -> None:
        self.session = session
        self.language = language
        self.repo = CartRepository(session)
        self.store = StorefrontRepository(session)
        self.shoppers = ShopperResolver(session, settings)

    # --- whose cart ------------------------------------------------------------------------

    async def _member_org(self, org_id: uuid.UUID, user: User | None) -> BuyerOrganization:
        if user is None:
            raise Unauthorized("Log in to continue.")
        org = await self.store.membership(org_id, user.id)
        if org is None:
            raise NotFound("No such buyer organization.", code="buyer.not_found")
        return org

    @staticmethod
    def _check_link_org(link: OrderLink, grant: Grant, org: BuyerOrganization) -> None:
        """On a Customer Order Link the terms are the logged-in customer's: its cart can only
        go to that customer's own buyer organization."""
        if link.kind is LinkKind.customer and grant.buyer_organization_id not in (None, org.id):
            raise Forbidden(
                "This link was opened for another buyer organization.",
                code="cart.other_customer",
            )

    async def open(self, cart_id: uuid.UUID, raw_grant: str | None, user: User | None) -> OpenCart:
        found = await self.repo.cart(cart_id, user.id if user else None)
        if found is None:
            raise NotFound("No such cart.", code=CART_NOT_FOUND)
        cart, org = found
        grant: Grant | None = None
        if cart.link_id is not None:
            if not raw_grant:
                raise Unauthorized(
                    "Open the order link again to use this cart.", code="link.grant_required"
                )
            link, grant = await self.shoppers.granted_link(raw_grant)
            guest_mismatch = cart.buyer_organization_id is None and (
                grant.subject is None or grant.subject != cart.guest_subject
            )
            if link.link.id != cart.link_id or guest_mismatch:
                raise NotFound("No such cart.", code=CART_NOT_FOUND)
            if cart.buyer_organization_id is not None:
                if user is None:
                    raise Unauthorized("Log in to continue.")
                if org is None:  # another organization's cart: not there for this user
                    raise NotFound("No such cart.", code=CART_NOT_FOUND)
            shopper = await self.shoppers.for_link(
                link, grant, currency=cart.currency, language=self.language
            )
            if shopper is None:
                raise Unauthorized("Log in to this link first.", code="link.login_required")
        else:
            assert cart.buyer_organization_id is not None
            if user is None:
                raise Unauthorized("Log in to continue.")
            try:
                shopper = await self.shoppers.for_organization(
                    user, cart.buyer_organization_id, brand_id=cart.brand_id, language=self.language
                )
            except NotFound as exc:  # another organization's cart: not there for this user
                raise NotFound("No such cart.", code=CART_NOT_FOUND) from exc
            org = shopper.organization
        if org is not None:
            shopper = dataclasses.replace(
                shopper, organization=org, destination_country=org.country
            )
        return OpenCart(cart, shopper, shopper.reachable(cart.catalog_id), grant)

    async def create(
        self, body: CartCreate, raw_grant: str | None, user: User | None
    ) -> tuple[OpenCart, bool]:
        """The caller's cart for the catalog, opened if it does not exist yet."""
        grant: Grant | None = None
        if raw_grant:
            context, grant = await self.shoppers.granted_link(raw_grant)
            link = context.link
            found = await self.shoppers.for_link(
                context, grant, currency=body.currency, language=self.language
            )
            if found is None:
                raise Unauthorized("Log in to this link first.", code="link.login_required")
            shopper = found
            catalog = shopper.reachable(body.catalog_id)
            if body.buyer_organization_id is not None:
                org = await self._member_org(body.buyer_organization_id, user)
                self._check_link_org(link, grant, org)
                scope = org_scope(org.id, catalog.id, link.id)
            elif grant.subject is None:
                raise Unauthorized(
                    "This link access has ended; open the link again.", code="link.grant_invalid"
                )
            else:
                org = None
                scope = guest_scope(link.id, grant.subject, catalog.id)
        elif user is not None and body.buyer_organization_id is not None:
            shopper = await self.shoppers.for_organization(
                user,
                body.buyer_organization_id,
                catalog_id=body.catalog_id,
                language=self.language,
            )
            org = shopper.organization
            assert org is not None  # a standard order is always an organization's
            catalog = shopper.reachable(body.catalog_id)
            scope = org_scope(org.id, catalog.id, None)
        else:
            raise Unauthorized(
                "Open the catalog from an order link, or log in and choose the buyer "
                "organization you order for.",
                code="shopping.context_required",
            )
        if shopper.use_as_catalog:
            raise Conflict("This link is for browsing only.", code="cart.catalog_only")
        if org is not None:
            shopper = dataclasses.replace(
                shopper, organization=org, destination_country=org.country
            )
        cart = await self.repo.by_scope(scope)
        created = cart is None
        if cart is None:
            cart = Cart(
                scope=scope,
                brand_id=shopper.brand.id,
                catalog_id=catalog.id,
                buyer_organization_id=org.id if org else None,
                link_id=shopper.link.id if shopper.link else None,
                guest_subject=grant.subject if grant and org is None else None,
                currency=shopper.currency,
            )
            self.repo.add(cart)
            await self.session.flush()
        return OpenCart(cart, shopper, catalog, grant), created

    async def page(
        self,
        raw_grant: str | None,
        user: User | None,
        org_id: uuid.UUID | None,
        limit: int,
        cursor: str | None,
        *,
        with_items: bool = False,
    ) -> tuple[list[CartSummary], str | None]:
        if org_id is not None:
            await self._member_org(org_id, user)
            rows, next_cursor = await self.repo.page(
                _params(limit, cursor), org_id=org_id, with_items=with_items
            )
        elif raw_grant:
            context, grant = await self.shoppers.granted_link(raw_grant)
            if grant.subject is None:
                return [], None
            rows, next_cursor = await self.repo.page(
                _params(limit, cursor),
                guest=(context.link.id, grant.subject),
                with_items=with_items,
            )
        else:
            raise Unauthorized(
                "Send a link grant, or log in and choose a buyer organization.",
                code="shopping.context_required",
            )
        quantities = await self.repo.quantities([row.cart.id for row in rows])
        now = utcnow()
        return [
            CartSummary(
                **_columns(row.cart),
                brand_name=pick_text(row.brand.name, self.language, row.brand.default_language),
                catalog_name=pick_text(row.catalog.name, self.language, row.brand.default_language),
                link_name=row.link_name,
                order_deadline=row.catalog.order_deadline,
                ordering_open=ordering_open(row.catalog, now),
                item_count=row.item_count,
                total_quantity=quantities[row.cart.id],
            )
            for row in rows
        ], next_cursor

    # --- items -----------------------------------------------------------------------------

    def _check_open(self, opened: OpenCart) -> None:
        if opened.shopper.use_as_catalog:
            raise Conflict("This link is for browsing only.", code="cart.catalog_only")
        if not ordering_open(opened.catalog, utcnow()):
            raise Conflict(
                "The order deadline of this catalog has passed.", code="cart.ordering_closed"
            )

    def _item_problems(
        self, opened: OpenCart, product: Product, rows: list[dict[str, Any]], when: date | None
    ) -> list[Problem]:
        problems = sku_problems(product, rows)
        if when is not None:
            if not opened.shopper.brand.delivery_date_allowed:
                problems.append(
                    Problem(
                        "cart.delivery_date_not_allowed",
                        "The brand does not take desired delivery dates.",
                        ("desired_delivery_date",),
                    )
                )
            elif when < earliest_delivery_date():
                problems.append(
                    Problem(
                        "cart.delivery_date_past",
                        "The desired delivery date must be today or later.",
                        ("desired_delivery_date",),
                    )
                )
        return problems

    async def add_item(self, opened: OpenCart, body: CartItemCreate) -> CartItemRead:
        self._check_open(opened)
        product = await self.repo.catalog_product(
            opened.catalog.id, body.product_id, opened.shopper.price_list
        )
        if product is None:
            raise Invalid(
                "This product is not in the catalog.",
                code="cart.product_unknown",
                loc=("body", "product_id"),
            )
        rows = _rows(body.skus)
        refuse(self._item_problems(opened, product, rows, body.desired_delivery_date), ("body",))
        if await self.repo.item_for_product(opened.cart.id, product.id) is not None:
            raise Conflict(
                "This product is already in the cart; edit that item instead.",
                code="cart.item_exists",
            )
        item = CartItem(
            cart_id=opened.cart.id,
            product_id=product.id,
            skus=rows,
            desired_delivery_date=body.desired_delivery_date,
            note_to_buyer_company=body.note_to_buyer_company,
            message_to_brand=body.message_to_brand,
        )
        self.repo.add(item)
        opened.cart.updated_at = utcnow()
        await self.session.flush()
        return self._item_view(opened, item, product, PriceBook(opened.shopper))

    async def _item(self, opened: OpenCart, item_id: uuid.UUID) -> CartItem:
        item = await self.repo.item(opened.cart.id, item_id)
        if item is None:
            raise NotFound("No such cart item.", code="cart.item_not_found")
        return item

    async def update_item(
        self, opened: OpenCart, item_id: uuid.UUID, body: CartItemUpdate
    ) -> CartItemRead:
        self._check_open(opened)
        item = await self._item(opened, item_id)
        products = await self.repo.products([item.product_id], opened.shopper.price_list)
        product = products[item.product_id]
        given = body.model_fields_set
        rows = _rows(body.skus) if body.skus is not None else item.skus
        when = body.desired_delivery_date if "desired_delivery_date" in given else None
        problems = self._item_problems(opened, product, rows, when)
        if body.skus is None:  # unchanged quantities are not this request's fault
            problems = [p for p in problems if p.loc[0] != "skus"]
        refuse(problems, ("body",))
        item.skus = rows
        if "desired_delivery_date" in given:
            item.desired_delivery_date = body.desired_delivery_date
        if body.note_to_buyer_company is not None:
            item.note_to_buyer_company = body.note_to_buyer_company
        if body.message_to_brand is not None:
            item.message_to_brand = body.message_to_brand
        item.updated_at = opened.cart.updated_at = utcnow()
        await self.session.flush()
        return self._item_view(opened, item, product, PriceBook(opened.shopper))

    async def remove_item(self, opened: OpenCart, item_id: uuid.UUID) -> None:
        await self.repo.delete(await self._item(opened, item_id))
        opened.cart.updated_at = utcnow()

    async def delete(self, opened: OpenCart) -> None:
        await self.repo.delete(opened.cart)

    # --- claiming a guest cart -------------------------------------------------------------

    async def claim(
        self, opened: OpenCart, body: CartClaim, user: User | None, raw_grant: str | None
    ) -> OpenCart:
        if user is None:
            raise Unauthorized("Log in to take this cart over.")
        cart, link = opened.cart, opened.shopper.link
        if cart.buyer_organization_id is not None or link is None or opened.grant is None:
            raise Conflict(
                "This cart already belongs to a buyer organization.", code="cart.already_claimed"
            )
        if body.buyer_organization_id is not None:
            org = await self._member_org(body.buyer_organization_id, user)
        elif link.target_buyer_type is BuyerKind.personal:
            org = await self.personal_organization(user)
        else:
            raise Invalid(
                "Choose the buyer organization to order for.",
                code="cart.organization_required",
                loc=("body", "buyer_organization_id"),
            )
        self._check_link_org(link, opened.grant, org)
        scope = org_scope(org.id, cart.catalog_id, link.id)
        target = await self.repo.by_scope(scope)
        if target is None:
            cart.scope, cart.buyer_organization_id, cart.guest_subject = scope, org.id, None
            cart.updated_at = utcnow()
            await self.session.flush()
            target = cart
        else:
            await self._merge_into(target, cart)
        return await self.open(target.id, raw_grant, user)

    async def _merge_into(self, target: Cart, guest: Cart) -> None:
        existing = {item.product_id: item for item in await self.repo.items(target.id)}
        for item in await self.repo.items(guest.id):
            same = existing.get(item.product_id)
            if same is None:
                item.cart_id = target.id
                continue
            same.skus = merge_skus(same.skus, item.skus)
            same.desired_delivery_date = same.desired_delivery_date or item.desired_delivery_date
            same.note_to_buyer_company = _joined(
                same.note_to_buyer_company, item.note_to_buyer_company
            )
            same.message_to_brand = _joined(same.message_to_brand, item.message_to_brand)
            await self.repo.delete(item)
        target.updated_at = utcnow()
        await self.session.flush()
        await self.repo.delete(guest)
        await self.session.flush()

    async def personal_organization(self, user: User) -> BuyerOrganization:
        """The user's own buyer organization for private orders, created on first use."""
        org = await self.repo.personal_organization(user.id)
        if org is not None:
            return org
        name = {user.language: user.display_name}
        org = BuyerOrganization(
            id=uuid.uuid4(),
            kind=BuyerKind.personal,
            languages=[user.language],
            default_language=user.language,
            name=name,
            representative=name,
            emails=[user.email],
            recipients=[user.email],
            country=user.country,
            phone=user.phone,
            contact_email=user.email,
        )
        self.session.add(org)
        await self.session.flush()
        self.session.add(
            BuyerMember(
                buyer_organization_id=org.id,
                user_id=user.id,
                role=BuyerRole.owner,
                is_primary_owner=True,
            )
        )
        await self.session.flush()
        return org

    # --- reading ---------------------------------------------------------------------------

    def _text(self, opened: OpenCart, text: dict[str, str]) -> str:
        return pick_text(text, opened.shopper.language, opened.shopper.brand.default_language)

    def _item_view(
        self, opened: OpenCart, item: CartItem, product: Product, prices: PriceBook
    ) -> CartItemRead:
        text = self._text
        names = {
            (p["code"], v["code"]): text(opened, v["name"])
            for p in product.sku_properties
            for v in p["values"]
        }
        groups = [
            ChoiceGroup(
                code=g["code"],
                name=text(opened, g["name"]),
                values=[Choice(code=v["code"], name=text(opened, v["name"])) for v in g["values"]],
            )
            for g in product.option_groups
        ]
        value_names = {(g.code, v.code): v.name for g in groups for v in g.values}
        by_id = {str(sku.id): sku for sku in product.skus}
        problems = sku_problems(product, item.skus)
        skus: list[CartSkuRead] = []
        for i, row in enumerate(item.skus):
            quantity = int(row["quantity"])
            options = [
                OptionRowRead(
                    values=o["values"],
                    labels=[
                        value_names.get((g.code, o["values"].get(g.code, "")), "") for g in groups
                    ],
                    quantity=o["quantity"],
                )
                for o in row.get("options") or []
            ]
            sku = by_id.get(str(row["sku_id"]))
            if sku is None:
                skus.append(
                    CartSkuRead(
                        sku_id=row["sku_id"],
                        code="",
                        label="",
                        quantity=quantity,
                        unit_price=None,
                        display_price=None,
                        amount=None,
                        stock_state=None,
                        available_quantity=None,
                        options=options,
                    )
                )
                continue
            priced = prices.sku(product, sku, names)
            if priced.unit_price is None and quantity > 0:
                problems.append(
                    Problem(
                        "cart.price_missing",
                        "This SKU has no price in the cart's currency.",
                        ("skus", i),
                    )
                )
            skus.append(
                CartSkuRead(
                    sku_id=sku.id,
                    code=sku.code,
                    label=priced.label,
                    quantity=quantity,
                    unit_price=priced.unit_price,
                    display_price=priced.display_price,
                    amount=priced.unit_price * quantity if priced.unit_price is not None else None,
                    stock_state=priced.stock_state,
                    available_quantity=priced.available_quantity,
                    options=options,
                )
            )
        return CartItemRead(
            id=item.id,
            product_id=product.id,
            model_number=product.model_number,
            name=text(opened, product.name),
            image_url=thumbnail_url(product.images[0].media_id) if product.images else None,
            option_groups=groups,
            skus=skus,
            quantity=sum(s.quantity for s in skus),
            amount=sum(s.amount or 0 for s in skus),
            desired_delivery_date=item.desired_delivery_date,
            note_to_buyer_company=item.note_to_buyer_company,
            message_to_brand=item.message_to_brand,
            problems=[p.read() for p in problems],
            created_at=item.created_at,
            updated_at=item.updated_at,
        )

    async def view(self, opened: OpenCart) -> CartRead:
        cart, shopper, catalog = opened.cart, opened.shopper, opened.catalog
        items = await self.repo.items(cart.id)
        products = await self.repo.products((i.product_id for i in items), shopper.price_list)
        prices = PriceBook(shopper)
        views = [self._item_view(opened, item, products[item.product_id], prices) for item in items]
        problems: list[Problem] = []
        if shopper.use_as_catalog:
            problems.append(Problem("cart.catalog_only", "This link is for browsing only.", ()))
        elif not ordering_open(catalog, utcnow()):
            problems.append(
                Problem(
                    "cart.ordering_closed", "The order deadline of this catalog has passed.", ()
                )
            )
        total = sum(v.quantity for v in views)
        if total == 0:
            problems.append(Problem("cart.empty", "Enter a quantity for at least one SKU.", ()))
        return CartRead(
            **_columns(cart),
            brand_name=self._text(opened, shopper.brand.name),
            catalog_name=self._text(opened, catalog.name),
            tax_inclusive=shopper.apply_tax_to_price,
            order_deadline=catalog.order_deadline,
            ordering_open=ordering_open(catalog, utcnow()),
            can_order=opened.can_order,
            delivery_date_allowed=shopper.brand.delivery_date_allowed,
            items=views,
            total_quantity=total,
            subtotal=sum(v.amount for v in views),
            problems=[p.read() for p in problems],
        )


def _columns(cart: Cart) -> dict[str, Any]:
    return {
        "id": cart.id,
        "brand_id": cart.brand_id,
        "catalog_id": cart.catalog_id,
        "buyer_organization_id": cart.buyer_organization_id,
        "link_id": cart.link_id,
        "currency": cart.currency,
        "created_at": cart.created_at,
        "updated_at": cart.updated_at,
    }


def _params(limit: int, cursor: str | None) -> PageParams:
    return PageParams(limit, decode_cursor(cursor) if cursor else None)


def _joined(first: str, second: str) -> str:
    if not first or first == second:
        return second
    return first if not second else f"{first}\n{second}"
