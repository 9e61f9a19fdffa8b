from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Mailbox
from tests.factories import LoggedIn, error_locs, join_brand, new_brand, new_user, problem


async def brand_setup(client: httpx.AsyncClient) -> tuple[LoggedIn, str]:
    owner = await new_user(client)
    brand = await new_brand(client, owner)
    return owner, f"/api/v1/brands/{brand['id']}"


@pytest.mark.usefixtures("without_card_payments")
async def test_a_new_brand_starts_with_its_countrys_currency(client: httpx.AsyncClient) -> None:
    owner, url = await brand_setup(client)
    settings = (await client.get(f"{url}/settings", headers=owner.headers)).json()
    assert settings["currencies"] == ["JPY"]
    assert settings["default_currency"] == "JPY"
    assert settings["languages"] == ["en", "ja"]
    assert settings["card_payments_available"] is False
    assert settings["offline_payment_accepted"] is True
    assert settings["comment_mode"] == "free_text"


async def test_update_settings(client: httpx.AsyncClient) -> None:
    owner, url = await brand_setup(client)
    response = await client.patch(
        f"{url}/settings",
        json={
            "currencies": ["JPY", "usd"],
            "default_currency": "USD",
            "comment_mode": "presets",
            "comment_presets": [
                {"en": "Ship together", "ja": "まとめて発送"},
                {"en": "Ship when ready"},
            ],
            "delivery_date_allowed": True,
            "notification_emails": ["orders@aoi.example.com", "sales@aoi.example.com"],
        },
        headers=owner.headers,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["currencies"] == ["JPY", "USD"]
    assert body["default_currency"] == "USD"
    assert body["comment_presets"][1] == {"en": "Ship when ready"}
    assert body["delivery_date_allowed"] is True


@pytest.mark.usefixtures("without_card_payments")
async def test_invalid_settings_point_at_their_fields(client: httpx.AsyncClient) -> None:
    owner, url = await brand_setup(client)
    response = await client.patch(
        f"{url}/settings",
        json={
            "currencies": ["JPY"],
            "default_currency": "EUR",
            "card_payments_enabled": True,
            "comment_mode": "presets",
            "comment_presets": [{"ja": "まとめて発送", "fr": "Ensemble"}],
            "notification_emails": [f"n{i}@example.com" for i in range(6)],
        },
        headers=owner.headers,
    )
    assert response.status_code == 422
    locs = error_locs(response)
    assert ["body", "notification_emails"] in locs  # more than 5
    # The rest is checked once the shape is right.
    response = await client.patch(
        f"{url}/settings",
        json={
            "currencies": ["JPY"],
            "default_currency": "EUR",
            "card_payments_enabled": True,
            "comment_mode": "presets",
            "comment_presets": [{"ja": "まとめて発送", "fr": "Ensemble"}],
        },
        headers=owner.headers,
    )
    locs = error_locs(response)
    assert ["body", "default_currency"] in locs
    assert ["body", "card_payments_enabled"] in locs
    assert ["body", "comment_presets", 0, "fr"] in locs
    assert ["body", "comment_presets", 0, "en"] in locs
    unknown = await client.patch(
        f"{url}/settings", json={"currencies": ["XXX"]}, headers=owner.headers
    )
    assert error_locs(unknown) == [["body", "currencies", 0]]
    no_way_to_pay = await client.patch(
        f"{url}/settings", json={"offline_payment_accepted": False}, headers=owner.headers
    )
    assert problem(no_way_to_pay)["errors"][0]["type"] == "payments.none_accepted"


async def test_transaction_terms(client: httpx.AsyncClient) -> None:
    owner, url = await brand_setup(client)
    wsp = await client.post(
        f"{url}/transaction-terms",
        json={"code": "WSP", "name": {"en": "Wholesale price", "ja": "卸値"}, "kind": "rate"},
        headers=owner.headers,
    )
    assert wsp.status_code == 201, wsp.text
    assert wsp.json()["kind"] == "rate"
    dup = await client.post(
        f"{url}/transaction-terms",
        json={"code": "WSP", "name": {"en": "Again"}, "kind": "rate"},
        headers=owner.headers,
    )
    assert dup.status_code == 409
    assert problem(dup)["code"] == "transaction_term.code_taken"
    no_default_name = await client.post(
        f"{url}/transaction-terms",
        json={"code": "EXW", "name": {"ja": "工場渡し"}, "kind": "discount"},
        headers=owner.headers,
    )
    assert error_locs(no_default_name) == [["body", "name", "en"]]
    renamed = await client.patch(
        f"{url}/transaction-terms/{wsp.json()['id']}",
        json={"name": {"en": "WSP"}, "kind": "discount"},
        headers=owner.headers,
    )
    assert renamed.status_code == 422  # the kind is fixed at creation
    listed = (await client.get(f"{url}/transaction-terms", headers=owner.headers)).json()
    assert [t["code"] for t in listed["items"]] == ["WSP"]


async def test_tax_rates_and_their_default(client: httpx.AsyncClient) -> None:
    owner, url = await brand_setup(client)
    first = await client.post(
        f"{url}/tax-rates",
        json={
            "name": {"en": "Consumption tax 10%"},
            "rate": "10",
            "country": "JP",
            "is_default": True,
        },
        headers=owner.headers,
    )
    assert first.status_code == 201, first.text
    assert first.json()["rate"] == "10"
    assert first.json()["in_use"] is False
    reduced = await client.post(
        f"{url}/tax-rates",
        json={
            "name": {"en": "Reduced 8%"},
            "rate": 8,
            "country": "JP",
            "rounding": "down",
            "is_default": True,
        },
        headers=owner.headers,
    )
    taxes = (await client.get(f"{url}/tax-rates", headers=owner.headers)).json()["items"]
    assert {t["id"]: t["is_default"] for t in taxes} == {
        first.json()["id"]: False,
        reduced.json()["id"]: True,
    }
    bad = await client.post(
        f"{url}/tax-rates",
        json={"name": {"en": "x"}, "rate": "100.5", "country": "JP", "rounding": "sideways"},
        headers=owner.headers,
    )
    assert ["body", "rate"] in error_locs(bad)
    assert ["body", "rounding"] in error_locs(bad)


async def test_a_tax_in_use_keeps_its_rate_and_country(client: httpx.AsyncClient) -> None:
    owner, url = await brand_setup(client)
    tax = (
        await client.post(
            f"{url}/tax-rates",
            json={"name": {"en": "VAT"}, "rate": "10", "country": "JP"},
            headers=owner.headers,
        )
    ).json()
    # Unused: free to correct.
    fixed = await client.patch(
        f"{url}/tax-rates/{tax['id']}", json={"rate": "10.5"}, headers=owner.headers
    )
    assert fixed.status_code == 200
    await client.post(
        f"{url}/shipping-rate-groups",
        json={
            "code": "JP",
            "name": {"en": "Japan"},
            "currency": "JPY",
            "country": "JP",
            "tax_rate_id": tax["id"],
        },
        headers=owner.headers,
    )
    used = (await client.get(f"{url}/tax-rates/{tax['id']}", headers=owner.headers)).json()
    assert used["in_use"] is True
    for change in ({"rate": "8"}, {"country": "US"}):
        response = await client.patch(
            f"{url}/tax-rates/{tax['id']}", json=change, headers=owner.headers
        )
        assert response.status_code == 409
        assert problem(response)["code"] == "tax_rate.immutable"
    renamed = await client.patch(
        f"{url}/tax-rates/{tax['id']}",
        json={"name": {"en": "Consumption tax"}},
        headers=owner.headers,
    )
    assert renamed.status_code == 200
    deleted = await client.delete(f"{url}/tax-rates/{tax['id']}", headers=owner.headers)
    assert deleted.status_code == 409
    assert problem(deleted)["code"] == "tax_rate.in_use"


async def test_shipping_rate_groups(client: httpx.AsyncClient) -> None:
    owner, url = await brand_setup(client)
    rates: list[dict[str, Any]] = [
        {"amount": 0, "condition": "subtotal_at_least", "threshold": 50000},
        {"amount": 1200, "condition": "subtotal_below", "threshold": 50000},
    ]
    group = await client.post(
        f"{url}/shipping-rate-groups",
        json={"code": "JPY-ALL", "name": {"en": "Everywhere"}, "currency": "JPY", "rates": rates},
        headers=owner.headers,
    )
    assert group.status_code == 201, group.text
    assert [(r["position"], r["amount"]) for r in group.json()["rates"]] == [(0, 0), (1, 1200)]
    assert group.json()["country"] is None

    second_default = await client.post(
        f"{url}/shipping-rate-groups",
        json={"code": "JPY-ALL-2", "name": {"en": "Again"}, "currency": "JPY"},
        headers=owner.headers,
    )
    assert second_default.status_code == 409
    assert problem(second_default)["code"] == "shipping_rate_group.all_countries_taken"

    not_enabled = await client.post(
        f"{url}/shipping-rate-groups",
        json={"code": "USD", "name": {"en": "US"}, "currency": "USD"},
        headers=owner.headers,
    )
    assert error_locs(not_enabled) == [["body", "currency"]]

    bad_rates = await client.post(
        f"{url}/shipping-rate-groups",
        json={
            "code": "JP",
            "name": {"en": "Japan"},
            "currency": "JPY",
            "country": "JP",
            "rates": [
                {"amount": 500, "condition": "subtotal_below"},
                {
                    "amount": 500,
                    "condition": "quantity_between",
                    "min_quantity": 10,
                    "max_quantity": 5,
                },
                {"amount": -1},
            ],
        },
        headers=owner.headers,
    )
    assert ["body", "rates", 2, "amount"] in error_locs(bad_rates)

    replaced = await client.patch(
        f"{url}/shipping-rate-groups/{group.json()['id']}",
        json={
            "rates": [
                {
                    "amount": 800,
                    "condition": "quantity_between",
                    "min_quantity": 1,
                    "max_quantity": 10,
                }
            ]
        },
        headers=owner.headers,
    )
    assert replaced.status_code == 200, replaced.text
    assert [
        (r["condition"], r["min_quantity"], r["max_quantity"]) for r in replaced.json()["rates"]
    ] == [("quantity_between", 1, 10)]


async def test_shipping_rate_conditions_need_their_values(client: httpx.AsyncClient) -> None:
    owner, url = await brand_setup(client)
    response = await client.post(
        f"{url}/shipping-rate-groups",
        json={
            "code": "JP",
            "name": {"en": "Japan"},
            "currency": "JPY",
            "country": "JP",
            "rates": [
                {"amount": 500, "condition": "subtotal_below"},
                {
                    "amount": 500,
                    "condition": "quantity_between",
                    "min_quantity": 10,
                    "max_quantity": 5,
                },
            ],
        },
        headers=owner.headers,
    )
    assert response.status_code == 422
    assert error_locs(response) == [
        ["body", "rates", 0, "threshold"],
        ["body", "rates", 1, "max_quantity"],
    ]


async def test_staff_cannot_change_settings_and_strangers_see_nothing(
    client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    owner, url = await brand_setup(client)
    staff = await join_brand(client, mailbox, owner, url.rsplit("/", 1)[1], "staff")
    refused = await client.patch(
        f"{url}/settings", json={"delivery_date_allowed": True}, headers=staff.headers
    )
    assert refused.status_code == 403
    assert problem(refused)["code"] == "brand.admin_required"
    # Staff do run the catalog.
    term = await client.post(
        f"{url}/transaction-terms",
        json={"code": "WSP", "name": {"en": "WSP"}, "kind": "rate"},
        headers=staff.headers,
    )
    assert term.status_code == 201
    stranger = await new_user(client)
    for path in (
        "settings",
        "transaction-terms",
        "tax-rates",
        "shipping-rate-groups",
        "categories",
    ):
        response = await client.get(f"{url}/{path}", headers=stranger.headers)
        assert response.status_code == 404, path
        assert problem(response)["code"] == "brand.not_found"


async def test_categories(client: httpx.AsyncClient) -> None:
    owner, url = await brand_setup(client)
    created = await client.post(
        f"{url}/categories",
        json={"code": "TOPS", "name": {"en": "Tops", "ja": "トップス"}},
        headers=owner.headers,
    )
    assert created.status_code == 201
    dup = await client.post(
        f"{url}/categories", json={"code": "TOPS", "name": {"en": "Tops"}}, headers=owner.headers
    )
    assert dup.status_code == 409
    deleted = await client.delete(f"{url}/categories/{created.json()['id']}", headers=owner.headers)
    assert deleted.status_code == 204
