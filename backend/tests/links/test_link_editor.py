"""The brand's Links area: three kinds, their rules, status, URL and passcode."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from showroom.models import OrderLink
from tests.factories import error_locs, problem
from tests.shop import Shop, link_body, new_catalog, new_link, tee


@pytest.fixture
async def seasons(shop: Shop) -> list[str]:
    product = (await shop.post("/products", tee(shop))).json()["id"]
    first = await new_catalog(shop, [product])
    second = await new_catalog(shop, [product], code="AW27", name={"en": "Autumn 2027"})
    return [first["id"], second["id"]]


async def test_create_an_instant_link_with_a_passcode(
    shop: Shop, seasons: list[str], app: FastAPI
) -> None:
    link = await new_link(
        shop,
        "instant",
        seasons[:1],
        passcode="  spring27 ",
        release_at="2026-01-01T00:00:00+09:00",
        expires_at="2030-01-01T00:00:00Z",
        china_only=True,
        contacts=[{"name": "Sales desk", "email": "sales@aoi.example.com"}],
    )
    assert link["status"] == "open"
    assert link["passcode_enabled"] is True
    assert link["china_only"] is True  # checked at checkout
    assert len(link["token"]) >= 43  # 32 random bytes: 256 bits
    assert link["url"] == f"http://testserver/l/{link['token']}"
    assert [c["code"] for c in link["catalogs"]] == ["SS27"]
    assert link["terms"]["condition"] == "60"
    assert link["contacts"][0]["phone"] == ""
    async with app.state.sessionmaker() as session:
        stored = await session.scalar(select(OrderLink.passcode_hash))
    assert stored
    assert "spring27" not in stored
    assert stored.startswith("$argon2")


async def test_list_by_kind_and_status(shop: Shop, seasons: list[str]) -> None:
    instant = await new_link(shop, "instant", seasons[:1])
    dynamic = await new_link(shop, "dynamic", seasons)
    customer = await new_link(shop, "customer", seasons)
    await shop.patch(f"/links/{dynamic['id']}", {"status": "void"})

    def ids(response: httpx.Response) -> list[str]:
        return [row["id"] for row in response.json()["items"]]

    assert ids(await shop.get("/links")) == [instant["id"], dynamic["id"], customer["id"]]
    assert ids(await shop.get("/links", kind="customer")) == [customer["id"]]
    assert ids(await shop.get("/links", status="void")) == [dynamic["id"]]
    row = (await shop.get("/links", kind="dynamic")).json()["items"][0]
    assert [c["code"] for c in row["catalogs"]] == ["SS27", "AW27"]
    assert row["passcode_enabled"] is False


@pytest.mark.parametrize(
    ("kind", "overrides", "loc"),
    [
        ("instant", {"catalog_ids": "both"}, ["body", "catalog_ids"]),
        ("instant", {"terms": None}, ["body", "terms"]),
        ("instant", {"languages": ["en", "fr"]}, ["body", "languages", 1]),
        ("instant", {"languages": []}, ["body", "languages"]),
        ("instant", {"currencies": ["EUR"]}, ["body", "currencies", 0]),
        ("instant", {"require_address": True}, ["body", "require_address"]),
        ("instant", {"passcode": "abc"}, ["body", "passcode"]),
        ("instant", {"passcode": "  ab  "}, ["body", "passcode"]),
        ("instant", {"background_type": "image"}, ["body", "background_media_id"]),
        ("instant", {"background_type": "video"}, ["body", "background_video_url"]),
        ("instant", {"payment_methods": ["card"]}, ["body", "payment_methods"]),
        (
            "instant",
            {"release_at": "2027-02-01T00:00:00Z", "expires_at": "2027-01-01T00:00:00Z"},
            ["body", "expires_at"],
        ),
        ("dynamic", {"use_as_catalog": True}, ["body", "use_as_catalog"]),
        ("dynamic", {"catalog_ids": []}, ["body", "catalog_ids"]),
        ("dynamic", {"catalog_ids": "unknown"}, ["body", "catalog_ids", 0]),
        ("dynamic", {"catalog_ids": "twice"}, ["body", "catalog_ids"]),
        ("customer", {"china_only": True}, ["body", "china_only"]),
        ("customer", {"terms": "own"}, ["body", "terms"]),
        ("customer", {"currencies": ["JPY"]}, ["body", "currencies"]),
        ("customer", {"languages": ["en"]}, ["body", "languages"]),
        ("customer", {"passcode": "secret"}, ["body", "passcode"]),
    ],
)
async def test_rules_of_each_kind(
    shop: Shop, seasons: list[str], kind: str, overrides: dict[str, Any], loc: list[Any]
) -> None:
    catalogs = seasons if kind != "instant" else seasons[:1]
    special = {
        "both": seasons,
        "unknown": ["00000000-0000-4000-8000-000000000000"],
        "twice": [seasons[0], seasons[0]],
    }
    if isinstance(overrides.get("catalog_ids"), str):
        overrides = {**overrides, "catalog_ids": special[overrides["catalog_ids"]]}
    if overrides.get("terms") == "own":
        overrides = {**overrides, "terms": link_body(shop, "instant", [])["terms"]}
    response = await shop.post("/links", link_body(shop, kind, catalogs) | overrides)
    assert response.status_code == 422, response.text
    assert loc in error_locs(response)


@pytest.mark.parametrize(
    ("terms", "loc"),
    [
        ({"condition": "0"}, ["body", "terms", "condition"]),
        ({"condition": "100.5"}, ["body", "terms", "condition"]),
        ({"billing_term": "with_deposit"}, ["body", "terms", "deposit_percent"]),
        (
            {"billing_term": "with_deposit", "deposit_percent": "0"},
            ["body", "terms", "deposit_percent"],
        ),
        ({"deposit_percent": "30"}, ["body", "terms", "deposit_percent"]),
        (
            {"transaction_term_id": "00000000-0000-4000-8000-000000000000"},
            ["body", "terms", "transaction_term_id"],
        ),
    ],
)
async def test_terms_rules(
    shop: Shop, seasons: list[str], terms: dict[str, Any], loc: list[Any]
) -> None:
    body = link_body(shop, "dynamic", seasons)
    body["terms"] |= terms
    response = await shop.post("/links", body)
    assert response.status_code == 422, response.text
    assert loc in error_locs(response)


async def test_discount_terms_bound_the_condition_below_100(shop: Shop, seasons: list[str]) -> None:
    exw = await shop.post(
        "/transaction-terms", {"code": "EXW", "name": {"en": "EXW"}, "kind": "discount"}
    )
    body = link_body(shop, "instant", seasons[:1])
    body["terms"] |= {"transaction_term_id": exw.json()["id"], "condition": "100"}
    refused = await shop.post("/links", body)
    assert error_locs(refused) == [["body", "terms", "condition"]]
    body["terms"]["condition"] = "0"
    assert (await shop.post("/links", body)).status_code == 201


async def test_with_deposit_terms(shop: Shop, seasons: list[str]) -> None:
    body = link_body(shop, "instant", seasons[:1])
    body["terms"] |= {"billing_term": "with_deposit", "deposit_percent": "100"}
    link = (await shop.post("/links", body)).json()
    assert link["terms"]["deposit_percent"] == "100"


async def test_update_keeps_what_is_not_given(shop: Shop, seasons: list[str]) -> None:
    link = await new_link(shop, "dynamic", seasons, passcode="1234")
    renamed = await shop.patch(f"/links/{link['id']}", {"name": "Buyers' preview"})
    assert renamed.status_code == 200, renamed.text
    after = renamed.json()
    assert after["name"] == "Buyers' preview"
    assert after["passcode_enabled"] is True
    assert [c["id"] for c in after["catalogs"]] == seasons
    assert after["terms"] == link["terms"]

    reordered = await shop.patch(f"/links/{link['id']}", {"catalog_ids": seasons[::-1]})
    assert [c["id"] for c in reordered.json()["catalogs"]] == seasons[::-1]
    off = await shop.patch(f"/links/{link['id']}", {"passcode": None})
    assert off.json()["passcode_enabled"] is False

    # The merged link is checked as a whole: an instant link stays at one catalog.
    instant = await new_link(shop, "instant", seasons[:1])
    refused = await shop.patch(f"/links/{instant['id']}", {"catalog_ids": seasons})
    assert error_locs(refused) == [["body", "catalog_ids"]]
    kind = await shop.patch(f"/links/{instant['id']}", {"kind": "dynamic"})
    assert kind.status_code == 422


async def test_void_reopen_and_delete(
    shop: Shop, seasons: list[str], client: httpx.AsyncClient
) -> None:
    link = await new_link(shop, "instant", seasons[:1])
    landing = f"/api/v1/order-links/{link['token']}"
    voided = await shop.patch(f"/links/{link['id']}", {"status": "void"})
    assert voided.json()["status"] == "void"
    assert (await client.get(landing)).json()["state"] == "unavailable"
    reopened = await shop.patch(f"/links/{link['id']}", {"status": "open"})
    assert reopened.json()["status"] == "open"
    assert (await client.get(landing)).json()["state"] == "available"

    deleted = await shop.patch(f"/links/{link['id']}", {"status": "deleted"})
    assert deleted.status_code == 200
    for response in (
        await shop.get(f"/links/{link['id']}"),
        await shop.patch(f"/links/{link['id']}", {"status": "open"}),
        await client.get(landing),
    ):
        assert response.status_code == 404
        assert problem(response)["code"] == "link.not_found"
    assert (await shop.get("/links")).json()["items"] == []


async def test_a_new_url_retires_the_old_one_and_its_grants(
    shop: Shop, seasons: list[str], client: httpx.AsyncClient
) -> None:
    link = await new_link(shop, "instant", seasons[:1])
    old = (await client.get(f"/api/v1/order-links/{link['token']}")).json()
    grant = {"X-Link-Grant": old["grant"]["grant"]}
    assert (await client.get(f"/api/v1/catalogs/{seasons[0]}", headers=grant)).status_code == 200

    renewed = (await shop.post(f"/links/{link['id']}/token", {})).json()
    assert renewed["token"] != link["token"]
    assert (await client.get(f"/api/v1/order-links/{link['token']}")).status_code == 404
    stale = await client.get(f"/api/v1/catalogs/{seasons[0]}", headers=grant)
    assert stale.status_code == 401
    assert problem(stale)["code"] == "link.grant_invalid"
    assert (await client.get(f"/api/v1/order-links/{renewed['token']}")).json()["grant"]


async def test_generate_a_passcode(
    shop: Shop, seasons: list[str], client: httpx.AsyncClient
) -> None:
    link = await new_link(shop, "dynamic", seasons)
    generated = await shop.post(f"/links/{link['id']}/passcode", {})
    passcode = generated.json()["passcode"]
    assert len(passcode) == 8
    assert (await shop.get(f"/links/{link['id']}")).json()["passcode_enabled"] is True
    access = await client.post(
        f"/api/v1/order-links/{link['token']}/access", json={"passcode": passcode}
    )
    assert access.status_code == 200, access.text

    customer_link = await new_link(shop, "customer", seasons)
    refused = await shop.post(f"/links/{customer_link['id']}/passcode", {})
    assert refused.status_code == 409


async def test_links_belong_to_their_brand(
    shop: Shop, seasons: list[str], client: httpx.AsyncClient
) -> None:
    from tests.factories import new_brand, new_user

    other = await new_user(client)
    brand = await new_brand(client, other)
    link = await new_link(shop, "instant", seasons[:1])
    foreign = await client.get(
        f"/api/v1/brands/{brand['id']}/links/{link['id']}", headers=other.headers
    )
    assert foreign.status_code == 404
    stolen_catalog = await client.post(
        f"/api/v1/brands/{brand['id']}/links",
        json={"kind": "customer", "name": "x", "catalog_ids": seasons[:1]},
        headers=other.headers,
    )
    assert error_locs(stolen_catalog) == [["body", "catalog_ids", 0]]


async def test_catalogs_and_terms_in_use_by_links_stay(shop: Shop, seasons: list[str]) -> None:
    link = await new_link(shop, "instant", seasons[:1])
    catalog = await shop.client.delete(
        f"{shop.url}/catalogs/{seasons[0]}", headers=shop.owner.headers
    )
    assert catalog.status_code == 409
    assert problem(catalog)["code"] == "catalog.used_by_links"
    term = await shop.client.delete(
        f"{shop.url}/transaction-terms/{shop.terms['WSP']}", headers=shop.owner.headers
    )
    assert term.status_code == 409
    assert problem(term)["code"] == "transaction_term.in_use"

    # A deleted link lets both go.
    await shop.patch(f"/links/{link['id']}", {"status": "deleted"})
    for path in (f"/catalogs/{seasons[0]}", f"/transaction-terms/{shop.terms['WSP']}"):
        gone = await shop.client.delete(f"{shop.url}{path}", headers=shop.owner.headers)
        assert gone.status_code == 204, gone.text


async def test_status_changes_never_recheck_the_link(
    shop: Shop, seasons: list[str], app: FastAPI
) -> None:
    from sqlalchemy import update

    from showroom.models import Brand

    link = await new_link(shop, "instant", seasons[:1], currencies=["USD"])
    # The brand stops selling in USD after the link was made.
    async with app.state.sessionmaker() as session:
        await session.execute(update(Brand).values(currencies=["JPY"]))
        await session.commit()
    voided = await shop.patch(f"/links/{link['id']}", {"status": "void"})
    assert voided.status_code == 200, voided.text
    renamed = await shop.patch(f"/links/{link['id']}", {"name": "Renamed"})
    assert error_locs(renamed) == [["body", "currencies", 0]]
