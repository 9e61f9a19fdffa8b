from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request, status
from starlette.convertors import Convertor, register_url_convertor

from showroom.accounts.dependencies import CurrentUser
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings
from showroom.core.errors import errors
from showroom.payments.gateway import Card, CurrentGateway
from showroom.payments.schemas import (
    CardRead,
    CardRegistration,
    CardSetup,
    PaymentConfig,
    WebhookReceipt,
)
from showroom.payments.service import CardService
from showroom.payments.webhooks import StripeWebhooks

router = APIRouter(tags=["payments"])
CARDS = "/buyer-organizations/{org_id}/payment-methods"
UNAVAILABLE = errors(402, 404, 503)


def get_card_service(
    session: DbSession, settings: AppSettings, gateway: CurrentGateway
) -> CardService:
    return CardService(session, settings, gateway)


Cards = Annotated[CardService, Depends(get_card_service)]


class StripeIdConvertor(Convertor[str]):
    """A processor object id (``pm_…``): other path segments (``setup-intent``) are not one, so
    a wrong method on them answers 405 rather than reaching the card routes."""

    regex = "[a-z]+_[A-Za-z0-9]{1,250}"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("stripe_id", StripeIdConvertor())


def card_view(card: Card) -> CardRead:
    return CardRead(
        id=card.id,
        brand=card.brand,
        last4=card.last4,
        exp_month=card.exp_month,
        exp_year=card.exp_year,
    )


@router.get("/payments/config", summary="Whether and how cards can be entered")
async def payment_config(settings: AppSettings) -> PaymentConfig:
    available = settings.card_payments_available
    return PaymentConfig(
        card_payments_available=available,
        publishable_key=settings.stripe_publishable_key if available else None,
        js_url=settings.stripe_js_url if available else None,
    )


@router.get(CARDS, responses=UNAVAILABLE, summary="The organization's saved cards")
async def list_cards(org_id: uuid.UUID, user: CurrentUser, cards: Cards) -> list[CardRead]:
    return [card_view(card) for card in await cards.cards(user, org_id)]


@router.post(f"{CARDS}/setup-intent", responses=UNAVAILABLE, summary="Start entering a new card")
async def start_card_setup(org_id: uuid.UUID, user: CurrentUser, cards: Cards) -> CardSetup:
    setup_id, secret = await cards.setup(user, org_id)
    return CardSetup(setup_intent_id=setup_id, client_secret=secret)


@router.post(
    CARDS, status_code=status.HTTP_201_CREATED, responses=UNAVAILABLE, summary="Save a card"
)
async def register_card(
    org_id: uuid.UUID, body: CardRegistration, user: CurrentUser, cards: Cards
) -> CardRead:
    return card_view(await cards.register(user, org_id, body.payment_method_id))


@router.delete(
    f"{CARDS}/{{method_id:stripe_id}}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=UNAVAILABLE,
    summary="Remove a saved card",
)
async def remove_card(org_id: uuid.UUID, method_id: str, user: CurrentUser, cards: Cards) -> None:
    await cards.remove(user, org_id, method_id)


def get_webhooks(session: DbSession, settings: AppSettings) -> StripeWebhooks:
    return StripeWebhooks(session, settings)


@router.post(
    "/webhooks/stripe",
    responses=errors(400, 404),
    summary="Stripe events (signed with the webhook secret)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"type": "object"}}},
        }
    },
)
async def stripe_webhook(
    request: Request,
    webhooks: Annotated[StripeWebhooks, Depends(get_webhooks)],
    signature: Annotated[str | None, Header(alias="Stripe-Signature", max_length=2000)] = None,
) -> WebhookReceipt:
    handled = await webhooks.receive(await request.body(), signature)
    return WebhookReceipt(received=True, duplicate=not handled)
