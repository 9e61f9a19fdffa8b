from __future__ import annotations

from datetime import timedelta

import httpx
from fastapi import FastAPI
from sqlalchemy import update

from showroom.core.time import utcnow
from showroom.models import PasswordResetToken
from tests.conftest import Mailbox
from tests.factories import PASSWORD, error_locs, link_in, login, new_user, problem

NEW_PASSWORD = "brand new secret 7"


async def request_reset(client: httpx.AsyncClient, email: str) -> httpx.Response:
    return await client.post("/api/v1/auth/password-reset", json={"email": email})


async def confirm(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.post(
        "/api/v1/auth/password-reset/confirm",
        json={"token": token, "password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD},
    )


async def test_same_answer_whether_or_not_the_account_exists(
    client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    who = await new_user(client)
    known = await request_reset(client, who.email)
    unknown = await request_reset(client, "nobody@example.com")
    assert known.status_code == unknown.status_code == 202
    assert known.content == unknown.content
    delivered = await mailbox.deliver()
    assert [mail["To"] for mail in delivered] == [who.email]


async def test_reset_link_sets_a_new_password_once(
    client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    who = await new_user(client, language="zh-Hans")
    await request_reset(client, who.email)
    mail = await mailbox.last_to(who.email)
    assert mail["Subject"] == "重置密码 | Showroom"
    link = link_in(mail)
    assert link.startswith("/reset-password?token=")
    token = link.split("token=", 1)[1]

    assert (await confirm(client, token)).status_code == 204
    old = await client.post(
        "/api/v1/auth/token", data={"username": who.email, "password": PASSWORD}
    )
    assert old.status_code == 401
    assert await login(client, who.email, NEW_PASSWORD)

    reused = await confirm(client, token)
    assert reused.status_code == 422
    assert problem(reused)["code"] == "password_reset.token_invalid"
    assert error_locs(reused) == [["body", "token"]]


async def test_reset_ends_existing_sessions(client: httpx.AsyncClient, mailbox: Mailbox) -> None:
    who = await new_user(client)
    await request_reset(client, who.email)
    token = link_in(await mailbox.last_to(who.email)).split("token=", 1)[1]
    assert (await confirm(client, token)).status_code == 204
    assert (await client.post("/api/v1/auth/refresh")).status_code == 401


async def test_expired_reset_link_is_refused(
    client: httpx.AsyncClient, mailbox: Mailbox, app: FastAPI
) -> None:
    who = await new_user(client)
    await request_reset(client, who.email)
    token = link_in(await mailbox.last_to(who.email)).split("token=", 1)[1]
    async with app.state.sessionmaker() as session, session.begin():
        await session.execute(
            update(PasswordResetToken).values(expires_at=utcnow() - timedelta(seconds=1))
        )
    response = await confirm(client, token)
    assert response.status_code == 422


async def test_weak_new_password_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/password-reset/confirm",
        json={"token": "whatever", "password": "weak", "password_confirm": "weak"},
    )
    assert response.status_code == 422
    assert ["body", "password"] in error_locs(response)
