"""A brand and a buyer organization that trade, with one of every kind of row either owns,
built through the API: what the isolation tests try to reach from outside."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from showroom.models import Base
from tests.conftest import Mailbox
from tests.factories import LoggedIn, join_brand, new_brand, new_org, new_user
from tests.images import image_bytes
from tests.imports.test_imports import xlsx
from tests.integrations.keys import new_key
from tests.links.test_storefront import grant_for
from tests.ordering import Connected, Season, add_tote, standard_cart
from tests.orders.test_orders import filled_cart, place
from tests.shop import Shop, new_link

INTERNAL_NOTE = "internal: for the Shibuya store"  # what filled_cart writes


@dataclass
class World:
    owner: LoggedIn
    staff: LoggedIn
    buyer: LoggedIn
    ids: dict[str, str]  # path parameter → a row of the brand's or of the buyer's
    tokens: dict[str, str]  # the link's and the invitations' public tokens
    link_grant: dict[str, str]
    secrets: set[str] = field(default_factory=set)  # must never reach an outsider


@dataclass
class Outsiders:
    anonymous: dict[str, str]
    other_brand: dict[str, str]
    other_brand_id: str
    other_buyer: dict[str, str]
    other_buyer_org: str
    other_guest: dict[str, str]

    def all(self) -> dict[str, dict[str, str]]:
        return {
            "anonymous": self.anonymous,
            "member of another brand": self.other_brand,
            "member of another buyer organization": self.other_buyer,
            "guest of another link": self.other_guest,
        }


@pytest.fixture
async def world(
    shop: Shop,
    season: Season,
    client: httpx.AsyncClient,
    connected: Connected,
    mailbox: Mailbox,
) -> World:
    brand_id = shop.url.rsplit("/", 1)[1]
    org_id = connected.org["id"]
    buyer = connected.buyer
    staff = await join_brand(client, mailbox, shop.owner, brand_id, "staff")

    brand_inbox = "orders@maison-aoi.example.com"
    await shop.patch("/settings", {"notification_emails": [brand_inbox]})
    key = await new_key(shop, "orders:read")
    # Nothing listens on port 9: the delivery fails, and is logged for the replay button.
    endpoint = (
        await shop.post(
            "/webhook-endpoints", {"url": "http://127.0.0.1:9/hook", "events": ["order.placed"]}
        )
    ).json()
    order = (await place(client, connected, await filled_cart(client, connected, season))).json()
    await mailbox.deliver()  # the worker: e-mails, and the order.placed event fanned out
    deliveries = (await shop.get(f"/webhook-endpoints/{endpoint['id']}/deliveries")).json()
    cart = await standard_cart(client, connected, season.catalog)
    item = (await add_tote(client, cart, season.totes[0], 2, buyer.headers)).json()

    category = (await shop.post("/categories", {"code": "TOPS", "name": {"en": "Tops"}})).json()
    group = await shop.post(
        "/shipping-rate-groups",
        {"code": "JP", "name": {"en": "Japan"}, "currency": "JPY", "country": "JP"},
    )
    media = await client.post(
        f"{shop.url}/media", files={"file": ("a.png", image_bytes())}, headers=shop.owner.headers
    )
    lookbook = await shop.post(
        "/lookbooks",
        {"name": {"en": "SS27 looks"}, "images": [{"media_id": media.json()["id"]}]},
    )
    upload = await client.post(
        f"{shop.url}/products/imports",
        files={"file": ("products.xlsx", xlsx([]))},
        headers=shop.owner.headers,
    )
    # A pending invitation to the organization's second address: the brand's row and the
    # organization's inbox entry at once.
    invitation = await shop.post(
        "/invitations",
        {
            "email": "info@tokyo-select.example.com",
            "terms": {
                "language": "en",
                "currency": "JPY",
                "transaction_term_id": shop.terms["WSP"],
                "condition": "60",
                "billing_term": "without_deposit",
            },
        },
    )
    member_invitation = await shop.post("/member-invitations", {"email": "new@example.com"})
    org_invitation = await client.post(
        f"/api/v1/buyer-organizations/{org_id}/member-invitations",
        json={"email": "colleague@example.com"},
        headers=buyer.headers,
    )
    link = await new_link(shop, "instant", [season.catalog])
    for response in (group, lookbook, media, upload, invitation, member_invitation):
        assert response.status_code in (200, 201, 202), response.text
    assert org_invitation.status_code == 201, org_invitation.text

    ids = {
        "brand_id": brand_id,
        "org_id": org_id,
        "catalog_id": season.catalog,
        "category_id": category["id"],
        "customer_id": connected.customer["customer_id"],
        "group_id": group.json()["id"],
        "import_id": upload.json()["id"],
        "brand_invitation_id": invitation.json()["id"],
        "brand_member_invitation_id": member_invitation.json()["id"],
        "org_member_invitation_id": org_invitation.json()["id"],
        "link_id": link["id"],
        "lookbook_id": lookbook.json()["id"],
        "media_id": media.json()["id"],
        "order_id": order["id"],
        "key_id": key["id"],
        "endpoint_id": endpoint["id"],
        "delivery_id": deliveries["items"][0]["id"],
        "product_id": season.tee["id"],
        "sku_id": season.tee_skus[0],
        "tax_rate_id": shop.tax_id,
        "term_id": shop.terms["WSP"],
        "address_id": connected.delivery["id"],
        "cart_id": cart["id"],
        "item_id": item["id"],
        "brand_user_id": shop.owner.user["id"],
        "org_user_id": buyer.user["id"],
        # Cards live at Stripe; the organization check comes first, so any id will do.
        "method_id": "pm_1NotCheckedBeforeTheOrganization",
    }
    tokens = {"link": link["token"], "brand_inbox": brand_inbox}
    secrets = {INTERNAL_NOTE, org_id, cart["id"], order["id"], connected.delivery["id"]}
    return World(shop.owner, staff, buyer, ids, tokens, await grant_for(client, link), secrets)


@pytest.fixture
async def outsiders(shop: Shop, client: httpx.AsyncClient) -> Outsiders:
    other_owner = await new_user(client)
    other_brand = await new_brand(client, other_owner)
    other_buyer = await new_user(client)
    other_org = await new_org(client, other_buyer)
    # A guest on a link of another brand (which sells nothing of the first brand's).
    other_shop = Shop(client, other_owner, f"/api/v1/brands/{other_brand['id']}")
    term = await other_shop.post(
        "/transaction-terms", {"code": "WSP", "name": {"en": "WSP"}, "kind": "rate"}
    )
    catalog = await other_shop.post(
        "/catalogs",
        {"code": "X", "name": {"en": "Other"}, "status": "open", "product_ids": []},
    )
    link = await other_shop.post(
        "/links",
        {
            "kind": "instant",
            "name": "other",
            "catalog_ids": [catalog.json()["id"]],
            "languages": ["en"],
            "currencies": ["JPY"],
            "terms": {"transaction_term_id": term.json()["id"], "condition": "60"},
        },
    )
    assert link.status_code == 201, link.text
    return Outsiders(
        anonymous={},
        other_brand=other_owner.headers,
        other_brand_id=other_brand["id"],
        other_buyer=other_buyer.headers,
        other_buyer_org=other_org["id"],
        other_guest=await grant_for(client, link.json()),
    )


async def snapshot(app: FastAPI) -> dict[str, str]:
    """A digest of every table's rows, but the rate-limit counters (a refused attempt is
    counted on purpose)."""
    digests = {}
    async with app.state.sessionmaker() as session:
        for table in Base.metadata.sorted_tables:
            if table.name == "rate_limit_hits":
                continue
            rows = (await session.execute(select(table).order_by(*table.primary_key))).all()
            digests[table.name] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return digests
