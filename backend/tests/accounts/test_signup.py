from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import update

from showroom.core.time import utcnow
from showroom.models import SignupCode
from tests.conftest import Mailbox
from tests.factories import code_in, error_locs, new_user, problem, signup_payload


async def send_code(client: httpx.AsyncClient, email: str, language: str = "en") -> httpx.Response:
    return await client.post(
        "/api/v1/auth/signup/code", json={"email": email, "language": language}
    )


async def test_sign_up_with_the_emailed_code(client: httpx.AsyncClient, mailbox: Mailbox) -> None:
    payload = signup_payload(email="Mika@Example.com ")
    sent = await send_code(client, payload["email"], "ja")
    assert sent.status_code == 202
    assert sent.json() == {"email": "mika@example.com", "expires_in": 600}

    mail = await mailbox.last_to("mika@example.com")
    assert mail["Subject"] == "メールアドレスの確認 | Showroom"
    code = code_in(mail)

    response = await client.post("/api/v1/auth/signup", json={**payload, "verification_code": code})
    assert response.status_code == 201, response.text
    user = response.json()
    assert user["email"] == "mika@example.com"
    assert user["email_verified"] is True
    assert user["phone"] == "+81312345678"
    assert "password" not in str(user)

    # The code is spent.
    again = await client.post(
        "/api/v1/auth/signup",
        json={**payload, "email": "other@example.com", "verification_code": code},
    )
    assert again.status_code == 422


async def test_sign_up_without_code_leaves_the_email_unverified(client: httpx.AsyncClient) -> None:
    logged_in = await new_user(client)
    assert logged_in.user["email_verified"] is False


async def test_duplicate_email_is_409(client: httpx.AsyncClient) -> None:
    existing = await new_user(client)
    on_code = await send_code(client, existing.email.upper())
    assert on_code.status_code == 409
    assert problem(on_code)["code"] == "account.email_taken"
    on_signup = await client.post("/api/v1/auth/signup", json=signup_payload(email=existing.email))
    assert on_signup.status_code == 409
    assert problem(on_signup)["code"] == "account.email_taken"
    assert error_locs(on_signup) == [["body", "email"]]


async def test_wrong_code_is_422_on_the_code_field_and_counts(
    client: httpx.AsyncClient, mailbox: Mailbox
) -> None:
    payload = signup_payload()
    await send_code(client, payload["email"])
    code = code_in(await mailbox.last_to(payload["email"]))
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(5):
        response = await client.post(
            "/api/v1/auth/signup", json={**payload, "verification_code": wrong}
        )
        assert response.status_code == 422
        assert problem(response)["code"] == "signup.code_invalid"
        assert error_locs(response) == [["body", "verification_code"]]
    # After five wrong tries even the right code is refused: guessing is pointless.
    response = await client.post("/api/v1/auth/signup", json={**payload, "verification_code": code})
    assert response.status_code == 422
    assert problem(response)["code"] == "signup.code_attempts_exceeded"
    # A new code works.
    await send_code(client, payload["email"])
    fresh = code_in(await mailbox.last_to(payload["email"]))
    ok = await client.post("/api/v1/auth/signup", json={**payload, "verification_code": fresh})
    assert ok.status_code == 201


async def test_expired_code_is_422(
    client: httpx.AsyncClient, mailbox: Mailbox, app: FastAPI
) -> None:
    payload = signup_payload()
    await send_code(client, payload["email"])
    code = code_in(await mailbox.last_to(payload["email"]))
    async with app.state.sessionmaker() as session, session.begin():
        await session.execute(update(SignupCode).values(expires_at=utcnow() - timedelta(seconds=1)))
    response = await client.post("/api/v1/auth/signup", json={**payload, "verification_code": code})
    assert response.status_code == 422
    assert problem(response)["code"] == "signup.code_expired"
    assert error_locs(response) == [["body", "verification_code"]]


async def test_code_never_sent_is_422(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/signup", json=signup_payload(verification_code="123456")
    )
    assert response.status_code == 422
    assert error_locs(response) == [["body", "verification_code"]]


async def test_too_many_code_requests_are_429(client: httpx.AsyncClient) -> None:
    for _ in range(5):
        assert (await send_code(client, "spam@example.com")).status_code == 202
    response = await send_code(client, "spam@example.com")
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0


@pytest.mark.parametrize(
    ("override", "loc"),
    [
        ({"password": "short1", "password_confirm": "short1"}, ["body", "password"]),
        ({"password": "onlyletters", "password_confirm": "onlyletters"}, ["body", "password"]),
        ({"password": "1234567890", "password_confirm": "1234567890"}, ["body", "password"]),
        ({"password_confirm": "something else 1"}, ["body", "password_confirm"]),
        ({"email": "not-an-email"}, ["body", "email"]),
        ({"phone": "12345"}, ["body", "phone"]),
        ({"country": "XX"}, ["body", "country"]),
        ({"language": "fr"}, ["body", "language"]),
        ({"accept_terms": False}, ["body", "accept_terms"]),
        ({"display_name": "   "}, ["body", "display_name"]),
        ({"verification_code": "12ab56"}, ["body", "verification_code"]),
    ],
)
async def test_invalid_sign_up_fields_are_422_on_the_field(
    client: httpx.AsyncClient, override: dict[str, object], loc: list[str]
) -> None:
    response = await client.post("/api/v1/auth/signup", json=signup_payload(**override))
    assert response.status_code == 422
    assert loc in error_locs(response)


async def test_phone_is_read_in_the_country_given(client: httpx.AsyncClient) -> None:
    logged_in = await new_user(client, country="US", phone="(415) 555-0100")
    assert logged_in.user["phone"] == "+14155550100"
