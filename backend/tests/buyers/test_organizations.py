from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.factories import error_locs, new_org, new_user, org_payload, problem

URL = "/api/v1/buyer-organizations"


async def test_create_with_every_field_of_the_manual_in_two_languages(
    client: httpx.AsyncClient,
) -> None:
    who = await new_user(client)
    org = await new_org(client, who)
    assert org["kind"] == "organization"
    assert org["languages"] == ["en", "ja"]
    assert org["default_language"] == "ja"
    assert org["name"] == {"en": "Tokyo Select Shop", "ja": "東京セレクトショップ"}
    assert org["representative"]["ja"] == "田中 愛子"
    assert org["emails"][0] == "orders@tokyo-select.example.com"  # the one disclosed to brands
    assert org["recipients"] == ["aiko@tokyo-select.example.com"]
    assert org["phone"] == "+81312345678"
    assert org["my_role"] == "owner"
    assert org["is_primary_owner"] is True

    fetched = await client.get(f"{URL}/{org['id']}", headers=who.headers)
    assert fetched.json() == org


async def test_name_missing_in_the_default_language_points_at_it(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    response = await client.post(
        URL, json=org_payload(name={"en": "Tokyo Select Shop", "ja": "  "}), headers=who.headers
    )
    assert response.status_code == 422
    assert error_locs(response) == [["body", "name", "ja"]]


@pytest.mark.parametrize(
    ("override", "loc"),
    [
        ({"representative": {"ja": "田中"}}, ["body", "representative", "en"]),
        ({"name": {"en": "A", "ja": "B", "fr": "C"}}, ["body", "name", "fr"]),
        ({"default_language": "ko"}, ["body", "default_language"]),
        ({"languages": []}, ["body", "languages"]),
        ({"languages": ["en", "en"]}, ["body", "languages"]),
        ({"languages": ["en", "xx"]}, ["body", "languages", 1]),
        ({"emails": ["ok@example.com", "not an email"]}, ["body", "emails", 1]),
        ({"emails": []}, ["body", "emails"]),
        ({"recipients": ["nope"]}, ["body", "recipients", 0]),
        ({"contact_email": "@example.com"}, ["body", "contact_email"]),
        ({"country": "ZZ"}, ["body", "country"]),
        ({"phone": "555"}, ["body", "phone"]),
        ({"kind": "alien"}, ["body", "kind"]),
    ],
)
async def test_invalid_fields_are_422_on_the_field(
    client: httpx.AsyncClient, override: dict[str, Any], loc: list[Any]
) -> None:
    who = await new_user(client)
    response = await client.post(URL, json=org_payload(**override), headers=who.headers)
    assert response.status_code == 422, response.text
    assert loc in error_locs(response)


async def test_list_shows_only_my_organizations_page_by_page(client: httpx.AsyncClient) -> None:
    me = await new_user(client)
    someone = await new_user(client)
    mine = [await new_org(client, me, name={"en": f"Shop {i}", "ja": f"店 {i}"}) for i in range(3)]
    await new_org(client, someone)

    first = await client.get(URL, params={"limit": 2}, headers=me.headers)
    assert first.status_code == 200
    page = first.json()
    assert [o["id"] for o in page["items"]] == [mine[0]["id"], mine[1]["id"]]
    assert page["next_cursor"]
    second = await client.get(
        URL, params={"limit": 2, "cursor": page["next_cursor"]}, headers=me.headers
    )
    assert [o["id"] for o in second.json()["items"]] == [mine[2]["id"]]
    assert second.json()["next_cursor"] is None


async def test_listing_costs_the_same_statements_for_1_or_20_organizations(
    client: httpx.AsyncClient, count_statements: Any
) -> None:
    me = await new_user(client)
    await new_org(client, me)
    with count_statements() as one:
        await client.get(URL, headers=me.headers)
    for _ in range(19):
        await new_org(client, me)
    with count_statements() as twenty:
        response = await client.get(URL, headers=me.headers)
    assert len(response.json()["items"]) == 20
    assert one.count == twenty.count <= 3


async def test_someone_elses_organization_is_404(client: httpx.AsyncClient) -> None:
    owner = await new_user(client)
    stranger = await new_user(client)
    org = await new_org(client, owner)
    for response in (
        await client.get(f"{URL}/{org['id']}", headers=stranger.headers),
        await client.patch(
            f"{URL}/{org['id']}", json={"phone": "03-1234-5678"}, headers=stranger.headers
        ),
        await client.get(f"{URL}/{org['id']}/addresses", headers=stranger.headers),
        await client.get(f"{URL}/{org['id']}/members", headers=stranger.headers),
    ):
        assert response.status_code == 404
        assert problem(response)["code"] == "buyer_organization.not_found"


async def test_update_validates_the_whole_organization(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    org = await new_org(client, who)
    url = f"{URL}/{org['id']}"

    renamed = await client.patch(
        url, json={"name": {"en": "TSS", "ja": "東京セレクト"}}, headers=who.headers
    )
    assert renamed.status_code == 200
    assert renamed.json()["name"] == {"en": "TSS", "ja": "東京セレクト"}

    # Adding a language needs its texts.
    added = await client.patch(
        url, json={"languages": ["en", "ja", "zh-Hans"]}, headers=who.headers
    )
    assert added.status_code == 422
    assert ["body", "name", "zh-Hans"] in error_locs(added)

    # Dropping a language drops its texts.
    dropped = await client.patch(
        url, json={"languages": ["en"], "default_language": "en"}, headers=who.headers
    )
    assert dropped.status_code == 200, dropped.text
    assert dropped.json()["name"] == {"en": "TSS"}

    # Kind is fixed at creation.
    kind = await client.patch(url, json={"kind": "personal"}, headers=who.headers)
    assert kind.status_code == 422


async def test_a_personal_organization(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    org = await new_org(
        client,
        who,
        kind="personal",
        languages=["en"],
        default_language="en",
        name={"en": "Aiko Tanaka"},
        representative={"en": "Aiko Tanaka"},
    )
    assert org["kind"] == "personal"
