from __future__ import annotations

import httpx

from showroom.core.config import Settings
from showroom.main import create_app
from tests.conftest import free_port
from tests.factories import problem


async def test_unreachable_database_is_a_503_problem(settings: Settings) -> None:
    port = free_port()  # nothing listens there
    broken = create_app(
        settings.model_copy(
            update={"database_url": f"postgresql+asyncpg://postgres@127.0.0.1:{port}/nothing"}
        )
    )
    transport = httpx.ASGITransport(app=broken)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        response = await http.get("/api/v1/health")
        signup = await http.post("/api/v1/auth/signup/code", json={"email": "a@example.com"})
    await broken.state.engine.dispose()
    for answer in (response, signup):
        assert answer.status_code == 503
        assert problem(answer)["code"] in {"database.unavailable", "service.unavailable"}
        assert answer.headers["Retry-After"] == "5"
