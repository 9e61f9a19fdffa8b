"""Checkout, preview and placing an order (DOMAIN.md §6 steps 4–7)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from showroom.buyers.schemas import AddressRead
from showroom.carts.repository import CartRepository
from showroom.carts.schemas import OptionRowRead
from showroom.carts.service import OpenCart, Problem, refuse, sku_problems
from showroom.core.config import Settings
from showroom.core.errors import Conflict, FieldError, FieldErrors, Forbidden, Invalid
from showroom.core.i18n import pick_text
from showroom.core.idempotency import IdempotencyGuard, Replay, fingerprint
from showroom.core.time import utcnow
from showroom.integrations.events import emit, emit_stock, sku_stock
from showroom.integrations.schemas import EventType
from showroom.models import (
    Address,
    AddressKind,
    BuyerOrganization,
    CartItem,
    CommentMode,
    Order,
    OrderEvent,
    OrderLine,
    OrderStatus,
    Payment,
    PaymentStatus,
    Product,
    ShippingRateGroup,
    TaxRate,
    User,
)
from showroom.orders.mails import order_placed_mails
from showroom.orders.repository import OrderRepository
from showroom.orders.schemas import (
    AddressSnapshot,
    BuyerOrderLineRead,
    BuyerOrderRead,
    BuyerSnapshot,
    CardSummary,
    CheckoutRead,
    CommentSettings,
    OrderAmounts,
    OrderForm,
    OrderPreview,
    OrderRead,
    PaymentChoice,
    TaxLineRead,
)
from showroom.orders.views import order_view
from showroom.payments.gateway import PaymentGateway, PaymentUnavailable
from showroom.payments.service import CardPayments, CardService
from showroom.pricing import (
    BillingTerm,
    LineInput,
    OrderQuote,
    ShippingGroup,
    ShippingRate,
    quote_order,
)
from showroom.pricing import TaxRate as PricedTaxRate
from showroom.storefront.service import PriceBook, priced_tax
from showroom.storefront.shopper import ordering_open

PAYMENT_LABELS = {"offline": "Not Use Credit Card", "card": "Credit Card"}
ADDRESS_FIELDS = ("recipient", "postal_code", "country", "state", "city", "line1", "line2", "phone")


def address_snapshot(address: Address | None) -> dict[str, Any] | None:
    return {f: getattr(address, f) for f in ADDRESS_FIELDS} if address else None


@dataclass
class Checkout:
    """Everything an order form is checked and priced against."""

    opened: OpenCart
    org: BuyerOrganization
    addresses: list[Address]
    payment_methods: list[str]
    groups: list[ShippingRateGroup]
    taxes: dict[uuid.UUID, TaxRate]
    prices: PriceBook
    items: list[CartItem]
    products: dict[uuid.UUID, Product]

    def address(self, address_id: uuid.UUID | None, kind: AddressKind) -> Address | None:
        return next(
            (a for a in self.addresses if a.id == address_id and a.kind is kind),
            None,
        )

    def default(self, kind: AddressKind) -> Address | None:
        return next((a for a in self.addresses if a.kind is kind and a.is_default), None)


@dataclass
class Priced:
    quote: OrderQuote
    lines: list[OrderLine]  # not yet added to the session
    billing: Address | None
    delivery: Address | None
    comment: str


class CheckoutService:
    def __init__(
        self,
        session: AsyncSession,
        settings: Settings,
        language: str,
        gateway: PaymentGateway | None = None,
    ) -> None:
        self.session = session
        self.settings = settings
        self.language = language
        self.gateway = gateway
        self.cards = CardPayments(session, gateway)
        self.repo = OrderRepository(session)
        self.carts = CartRepository(session)

    # --- context ---------------------------------------------------------------------------

    async def _checkout(self, opened: OpenCart) -> Checkout:
        shopper, cart = opened.shopper, opened.cart
        org = shopper.organization
        if cart.buyer_organization_id is None or org is None:
            raise _claim_required()
        link = shopper.link
        if link is not None and link.china_only and org.country != "CN":
            raise Forbidden(
                "This link takes orders only from buyers in China.", code="checkout.china_only"
            )
        if link is not None and org.kind is not link.target_buyer_type:
            raise Forbidden(
                f"This link takes orders from {link.target_buyer_type.value} buyers only.",
                code="checkout.buyer_type",
            )
        items = await self.carts.items(cart.id)
        groups = await self.repo.shipping_groups(shopper.brand.id, shopper.currency)
        products = await self.carts.products(
            (item.product_id for item in items), shopper.price_list, images=False
        )
        rates = [p.tax_rate for p in products.values()] + [g.tax_rate for g in groups]
        return Checkout(
            opened=opened,
            org=org,
            addresses=await self.repo.addresses(org.id),
            payment_methods=self._payment_methods(opened, card_ready=self.gateway is not None),
            groups=groups,
            taxes={rate.id: rate for rate in rates if rate is not None},
            prices=PriceBook(shopper),
            items=items,
            products=products,
        )

    @staticmethod
    def _payment_methods(opened: OpenCart, *, card_ready: bool) -> list[str]:
        """The link's override, else the catalog's methods, that the brand takes: cards when
        the brand has turned them on and this server has a card processor."""
        link = opened.shopper.link
        allowed = (
            link.payment_methods
            if link is not None and link.payment_methods is not None
            else opened.catalog.payment_methods
        ) or ["offline", "card"]
        brand = opened.shopper.brand
        taken = {"offline": brand.offline_payment_accepted, "card": brand.card_payments_enabled}
        taken["card"] = taken["card"] and card_ready
        return [method for method in ("card", "offline") if method in allowed and taken[method]]

    def _text(self, ctx: Checkout, text: dict[str, str]) -> str:
        return pick_text(
            text, ctx.opened.shopper.language, ctx.opened.shopper.brand.default_language
        )

    def _buyer(self, ctx: Checkout) -> dict[str, Any]:
        org, customer = ctx.org, ctx.opened.shopper.customer
        return {
            "id": str(org.id),
            "kind": org.kind.value,
            "name": pick_text(org.name, org.default_language),
            "representative": pick_text(org.representative, org.default_language),
            "email": org.emails[0] if org.emails else org.contact_email,
            "country": org.country,
            "phone": org.phone,
            "contact_email": org.contact_email,
            "customer_code": customer.code if customer else None,
        }

    # --- pricing ---------------------------------------------------------------------------

    def _candidates(self, ctx: Checkout, destination: str) -> list[ShippingGroup | None]:
        """The link's group, the catalog's, the brand's for the destination country, then
        the currency's all-countries group (DOMAIN.md §4)."""
        link = ctx.opened.shopper.link
        by_id = {group.id: group for group in ctx.groups}
        wanted = [
            by_id.get(link.shipping_rate_group_id)
            if link and link.shipping_rate_group_id
            else None,
            by_id.get(ctx.opened.catalog.shipping_rate_group_id)
            if ctx.opened.catalog.shipping_rate_group_id
            else None,
            next((g for g in ctx.groups if g.country == destination), None),
            next((g for g in ctx.groups if g.country is None), None),
        ]
        return [self._group(ctx, g) if g else None for g in wanted]

    @staticmethod
    def _tax(ctx: Checkout, tax_id: uuid.UUID | None) -> PricedTaxRate | None:
        return priced_tax(ctx.taxes.get(tax_id)) if tax_id else None

    def _group(self, ctx: Checkout, group: ShippingRateGroup) -> ShippingGroup:
        return ShippingGroup(
            id=str(group.id),
            currency=group.currency,
            country=group.country,
            rates=tuple(
                ShippingRate(
                    amount=r.amount,
                    condition=r.condition,
                    threshold=r.threshold,
                    min_quantity=r.min_quantity,
                    max_quantity=r.max_quantity,
                )
                for r in group.rates
            ),
            tax_rate=self._tax(ctx, group.tax_rate_id),
        )

    def _price(
        self, ctx: Checkout, destination: str, *, strict: bool = True
    ) -> tuple[OrderQuote, list[OrderLine]]:
        """The cart priced for a destination; lines with quantity 0 are placeholders and do
        not become order lines. Refuses what cannot be ordered, pointing into the cart —
        unless not ``strict``: the order form opens anyway, the cart shows the problems and
        preview and placement refuse them."""
        shopper = ctx.opened.shopper
        if shopper.use_as_catalog:
            raise Conflict("This link is for browsing only.", code="cart.catalog_only")
        if not ordering_open(ctx.opened.catalog, utcnow()):
            raise Conflict(
                "The order deadline of this catalog has passed.", code="cart.ordering_closed"
            )
        inputs: list[LineInput] = []
        lines: list[OrderLine] = []
        problems: list[Problem] = []
        for item in ctx.items:
            product = ctx.products[item.product_id]
            found = sku_problems(product, item.skus)
            problems += [Problem(p.code, p.message, ("items", str(item.id), *p.loc)) for p in found]
            skus = {str(sku.id): sku for sku in product.skus}
            names = self._names(ctx, product)
            for i, row in enumerate(item.skus):
                sku = skus.get(str(row["sku_id"]))
                quantity = int(row["quantity"])
                if sku is None or quantity == 0:
                    continue
                base = sku.list_amount
                if base is None:
                    problems.append(
                        Problem(
                            "cart.price_missing",
                            "This SKU has no price in the cart's currency.",
                            ("items", str(item.id), "skus", i),
                        )
                    )
                    continue
                inputs.append(
                    LineInput(
                        key=str(len(lines)),
                        base_price=base,
                        quantity=quantity,
                        tax_rate=self._tax(ctx, product.tax_rate_id),
                    )
                )
                lines.append(
                    OrderLine(
                        id=uuid.uuid4(),
                        position=len(lines),
                        product_id=product.id,
                        sku_id=sku.id,
                        model_number=product.model_number,
                        product_name=self._text(ctx, product.name),
                        sku_code=sku.code,
                        sku_label=" / ".join(
                            names.get((p["code"], sku.values.get(p["code"], "")), "")
                            for p in product.sku_properties
                        ),
                        quantity=quantity,
                        backordered_quantity=0,
                        tax_rate_id=product.tax_rate_id,
                        options=[
                            {
                                "values": o["values"],
                                "labels": [
                                    names.get((g["code"], o["values"].get(g["code"], "")), "")
                                    for g in product.option_groups
                                ],
                                "quantity": int(o["quantity"]),
                            }
                            for o in row.get("options") or []
                        ],
                        desired_delivery_date=item.desired_delivery_date,
                        message_to_brand=item.message_to_brand,
                        note_to_buyer_company=item.note_to_buyer_company,
                    )
                )
        stock = [p for p in problems if p.code == "cart.stock_short"]
        if stock and strict:
            refuse([Problem("stock.insufficient", p.message, p.loc) for p in stock], (), 409)
        if strict:
            refuse(problems, ())
        if not lines:
            raise Conflict("Enter a quantity for at least one SKU.", code="cart.empty")
        quote = quote_order(
            inputs,
            currency=shopper.currency,
            terms=ctx.prices.terms,
            destination_country=destination,
            shipping_candidates=self._candidates(ctx, destination),
            billing=shopper.billing_term,
            deposit_percent=shopper.deposit_percent,
        )
        for line, priced in zip(lines, quote.lines, strict=True):
            line.unit_price, line.amount = priced.unit_price, priced.amount
        return quote, lines

    def _names(self, ctx: Checkout, product: Product) -> dict[tuple[str, str], str]:
        return {
            (group["code"], value["code"]): self._text(ctx, value["name"])
            for group in [*product.sku_properties, *product.option_groups]
            for value in group["values"]
        }

    def _amounts(self, ctx: Checkout, quote: OrderQuote) -> OrderAmounts:
        return OrderAmounts(
            currency=quote.currency,
            total_quantity=quote.total_quantity,
            subtotal=quote.subtotal,
            shipping_amount=quote.shipping.amount,
            tax_lines=[TaxLineRead.model_validate(line) for line in self._tax_lines(ctx, quote)],
            tax_total=quote.tax_total,
            total=quote.total,
            deposit=quote.deposit,
            balance=quote.balance,
        )

    def _tax_lines(self, ctx: Checkout, quote: OrderQuote) -> list[dict[str, Any]]:
        out = []
        for line in quote.tax_lines:
            rate = ctx.taxes.get(uuid.UUID(line.tax_rate_id))
            out.append(
                {
                    "tax_rate_id": line.tax_rate_id,
                    "name": self._text(ctx, rate.name) if rate else "",
                    "rate": str(line.rate),
                    "taxable_amount": line.taxable_amount,
                    "tax_amount": line.tax_amount,
                }
            )
        return out

    def _check_form(self, ctx: Checkout, form: OrderForm) -> Priced:
        errors = FieldErrors()
        brand = ctx.opened.shopper.brand
        comment = form.comment.strip()
        if comment and brand.comment_mode is CommentMode.off:
            errors.add(
                ("body", "comment"),
                "The brand takes no order comment.",
                "order.comment_not_allowed",
            )
        if (
            comment
            and brand.comment_mode is CommentMode.presets
            and not any(comment in preset.values() for preset in brand.comment_presets)
        ):
            errors.add(
                ("body", "comment"),
                "Choose one of the brand's comments.",
                "order.comment_preset_unknown",
            )
        if form.payment_method not in ctx.payment_methods:
            errors.add(
                ("body", "payment_method"),
                "This payment method is not available for this order.",
                "order.payment_method_unavailable",
            )
        elif (
            form.payment_method == "card"
            and form.payment_method_id is None
            and form.payment_intent_id is None
        ):
            errors.add(
                ("body", "payment_method_id"),
                "Choose one of your cards, or set a new card.",
                "order.card_required",
            )
        billing = ctx.address(form.billing_address_id, AddressKind.billing)
        delivery = ctx.address(form.delivery_address_id, AddressKind.delivery)
        link = ctx.opened.shopper.link
        required = link is not None and link.require_address
        for field, wanted, found in (
            ("billing_address_id", form.billing_address_id, billing),
            ("delivery_address_id", form.delivery_address_id, delivery),
        ):
            if wanted is not None and found is None:
                errors.add(
                    ("body", field), "No such address of the organization.", "order.address_unknown"
                )
            elif wanted is None and required:
                errors.add(("body", field), "This link needs an address.", "order.address_required")
        if errors.errors:
            first = errors.errors[0]
            raise Invalid(first.msg, code=first.type, errors=errors.errors)
        quote, lines = self._price(ctx, delivery.country if delivery else ctx.org.country)
        return Priced(quote, lines, billing, delivery, comment)

    # --- the three steps -------------------------------------------------------------------

    async def checkout(self, opened: OpenCart) -> CheckoutRead:
        ctx = await self._checkout(opened)
        delivery = ctx.default(AddressKind.delivery)
        quote, _ = self._price(ctx, delivery.country if delivery else ctx.org.country, strict=False)
        brand = opened.shopper.brand
        billing = ctx.default(AddressKind.billing)
        return CheckoutRead(
            cart_id=opened.cart.id,
            buyer=BuyerSnapshot.model_validate(self._buyer(ctx)),
            comment=CommentSettings(
                mode=brand.comment_mode,
                presets=[self._text(ctx, p) for p in brand.comment_presets]
                if brand.comment_mode is CommentMode.presets
                else [],
            ),
            payment_methods=[
                PaymentChoice.model_validate({"code": m, "label": PAYMENT_LABELS[m]})
                for m in ctx.payment_methods
            ],
            card_step="card" in ctx.payment_methods,
            billing_addresses=[
                AddressRead.model_validate(a)
                for a in ctx.addresses
                if a.kind is AddressKind.billing
            ],
            delivery_addresses=[
                AddressRead.model_validate(a)
                for a in ctx.addresses
                if a.kind is AddressKind.delivery
            ],
            default_billing_address_id=billing.id if billing else None,
            default_delivery_address_id=delivery.id if delivery else None,
            require_address=bool(opened.shopper.link and opened.shopper.link.require_address),
            amounts=self._amounts(ctx, quote),
            terms=ctx.opened.shopper.terms_summary() if opened.shopper.display_terms else None,
        )

    async def preview(self, opened: OpenCart, form: OrderForm) -> OrderPreview:
        ctx = await self._checkout(opened)
        priced = self._check_form(ctx, form)
        card = None
        if form.payment_method == "card" and form.payment_method_id is not None:
            if self.gateway is None:
                raise PaymentUnavailable()
            found = await CardService.owned(self.gateway, ctx.org, form.payment_method_id)
            card = CardSummary(brand=found.brand, last4=found.last4)
        return OrderPreview(
            card=card,
            card_amount=card_amount(ctx, priced.quote.deposit, priced.quote.total)
            if form.payment_method == "card"
            else None,
            amounts=self._amounts(ctx, priced.quote),
            buyer=BuyerSnapshot.model_validate(self._buyer(ctx)),
            billing_address=_snapshot(priced.billing),
            delivery_address=_snapshot(priced.delivery),
            terms=ctx.opened.shopper.terms_summary() if opened.shopper.display_terms else None,
            payment_method=form.payment_method,
            comment=priced.comment,
            brand_name=self._text(ctx, opened.shopper.brand.name),
            catalog_name=self._text(ctx, opened.catalog.name),
            lines=[
                BuyerOrderLineRead.model_validate(
                    {
                        **{
                            k: getattr(line, k)
                            for k in BuyerOrderLineRead.model_fields
                            if k != "options"
                        },
                        "options": [OptionRowRead.model_validate(o) for o in line.options],
                    }
                )
                for line in priced.lines
            ],
        )

    async def place(self, opened: OpenCart, form: OrderForm, user: User | None, key: str) -> Replay:
        """In one transaction: check everything again, take the stock, hold the card, number
        the order, freeze its terms and amounts, queue the e-mails and empty the cart."""
        if user is None or opened.cart.buyer_organization_id is None:
            raise _claim_required()
        guard = IdempotencyGuard(
            self.session,
            f"user:{user.id}",
            key,
            fingerprint({"cart": str(opened.cart.id), "form": form.model_dump(mode="json")}),
        )
        replay = await guard.begin()
        if replay is not None:
            return replay
        ctx = await self._checkout(opened)
        priced = self._check_form(ctx, form)
        wanted = {line.sku_id: line.quantity for line in priced.lines if line.sku_id}
        taken = await self.repo.take_stock(wanted)
        short = [line for line in priced.lines if line.sku_id not in taken]
        if short:
            raise Conflict(
                "Someone ordered the last units first; lower the quantity.",
                code="stock.insufficient",
                errors=[_short_error(line, ctx) for line in short],
            )
        for line in priced.lines:
            after, tracked, backorder = taken[line.sku_id]  # type: ignore[index]
            if tracked and backorder:
                before = after + line.quantity
                line.backordered_quantity = line.quantity - min(max(before, 0), line.quantity)
        order_id = uuid.uuid4()
        # The card is held before the order is numbered: numbering locks the brand's counter
        # row until commit, and every other order of the brand waits for that lock — it must
        # not wait on a card processor too.
        payment = (
            await self._authorize(ctx, form, priced, order_id, key)
            if form.payment_method == "card"
            else None
        )
        try:
            body = await self._record(ctx, form, priced, user, order_id, payment, taken)
            await guard.finish(201, body)
            if payment is not None:
                await self.session.commit()
        except BaseException:
            if payment is not None:
                await self.cards.void_quietly(payment.intent_id)
            raise
        return Replay(201, body)

    async def _record(
        self,
        ctx: Checkout,
        form: OrderForm,
        priced: Priced,
        user: User,
        order_id: uuid.UUID,
        payment: Payment | None,
        taken: dict[uuid.UUID, tuple[int, bool, bool]],
    ) -> dict[str, Any]:
        """Numbers the order and writes it, its mails and events; empties the cart. Returns
        the buyer's view of the order."""
        opened, brand = ctx.opened, ctx.opened.shopper.brand
        number = await self.repo.next_number(brand.id)
        order = self._order(ctx, form, priced, user, order_id, number)
        for line in priced.lines:
            line.order_id = order.id
        event = OrderEvent(
            order_id=order.id,
            status=OrderStatus.placed,
            actor_id=user.id,
            actor_name=user.display_name,
            actor_side="buyer",
            note="",
            created_at=order.created_at,
        )
        self.session.add_all([order, *priced.lines, event])
        if payment is not None:
            self.session.add(payment)
        order_placed_mails(self.session, self.settings, order, ctx.org, brand)
        await self.carts.clear(opened.cart.id)
        opened.cart.updated_at = order.created_at
        view = order_view(order, priced.lines, [event], BuyerOrderRead, payment)
        brand_view = order_view(order, priced.lines, [event], OrderRead, payment)
        emit(
            self.session, order.brand_id, EventType.order_placed, brand_view.model_dump(mode="json")
        )
        emit_stock(
            self.session,
            order.brand_id,
            "order.placed",
            [
                sku_stock(line.sku_id, line.sku_code, line.product_id, *taken[line.sku_id])
                for line in priced.lines
                if line.sku_id is not None and taken[line.sku_id][1]
            ],
        )
        return view.model_dump(mode="json")

    async def _authorize(
        self, ctx: Checkout, form: OrderForm, priced: Priced, order_id: uuid.UUID, key: str
    ) -> Payment:
        shopper = ctx.opened.shopper
        amount = card_amount(ctx, priced.quote.deposit, priced.quote.total)
        held = await self.cards.authorize(
            ctx.org,
            method_id=form.payment_method_id,
            intent_id=form.payment_intent_id,
            amount=amount,
            currency=shopper.currency,
            idempotency_key=f"showroom-order-{ctx.opened.cart.id}-{key}",
            # The order is numbered only once the card is held (see place).
            metadata={"order_id": str(order_id), "brand_id": str(shopper.brand.id)},
        )
        return Payment(
            order_id=order_id,
            intent_id=held.intent.id,
            status=PaymentStatus.authorized,
            amount=amount,
            currency=shopper.currency,
            card_brand=held.card.brand if held.card else "",
            card_last4=held.card.last4 if held.card else "",
        )

    def _order(
        self,
        ctx: Checkout,
        form: OrderForm,
        priced: Priced,
        user: User,
        order_id: uuid.UUID,
        number: int,
    ) -> Order:
        shopper, quote = ctx.opened.shopper, priced.quote
        now = utcnow()
        return Order(
            id=order_id,
            brand_id=shopper.brand.id,
            number=f"ORD-{number:06d}",
            status=OrderStatus.placed,
            buyer_organization_id=ctx.org.id,
            catalog_id=ctx.opened.catalog.id,
            link_id=shopper.link.id if shopper.link else None,
            customer_id=shopper.customer.id if shopper.customer else None,
            placed_by_id=user.id,
            language=shopper.language,
            currency=shopper.currency,
            payment_method=form.payment_method,
            comment=priced.comment,
            terms={
                **ctx.opened.shopper.terms_summary().model_dump(mode="json"),
                "transaction_term_name": shopper.term.name,
                "apply_tax_to_price": shopper.apply_tax_to_price,
                "display_terms": shopper.display_terms,
            },
            buyer=self._buyer(ctx),
            billing_address=address_snapshot(priced.billing),
            delivery_address=address_snapshot(priced.delivery),
            brand_name=self._text(ctx, shopper.brand.name),
            catalog_name=self._text(ctx, ctx.opened.catalog.name),
            total_quantity=quote.total_quantity,
            subtotal=quote.subtotal,
            shipping_amount=quote.shipping.amount,
            tax_lines=self._tax_lines(ctx, quote),
            tax_total=quote.tax_total,
            total=quote.total,
            deposit=quote.deposit,
            balance=quote.balance,
            created_at=now,
            updated_at=now,
        )


def card_amount(ctx: Checkout, deposit: int, total: int) -> int:
    """What a card is charged: the deposit with deposit terms, else the whole total."""
    with_deposit = ctx.opened.shopper.billing_term is BillingTerm.with_deposit
    return deposit if with_deposit else total


def _claim_required() -> Conflict:
    return Conflict(
        "Log in and choose the buyer organization to order for (claim the cart) first.",
        code="cart.claim_required",
    )


def _snapshot(address: Address | None) -> AddressSnapshot | None:
    found = address_snapshot(address)
    return AddressSnapshot.model_validate(found) if found else None


def _short_error(line: OrderLine, ctx: Checkout) -> FieldError:
    for item in ctx.items:
        for i, row in enumerate(item.skus):
            if str(row["sku_id"]) == str(line.sku_id):
                return FieldError(
                    loc=["items", str(item.id), "skus", i, "quantity"],
                    msg="Not enough stock left.",
                    type="stock.insufficient",
                )
    return FieldError(loc=["items"], msg="Not enough stock left.", type="stock.insufficient")
