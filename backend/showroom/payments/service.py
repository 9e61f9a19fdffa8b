"""Saved cards of buyer organizations (a Stripe customer per organization)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from showroom.buyers.service import BuyerService
from showroom.core.config import Settings
from showroom.core.errors import NotFound
from showroom.models import BuyerOrganization, User
from showroom.payments.gateway import Card, PaymentGateway, PaymentUnavailable


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

    async def owned_card(self, org: BuyerOrganization, method_id: str) -> Card:
        card = await self._gateway().card(method_id)
        if (
            card is None
            or org.stripe_customer_id is None
            or card.customer != org.stripe_customer_id
        ):
            raise NotFound("No such card.", code="payment.card_not_found")
        return card

    async def remove(self, user: User, org_id: uuid.UUID, method_id: str) -> None:
        org, _ = await self.buyers.get(user, org_id)
        await self.owned_card(org, method_id)
        await self._gateway().detach(method_id)
