"""Orders paid by card: the deposit (or the total) is held at placement, captured when the
brand confirms, released when it rejects; a declined card changes nothing."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from showroom.dev import localstripe
from showroom.models import BuyerOrganization, Payment
from tests.factories import error_locs, problem
from tests.ordering import Connected, Season, add_tote, standard_cart
from tests.orders.test_orders import filled_cart, form, place
from tests.payments.test_cards import save_card
from tests.shop import Shop, new_catalog
from tests.stripe_js import StripeJs

DECLINED = "4000000000000341"  # saved fine, declined when charged
NEEDS_3DS = "4000002500003155"


@pytest.fixture
async def by_card(shop: Shop, season: Season) -> None:
    """The brand takes cards for the season."""
    assert (await shop.patch("/settings", {"card_payments_enabled": True})).status_code == 200
    changed = await shop.patch(
        f"/catalogs/{season.catalog}", {"payment_methods": ["card", "offline"]}
    )
    assert changed.status_code == 200, changed.text


async def card_of(
    client: httpx.AsyncClient, stripe_js: StripeJs, who: Connected, number: str = "4242424242424242"
) -> str:
    saved = await save_card(client, stripe_js, who.buyer, who.org, number)
    assert saved.status_code == 201, saved.text
    return str(saved.json()["id"])


async def stock_of(shop: Shop, season: Season) -> list[int]:
    product = (await shop.get(f"/products/{season.tee['id']}")).json()
    return [sku["stock_quantity"] for sku in product["skus"]]


@pytest.mark.usefixtures("by_card")
async def test_deposit_held_at_placement_and_captured_on_confirmation(
    shop: Shop,
    season: Season,
    client: httpx.AsyncClient,
    connected: Connected,
    stripe_js: StripeJs,
    app: FastAPI,
) -> None:
    card = await card_of(client, stripe_js, connected)
    cart = await filled_cart(client, connected, season)
    checkout = (
        await client.get(f"/api/v1/carts/{cart['id']}/checkout", headers=connected.buyer.headers)
    ).json()
    assert [m["code"] for m in checkout["payment_methods"]] == ["card", "offline"]
    assert checkout["card_step"] is True

    by_card = form(connected, payment_method="card", payment_method_id=card)
    preview = await client.post(
        f"/api/v1/carts/{cart['id']}/preview", json=by_card, headers=connected.buyer.headers
    )
    assert preview.status_code == 200, preview.text
    amounts = preview.json()["amounts"]
    assert preview.json()["card"] == {"brand": "visa", "last4": "4242"}
    assert preview.json()["card_amount"] == amounts["deposit"] > 0  # 30 % deposit terms

    placed = await place(client, connected, cart, payment_method="card", payment_method_id=card)
    assert placed.status_code == 201, placed.text
    order = placed.json()
    assert order["payment"] == {
        "status": "authorized",
        "amount": amounts["deposit"],
        "currency": "JPY",
        "card": {"brand": "visa", "last4": "4242"},
    }
    confirmed = await shop.post(f"/orders/{order['id']}/confirm", {})
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["payment"]["status"] == "captured"
    gateway = app.state.payment_gateway
    async with app.state.sessionmaker() as session:
        intent_id = await session.scalar(select(Payment.intent_id))
    assert (await gateway.intent(intent_id)).status == "succeeded"
    buyer_view = await client.get(
        f"/api/v1/buyer-organizations/{connected.org['id']}/orders/{order['id']}",
        headers=connected.buyer.headers,
    )
    assert buyer_view.json()["payment"]["status"] == "captured"


@pytest.mark.usefixtures("by_card")
async def test_a_declined_card_leaves_everything_as_it_was(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected, stripe_js: StripeJs
) -> None:
    card = await card_of(client, stripe_js, connected, DECLINED)
    cart = await filled_cart(client, connected, season)
    url = f"/api/v1/carts/{cart['id']}"
    before = (await client.get(url, headers=connected.buyer.headers)).json()
    stock = await stock_of(shop, season)

    key = uuid.uuid4().hex
    refused = await place(
        client, connected, cart, key, payment_method="card", payment_method_id=card
    )
    assert refused.status_code == 402
    assert problem(refused)["code"] == "payment.card_declined"
    assert (await client.get(url, headers=connected.buyer.headers)).json() == before
    assert await stock_of(shop, season) == stock
    assert (await shop.get("/orders")).json()["items"] == []

    # Paying another way with a new attempt works; nothing of the refusal is left behind.
    offline = await place(client, connected, cart)
    assert offline.status_code == 201, offline.text
    assert offline.json()["payment"] is None


@pytest.mark.usefixtures("by_card")
async def test_3d_secure_then_place_again_with_the_confirmed_intent(
    season: Season, client: httpx.AsyncClient, connected: Connected, stripe_js: StripeJs
) -> None:
    card = await card_of(client, stripe_js, connected, NEEDS_3DS)
    cart = await filled_cart(client, connected, season)
    asked = await place(client, connected, cart, payment_method="card", payment_method_id=card)
    assert asked.status_code == 402
    action = problem(asked)
    assert action["code"] == "payment.requires_action"
    await stripe_js.handle_next_action(action["payment_action"]["client_secret"])

    intent = action["payment_action"]["payment_intent_id"]
    placed = await place(client, connected, cart, payment_method="card", payment_intent_id=intent)
    assert placed.status_code == 201, placed.text
    assert placed.json()["payment"]["status"] == "authorized"
    # An intent is good for its own order only.
    other = await filled_cart(client, connected, season)
    reused = await place(client, connected, other, payment_method="card", payment_intent_id=intent)
    assert reused.status_code in (402, 409), reused.text


@pytest.mark.usefixtures("by_card")
async def test_rejecting_releases_the_hold_and_returning_refunds(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected, stripe_js: StripeJs
) -> None:
    card = await card_of(client, stripe_js, connected)
    cart = await filled_cart(client, connected, season)
    order = (
        await place(client, connected, cart, payment_method="card", payment_method_id=card)
    ).json()
    rejected = await shop.post(f"/orders/{order['id']}/reject", {})
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["payment"]["status"] == "canceled"

    # Once captured, returning the order to the cart refunds it.
    cart = await filled_cart(client, connected, season)
    order = (
        await place(client, connected, cart, payment_method="card", payment_method_id=card)
    ).json()
    assert (await shop.post(f"/orders/{order['id']}/confirm", {})).status_code == 200
    returned = await shop.post(f"/orders/{order['id']}/return-to-cart", {})
    assert returned.status_code == 200, returned.text
    assert returned.json()["payment"]["status"] == "refunded"


@pytest.mark.usefixtures("by_card")
async def test_card_choice_refusals(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected, stripe_js: StripeJs
) -> None:
    cart = await filled_cart(client, connected, season)
    missing = await place(client, connected, cart, payment_method="card")
    assert error_locs(missing) == [["body", "payment_method_id"]]
    someone_elses = await place(
        client, connected, cart, payment_method="card", payment_method_id="pm_unknown123"
    )
    assert someone_elses.status_code == 404
    assert problem(someone_elses)["code"] == "payment.card_not_found"

    await shop.patch("/settings", {"card_payments_enabled": False})
    card = await card_of(client, stripe_js, connected)
    off = await place(client, connected, cart, payment_method="card", payment_method_id=card)
    assert error_locs(off) == [["body", "payment_method"]]


# --- webhooks ------------------------------------------------------------------------------


def signed(
    event: dict[str, Any], *, at: int | None = None, secret: str = localstripe.WEBHOOK_SECRET
) -> tuple[bytes, dict[str, str]]:
    payload = json.dumps(event).encode()
    when = at or int(time.time())
    mac = hmac.new(secret.encode(), f"{when}.".encode() + payload, hashlib.sha256).hexdigest()
    return payload, {"Stripe-Signature": f"t={when},v1={mac}", "Content-Type": "application/json"}


def intent_event(event_id: str, kind: str, intent_id: str) -> dict[str, Any]:
    return {
        "id": event_id,
        "type": kind,
        "data": {"object": {"id": intent_id, "object": "payment_intent"}},
    }


@pytest.mark.usefixtures("by_card")
async def test_webhooks_verified_once_and_forwards_only(
    shop: Shop,
    season: Season,
    client: httpx.AsyncClient,
    connected: Connected,
    stripe_js: StripeJs,
    app: FastAPI,
) -> None:
    card = await card_of(client, stripe_js, connected)
    cart = await filled_cart(client, connected, season)
    order = (
        await place(client, connected, cart, payment_method="card", payment_method_id=card)
    ).json()
    detail = f"/orders/{order['id']}"

    async with app.state.sessionmaker() as session:
        intent = str(await session.scalar(select(Payment.intent_id)))
    url = "/api/v1/webhooks/stripe"
    payload, headers = signed(intent_event("evt_1", "payment_intent.canceled", intent))
    forged = dict(headers, **{"Stripe-Signature": headers["Stripe-Signature"][:-4] + "0000"})
    bad = await client.post(url, content=payload, headers=forged)
    assert bad.status_code == 400
    assert problem(bad)["code"] == "webhook.bad_signature"
    old_payload, old_headers = signed(
        intent_event("evt_0", "payment_intent.canceled", intent), at=int(time.time()) - 301
    )
    old = await client.post(url, content=old_payload, headers=old_headers)
    assert problem(old)["code"] == "webhook.too_old"
    assert (await shop.get(detail)).json()["payment"]["status"] == "authorized"

    first = await client.post(url, content=payload, headers=headers)
    assert first.json() == {"received": True, "duplicate": False}
    again = await client.post(url, content=payload, headers=headers)
    assert again.json() == {"received": True, "duplicate": True}
    assert (await shop.get(detail)).json()["payment"]["status"] == "canceled"

    # A late event never moves a payment backwards.
    late_payload, late_headers = signed(intent_event("evt_2", "payment_intent.succeeded", intent))
    await client.post(url, content=late_payload, headers=late_headers)
    assert (await shop.get(detail)).json()["payment"]["status"] == "canceled"


@pytest.mark.usefixtures("by_card")
async def test_stripe_unreachable_places_nothing(
    shop: Shop,
    season: Season,
    client: httpx.AsyncClient,
    connected: Connected,
    stripe_js: StripeJs,
    app: FastAPI,
) -> None:
    from showroom.payments.gateway import StripeGateway

    card = await card_of(client, stripe_js, connected)
    cart = await filled_cart(client, connected, season)
    stock = await stock_of(shop, season)
    settings = app.state.settings
    gateway = app.state.payment_gateway
    # Nothing listens on port 9 (discard) of the loopback here.
    app.state.payment_gateway = StripeGateway(
        settings.model_copy(update={"stripe_api_base": "http://127.0.0.1:9"})
    )
    try:
        down = await place(client, connected, cart, payment_method="card", payment_method_id=card)
    finally:
        app.state.payment_gateway = gateway
    assert down.status_code == 503
    assert problem(down)["code"] == "payment.unavailable"
    assert await stock_of(shop, season) == stock
    assert (await shop.get("/orders")).json()["items"] == []
    assert (await place(client, connected, cart)).status_code == 201


@pytest.mark.usefixtures("by_card")
async def test_another_organizations_card_is_not_found(
    season: Season, client: httpx.AsyncClient, connected: Connected, stripe_js: StripeJs
) -> None:
    from tests.factories import new_org, new_user

    stranger = await new_user(client)
    org = await new_org(client, stranger)
    theirs = await save_card(client, stripe_js, stranger, org, "4242424242424242")
    cart = await filled_cart(client, connected, season)
    refused = await place(
        client, connected, cart, payment_method="card", payment_method_id=theirs.json()["id"]
    )
    assert refused.status_code == 404
    assert problem(refused)["code"] == "payment.card_not_found"


@pytest.mark.usefixtures("by_card")
async def test_a_failed_commit_releases_the_hold(
    season: Season,
    client: httpx.AsyncClient,
    connected: Connected,
    stripe_js: StripeJs,
    app: FastAPI,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.ext.asyncio import AsyncSession

    card = await card_of(client, stripe_js, connected)
    cart = await filled_cart(client, connected, season)

    async def lost(_: AsyncSession) -> None:
        raise OperationalError("COMMIT", {}, ConnectionRefusedError("connection refused"))

    with monkeypatch.context() as patch:
        patch.setattr(AsyncSession, "commit", lost)
        failed = await place(client, connected, cart, payment_method="card", payment_method_id=card)
    assert failed.status_code == 503
    async with app.state.sessionmaker() as session:
        customer = await session.scalar(
            select(BuyerOrganization.stripe_customer_id).where(
                BuyerOrganization.id == uuid.UUID(connected.org["id"])
            )
        )
    intents = await app.state.payment_gateway.client.v1.payment_intents.list_async({"limit": 100})
    assert [i.status for i in intents.data if i.customer == customer] == ["canceled"]


@pytest.mark.postgresql_only
@pytest.mark.usefixtures("by_card")
async def test_other_orders_of_the_brand_do_not_wait_for_a_card_being_held(
    shop: Shop,
    season: Season,
    client: httpx.AsyncClient,
    connected: Connected,
    stripe_js: StripeJs,
    app: FastAPI,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The brand's order counter is locked from numbering to commit: a card processor that
    takes its time must not hold up the brand's other orders meanwhile."""
    card = await card_of(client, stripe_js, connected)
    by_card = await filled_cart(client, connected, season)
    elsewhere = await new_catalog(shop, [season.totes[0]["id"]], code="AW27")
    offline = await standard_cart(client, connected, elsewhere["id"])
    await add_tote(client, offline, season.totes[0], 3, connected.buyer.headers)

    gateway = app.state.payment_gateway
    authorize = gateway.authorize
    holding, release = asyncio.Event(), asyncio.Event()

    async def slow_authorize(*args: Any, **kwargs: Any) -> Any:
        holding.set()
        await release.wait()
        return await authorize(*args, **kwargs)

    monkeypatch.setattr(gateway, "authorize", slow_authorize)
    card_placement = asyncio.create_task(
        place(client, connected, by_card, payment_method="card", payment_method_id=card)
    )
    try:
        await asyncio.wait_for(holding.wait(), timeout=30)
        placed = await asyncio.wait_for(place(client, connected, offline), timeout=10)
    finally:
        release.set()
        held = await card_placement
    assert placed.status_code == 201, placed.text
    assert placed.json()["number"] == "ORD-000001"
    assert held.status_code == 201, held.text
    assert (held.json()["number"], held.json()["payment"]["status"]) == ("ORD-000002", "authorized")
