"""Saved cards: entered through Stripe.js (emulated against localstripe), kept at the
processor under one customer per buyer organization, never stored by Showroom."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI

from tests.factories import LoggedIn, new_org, new_user, problem
from tests.stripe_js import StripeJs


async def save_card(
    client: httpx.AsyncClient, stripe_js: StripeJs, who: LoggedIn, org: dict[str, Any], number: str
) -> httpx.Response:
    cards = f"/api/v1/buyer-organizations/{org['id']}/payment-methods"
    setup = await client.post(f"{cards}/setup-intent", headers=who.headers)
    assert setup.status_code == 200, setup.text
    confirmed = await stripe_js.confirm_card_setup(setup.json()["client_secret"], number)
    method = confirmed.get("payment_method") or confirmed["error"]["payment_method"]["id"]
    return await client.post(cards, json={"payment_method_id": method}, headers=who.headers)


async def test_payment_config(client: httpx.AsyncClient, localstripe_port: int) -> None:
    config = (await client.get("/api/v1/payments/config")).json()
    assert config == {
        "card_payments_available": True,
        "publishable_key": "pk_test_localstripe",
        "js_url": f"http://127.0.0.1:{localstripe_port}/js.stripe.com/v3/",
    }


async def test_save_list_and_remove_a_card(client: httpx.AsyncClient, stripe_js: StripeJs) -> None:
    buyer = await new_user(client)
    org = await new_org(client, buyer)
    saved = await save_card(client, stripe_js, buyer, org, "4242424242424242")
    assert saved.status_code == 201, saved.text
    card = saved.json()
    assert (card["brand"], card["last4"], card["exp_month"]) == ("visa", "4242", 12)

    cards = f"/api/v1/buyer-organizations/{org['id']}/payment-methods"
    assert [c["id"] for c in (await client.get(cards, headers=buyer.headers)).json()] == [
        card["id"]
    ]
    again = await save_card(client, stripe_js, buyer, org, "5555555555554444")
    assert again.json()["last4"] == "4444"
    assert len((await client.get(cards, headers=buyer.headers)).json()) == 2

    removed = await client.delete(f"{cards}/{card['id']}", headers=buyer.headers)
    assert removed.status_code == 204
    assert [c["last4"] for c in (await client.get(cards, headers=buyer.headers)).json()] == ["4444"]


async def test_a_declined_card_is_not_saved(client: httpx.AsyncClient, stripe_js: StripeJs) -> None:
    buyer = await new_user(client)
    org = await new_org(client, buyer)
    cards = f"/api/v1/buyer-organizations/{org['id']}/payment-methods"
    setup = (await client.post(f"{cards}/setup-intent", headers=buyer.headers)).json()
    confirmed = await stripe_js.confirm_card_setup(setup["client_secret"], "4000000000000002")
    assert confirmed["error"]["code"] == "card_declined"
    assert (await client.get(cards, headers=buyer.headers)).json() == []


async def test_cards_belong_to_their_organization(
    client: httpx.AsyncClient, stripe_js: StripeJs
) -> None:
    buyer = await new_user(client)
    org = await new_org(client, buyer)
    card = (await save_card(client, stripe_js, buyer, org, "4242424242424242")).json()

    other = await new_user(client)
    other_org = await new_org(client, other)
    other_cards = f"/api/v1/buyer-organizations/{other_org['id']}/payment-methods"
    assert (await client.get(other_cards, headers=other.headers)).json() == []
    stolen = await client.post(
        other_cards, json={"payment_method_id": card["id"]}, headers=other.headers
    )
    assert stolen.status_code == 404
    assert problem(stolen)["code"] == "payment.card_not_found"
    removed = await client.delete(f"{other_cards}/{card['id']}", headers=other.headers)
    assert removed.status_code == 404
    not_member = await client.get(
        f"/api/v1/buyer-organizations/{org['id']}/payment-methods", headers=other.headers
    )
    assert not_member.status_code == 404


async def test_one_processor_customer_per_organization(
    client: httpx.AsyncClient, stripe_js: StripeJs, app: FastAPI
) -> None:
    from sqlalchemy import select

    from showroom.models import BuyerOrganization

    buyer = await new_user(client)
    org = await new_org(client, buyer)
    for number in ("4242424242424242", "4000056655665556"):
        assert (await save_card(client, stripe_js, buyer, org, number)).status_code == 201
    async with app.state.sessionmaker() as session:
        customers = list(await session.scalars(select(BuyerOrganization.stripe_customer_id)))
    assert len(customers) == 1
    assert customers[0].startswith("cus_")


async def test_without_a_processor_cards_are_unavailable(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    buyer = await new_user(client)
    org = await new_org(client, buyer)
    gateway = app.state.payment_gateway
    app.state.payment_gateway = None
    try:
        response = await client.post(
            f"/api/v1/buyer-organizations/{org['id']}/payment-methods/setup-intent",
            headers=buyer.headers,
        )
    finally:
        app.state.payment_gateway = gateway
    assert response.status_code == 503
    assert problem(response)["code"] == "payment.unavailable"


async def test_a_brand_can_turn_card_payments_on(client: httpx.AsyncClient) -> None:
    from tests.factories import new_brand

    owner = await new_user(client)
    brand = await new_brand(client, owner)
    url = f"/api/v1/brands/{brand['id']}/settings"
    assert (await client.get(url, headers=owner.headers)).json()["card_payments_available"]
    on = await client.patch(url, json={"card_payments_enabled": True}, headers=owner.headers)
    assert on.status_code == 200, on.text
    assert on.json()["card_payments_enabled"] is True
