from __future__ import annotations

from datetime import timedelta

import httpx
from fastapi import FastAPI
from sqlalchemy import select, update

from showroom.core.time import utcnow
from showroom.models import RefreshToken
from tests.factories import PASSWORD, new_user, problem

TOKEN_URL = "/api/v1/auth/token"


async def test_log_in_returns_a_token_and_sets_an_httponly_refresh_cookie(
    client: httpx.AsyncClient,
) -> None:
    who = await new_user(client)
    response = await client.post(
        TOKEN_URL, data={"username": who.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 15 * 60
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("showroom_refresh=")
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    assert "Path=/api/v1/auth" in cookie

    me = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200
    assert me.json()["email"] == who.email


async def test_wrong_password_and_unknown_email_answer_alike(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    wrong = await client.post(TOKEN_URL, data={"username": who.email, "password": "nope nope 1"})
    unknown = await client.post(TOKEN_URL, data={"username": "ghost@example.com", "password": "x"})
    for response in (wrong, unknown):
        assert response.status_code == 401
        assert problem(response)["code"] == "auth.invalid_credentials"
        assert response.headers["www-authenticate"] == "Bearer"


async def test_eleventh_failed_login_in_15_minutes_is_429(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    for _ in range(10):
        response = await client.post(
            TOKEN_URL, data={"username": who.email, "password": "wrong 123"}
        )
        assert response.status_code == 401
    blocked = await client.post(TOKEN_URL, data={"username": who.email, "password": PASSWORD})
    assert blocked.status_code == 429
    assert problem(blocked)["code"] == "auth.too_many_attempts"
    assert 0 < int(blocked.headers["Retry-After"]) <= 15 * 60
    # Other accounts are unaffected.
    other = await new_user(client)
    assert other.headers


async def test_me_needs_a_valid_token(client: httpx.AsyncClient) -> None:
    anonymous = await client.get("/api/v1/me")
    assert anonymous.status_code == 401
    assert problem(anonymous)["code"] == "auth.not_authenticated"
    garbage = await client.get("/api/v1/me", headers={"Authorization": "Bearer not.a.jwt"})
    assert garbage.status_code == 401
    assert problem(garbage)["code"] == "auth.token_invalid"


async def test_refresh_rotates_the_cookie(client: httpx.AsyncClient) -> None:
    who = await new_user(client)  # logs in: the client now holds the cookie
    first_cookie = client.cookies.get("showroom_refresh")
    response = await client.post("/api/v1/auth/refresh")
    assert response.status_code == 200
    assert response.json()["access_token"]
    assert client.cookies.get("showroom_refresh") != first_cookie
    me = await client.get(
        "/api/v1/me", headers={"Authorization": f"Bearer {response.json()['access_token']}"}
    )
    assert me.json()["id"] == who.user["id"]


async def test_replayed_refresh_token_ends_the_whole_session(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    await new_user(client)
    stolen = client.cookies.get("showroom_refresh")
    assert (await client.post("/api/v1/auth/refresh")).status_code == 200
    # Past the grace period for concurrent tabs, the old token is a replay.
    async with app.state.sessionmaker() as session, session.begin():
        await session.execute(
            update(RefreshToken)
            .where(RefreshToken.rotated_at.is_not(None))
            .values(rotated_at=utcnow() - timedelta(minutes=5))
        )
    current = client.cookies.get("showroom_refresh")
    client.cookies.set("showroom_refresh", stolen or "", path="/api/v1/auth")
    replay = await client.post("/api/v1/auth/refresh")
    assert replay.status_code == 401
    assert problem(replay)["code"] == "auth.refresh_invalid"
    client.cookies.set("showroom_refresh", current or "", path="/api/v1/auth")
    assert (await client.post("/api/v1/auth/refresh")).status_code == 401
    async with app.state.sessionmaker() as session:
        tokens = list(await session.scalars(select(RefreshToken)))
    assert tokens
    assert all(token.revoked_at is not None for token in tokens)


async def test_logout_revokes_the_refresh_token(client: httpx.AsyncClient) -> None:
    await new_user(client)
    cookie = client.cookies.get("showroom_refresh")
    response = await client.post("/api/v1/auth/logout")
    assert response.status_code == 204
    assert 'showroom_refresh=""' in response.headers["set-cookie"]
    client.cookies.set("showroom_refresh", cookie or "", path="/api/v1/auth")
    assert (await client.post("/api/v1/auth/refresh")).status_code == 401


async def test_refresh_without_cookie_is_401(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/auth/refresh")
    assert response.status_code == 401
