"""Builders for test data, going through the public API like a client would."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

import httpx

PASSWORD = "correct horse 42"
_counter = itertools.count(1)


def unique_email(prefix: str = "user") -> str:
    return f"{prefix}{next(_counter)}@example.com"


def signup_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "email": unique_email(),
        "display_name": "Aiko Tanaka",
        "country": "JP",
        "language": "en",
        "phone": "03-1234-5678",
        "password": PASSWORD,
        "password_confirm": PASSWORD,
        "accept_terms": True,
    }
    payload.update(overrides)
    return payload


@dataclass
class LoggedIn:
    user: dict[str, Any]
    headers: dict[str, str]

    @property
    def email(self) -> str:
        return str(self.user["email"])


async def login(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> dict[str, str]:
    response = await client.post(
        "/api/v1/auth/token", data={"username": email, "password": password}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def new_user(client: httpx.AsyncClient, **overrides: Any) -> LoggedIn:
    """A user signed up without the code step (as from checkout), logged in."""
    payload = signup_payload(**overrides)
    response = await client.post("/api/v1/auth/signup", json=payload)
    assert response.status_code == 201, response.text
    return LoggedIn(response.json(), await login(client, payload["email"], payload["password"]))


async def verified_user(client: httpx.AsyncClient, mailbox: Any, **overrides: Any) -> LoggedIn:
    """A user signed up with the e-mailed code: the e-mail is proven to be theirs."""
    payload = signup_payload(**overrides)
    sent = await client.post("/api/v1/auth/signup/code", json={"email": payload["email"]})
    assert sent.status_code == 202, sent.text
    code = code_in(await mailbox.last_to(payload["email"]))
    response = await client.post("/api/v1/auth/signup", json={**payload, "verification_code": code})
    assert response.status_code == 201, response.text
    return LoggedIn(response.json(), await login(client, payload["email"], payload["password"]))


def code_in(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    found = re.search(r"\b(\d{6})\b", body.get_content())
    assert found, body.get_content()
    return found.group(1)


def link_in(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    found = re.search(r"http://testserver(\S+)", body.get_content())
    assert found, body.get_content()
    return found.group(1)


def org_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "kind": "organization",
        "languages": ["en", "ja"],
        "default_language": "ja",
        "name": {"en": "Tokyo Select Shop", "ja": "東京セレクトショップ"},
        "representative": {"en": "Aiko Tanaka", "ja": "田中 愛子"},
        "emails": ["orders@tokyo-select.example.com", "info@tokyo-select.example.com"],
        "recipients": ["aiko@tokyo-select.example.com"],
        "country": "JP",
        "phone": "+81 3-1234-5678",
        "contact_email": "hello@tokyo-select.example.com",
    }
    payload.update(overrides)
    return payload


async def new_org(client: httpx.AsyncClient, who: LoggedIn, **overrides: Any) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/buyer-organizations", json=org_payload(**overrides), headers=who.headers
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def address_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "kind": "delivery",
        "recipient": "Tokyo Select Shop",
        "postal_code": "150-0001",
        "country": "JP",
        "state": "Tokyo",
        "city": "Shibuya-ku",
        "line1": "1-2-3 Jingumae",
        "line2": "",
        "phone": "03-1234-5678",
    }
    payload.update(overrides)
    return payload


def brand_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "languages": ["en", "ja"],
        "default_language": "en",
        "name": {"en": "Maison Aoi", "ja": "メゾン葵"},
        "description": {"en": "Indigo-dyed linen."},
        "country": "JP",
    }
    payload.update(overrides)
    return payload


async def new_brand(client: httpx.AsyncClient, who: LoggedIn, **overrides: Any) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/brands", json=brand_payload(**overrides), headers=who.headers
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def problem(response: httpx.Response) -> dict[str, Any]:
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    body = response.json()
    assert body["status"] == response.status_code
    return dict(body)


def error_locs(response: httpx.Response) -> list[list[Any]]:
    return [error["loc"] for error in problem(response).get("errors", [])]


async def join_brand(
    client: httpx.AsyncClient, mailbox: Any, inviter: LoggedIn, brand_id: str, role: str
) -> LoggedIn:
    """A new user invited to the brand with ``role``, who accepts."""
    invitee = await new_user(client)
    sent = await client.post(
        f"/api/v1/brands/{brand_id}/member-invitations",
        json={"email": invitee.email, "role": role},
        headers=inviter.headers,
    )
    assert sent.status_code == 201, sent.text
    token = link_in(await mailbox.last_to(invitee.email)).removeprefix("/invitations/")
    accepted = await client.post(
        f"/api/v1/member-invitations/{token}/accept", headers=invitee.headers
    )
    assert accepted.status_code == 200, accepted.text
    return invitee
