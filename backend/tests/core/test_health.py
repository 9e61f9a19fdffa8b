from __future__ import annotations

import httpx

from tests.factories import problem


async def test_health_checks_the_database(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


async def test_every_response_carries_a_request_id(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/health", headers={"X-Request-ID": "trace-12345678"})
    assert response.headers["x-request-id"] == "trace-12345678"
    generated = await client.get("/api/v1/health", headers={"X-Request-ID": "bad id!"})
    assert generated.headers["x-request-id"] != "bad id!"
    assert len(generated.headers["x-request-id"]) == 32


async def test_unknown_api_path_is_a_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/nothing-here", headers={"X-Request-ID": "req-abcdefgh"})
    assert response.status_code == 404
    body = problem(response)
    assert body["code"] == "not_found"
    assert body["instance"] == "urn:showroom:request:req-abcdefgh"


async def test_wrong_method_is_a_problem(client: httpx.AsyncClient) -> None:
    response = await client.delete("/api/v1/health")
    assert response.status_code == 405
    assert problem(response)["code"] == "method_not_allowed"


async def test_docs_are_served(client: httpx.AsyncClient) -> None:
    spec = await client.get("/api/v1/openapi.json")
    assert spec.status_code == 200
    assert spec.json()["info"]["title"] == "Showroom API"
    docs = await client.get("/api/docs")
    assert docs.status_code == 200
    assert "swagger" in docs.text.lower()


async def test_405_lists_every_allowed_method(client: httpx.AsyncClient) -> None:
    response = await client.put("/api/v1/me")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, PATCH"
