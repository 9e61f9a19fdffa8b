"""The visitor's side of order links, and catalogs priced for the shopper on both routes."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import update

from showroom.core.time import utcnow
from showroom.models import Brand, BrandStatus
from tests.conftest import Mailbox
from tests.customers.test_customers import invite_and_accept, offline, terms
from tests.factories import LoggedIn, error_locs, new_org, new_user, problem
from tests.shop import Shop, new_catalog, new_link, tee


@dataclass
class Season:
    catalog: str
    tee: str
    products: list[str]


@pytest.fixture
async def season(shop: Shop) -> Season:
    tops = await shop.post(
        "/categories", {"code": "tops", "name": {"en": "Tops", "ja": "トップス"}}
    )
    shirt = (await shop.post("/products", tee(shop, category_id=tops.json()["id"]))).json()
    others = [
        (
            await shop.post(
                "/products",
                tee(shop, model_number=f"BAG-{i}", name={"en": f"Tote {i}"}, sku_properties=[]),
            )
        ).json()["id"]
        for i in range(4)
    ]
    catalog = await new_catalog(shop, [shirt["id"], *others])
    return Season(catalog["id"], shirt["id"], [shirt["id"], *others])


def landing_of(client: httpx.AsyncClient) -> Callable[..., Any]:
    async def landing(link: dict[str, Any], **headers: str) -> httpx.Response:
        return await client.get(f"/api/v1/order-links/{link['token']}", headers=headers)

    return landing


async def grant_for(client: httpx.AsyncClient, link: dict[str, Any], **body: Any) -> dict[str, str]:
    access = await client.post(f"/api/v1/order-links/{link['token']}/access", json=body)
    assert access.status_code == 200, access.text
    return {"X-Link-Grant": access.json()["grant"]}


async def test_unknown_token_is_not_found(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/order-links/nope")
    assert response.status_code == 404
    assert problem(response)["code"] == "link.not_found"
    access = await client.post("/api/v1/order-links/nope/access", json={"passcode": "1234"})
    assert access.status_code == 404


async def test_an_open_link_without_passcode(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    link = await new_link(
        shop,
        "instant",
        [season.catalog],
        video_url="https://video.example.com/ss27",
        contacts=[{"name": "Sales desk", "phone": "+81 3-0000-0000"}],
    )
    landing = (await landing_of(client)(link)).json()
    assert landing["state"] == "available"
    assert landing["brand"]["name"] == "Maison Aoi"
    assert [c["id"] for c in landing["catalogs"]] == [season.catalog]
    assert landing["video_url"] == "https://video.example.com/ss27"
    assert landing["terms"]["transaction_term"] == "WSP"
    assert landing["contacts"][0]["name"] == "Sales desk"
    assert landing["grant"]["grant"]
    again = await landing_of(client)(link, **{"X-Link-Grant": landing["grant"]["grant"]})
    assert again.json()["grant"] is None  # the grant sent is still good


@pytest.mark.parametrize(
    ("dates", "state"),
    [
        ({"release_at": "+1"}, "not_yet_released"),
        ({"expires_at": "-1"}, "expired"),
    ],
)
async def test_before_release_and_after_expiry_nothing_is_shown(
    shop: Shop, season: Season, client: httpx.AsyncClient, dates: dict[str, str], state: str
) -> None:
    when = {k: (utcnow() + timedelta(days=int(v))).isoformat() for k, v in dates.items()}
    link = await new_link(
        shop,
        "dynamic",
        [season.catalog],
        background_type="video",
        background_video_url="https://video.example.com/loop",
        contacts=[{"name": "Sales desk"}],
        **when,
    )
    landing = (await landing_of(client)(link)).json()
    assert landing["state"] == state
    assert landing["catalogs"] == []
    assert landing["lookbooks"] == []
    assert landing["terms"] is None
    assert landing["video_url"] is None
    assert landing["grant"] is None
    assert landing["background"] == {
        "type": "video",
        "image_url": None,
        "video_url": "https://video.example.com/loop",
    }
    assert landing["contacts"][0]["name"] == "Sales desk"
    refused = await client.post(f"/api/v1/order-links/{link['token']}/access", json={})
    assert refused.status_code == 409
    assert problem(refused)["code"] == f"link.{state}"


async def test_passcode_is_trimmed_and_grants_access(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    link = await new_link(shop, "instant", [season.catalog], passcode="spring27")
    landing = (await landing_of(client)(link)).json()
    assert landing["state"] == "passcode_required"
    assert landing["catalogs"] == []
    assert landing["grant"] is None

    no_grant = await client.get(f"/api/v1/catalogs/{season.catalog}")
    assert no_grant.status_code == 401
    assert problem(no_grant)["code"] == "shopping.context_required"

    grant = await grant_for(client, link, passcode="spring27 \n")
    opened = (await landing_of(client)(link, **grant)).json()
    assert opened["state"] == "available"
    assert [c["id"] for c in opened["catalogs"]] == [season.catalog]


async def test_eleventh_wrong_passcode_is_refused_for_a_while(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    link = await new_link(shop, "instant", [season.catalog], passcode="spring27")
    url = f"/api/v1/order-links/{link['token']}/access"
    empty = await client.post(url, json={})
    assert error_locs(empty) == [["body", "passcode"]]
    for _ in range(10):
        wrong = await client.post(url, json={"passcode": "autumn27"})
        assert wrong.status_code == 422
        assert problem(wrong)["code"] == "link.passcode_wrong"
        assert error_locs(wrong) == [["body", "passcode"]]
    blocked = await client.post(url, json={"passcode": "spring27"})
    assert blocked.status_code == 429
    assert problem(blocked)["code"] == "link.too_many_attempts"
    assert 0 < int(blocked.headers["Retry-After"]) <= 15 * 60


async def test_catalog_priced_at_the_link_terms(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    link = await new_link(shop, "instant", [season.catalog])
    grant = {"X-Link-Grant": (await landing_of(client)(link)).json()["grant"]["grant"]}
    catalog = (await client.get(f"/api/v1/catalogs/{season.catalog}", headers=grant)).json()
    assert catalog["name"] == "Spring/Summer 2027"
    assert catalog["can_order"] is True
    assert catalog["ordering_open"] is True
    assert catalog["pricing"]["currency"] == "JPY"
    assert catalog["pricing"]["currencies"] == ["JPY", "USD"]
    assert catalog["pricing"]["shows_rrp"] is True
    assert catalog["pricing"]["terms"]["condition"] == "60"
    assert [c["name"] for c in catalog["categories"]] == ["Tops"]

    page = (await client.get(f"/api/v1/catalogs/{season.catalog}/products", headers=grant)).json()
    shirt = page["items"][0]
    assert shirt["name"] == "Indigo tee"
    assert shirt["category"]["name"] == "Tops"
    assert shirt["price_from"] == 2880  # 4,800 × 60 %
    assert shirt["rrp_from"] == 9600
    sku = shirt["skus"][0]
    assert (sku["label"], sku["unit_price"], sku["display_price"]) == ("Indigo / S", 2880, 2880)
    assert (sku["stock_state"], sku["available_quantity"]) == ("in_stock", 20)
    assert [g["code"] for g in shirt["option_groups"]] == ["packaging"]

    japanese = await client.get(
        f"/api/v1/catalogs/{season.catalog}/products", headers=grant, params={"locale": "ja"}
    )
    assert japanese.json()["items"][0]["name"] == "藍染Tシャツ"
    dollars = await client.get(
        f"/api/v1/catalogs/{season.catalog}/products", headers=grant, params={"currency": "USD"}
    )
    usd = dollars.json()["items"][0]
    assert (usd["currency"], usd["price_from"], usd["rrp_from"]) == ("USD", 2100, None)


async def test_tax_inclusive_display_and_stock_states(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    shirt = (await shop.get(f"/products/{season.tee}")).json()
    skus = shirt["skus"]
    await shop.patch(f"/products/{season.tee}/skus/{skus[0]['id']}", {"stock_quantity": 0})
    await shop.patch(
        f"/products/{season.tee}/skus/{skus[1]['id']}",
        {"stock_quantity": 0, "allow_backorder": True},
    )
    await shop.patch(f"/products/{season.tee}/skus/{skus[2]['id']}", {"track_stock": False})
    link = await new_link(shop, "instant", [season.catalog])
    body = {"terms": {**link["terms"], "apply_tax_to_price": True}}
    await shop.patch(f"/links/{link['id']}", body)
    grant = {"X-Link-Grant": (await landing_of(client)(link)).json()["grant"]["grant"]}
    page = await client.get(f"/api/v1/catalogs/{season.catalog}/products", headers=grant)
    first = page.json()["items"][0]
    states = [(s["stock_state"], s["available_quantity"]) for s in first["skus"][:4]]
    assert states == [("sold_out", 0), ("backorder", None), ("unlimited", None), ("in_stock", 20)]
    sku = first["skus"][0]
    assert (sku["unit_price"], sku["display_price"], sku["rrp"]) == (2880, 3168, 10560)


async def test_pages_search_and_categories(
    shop: Shop, season: Season, client: httpx.AsyncClient, count_statements: Any
) -> None:
    link = await new_link(shop, "instant", [season.catalog])
    grant = {"X-Link-Grant": (await landing_of(client)(link)).json()["grant"]["grant"]}
    url = f"/api/v1/catalogs/{season.catalog}/products"
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = (await client.get(url, headers=grant, params=params)).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == season.products

    totes = (await client.get(url, headers=grant, params={"q": "tote"})).json()
    assert len(totes["items"]) == 4
    by_model = (await client.get(url, headers=grant, params={"q": "BAG-2"})).json()
    assert [i["model_number"] for i in by_model["items"]] == ["BAG-2"]
    category = (await client.get(f"/api/v1/catalogs/{season.catalog}", headers=grant)).json()[
        "categories"
    ][0]["id"]
    tops = (await client.get(url, headers=grant, params={"category_id": category})).json()
    assert [i["id"] for i in tops["items"]] == [season.tee]
    bad = await client.get(url, headers=grant, params={"cursor": "not-a-cursor"})
    assert error_locs(bad) == [["query", "cursor"]]

    counts = []
    for limit in (1, 5):
        with count_statements() as counter:
            response = await client.get(url, headers=grant, params={"limit": limit})
        assert len(response.json()["items"]) == limit
        counts.append(counter.count)
    assert counts[0] == counts[1], counts
    assert counts[1] <= 6  # QUALITY.md; tests/test_statement_budgets.py has all budgets


async def test_after_the_deadline_products_show_but_ordering_is_closed(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    past = (utcnow() - timedelta(days=1)).isoformat()
    await shop.patch(f"/catalogs/{season.catalog}", {"order_deadline": past})
    link = await new_link(shop, "instant", [season.catalog])
    grant = {"X-Link-Grant": (await landing_of(client)(link)).json()["grant"]["grant"]}
    catalog = (await client.get(f"/api/v1/catalogs/{season.catalog}", headers=grant)).json()
    assert (catalog["ordering_open"], catalog["can_order"]) == (False, False)
    products = await client.get(f"/api/v1/catalogs/{season.catalog}/products", headers=grant)
    assert len(products.json()["items"]) == 5


async def test_use_as_catalog_offers_no_cart(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    link = await new_link(shop, "instant", [season.catalog], use_as_catalog=True)
    landing = (await landing_of(client)(link)).json()
    assert landing["use_as_catalog"] is True
    grant = {"X-Link-Grant": landing["grant"]["grant"]}
    catalog = (await client.get(f"/api/v1/catalogs/{season.catalog}", headers=grant)).json()
    assert (catalog["ordering_open"], catalog["can_order"]) == (True, False)


async def test_dynamic_link_shows_its_catalogs_but_not_closed_or_unreleased_ones(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    limited = await new_catalog(shop, season.products[:1], code="PRE", status="limited")
    closed = await new_catalog(shop, season.products[:1], code="OLD", status="closed")
    later = await new_catalog(
        shop,
        season.products[:1],
        code="AW27",
        release_at=(utcnow() + timedelta(days=3)).isoformat(),
    )
    link = await new_link(
        shop, "dynamic", [season.catalog, limited["id"], closed["id"], later["id"]]
    )
    landing = (await landing_of(client)(link)).json()
    assert [c["id"] for c in landing["catalogs"]] == [season.catalog, limited["id"]]
    grant = {"X-Link-Grant": landing["grant"]["grant"]}
    for hidden in (closed["id"], later["id"]):
        response = await client.get(f"/api/v1/catalogs/{hidden}", headers=grant)
        assert response.status_code == 404
    # A grant opens only its own link's catalogs.
    other = await new_catalog(shop, season.products[:1], code="X")
    assert (await client.get(f"/api/v1/catalogs/{other['id']}", headers=grant)).status_code == 404


async def test_forged_grant_is_refused(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    response = await client.get(
        f"/api/v1/catalogs/{season.catalog}", headers={"X-Link-Grant": "e30.e30.e30"}
    )
    assert response.status_code == 401
    assert problem(response)["code"] == "link.grant_invalid"


# --- customers: Customer Order Links and standard orders --------------------------------


@dataclass
class Connected:
    buyer: LoggedIn
    org: dict[str, Any]
    customer: dict[str, Any]


@pytest.fixture
async def connected(shop: Shop, client: httpx.AsyncClient, mailbox: Mailbox) -> Connected:
    """A buyer organization trading with the brand at RRP × 55 %."""
    buyer, org, customer = await invite_and_accept(
        shop, client, mailbox, {"terms": terms(shop, apply_tax_to_price=False)}
    )
    return Connected(buyer, org, customer)


async def test_customer_link_asks_for_login_then_prices_for_the_customer(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected
) -> None:
    link = await new_link(shop, "customer", [season.catalog])
    landing = (await landing_of(client)(link)).json()
    assert landing["state"] == "login_required"
    assert landing["catalogs"] == []
    assert landing["grant"] is None

    url = f"/api/v1/order-links/{link['token']}/access"
    anonymous = await client.post(url, json={})
    assert anonymous.status_code == 401
    assert problem(anonymous)["code"] == "link.login_required"
    no_org = await client.post(url, json={}, headers=connected.buyer.headers)
    assert error_locs(no_org) == [["body", "buyer_organization_id"]]

    access = await client.post(
        url, json={"buyer_organization_id": connected.org["id"]}, headers=connected.buyer.headers
    )
    assert access.status_code == 200, access.text
    assert access.json()["customer"]["buyer_organization_id"] == connected.org["id"]
    grant = {"X-Link-Grant": access.json()["grant"]}
    opened = (await landing_of(client)(link, **grant)).json()
    assert opened["state"] == "available"
    assert opened["customer"]["code"] == connected.customer["customer_code"]
    assert opened["terms"]["transaction_term"] == "RRP"

    page = await client.get(f"/api/v1/catalogs/{season.catalog}/products", headers=grant)
    shirt = page.json()["items"][0]
    assert shirt["price_from"] == 5280  # RRP 9,600 × 55 %
    assert shirt["rrp_from"] is None  # not a WSP term


async def test_a_stranger_cannot_enter_a_customer_link(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    link = await new_link(shop, "customer", [season.catalog])
    stranger = await new_user(client)
    org = await new_org(client, stranger)
    refused = await client.post(
        f"/api/v1/order-links/{link['token']}/access",
        json={"buyer_organization_id": org["id"]},
        headers=stranger.headers,
    )
    assert refused.status_code == 403
    assert problem(refused)["code"] == "shopping.not_connected"


async def test_offline_customer_logs_in_with_link_credentials(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    login = {"email": "kenji@kyoto-goods.example.com", "password": "kyoto-goods-2027"}
    created = await shop.post("/customers", offline(shop, link_login=login))
    assert created.status_code == 201, created.text
    link = await new_link(shop, "customer", [season.catalog])
    url = f"/api/v1/order-links/{link['token']}/access"
    wrong = await client.post(url, json={**login, "password": "not-the-password"})
    assert wrong.status_code == 422
    assert problem(wrong)["code"] == "link.login_failed"
    unknown = await client.post(url, json={**login, "email": "nobody@example.com"})
    assert unknown.status_code == 422

    access = await client.post(url, json=login)
    assert access.status_code == 200, access.text
    assert access.json()["customer"]["company_name"] == "Kyoto Goods"
    grant = {"X-Link-Grant": access.json()["grant"]}
    page = await client.get(f"/api/v1/catalogs/{season.catalog}/products", headers=grant)
    assert page.json()["items"][0]["price_from"] == 5280


async def test_customer_links_are_blocked_while_the_brand_is_inactive(
    shop: Shop, season: Season, client: httpx.AsyncClient, app: FastAPI
) -> None:
    customer_link = await new_link(shop, "customer", [season.catalog])
    instant = await new_link(shop, "instant", [season.catalog])
    async with app.state.sessionmaker() as session:
        await session.execute(update(Brand).values(status=BrandStatus.inactive))
        await session.commit()
    assert (await landing_of(client)(customer_link)).json()["state"] == "unavailable"
    assert (await landing_of(client)(instant)).json()["state"] == "available"


async def test_limited_catalogs_on_customer_links_need_access(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected
) -> None:
    limited = await new_catalog(shop, season.products[:1], code="PRE", status="limited")
    link = await new_link(shop, "customer", [season.catalog, limited["id"]])
    client.headers.update(connected.buyer.headers)
    grant = await grant_for(client, link, buyer_organization_id=connected.org["id"])
    landing = (await landing_of(client)(link, **grant)).json()
    assert [c["id"] for c in landing["catalogs"]] == [season.catalog]
    await shop.client.put(
        f"{shop.url}/catalogs/{limited['id']}/access-grants",
        json={"customer_ids": [connected.customer["customer_id"]]},
        headers=shop.owner.headers,
    )
    landing = (await landing_of(client)(link, **grant)).json()
    assert [c["id"] for c in landing["catalogs"]] == [season.catalog, limited["id"]]


async def test_standard_route_prices_for_the_connected_organization(
    shop: Shop, season: Season, client: httpx.AsyncClient, connected: Connected
) -> None:
    url = f"/api/v1/catalogs/{season.catalog}"
    params = {"buyer_organization_id": connected.org["id"]}
    catalog = await client.get(url, params=params, headers=connected.buyer.headers)
    assert catalog.status_code == 200, catalog.text
    assert catalog.json()["can_order"] is True
    assert catalog.json()["pricing"]["terms"]["condition"] == "55"
    products = await client.get(f"{url}/products", params=params, headers=connected.buyer.headers)
    assert products.json()["items"][0]["price_from"] == 5280

    limited = await new_catalog(shop, season.products[:1], code="PRE", status="limited")
    hidden = await client.get(
        f"/api/v1/catalogs/{limited['id']}", params=params, headers=connected.buyer.headers
    )
    assert hidden.status_code == 404

    stranger = await new_user(client)
    org = await new_org(client, stranger)
    refused = await client.get(
        url, params={"buyer_organization_id": org["id"]}, headers=stranger.headers
    )
    assert refused.status_code == 403
    assert problem(refused)["code"] == "shopping.not_connected"
    not_mine = await client.get(url, params=params, headers=stranger.headers)
    assert not_mine.status_code == 404


async def test_the_products_page_is_gzipped_for_clients_that_accept_it(
    shop: Shop, season: Season, client: httpx.AsyncClient
) -> None:
    link = await new_link(shop, "instant", [season.catalog])
    grant = {"X-Link-Grant": (await landing_of(client)(link)).json()["grant"]["grant"]}
    url = f"/api/v1/catalogs/{season.catalog}/products"

    async def raw(accept: str) -> tuple[httpx.Response, bytes]:
        async with client.stream("GET", url, headers={**grant, "Accept-Encoding": accept}) as r:
            return r, b"".join([chunk async for chunk in r.aiter_raw()])

    zipped, body = await raw("gzip, deflate, br")
    assert zipped.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["vary"]
    assert int(zipped.headers["content-length"]) == len(body)
    plain, plain_body = await raw("gzip;q=0")  # refuses gzip
    assert "content-encoding" not in plain.headers
    assert json.loads(gzip.decompress(body)) == json.loads(plain_body)
    assert len(body) < len(plain_body) / 3
