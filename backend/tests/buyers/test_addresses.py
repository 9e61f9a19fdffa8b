from __future__ import annotations

from typing import Any

import httpx

from tests.factories import address_payload, error_locs, new_org, new_user, problem


async def setup(client: httpx.AsyncClient) -> tuple[Any, str]:
    who = await new_user(client)
    org = await new_org(client, who)
    return who, f"/api/v1/buyer-organizations/{org['id']}/addresses"


async def test_the_first_address_of_a_kind_becomes_the_default(client: httpx.AsyncClient) -> None:
    who, url = await setup(client)
    delivery = await client.post(url, json=address_payload(), headers=who.headers)
    assert delivery.status_code == 201, delivery.text
    assert delivery.json()["is_default"] is True
    assert delivery.json()["phone"] == "+81312345678"
    billing = await client.post(url, json=address_payload(kind="billing"), headers=who.headers)
    assert billing.json()["is_default"] is True
    second = await client.post(
        url, json=address_payload(recipient="Warehouse"), headers=who.headers
    )
    assert second.json()["is_default"] is False


async def test_one_default_per_kind(client: httpx.AsyncClient) -> None:
    who, url = await setup(client)
    first = (await client.post(url, json=address_payload(), headers=who.headers)).json()
    second = (
        await client.post(
            url, json=address_payload(recipient="Warehouse", is_default=True), headers=who.headers
        )
    ).json()
    assert second["is_default"] is True
    listed = (await client.get(url, params={"kind": "delivery"}, headers=who.headers)).json()[
        "items"
    ]
    defaults = {a["id"]: a["is_default"] for a in listed}
    assert defaults == {first["id"]: False, second["id"]: True}

    # Making the first default again moves the flag back.
    moved = await client.patch(
        f"{url}/{first['id']}", json={"is_default": True}, headers=who.headers
    )
    assert moved.status_code == 200
    listed = (await client.get(url, headers=who.headers)).json()["items"]
    assert {a["id"]: a["is_default"] for a in listed} == {first["id"]: True, second["id"]: False}

    # The default cannot simply be unset: choose another one instead.
    unset = await client.patch(
        f"{url}/{first['id']}", json={"is_default": False}, headers=who.headers
    )
    assert unset.status_code == 422
    assert problem(unset)["code"] == "address.default_required"


async def test_deleting_the_default_promotes_another(client: httpx.AsyncClient) -> None:
    who, url = await setup(client)
    first = (await client.post(url, json=address_payload(), headers=who.headers)).json()
    second = (
        await client.post(url, json=address_payload(recipient="B"), headers=who.headers)
    ).json()
    assert (await client.delete(f"{url}/{first['id']}", headers=who.headers)).status_code == 204
    remaining = (await client.get(url, headers=who.headers)).json()["items"]
    assert [(a["id"], a["is_default"]) for a in remaining] == [(second["id"], True)]
    assert (await client.get(f"{url}/{first['id']}", headers=who.headers)).status_code == 404


async def test_edit_validates_the_merged_address(client: httpx.AsyncClient) -> None:
    who, url = await setup(client)
    address = (await client.post(url, json=address_payload(), headers=who.headers)).json()
    # A national number is read in the address's country: 03-… is Tokyo, not a US number.
    moved = await client.patch(
        f"{url}/{address['id']}",
        json={"country": "US", "phone": "03-1234-5678"},
        headers=who.headers,
    )
    assert moved.status_code == 422
    assert error_locs(moved) == [["body", "phone"]]
    # The stored number is international, so it stays valid when only the country changes.
    kept = await client.patch(f"{url}/{address['id']}", json={"country": "US"}, headers=who.headers)
    assert kept.status_code == 200
    assert kept.json()["phone"] == "+81312345678"
    both = await client.patch(
        f"{url}/{address['id']}",
        json={"country": "US", "phone": "+1 415 555 0100", "state": "CA", "city": "San Francisco"},
        headers=who.headers,
    )
    assert both.status_code == 200
    assert both.json()["phone"] == "+14155550100"


async def test_required_address_fields(client: httpx.AsyncClient) -> None:
    who, url = await setup(client)
    response = await client.post(
        url, json=address_payload(recipient=" ", line1="", kind="shipping"), headers=who.headers
    )
    assert response.status_code == 422
    locs = error_locs(response)
    assert ["body", "recipient"] in locs
    assert ["body", "line1"] in locs
    assert ["body", "kind"] in locs


async def test_another_organizations_address_is_404(client: httpx.AsyncClient) -> None:
    who, url = await setup(client)
    address = (await client.post(url, json=address_payload(), headers=who.headers)).json()
    other, other_url = await setup(client)
    assert (
        await client.get(f"{other_url}/{address['id']}", headers=other.headers)
    ).status_code == 404
    assert (
        await client.patch(
            f"{other_url}/{address['id']}", json={"city": "X"}, headers=other.headers
        )
    ).status_code == 404
    assert (
        await client.delete(f"{other_url}/{address['id']}", headers=other.headers)
    ).status_code == 404
