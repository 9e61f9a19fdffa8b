from __future__ import annotations

import httpx

from tests.factories import PASSWORD, error_locs, login, new_user


async def test_update_my_profile(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    response = await client.patch(
        "/api/v1/me",
        json={
            "display_name": "  Aiko T.  ",
            "language": "ja",
            "country": "US",
            "phone": "415 555 0100",
        },
        headers=who.headers,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["display_name"] == "Aiko T."
    assert body["language"] == "ja"
    assert body["country"] == "US"
    assert body["phone"] == "+14155550100"
    assert (await client.get("/api/v1/me", headers=who.headers)).json() == body


async def test_invalid_profile_fields_point_at_the_field(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    bad_phone = await client.patch("/api/v1/me", json={"phone": "123"}, headers=who.headers)
    assert bad_phone.status_code == 422
    assert error_locs(bad_phone) == [["body", "phone"]]
    bad_language = await client.patch("/api/v1/me", json={"language": "xx"}, headers=who.headers)
    assert error_locs(bad_language) == [["body", "language"]]
    unknown_field = await client.patch(
        "/api/v1/me", json={"email": "x@example.com"}, headers=who.headers
    )
    assert unknown_field.status_code == 422
    assert error_locs(unknown_field) == [["body", "email"]]


async def test_change_password(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    wrong = await client.post(
        "/api/v1/me/password",
        json={
            "current_password": "nope",
            "password": "next secret 9",
            "password_confirm": "next secret 9",
        },
        headers=who.headers,
    )
    assert wrong.status_code == 422
    assert error_locs(wrong) == [["body", "current_password"]]
    ok = await client.post(
        "/api/v1/me/password",
        json={
            "current_password": PASSWORD,
            "password": "next secret 9",
            "password_confirm": "next secret 9",
        },
        headers=who.headers,
    )
    assert ok.status_code == 204
    assert await login(client, who.email, "next secret 9")
