"""Outbound webhooks: endpoints with chosen events and a signing secret shown once; events
emitted in the change's transaction, delivered by the worker signed, retried with backoff
for up to three days, logged with every attempt, and replayable. A slow or failing endpoint
never touches order placement."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import update

from showroom.core.time import utcnow
from showroom.integrations.delivery import RETRY
from showroom.models import OutboxMessage
from tests.conftest import Mailbox
from tests.customers.test_customers import invite_and_accept, terms
from tests.factories import problem
from tests.integrations.conftest import Webhooks, place_order
from tests.integrations.integrator import SignatureError, verify_webhook
from tests.integrations.receiver import Receiver
from tests.ordering import Connected, Season
from tests.shop import Shop, new_link


def verified(endpoint: dict[str, Any], received: Any) -> dict[str, Any]:
    return verify_webhook(endpoint["secret"], received.headers["showroom-signature"], received.body)


async def test_endpoints_keep_their_secret_to_themselves(shop: Shop) -> None:
    created = await shop.post(
        "/webhook-endpoints",
        {"url": "https://erp.example.com/hooks", "events": ["order.placed", "stock.changed"]},
    )
    assert created.status_code == 201, created.text
    endpoint = created.json()
    assert endpoint["secret"].startswith("whsec_")
    assert endpoint["secret_hint"] == f"…{endpoint['secret'][-4:]}"
    assert endpoint["events"] == ["order.placed", "stock.changed"]
    assert endpoint["enabled"] is True

    [listed] = (await shop.get("/webhook-endpoints")).json()["items"]
    assert "secret" not in listed
    assert listed["pending_deliveries"] == 0
    url = f"/webhook-endpoints/{endpoint['id']}"
    changed = await shop.patch(url, {"events": ["order.updated"], "enabled": False})
    assert changed.status_code == 200
    assert (changed.json()["events"], changed.json()["enabled"]) == (["order.updated"], False)

    rotated = (await shop.post(f"{url}/rotate-secret", {})).json()
    assert rotated["secret"].startswith("whsec_")
    assert rotated["secret"] != endpoint["secret"]

    deleted = await shop.client.delete(f"{shop.url}{url}", headers=shop.owner.headers)
    assert deleted.status_code == 204
    assert (await shop.get(url)).status_code == 404


async def test_endpoint_input_is_checked(shop: Shop, app: FastAPI) -> None:
    for body, loc in (
        ({"url": "https://x.example.com", "events": ["order.exploded"]}, ["body", "events", 0]),
        ({"url": "ftp://x.example.com", "events": ["order.placed"]}, ["body", "url"]),
        ({"url": "https://x.example.com", "events": []}, ["body", "events"]),
    ):
        refused = await shop.post("/webhook-endpoints", body)
        assert refused.status_code == 422, body
        assert [e["loc"] for e in problem(refused)["errors"]] == [loc]

    settings = app.state.settings
    app.state.settings = settings.model_copy(update={"webhook_allow_private_urls": False})
    try:
        for url, code in (
            ("http://erp.example.com/hooks", "webhook.url_not_https"),
            ("https://127.0.0.1/hooks", "webhook.url_not_public"),
            ("https://10.1.2.3/hooks", "webhook.url_not_public"),
            ("https://localhost:8443/hooks", "webhook.url_not_public"),
        ):
            refused = await shop.post(
                "/webhook-endpoints", {"url": url, "events": ["order.placed"]}
            )
            assert refused.status_code == 422, url
            assert problem(refused)["code"] == code
            assert problem(refused)["errors"][0]["loc"] == ["body", "url"]
        allowed = await shop.post(
            "/webhook-endpoints", {"url": "https://erp.example.com/h", "events": ["order.placed"]}
        )
        assert allowed.status_code == 201
    finally:
        app.state.settings = settings


async def test_order_placed_is_signed_and_delivered_once(
    webhooks: Webhooks,
    receiver: Receiver,
    client: httpx.AsyncClient,
    connected: Connected,
    season: Season,
) -> None:
    endpoint = await webhooks.endpoint(receiver.url, "order.placed", "stock.changed")
    order = await place_order(client, connected, season)
    assert receiver.received == []  # placing an order never waits for an endpoint
    await webhooks.deliver()

    [placed] = receiver.of_type("order.placed")
    event = verified(endpoint, placed)
    assert event["type"] == "order.placed"
    assert event["version"] == 1
    assert event["brand_id"] == order["brand_id"]
    assert placed.headers["showroom-event-id"] == event["id"]
    assert placed.headers["content-type"] == "application/json"
    data = event["data"]
    assert (data["id"], data["number"], data["status"]) == (order["id"], order["number"], "placed")
    assert [line["quantity"] for line in data["lines"]] == [2, 1]
    assert all("note_to_buyer_company" not in line for line in data["lines"])  # brand's view

    [stock] = receiver.of_type("stock.changed")
    stock_event = verified(endpoint, stock)["data"]
    assert stock_event["reason"] == "order.placed"
    assert sorted(s["stock_quantity"] for s in stock_event["skus"]) == [18, 19]

    with pytest.raises(SignatureError):
        verify_webhook("whsec_wrong", placed.headers["showroom-signature"], placed.body)
    with pytest.raises(SignatureError):
        verify_webhook(endpoint["secret"], placed.headers["showroom-signature"], placed.body + b" ")
    with pytest.raises(SignatureError):
        verify_webhook(
            endpoint["secret"],
            placed.headers["showroom-signature"],
            placed.body,
            now=time.time() + 3600,
        )

    await webhooks.deliver()
    assert len(receiver.received) == 2  # nothing is sent twice
    log = await webhooks.log(endpoint)
    assert {d["event_type"]: d["status"] for d in log} == {
        "order.placed": "succeeded",
        "stock.changed": "succeeded",
    }
    assert all(d["attempts"][0]["status_code"] == 200 for d in log)


async def test_a_slow_or_failing_endpoint_is_retried_with_backoff(
    webhooks: Webhooks,
    receiver: Receiver,
    client: httpx.AsyncClient,
    connected: Connected,
    season: Season,
) -> None:
    webhooks.timeout = 0.5
    endpoint = await webhooks.endpoint(receiver.url, "order.placed")
    receiver.answers = [("sleep", 2.0), 500]

    started = time.perf_counter()
    order = await place_order(client, connected, season)
    assert time.perf_counter() - started < 5

    before = utcnow()
    await webhooks.deliver()  # times out
    [delivery] = await webhooks.log(endpoint)
    assert delivery["status"] == "pending"
    [attempt] = delivery["attempts"]
    assert attempt["status_code"] is None
    assert "0.5 s" in attempt["error"]
    assert attempt["duration_ms"] >= 400
    [retry] = await webhooks.retries()
    assert retry.attempts == 1
    assert before + timedelta(seconds=55) < retry.available_at < utcnow() + timedelta(minutes=1)
    assert (await webhooks.shop.get("/webhook-endpoints")).json()["items"][0][
        "pending_deliveries"
    ] == 1

    assert await webhooks.deliver() == 0  # not yet due
    await webhooks.make_due()
    await webhooks.deliver()  # answers 500
    [delivery] = await webhooks.log(endpoint)
    assert [a["status_code"] for a in delivery["attempts"]] == [None, 500]
    assert delivery["last_status_code"] == 500
    assert delivery["attempts"][1]["response_excerpt"] == "receiver says no"
    [retry] = await webhooks.retries()
    assert utcnow() + timedelta(seconds=100) < retry.available_at  # 2 min: doubled

    await webhooks.make_due()
    await webhooks.deliver()
    [delivery] = await webhooks.log(endpoint)
    assert delivery["status"] == "succeeded"
    assert [a["status_code"] for a in delivery["attempts"]] == [None, 500, 200]
    assert delivery["completed_at"] is not None
    assert await webhooks.retries() == []
    # The same event all three times, each freshly signed.
    ids = {verified(endpoint, r)["data"]["id"] for r in receiver.received}
    assert ids == {order["id"]}


async def test_deliveries_give_up_after_three_days(
    webhooks: Webhooks, receiver: Receiver, placed_order: dict[str, Any], app: FastAPI
) -> None:
    endpoint = await webhooks.endpoint(receiver.url, "order.updated")

    receiver.answers = [503, 503]
    confirmed = await webhooks.shop.post(f"/orders/{placed_order['id']}/confirm", {})
    assert confirmed.status_code == 200
    await webhooks.deliver()
    [retry] = await webhooks.retries()
    async with app.state.sessionmaker() as session, session.begin():
        await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == retry.id)
            .values(created_at=utcnow() - timedelta(days=3), available_at=utcnow())
        )
    await webhooks.deliver()
    [delivery] = await webhooks.log(endpoint)
    assert delivery["status"] == "failed"
    assert delivery["last_error"] == "HTTP 503"
    assert delivery["next_attempt_at"] is None
    assert await webhooks.retries() == []


def test_the_schedule_spans_three_days() -> None:
    created = utcnow()
    now, attempts = created, 0
    while (at := RETRY.next_attempt_at(attempts + 1, created, now)) is not None:
        attempts, now = attempts + 1, at
    assert [RETRY.delay(n).total_seconds() for n in (1, 2, 3)] == [60, 120, 240]
    assert RETRY.delay(30) == timedelta(hours=6)
    assert timedelta(days=2, hours=18) < now - created <= timedelta(days=3)
    assert 15 <= attempts <= 25


async def test_replay_sends_the_same_event_again(
    webhooks: Webhooks, receiver: Receiver, client: httpx.AsyncClient, placed_order: Any
) -> None:
    endpoint = await webhooks.endpoint(receiver.url, "order.status_changed")
    shop = webhooks.shop
    await shop.post(f"/orders/{placed_order['id']}/confirm", {"note": "Thanks"})
    await webhooks.deliver()
    [first] = await webhooks.log(endpoint)
    data = verified(endpoint, receiver.received[0])["data"]
    assert (data["previous_status"], data["status"]) == ("placed", "confirmed")
    assert data["order"]["events"][-1]["note"] == "Thanks"

    url = f"/webhook-endpoints/{endpoint['id']}/deliveries/{first['id']}/replay"
    replayed = await shop.post(url, {})
    assert replayed.status_code == 202, replayed.text
    assert replayed.json()["replay_of_id"] == first["id"]
    assert replayed.json()["event_id"] == first["event_id"]
    assert replayed.json()["status"] == "pending"
    await webhooks.deliver()
    assert len(receiver.received) == 2
    assert receiver.received[1].body == receiver.received[0].body
    log = await webhooks.log(endpoint)
    assert [d["status"] for d in log] == ["succeeded", "succeeded"]
    assert log[0]["id"] == replayed.json()["id"]  # newest first

    missing = await shop.post(
        f"/webhook-endpoints/{endpoint['id']}/deliveries/{endpoint['id']}/replay", {}
    )
    assert missing.status_code == 404
    assert problem(missing)["code"] == "webhook_delivery.not_found"


async def test_a_disabled_endpoint_gets_nothing(
    webhooks: Webhooks, receiver: Receiver, placed_order: Any
) -> None:
    endpoint = await webhooks.endpoint(receiver.url, "order.updated")
    receiver.answers = [500]
    await webhooks.shop.post(f"/orders/{placed_order['id']}/confirm", {})
    await webhooks.deliver()
    assert len(receiver.received) == 1
    await webhooks.shop.patch(f"/webhook-endpoints/{endpoint['id']}", {"enabled": False})
    await webhooks.make_due()
    await webhooks.deliver()  # the retry is dropped, not sent
    await webhooks.shop.post(f"/orders/{placed_order['id']}/ship", {})
    await webhooks.deliver()  # and new events are not fanned out to it
    assert len(receiver.received) == 1
    [delivery] = await webhooks.log(endpoint)
    assert (delivery["status"], delivery["last_error"]) == ("failed", "The endpoint was disabled.")
    replay = await webhooks.shop.post(
        f"/webhook-endpoints/{endpoint['id']}/deliveries/{delivery['id']}/replay", {}
    )
    assert replay.status_code == 409
    assert problem(replay)["code"] == "webhook.endpoint_disabled"


async def test_each_change_emits_its_event(
    webhooks: Webhooks,
    receiver: Receiver,
    client: httpx.AsyncClient,
    mailbox: Mailbox,
    season: Season,
) -> None:
    shop = webhooks.shop
    endpoint = await webhooks.endpoint(
        receiver.url, "product.updated", "stock.changed", "link.updated", "customer.connected"
    )
    tee = season.tee
    await shop.patch(f"/products/{tee['id']}", {"name": {"en": "Indigo tee II"}})
    sku = tee["skus"][0]
    await shop.patch(f"/products/{tee['id']}/skus/{sku['id']}", {"stock_quantity": 7})
    link = await new_link(shop, "instant", [season.catalog])
    await shop.patch(f"/links/{link['id']}", {"status": "void"})
    _, org, customer = await invite_and_accept(shop, client, mailbox, {"terms": terms(shop)})
    await webhooks.deliver()

    events = [verified(endpoint, r) for r in receiver.received]
    by_type: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_type.setdefault(event["type"], []).append(event["data"])
    assert [p["name"]["en"] for p in by_type["product.updated"]] == [
        "Indigo tee II",
        "Indigo tee II",
    ]
    [stock] = by_type["stock.changed"]
    assert stock == {
        "reason": "sku.updated",
        "skus": [
            {
                "sku_id": sku["id"],
                "code": sku["code"],
                "product_id": tee["id"],
                "stock_quantity": 7,
                "track_stock": True,
                "allow_backorder": False,
            }
        ],
    }
    [voided] = by_type["link.updated"]
    assert (voided["id"], voided["status"]) == (link["id"], "void")
    [connected] = by_type["customer.connected"]
    assert connected["id"] == customer["customer_id"]
    assert connected["buyer_organization_id"] == org["id"]
    assert connected["kind"] == "connected"


async def test_returned_stock_is_announced(
    webhooks: Webhooks, receiver: Receiver, placed_order: Any
) -> None:
    await webhooks.deliver()  # the placement's events go out before the endpoint exists
    endpoint = await webhooks.endpoint(receiver.url, "stock.changed", "order.placed")
    rejected = await webhooks.shop.post(f"/orders/{placed_order['id']}/reject", {})
    assert rejected.status_code == 200
    await webhooks.deliver()
    [received] = receiver.received
    data = verified(endpoint, received)["data"]
    assert data["reason"] == "order.rejected"
    assert sorted(s["stock_quantity"] for s in data["skus"]) == [20, 20]


async def test_a_rolled_back_change_emits_nothing(
    webhooks: Webhooks, receiver: Receiver, season: Season
) -> None:
    await webhooks.endpoint(receiver.url, "product.updated")
    refused = await webhooks.shop.patch(
        f"/products/{season.tee['id']}", {"name": {"fr": "Tee indigo"}}
    )
    assert refused.status_code == 422
    await webhooks.deliver()
    assert receiver.received == []


async def test_placement_is_not_slowed_by_a_hanging_endpoint(
    webhooks: Webhooks,
    receiver: Receiver,
    client: httpx.AsyncClient,
    connected: Connected,
    season: Season,
) -> None:
    """The worker delivering to an endpoint that hangs runs beside an order placement."""
    webhooks.timeout = 3.0
    await webhooks.endpoint(receiver.url, "order.placed")
    await place_order(client, connected, season)
    receiver.answers = [("sleep", 2.5)]
    delivering = asyncio.create_task(webhooks.deliver())
    await asyncio.sleep(0.2)
    started = time.perf_counter()
    second = await place_order(client, connected, season)
    assert time.perf_counter() - started < 2.0
    assert second["status"] == "placed"
    await delivering
