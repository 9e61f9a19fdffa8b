"""Stripe's events about our payments: verified, handled once, applied only forwards."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

import stripe
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.config import Settings
from showroom.core.errors import BadRequest, NotFound
from showroom.core.time import utcnow
from showroom.models import Payment, PaymentStatus, StripeEvent

logger = logging.getLogger("showroom.payments")
TOLERANCE_SECONDS = 300

# An event may only move a payment forwards: a late "authorized" never undoes a capture.
AFTER: dict[PaymentStatus, set[PaymentStatus]] = {
    PaymentStatus.authorized: {
        PaymentStatus.captured,
        PaymentStatus.canceled,
        PaymentStatus.failed,
        PaymentStatus.refunded,
    },
    PaymentStatus.captured: {PaymentStatus.refunded},
}
STATUS_OF_EVENT = {
    "payment_intent.succeeded": PaymentStatus.captured,
    "payment_intent.canceled": PaymentStatus.canceled,
    "payment_intent.payment_failed": PaymentStatus.failed,
    "charge.refunded": PaymentStatus.refunded,
}


def _timestamp(header: str) -> int | None:
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and value.isdigit():
            return int(value)
    return None


def verify(payload: bytes, header: str | None, secret: str) -> dict[str, Any]:
    """The event, when Stripe signed it within the last five minutes."""
    when = _timestamp(header or "")
    if when is None:
        raise BadRequest("The Stripe-Signature header is missing.", code="webhook.bad_signature")
    if abs(time.time() - when) > TOLERANCE_SECONDS:
        raise BadRequest("The event is too old (replayed?).", code="webhook.too_old")
    try:
        stripe.WebhookSignature.verify_header(
            payload.decode("utf-8", "replace"), header or "", secret, TOLERANCE_SECONDS
        )
        event = json.loads(payload)
        if not isinstance(event, dict) or not isinstance(event.get("id"), str):
            raise ValueError("not an event")
    except stripe.SignatureVerificationError as exc:
        raise BadRequest("The signature does not match.", code="webhook.bad_signature") from exc
    except ValueError as exc:
        raise BadRequest("The event cannot be read.", code="webhook.malformed") from exc
    return event


class StripeWebhooks:
    def __init__(self, session: AsyncSession, settings: Settings) -> None:
        self.session = session
        self.settings = settings

    async def receive(self, payload: bytes, header: str | None) -> bool:
        """Handle one delivery; False when the event was handled before."""
        if not self.settings.stripe_webhook_secret:
            raise NotFound("Stripe webhooks are not set up.", code="webhook.not_configured")
        event = verify(payload, header, self.settings.stripe_webhook_secret)
        if await self.session.get(StripeEvent, event["id"]) is not None:
            return False
        self.session.add(StripeEvent(id=event["id"], type=str(event.get("type", ""))))
        try:
            await self.session.flush()
        except IntegrityError:  # the same event delivered twice at once
            return False
        await self._apply(event)
        return True

    async def _apply(self, event: dict[str, Any]) -> None:
        status = STATUS_OF_EVENT.get(str(event.get("type")))
        found = (event.get("data") or {}).get("object") or {}
        intent_id = (
            found.get("payment_intent") if found.get("object") == "charge" else found.get("id")
        )
        if status is None or not isinstance(intent_id, str):
            return
        payment = await self.session.scalar(select(Payment).where(Payment.intent_id == intent_id))
        if payment is None or status not in AFTER.get(payment.status, set()):
            return
        logger.info("payment %s: %s → %s (%s)", intent_id, payment.status, status, event["id"])
        payment.status = status
        payment.updated_at = utcnow()
