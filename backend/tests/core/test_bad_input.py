"""Bad input gets a clear 4xx problem, never a 500."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from tests.factories import error_locs, new_user, org_payload, problem, signup_payload


async def test_malformed_json(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/signup", content=b'{"email": ', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert problem(response)["code"] == "request.malformed_json"


async def test_wrong_types(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/signup", json=signup_payload(accept_terms="maybe", email=42)
    )
    assert response.status_code == 422
    locs = error_locs(response)
    assert ["body", "email"] in locs
    assert ["body", "accept_terms"] in locs


async def test_json_array_instead_of_object(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/auth/signup", json=[1, 2, 3])
    assert response.status_code == 422


async def test_nul_bytes_point_at_the_field(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    response = await client.post(
        "/api/v1/buyer-organizations",
        json=org_payload(name={"en": "Tokyo\x00Shop", "ja": "東京"}),
        headers=who.headers,
    )
    assert response.status_code == 422
    assert problem(response)["errors"][0]["type"] == "string_contains_nul"
    assert error_locs(response) == [["body", "name", "en"]]


async def test_nul_bytes_in_a_login_form(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/token", data={"username": "a\x00b@example.com", "password": "x\x00y"}
    )
    assert response.status_code == 422
    assert error_locs(response) == [["body", "username"], ["body", "password"]]


async def test_nul_bytes_in_a_query(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    response = await client.get(
        "/api/v1/buyer-organizations", params={"cursor": "abc\x00def"}, headers=who.headers
    )
    assert response.status_code == 422


async def test_oversized_body_is_413(client: httpx.AsyncClient) -> None:
    body = json.dumps(signup_payload(display_name="x" * (1024 * 1024)))
    response = await client.post(
        "/api/v1/auth/signup", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert problem(response)["code"] == "request.too_large"


async def test_oversized_chunked_body_is_413(client: httpx.AsyncClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"email": "'
        for _ in range(300):
            yield b"x" * 4096
        yield b'"}'

    response = await client.post(
        "/api/v1/auth/signup", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413


async def test_deeply_nested_json(client: httpx.AsyncClient) -> None:
    body = "[" * 5000 + "]" * 5000
    response = await client.post(
        "/api/v1/auth/signup", content=body, headers={"Content-Type": "application/json"}
    )
    assert 400 <= response.status_code < 500


async def test_unknown_enum_value(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    response = await client.post(
        "/api/v1/buyer-organizations", json=org_payload(kind="wholesale"), headers=who.headers
    )
    assert response.status_code == 422
    assert error_locs(response) == [["body", "kind"]]


@pytest.mark.parametrize("limit", ["0", "101", "1000000000000", "ten", "-1"])
async def test_bad_page_sizes(client: httpx.AsyncClient, limit: str) -> None:
    who = await new_user(client)
    response = await client.get(
        "/api/v1/buyer-organizations", params={"limit": limit}, headers=who.headers
    )
    assert response.status_code == 422
    assert error_locs(response) == [["query", "limit"]]


async def test_bad_cursor(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    response = await client.get(
        "/api/v1/buyer-organizations", params={"cursor": "bm90LWpzb24"}, headers=who.headers
    )
    assert response.status_code == 422
    assert problem(response)["code"] == "pagination.cursor_invalid"


async def test_bad_uuid_in_path(client: httpx.AsyncClient) -> None:
    who = await new_user(client)
    response = await client.get("/api/v1/buyer-organizations/not-a-uuid", headers=who.headers)
    assert response.status_code == 422
    assert error_locs(response) == [["path", "org_id"]]


async def test_wrong_content_type(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/signup", content=b"email=x", headers={"Content-Type": "text/plain"}
    )
    assert 400 <= response.status_code < 500
