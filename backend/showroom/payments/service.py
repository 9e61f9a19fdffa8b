"""Saved cards of buyer organizations (a Stripe customer per organization)."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from showroom.buyers.service import BuyerService
from showroom.core.config import Settings
from showroom.core.errors import DomainError, NotFound, PaymentAction
from showroom.core.time import utcnow
from showroom.models import BuyerOrganization, OrderStatus, Payment, PaymentStatus, User
from showroom.payments.gateway import (
    Card,
    CardDeclined,
    Intent,
    PaymentGateway,
    PaymentUnavailable,
)

logger = logging.getLogger("showroom.payments")


class CardService:
    def __init__(
        self, session: AsyncSession, settings: Settings, gateway: PaymentGateway | None
    ) -> None:
        self.session = session
        self.settings = settings
        self.gateway = gateway
        self.buyers = BuyerService(session, settings)

    def _gateway(self) -> PaymentGateway:
        if self.gateway is None:
            raise PaymentUnavailable("Card payments are not set up on this server.")
        return self.gateway

    async def _customer(self, org: BuyerOrganization) -> str:
        """The organization's Stripe customer, created on first use. The idempotency key makes
        two first uses at once create one customer."""
        if org.stripe_customer_id is None:
            org.stripe_customer_id = await self._gateway().create_customer(
                org.name.get(org.default_language, ""),
                org.emails[0],
                idempotency_key=f"showroom-org-{org.id}",
            )
            await self.session.flush()
        return org.stripe_customer_id

    async def cards(self, user: User, org_id: uuid.UUID) -> list[Card]:
        org, _ = await self.buyers.get(user, org_id)
        if org.stripe_customer_id is None:
            return []
        return await self._gateway().cards(org.stripe_customer_id)

    async def setup(self, user: User, org_id: uuid.UUID) -> tuple[str, str]:
        org, _ = await self.buyers.get(user, org_id)
        return await self._gateway().setup_intent(await self._customer(org))

    async def register(self, user: User, org_id: uuid.UUID, method_id: str) -> Card:
        """Keep a card Stripe.js has confirmed. Attaching is explicit: it is a no-op when the
        SetupIntent already attached it, and it refuses a card of another customer."""
        org, _ = await self.buyers.get(user, org_id)
        customer = await self._customer(org)
        card = await self._gateway().card(method_id)
        if card is None or card.customer not in (None, customer):
            raise NotFound("No such card.", code="payment.card_not_found")
        if card.customer == customer:
            return card
        return await self._gateway().attach(method_id, customer)

    @staticmethod
    async def owned(gateway: PaymentGateway, org: BuyerOrganization, method_id: str) -> Card:
        """A saved card of ``org``; 404 for anyone else's."""
        card = await gateway.card(method_id) if method_id else None
        if (
            card is None
            or org.stripe_customer_id is None
            or card.customer != org.stripe_customer_id
        ):
            raise NotFound(
                "No such card.", code="payment.card_not_found", loc=("body", "payment_method_id")
            )
        return card

    async def remove(self, user: User, org_id: uuid.UUID, method_id: str) -> None:
        org, _ = await self.buyers.get(user, org_id)
        await self.owned(self._gateway(), org, method_id)
        await self._gateway().detach(method_id)


class PaymentRequiresAction(DomainError):
    status = 402
    code = "payment.requires_action"

    def __init__(self, intent: Intent) -> None:
        super().__init__("Confirm the payment with your card's bank, then place the order again.")
        assert intent.client_secret is not None
        self.payment_action = PaymentAction(
            payment_intent_id=intent.id, client_secret=intent.client_secret
        )


@dataclass(frozen=True)
class Authorization:
    intent: Intent
    card: Card | None


class CardPayments:
    """Orders paid by card: held at placement, captured when the brand confirms, released or
    refunded when it rejects or returns the order."""

    def __init__(self, session: AsyncSession, gateway: PaymentGateway | None) -> None:
        self.session = session
        self.gateway = gateway

    def _gateway(self) -> PaymentGateway:
        if self.gateway is None:
            raise PaymentUnavailable("Card payments are not set up on this server.")
        return self.gateway

    async def authorize(
        self,
        org: BuyerOrganization,
        *,
        method_id: str | None,
        intent_id: str | None,
        amount: int,
        currency: str,
        idempotency_key: str,
        metadata: dict[str, str],
    ) -> Authorization:
        """Hold ``amount`` on a saved card of ``org``; or accept the intent the buyer has just
        confirmed (3-D Secure) when it is theirs, for this amount, and held."""
        gateway = self._gateway()
        if intent_id is not None:
            intent = await gateway.intent(intent_id)
            if (
                intent is None
                or org.stripe_customer_id is None
                or intent.customer != org.stripe_customer_id
                or intent.amount != amount
                or intent.currency != currency.lower()
            ):
                raise CardDeclined(
                    "This payment does not match the order any more; choose the card again.",
                    code="payment.intent_mismatch",
                    loc=("body", "payment_intent_id"),
                )
            card = await gateway.card(intent.payment_method) if intent.payment_method else None
        else:
            card = await CardService.owned(gateway, org, method_id or "")
            intent = await gateway.authorize(
                card.customer or "",
                card.id,
                amount,
                currency,
                idempotency_key=idempotency_key,
                metadata=metadata,
            )
        if intent.status == "requires_action":
            raise PaymentRequiresAction(intent)
        if intent.status != "requires_capture":
            raise CardDeclined("The card was declined; try another card.")
        return Authorization(intent, card)

    async def void_quietly(self, intent_id: str) -> None:
        """Release a hold whose order was not saved; a failure here only delays the release
        (Stripe drops uncaptured holds after 7 days)."""
        try:
            await self._gateway().cancel(intent_id)
        except DomainError:
            logger.warning("could not release the card hold %s", intent_id)

    async def follow(self, payment: Payment, status: OrderStatus) -> None:
        """Move the money with the order: capture on confirmation, release or refund when the
        order is rejected or returned to the cart."""
        gateway = self._gateway()
        if status is OrderStatus.confirmed and payment.status is PaymentStatus.authorized:
            await gateway.capture(payment.intent_id)
            payment.status = PaymentStatus.captured
        elif status in (OrderStatus.rejected, OrderStatus.returned_to_cart):
            if payment.status is PaymentStatus.authorized:
                await gateway.cancel(payment.intent_id)
                payment.status = PaymentStatus.canceled
            elif payment.status is PaymentStatus.captured:
                await gateway.refund(payment.intent_id)
                payment.status = PaymentStatus.refunded
        payment.updated_at = utcnow()
