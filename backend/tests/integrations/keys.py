"""Helpers: an API key of the test brand, and the headers that send it."""

from __future__ import annotations

from typing import Any

from tests.shop import Shop


async def new_key(shop: Shop, *scopes: str, name: str = "ERP") -> dict[str, Any]:
    created = await shop.post("/api-keys", {"name": name, "scopes": list(scopes)})
    assert created.status_code == 201, created.text
    return dict(created.json())


def bearer(key: dict[str, Any] | str) -> dict[str, str]:
    secret = key if isinstance(key, str) else key["secret"]
    return {"Authorization": f"Bearer {secret}"}
