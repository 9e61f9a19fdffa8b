from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import Mailbox
from tests.factories import (
    LoggedIn,
    error_locs,
    link_in,
    new_org,
    new_user,
    problem,
    verified_user,
)
from tests.shop import Shop


def terms(shop: Shop, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "language": "ja",
        "currency": "JPY",
        "transaction_term_id": shop.terms["RRP"],
        "condition": "55",
        "billing_term": "with_deposit",
        "deposit_percent": "30",
        "apply_tax_to_price": False,
    }
    body.update(overrides)
    return body


def offline(shop: Shop, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "buyer_type": "organization",
        "company_name": "Kyoto Goods",
        "contact_name": "Kenji Sato",
        "country": "JP",
        "email": "kenji@kyoto-goods.example.com",
        "phone": "075-123-4567",
        "terms": terms(shop),
    }
    body.update(overrides)
    return body


async def test_offline_customers_with_codes_and_terms(shop: Shop) -> None:
    first = await shop.post("/customers", offline(shop))
    assert first.status_code == 201, first.text
    customer = first.json()
    assert customer["code"] == "C00001"
    assert customer["kind"] == "offline"
    assert customer["terms"]["condition"] == "55"
    assert customer["terms"]["deposit_percent"] == "30"
    assert customer["phone"] == "+81751234567"
    # Several offline customers may share an e-mail.
    second = await shop.post("/customers", offline(shop, code="KYOTO-2"))
    assert second.json()["code"] == "KYOTO-2"
    dup = await shop.post("/customers", offline(shop, code="KYOTO-2"))
    assert dup.status_code == 409
    listed = (await shop.get("/customers", kind="offline", search="kyoto")).json()
    assert len(listed["items"]) == 2


async def test_terms_are_checked_against_the_brand(shop: Shop) -> None:
    response = await shop.post(
        "/customers",
        offline(
            shop,
            terms=terms(shop, language="ko", currency="EUR", condition="0", deposit_percent=None),
        ),
    )
    assert response.status_code == 422
    locs = error_locs(response)
    for field in ("language", "currency", "condition", "deposit_percent"):
        assert ["body", "terms", field] in locs
    discount = await shop.post(
        "/transaction-terms", {"code": "EXW", "name": {"en": "EXW"}, "kind": "discount"}
    )
    exw = terms(shop, transaction_term_id=discount.json()["id"], condition="100")
    refused = await shop.post("/customers", offline(shop, terms=exw))
    assert error_locs(refused) == [["body", "terms", "condition"]]


async def test_link_login_is_stored_hashed(shop: Shop) -> None:
    created = await shop.post(
        "/customers",
        offline(shop, link_login={"email": "col@example.com", "password": "p4ssword!"}),
    )
    assert created.json()["link_login_email"] == "col@example.com"
    assert "p4ssword" not in created.text
    cleared = await shop.patch(f"/customers/{created.json()['id']}", {"link_login": None})
    assert cleared.json()["link_login_email"] is None


async def invite_and_accept(
    shop: Shop, client: httpx.AsyncClient, mailbox: Mailbox, body: dict[str, Any]
) -> tuple[LoggedIn, dict[str, Any], dict[str, Any]]:
    buyer = await new_user(client, language="ja")
    org = await new_org(client, buyer)
    sent = await shop.post("/invitations", {"email": buyer.email, "language": "ja", **body})
    assert sent.status_code == 201, sent.text
    mail = await mailbox.last_to(buyer.email)
    assert "Showroom" in mail["Subject"]
    token = link_in(mail).removeprefix("/brand-invitations/")
    preview = await client.get(f"/api/v1/brand-invitations/{token}")
    assert preview.status_code == 200
    assert preview.json()["state"] == "pending"
    accepted = await client.post(
        f"/api/v1/brand-invitations/{token}/accept",
        json={"buyer_organization_id": org["id"]},
        headers=buyer.headers,
    )
    assert accepted.status_code == 200, accepted.text
    return buyer, org, accepted.json()


async def test_invite_a_buyer_who_accepts_and_sees_connected_brands(
    shop: Shop, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    catalog = await shop.post(
        "/catalogs",
        {
            "code": "SS27",
            "name": {"en": "SS27"},
            "status": "open",
            "order_deadline": "2099-01-01T00:00:00Z",
        },
    )
    past = await shop.post(
        "/catalogs",
        {
            "code": "AW25",
            "name": {"en": "AW25"},
            "status": "open",
            "order_deadline": "2025-01-01T00:00:00Z",
        },
    )
    await shop.post("/catalogs", {"code": "HIDDEN", "name": {"en": "Hidden"}, "status": "closed"})
    await shop.post(
        "/catalogs",
        {
            "code": "LATER",
            "name": {"en": "Later"},
            "status": "open",
            "release_at": "2099-01-01T00:00:00Z",
        },
    )
    limited = await shop.post(
        "/catalogs", {"code": "VIP", "name": {"en": "VIP"}, "status": "limited"}
    )

    buyer, org, connection = await invite_and_accept(
        shop, client, mailbox, {"message": "Welcome!", "terms": terms(shop)}
    )
    customer = (await shop.get(f"/customers/{connection['customer_id']}")).json()
    assert customer["kind"] == "connected"
    assert customer["buyer_organization_id"] == org["id"]
    assert customer["company_name"] == "東京セレクトショップ"  # the organization's default language

    brands = (
        await client.get(f"/api/v1/buyer-organizations/{org['id']}/brands", headers=buyer.headers)
    ).json()
    assert [b["brand_id"] for b in brands] == [shop.url.rsplit("/", 1)[1]]
    cards = {c["name"]["en"]: c["ordering_open"] for c in brands[0]["catalogs"]}
    assert cards == {"SS27": True, "AW25": False}
    assert brands[0]["terms"]["transaction_term"] == "RRP"
    assert brands[0]["terms"]["condition"] == "55"

    # A limited catalog appears once access is granted.
    granted = await shop.client.put(
        f"{shop.url}/catalogs/{limited.json()['id']}/access-grants",
        json={"customer_ids": [customer["id"]]},
        headers=shop.owner.headers,
    )
    assert granted.status_code == 200
    brands = (
        await client.get(f"/api/v1/buyer-organizations/{org['id']}/brands", headers=buyer.headers)
    ).json()
    assert sorted(c["name"]["en"] for c in brands[0]["catalogs"]) == ["AW25", "SS27", "VIP"]
    assert catalog.status_code == past.status_code == 201


async def test_an_offline_customer_becomes_the_connected_one(
    shop: Shop, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    record = (await shop.post("/customers", offline(shop, code="KG-1"))).json()
    _, _, connection = await invite_and_accept(shop, client, mailbox, {"customer_id": record["id"]})
    assert connection["customer_id"] == record["id"]
    assert connection["customer_code"] == "KG-1"
    customer = (await shop.get(f"/customers/{record['id']}")).json()
    assert customer["kind"] == "connected"
    assert customer["terms"]["transaction_term_id"] == shop.terms["RRP"]  # its own terms


async def test_invitation_rules(shop: Shop, client: httpx.AsyncClient, mailbox: Mailbox) -> None:
    no_terms = await shop.post("/invitations", {"email": "a@example.com"})
    assert error_locs(no_terms) == [["body", "terms"]]
    buyer, org, _ = await invite_and_accept(shop, client, mailbox, {"terms": terms(shop)})
    # The same organization cannot connect twice.
    await shop.post("/invitations", {"email": buyer.email, "terms": terms(shop)})
    token = link_in(await mailbox.last_to(buyer.email)).removeprefix("/brand-invitations/")
    again = await client.post(
        f"/api/v1/brand-invitations/{token}/accept",
        json={"buyer_organization_id": org["id"]},
        headers=buyer.headers,
    )
    assert again.status_code == 409
    assert problem(again)["code"] == "customer.already_connected"
    # Someone who is not a member of the organization cannot accept for it.
    stranger = await new_user(client)
    not_member = await client.post(
        f"/api/v1/brand-invitations/{token}/accept",
        json={"buyer_organization_id": org["id"]},
        headers=stranger.headers,
    )
    assert not_member.status_code == 404


async def test_pending_invitations_listed_for_the_buyer(
    shop: Shop, client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    buyer = await verified_user(client, mailbox)
    org = await new_org(client, buyer)
    sent = await shop.post("/invitations", {"email": buyer.email, "terms": terms(shop)})
    # Sent to one of the organization's typed-in addresses, or to an account that never
    # proved its e-mail: not listed (the e-mailed link still works for its recipient).
    await shop.post(
        "/invitations", {"email": "orders@tokyo-select.example.com", "terms": terms(shop)}
    )
    unproven = await new_user(client)
    await shop.post("/invitations", {"email": unproven.email, "terms": terms(shop)})
    unproven_org = await new_org(client, unproven)
    assert (
        await client.get(
            f"/api/v1/buyer-organizations/{unproven_org['id']}/invitations",
            headers=unproven.headers,
        )
    ).json() == []
    listed = (
        await client.get(
            f"/api/v1/buyer-organizations/{org['id']}/invitations", headers=buyer.headers
        )
    ).json()
    assert [i["id"] for i in listed] == [sent.json()["id"]]
    assert listed[0]["brand_name"]["en"] == "Maison Aoi"
    accepted = await client.post(
        f"/api/v1/buyer-organizations/{org['id']}/invitations/{sent.json()['id']}/accept",
        headers=buyer.headers,
    )
    assert accepted.status_code == 200
    assert (
        await client.get(
            f"/api/v1/buyer-organizations/{org['id']}/invitations", headers=buyer.headers
        )
    ).json() == []
    revoked_later = await shop.client.delete(
        f"{shop.url}/invitations/{sent.json()['id']}", headers=shop.owner.headers
    )
    assert revoked_later.status_code == 404
