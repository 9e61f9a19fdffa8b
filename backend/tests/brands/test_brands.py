from __future__ import annotations

import httpx

from tests.conftest import Mailbox
from tests.factories import error_locs, join_brand, new_brand, new_user, problem
from tests.images import image_bytes

URL = "/api/v1/brands"


async def test_the_creator_becomes_owner(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    brand = await new_brand(client, who)
    assert brand["my_role"] == "owner"
    assert brand["status"] == "active"
    assert brand["name"] == {"en": "Maison Aoi", "ja": "メゾン葵"}
    listed = await client.get(URL, headers=who.headers)
    assert [b["id"] for b in listed.json()["items"]] == [brand["id"]]
    members = await client.get(f"{URL}/{brand['id']}/members", headers=who.headers)
    assert [(m["email"], m["role"]) for m in members.json()["items"]] == [(who.email, "owner")]


async def test_brand_name_is_needed_in_every_enabled_language(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    response = await client.post(
        URL,
        json={
            "languages": ["en", "ja"],
            "default_language": "en",
            "name": {"en": "Aoi"},
            "country": "JP",
        },
        headers=who.headers,
    )
    assert response.status_code == 422
    assert error_locs(response) == [["body", "name", "ja"]]
    bad_url = await client.post(
        URL,
        json={
            "languages": ["en"],
            "default_language": "en",
            "name": {"en": "Aoi"},
            "country": "JP",
            "video_url": "javascript:alert(1)",
        },
        headers=who.headers,
    )
    assert bad_url.status_code == 422
    assert error_locs(bad_url) == [["body", "video_url"]]


async def test_update_profile_and_status(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    brand = await new_brand(client, who, video_url="https://video.example.com/aoi")
    url = f"{URL}/{brand['id']}"
    response = await client.patch(
        url,
        json={"status": "inactive", "description": {"ja": "藍染めのリネン"}},
        headers=who.headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "inactive"
    assert response.json()["description"] == {"ja": "藍染めのリネン"}
    assert response.json()["video_url"] == "https://video.example.com/aoi"
    cleared = await client.patch(url, json={"video_url": None}, headers=who.headers)
    assert cleared.json()["video_url"] is None


async def test_roles(client: httpx.AsyncClient, mailbox: Mailbox) -> None:
    owner = await new_user(client)
    brand = await new_brand(client, owner)
    url = f"{URL}/{brand['id']}"
    admin = await join_brand(client, mailbox, owner, brand["id"], "admin")
    staff = await join_brand(client, mailbox, admin, brand["id"], "staff")

    # Staff cannot edit the brand or manage members.
    assert (
        await client.patch(url, json={"status": "inactive"}, headers=staff.headers)
    ).status_code == 403
    staff_invite = await client.post(
        f"{url}/member-invitations", json={"email": "x@example.com"}, headers=staff.headers
    )
    assert staff_invite.status_code == 403

    # Admins manage staff and admins but cannot make or unmake owners.
    admin_makes_owner = await client.post(
        f"{url}/member-invitations",
        json={"email": "y@example.com", "role": "owner"},
        headers=admin.headers,
    )
    assert admin_makes_owner.status_code == 403
    promote = await client.patch(
        f"{url}/members/{staff.user['id']}", json={"role": "owner"}, headers=admin.headers
    )
    assert promote.status_code == 403
    demote_owner = await client.patch(
        f"{url}/members/{owner.user['id']}", json={"role": "staff"}, headers=admin.headers
    )
    assert demote_owner.status_code == 403
    to_admin = await client.patch(
        f"{url}/members/{staff.user['id']}", json={"role": "admin"}, headers=admin.headers
    )
    assert to_admin.status_code == 200
    assert to_admin.json()["role"] == "admin"


async def test_a_brand_keeps_at_least_one_owner(
    client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    owner = await new_user(client)
    brand = await new_brand(client, owner)
    url = f"{URL}/{brand['id']}/members/{owner.user['id']}"
    leave = await client.delete(url, headers=owner.headers)
    assert leave.status_code == 409
    assert problem(leave)["code"] == "brand_member.last_owner"
    demote = await client.patch(url, json={"role": "admin"}, headers=owner.headers)
    assert demote.status_code == 409

    second = await join_brand(client, mailbox, owner, brand["id"], "owner")
    assert (await client.delete(url, headers=owner.headers)).status_code == 204
    assert (await client.get(f"{URL}/{brand['id']}", headers=second.headers)).status_code == 200


async def test_other_brands_are_invisible(client: httpx.AsyncClient) -> None:
    owner = await new_user(client)
    brand = await new_brand(client, owner)
    stranger = await new_user(client)
    assert (await client.get(f"{URL}/{brand['id']}", headers=stranger.headers)).status_code == 404
    assert (
        await client.patch(
            f"{URL}/{brand['id']}", json={"status": "inactive"}, headers=stranger.headers
        )
    ).status_code == 404
    assert (
        await client.get(f"{URL}/{brand['id']}/members", headers=stranger.headers)
    ).status_code == 404
    assert (await client.get(URL, headers=stranger.headers)).json()["items"] == []


async def test_logo_and_main_visual_are_the_brands_images(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    brand = await new_brand(client, who)
    url = f"{URL}/{brand['id']}"
    media = await client.post(
        f"{url}/media", files={"file": ("logo.png", image_bytes())}, headers=who.headers
    )
    set_logo = await client.patch(url, json={"logo_id": media.json()["id"]}, headers=who.headers)
    assert set_logo.json()["logo_id"] == media.json()["id"]
    other = await new_user(client)
    other_brand = await new_brand(client, other)
    foreign = await client.post(
        f"{URL}/{other_brand['id']}/media",
        files={"file": ("x.png", image_bytes())},
        headers=other.headers,
    )
    refused = await client.patch(
        url, json={"main_visual_id": foreign.json()["id"]}, headers=who.headers
    )
    assert error_locs(refused) == [["body", "main_visual_id"]]
    cleared = await client.patch(url, json={"logo_id": None}, headers=who.headers)
    assert cleared.json()["logo_id"] is None
