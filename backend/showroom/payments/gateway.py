"""The card processor behind one small interface: Stripe in production, localstripe here."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Annotated, Any, Protocol

import stripe
from fastapi import Depends, Request

from showroom.core.config import Settings
from showroom.core.errors import DomainError, ServiceUnavailable

logger = logging.getLogger("showroom.payments")


class CardDeclined(DomainError):
    status = 402
    code = "payment.card_declined"


class PaymentUnavailable(ServiceUnavailable):
    code = "payment.unavailable"

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(
            detail or "Card payments are unavailable right now; nothing was charged.",
            headers={"Retry-After": "30"},
        )


@dataclass(frozen=True)
class Card:
    id: str
    brand: str
    last4: str
    exp_month: int
    exp_year: int
    customer: str | None


@dataclass(frozen=True)
class Intent:
    id: str
    status: str  # Stripe's: requires_action, requires_capture, succeeded, canceled …
    amount: int
    currency: str  # lower case, as Stripe writes it
    client_secret: str | None
    customer: str | None
    payment_method: str | None


class PaymentGateway(Protocol):
    async def create_customer(self, name: str, email: str, idempotency_key: str) -> str: ...
    async def setup_intent(self, customer: str) -> tuple[str, str]: ...
    async def cards(self, customer: str) -> list[Card]: ...
    async def card(self, method_id: str) -> Card | None: ...
    async def attach(self, method_id: str, customer: str) -> Card: ...
    async def detach(self, method_id: str) -> None: ...
    async def authorize(
        self,
        customer: str,
        method_id: str,
        amount: int,
        currency: str,
        idempotency_key: str,
        metadata: dict[str, str],
    ) -> Intent: ...
    async def intent(self, intent_id: str) -> Intent | None: ...
    async def capture(self, intent_id: str) -> Intent: ...
    async def cancel(self, intent_id: str) -> Intent: ...
    async def refund(self, intent_id: str) -> None: ...


def _card(method: Any) -> Card:
    card = method.card
    return Card(
        id=method.id,
        brand=str(card.brand),
        last4=str(card.last4),
        exp_month=int(card.exp_month),
        exp_year=int(card.exp_year),
        customer=method.customer,
    )


def _intent(intent: Any) -> Intent:
    return Intent(
        id=intent.id,
        status=str(intent.status),
        amount=int(intent.amount),
        currency=str(intent.currency),
        client_secret=intent.client_secret,
        customer=intent.customer,
        payment_method=intent.payment_method,
    )


class StripeGateway:
    def __init__(self, settings: Settings) -> None:
        assert settings.stripe_secret_key is not None
        base = {"api": settings.stripe_api_base} if settings.stripe_api_base else None
        self.client = stripe.StripeClient(
            settings.stripe_secret_key,
            base_addresses=base,  # type: ignore[arg-type]
            max_network_retries=2,
            http_client=stripe.HTTPXClient(timeout=settings.stripe_timeout_seconds),
        )

    async def _call(self, what: str, call: Any) -> Any:
        try:
            return await call
        except stripe.CardError as exc:
            raise CardDeclined(
                exc.user_message or "The card was declined; try another card."
            ) from exc
        except stripe.InvalidRequestError as exc:
            if exc.http_status == 404:
                return None
            logger.warning("Stripe refused %s: %s", what, exc)
            raise PaymentUnavailable() from exc
        except stripe.StripeError as exc:
            logger.warning("Stripe failed on %s: %s", what, exc)
            raise PaymentUnavailable() from exc

    async def create_customer(self, name: str, email: str, idempotency_key: str) -> str:
        customer = await self._call(
            "create customer",
            self.client.v1.customers.create_async(
                {"name": name, "email": email}, {"idempotency_key": idempotency_key}
            ),
        )
        return str(customer.id)

    async def setup_intent(self, customer: str) -> tuple[str, str]:
        intent = await self._call(
            "create setup intent",
            self.client.v1.setup_intents.create_async(
                {
                    "customer": customer,
                    "usage": "off_session",
                    "allowed_payment_method_types": ["card"],
                }
            ),
        )
        return str(intent.id), str(intent.client_secret)

    async def cards(self, customer: str) -> list[Card]:
        found = await self._call(
            "list cards",
            self.client.v1.payment_methods.list_async({"customer": customer, "type": "card"}),
        )
        return [_card(method) for method in found.data] if found else []

    async def card(self, method_id: str) -> Card | None:
        method = await self._call(
            "read card", self.client.v1.payment_methods.retrieve_async(method_id)
        )
        return _card(method) if method is not None and method.type == "card" else None

    async def attach(self, method_id: str, customer: str) -> Card:
        method = await self._call(
            "attach card",
            self.client.v1.payment_methods.attach_async(method_id, {"customer": customer}),
        )
        if method is None:
            raise CardDeclined("This card could not be found; enter it again.")
        return _card(method)

    async def detach(self, method_id: str) -> None:
        await self._call("detach card", self.client.v1.payment_methods.detach_async(method_id))

    async def authorize(
        self,
        customer: str,
        method_id: str,
        amount: int,
        currency: str,
        idempotency_key: str,
        metadata: dict[str, str],
    ) -> Intent:
        """Hold ``amount`` on the card (manual capture); 3-D Secure may ask the buyer first."""
        intent = await self._call(
            "authorize",
            self.client.v1.payment_intents.create_async(
                {
                    "amount": amount,
                    "currency": currency.lower(),
                    "customer": customer,
                    "payment_method": method_id,
                    "capture_method": "manual",
                    "confirm": True,
                    "allowed_payment_method_types": ["card"],
                    "metadata": metadata,
                },
                {"idempotency_key": idempotency_key},
            ),
        )
        return _intent(intent)

    async def intent(self, intent_id: str) -> Intent | None:
        found = await self._call(
            "read intent", self.client.v1.payment_intents.retrieve_async(intent_id)
        )
        return _intent(found) if found is not None else None

    async def capture(self, intent_id: str) -> Intent:
        return _intent(
            await self._call("capture", self.client.v1.payment_intents.capture_async(intent_id))
        )

    async def cancel(self, intent_id: str) -> Intent:
        return _intent(
            await self._call("cancel", self.client.v1.payment_intents.cancel_async(intent_id))
        )

    async def refund(self, intent_id: str) -> None:
        await self._call(
            "refund", self.client.v1.refunds.create_async({"payment_intent": intent_id})
        )


async def get_gateway(request: Request) -> PaymentGateway | None:
    """The app's processor; None when card payments are not set up."""
    gateway: PaymentGateway | None = request.app.state.payment_gateway
    return gateway


CurrentGateway = Annotated[PaymentGateway | None, Depends(get_gateway)]
