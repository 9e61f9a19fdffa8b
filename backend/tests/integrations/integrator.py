"""A small integrator, written only against the public API and docs/integrating.md: it pulls
new orders with an API key, acknowledges them, verifies signed webhooks, and pushes stock."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

import httpx


class SignatureError(Exception):
    pass


def verify_webhook(
    secret: str, header: str, body: bytes, *, tolerance: int = 300, now: float | None = None
) -> dict[str, Any]:
    """The verification recipe of docs/integrating.md: recompute the HMAC-SHA256 of
    ``"<t>." + raw body`` with the endpoint's secret, compare in constant time, and refuse
    timestamps older than ``tolerance`` seconds (a replayed capture)."""
    pairs = [item.split("=", 1) for item in header.split(",") if "=" in item]
    timestamps = [value for key, value in pairs if key.strip() == "t"]
    signatures = [value for key, value in pairs if key.strip() == "v1"]
    if not timestamps or not signatures or not timestamps[0].isdigit():
        raise SignatureError("malformed Showroom-Signature header")
    timestamp = int(timestamps[0])
    if abs((now if now is not None else time.time()) - timestamp) > tolerance:
        raise SignatureError("timestamp outside the tolerance")
    expected = hmac.new(
        secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256
    ).hexdigest()
    if not any(hmac.compare_digest(expected, candidate) for candidate in signatures):
        raise SignatureError("signature mismatch")
    event: dict[str, Any] = json.loads(body)
    return event


class Integrator:
    def __init__(self, client: httpx.AsyncClient, brand_id: str, api_key: str) -> None:
        self.client = client
        self.base = f"/api/v1/brands/{brand_id}"
        self.headers = {"Authorization": f"Bearer {api_key}"}

    async def pull_new_orders(self) -> list[dict[str, Any]]:
        """Every order not yet acknowledged, page by page."""
        orders: list[dict[str, Any]] = []
        cursor: str | None = None
        while True:
            params: dict[str, Any] = {"limit": 2}
            if cursor:
                params["cursor"] = cursor
            response = await self.client.get(
                f"{self.base}/orders/export", params=params, headers=self.headers
            )
            response.raise_for_status()
            page = response.json()
            orders.extend(page["items"])
            cursor = page["next_cursor"]
            if cursor is None:
                return orders

    async def acknowledge(self, order_ids: list[str]) -> dict[str, Any]:
        response = await self.client.post(
            f"{self.base}/orders/acknowledge", json={"order_ids": order_ids}, headers=self.headers
        )
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result

    async def push_stock(self, levels: dict[str, int]) -> httpx.Response:
        return await self.client.post(
            f"{self.base}/skus/bulk",
            json={
                "items": [
                    {"code": code, "stock_quantity": quantity, "track_stock": True}
                    for code, quantity in levels.items()
                ]
            },
            headers=self.headers,
        )

    async def products_changed_since(self, since: str) -> list[dict[str, Any]]:
        response = await self.client.get(
            f"{self.base}/products", params={"updated_since": since}, headers=self.headers
        )
        response.raise_for_status()
        items: list[dict[str, Any]] = response.json()["items"]
        return items
