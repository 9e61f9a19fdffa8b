"""Delivering webhook events: the fan-out of an event to the endpoints subscribed to it, and
the signed HTTP POST of one delivery, retried with exponential backoff for up to three days.

Signature (Stripe's scheme, so integrators' libraries and habits carry over): header
``Showroom-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the
endpoint's secret>``; the receiver recomputes it over the raw body and refuses old timestamps
(docs/integrating.md has the recipe)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.config import Settings
from showroom.core.outbox import Handler, RetryLater, RetryPolicy, enqueue
from showroom.core.time import utcnow
from showroom.integrations.repository import WebhookRepository
from showroom.models import (
    DeliveryStatus,
    OutboxMessage,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)

DELIVERY_TOPIC = "webhooks.delivery"
SIGNATURE_HEADER = "Showroom-Signature"
USER_AGENT = "Showroom-Webhooks/1"
EXCERPT_BYTES = 500

# 1 min, 2, 4 … doubling up to 6 h between tries, for at most 3 days after the event.
RETRY = RetryPolicy(
    first_delay=timedelta(minutes=1),
    max_delay=timedelta(hours=6),
    max_attempts=None,
    give_up_after=timedelta(days=3),
)


def sign(secret: str, timestamp: int, body: bytes) -> str:
    signed = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    return f"t={timestamp},v1={sign(secret, timestamp, body)}"


def encode(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


def queue_delivery(
    session: AsyncSession,
    endpoint: WebhookEndpoint,
    event: dict[str, Any],
    replay_of: WebhookDelivery | None = None,
) -> WebhookDelivery:
    delivery = WebhookDelivery(
        id=uuid.uuid4(),
        endpoint_id=endpoint.id,
        brand_id=endpoint.brand_id,
        event_id=uuid.UUID(event["id"]),
        event_type=event["type"],
        payload=event,
        status=DeliveryStatus.pending,
        attempt_count=0,
        replay_of_id=replay_of.id if replay_of else None,
        created_at=utcnow(),
        attempts=[],
    )
    session.add(delivery)
    enqueue(session, DELIVERY_TOPIC, {"delivery_id": str(delivery.id)})
    return delivery


async def fan_out(session: AsyncSession, message: OutboxMessage) -> None:
    """One delivery per endpoint subscribed now; committed with the message marked done, so
    an event is fanned out exactly once."""
    event = message.payload
    endpoints = await WebhookRepository(session).subscribed(
        uuid.UUID(event["brand_id"]), event["type"]
    )
    for endpoint in endpoints:
        queue_delivery(session, endpoint, event)


@dataclass(frozen=True)
class Answer:
    status_code: int | None
    duration_ms: int
    error: str | None
    excerpt: str

    @property
    def accepted(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


async def post(settings: Settings, endpoint: WebhookEndpoint, delivery: WebhookDelivery) -> Answer:
    body = encode(delivery.payload)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        SIGNATURE_HEADER: signature_header(endpoint.secret, int(time.time()), body),
        "Showroom-Event-Id": str(delivery.event_id),
        "Showroom-Event-Type": delivery.event_type,
        "Showroom-Delivery-Id": str(delivery.id),
    }
    timeout = settings.webhook_timeout_seconds
    started = time.perf_counter()

    def elapsed() -> int:
        return round((time.perf_counter() - started) * 1000)

    try:
        # Redirects are not followed: the signed URL is the one the brand registered.
        async with (
            httpx.AsyncClient(timeout=timeout, follow_redirects=False) as client,
            client.stream("POST", endpoint.url, content=body, headers=headers) as response,
        ):
            excerpt = b""
            async for chunk in response.aiter_bytes():
                excerpt += chunk
                if len(excerpt) >= EXCERPT_BYTES:
                    break
            text = excerpt[:EXCERPT_BYTES].decode("utf-8", errors="replace")
            error = None if 200 <= response.status_code < 300 else f"HTTP {response.status_code}"
            return Answer(response.status_code, elapsed(), error, text)
    except httpx.TimeoutException:
        return Answer(None, elapsed(), f"No answer within {timeout:g} s", "")
    except httpx.HTTPError as exc:
        return Answer(None, elapsed(), f"{type(exc).__name__}: {exc}"[:500], "")


def delivery_handler(settings: Settings) -> Handler:
    async def deliver(session: AsyncSession, message: OutboxMessage) -> None:
        delivery = await WebhookRepository(session).delivery_to_send(
            uuid.UUID(message.payload["delivery_id"])
        )
        if delivery is None or delivery.status is not DeliveryStatus.pending:
            return
        if not delivery.endpoint.enabled:
            _finish(delivery, DeliveryStatus.failed, "The endpoint was disabled.")
            return
        answer = await post(settings, delivery.endpoint, delivery)
        now = utcnow()
        session.add(
            WebhookAttempt(
                delivery_id=delivery.id,
                attempted_at=now,
                status_code=answer.status_code,
                duration_ms=answer.duration_ms,
                error=answer.error,
                response_excerpt=answer.excerpt,
            )
        )
        delivery.attempt_count += 1
        delivery.last_status_code = answer.status_code
        if answer.accepted:
            _finish(delivery, DeliveryStatus.succeeded, None)
            return
        retry_at = RETRY.next_attempt_at(message.attempts + 1, message.created_at, now)
        if retry_at is None:
            _finish(delivery, DeliveryStatus.failed, answer.error)
            return
        delivery.last_error = answer.error
        delivery.next_attempt_at = retry_at
        raise RetryLater(answer.error or "not accepted", at=retry_at)

    return deliver


def _finish(delivery: WebhookDelivery, status: DeliveryStatus, error: str | None) -> None:
    delivery.status = status
    delivery.last_error = error
    delivery.next_attempt_at = None
    delivery.completed_at = utcnow()
