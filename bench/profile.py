"""Profile one benchmarked operation in-process with pyinstrument (``bench`` group).

Against a database seeded by ``showroom seed-bench --manifest M`` (SHOWROOM_DATABASE_URL):

    backend/.venv/bin/python bench/profile.py --manifest M --operation products [--requests 200]

The app is called through httpx's ASGI transport, so the profile shows our code (routing,
validation, SQLAlchemy, serialization) without the network in between. ``--timing`` prints, instead
of a profile, the CPU time this process spends per request (PostgreSQL's own work is not in it)
and the wall time, best of 5 batches; with ``--baseline`` it times ``bench/baseline.py``'s
products page the same way, for the ratio's other side."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
from pyinstrument import Profiler

from showroom.main import create_app


async def timing(once: Any, requests: int) -> None:
    """CPU and wall milliseconds per request, best of 5 batches (the machine is noisy)."""
    batches = []
    for _ in range(5):
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(requests):
            (await once()).raise_for_status()
        batches.append(
            (
                (time.process_time() - cpu) * 1000 / requests,
                (time.perf_counter() - wall) * 1000 / requests,
            )
        )
    cpu_ms, wall_ms = min(batches)
    print(f"per request: {cpu_ms:.1f} ms CPU in this process, {wall_ms:.1f} ms wall")


async def time_baseline(manifest: dict[str, Any], grant: str, requests: int) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    import baseline  # bench/ is not a package: imported once its folder is on the path

    async with baseline.lifespan(baseline.app):
        transport = httpx.ASGITransport(app=baseline.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

            async def once() -> httpx.Response:
                return await client.get(
                    f"/api/v1/catalogs/{manifest['catalog_id']}/products",
                    params={"limit": 50},
                    headers={"X-Link-Grant": grant},
                )

            await timing(once, requests)


async def profile(
    manifest: dict[str, Any], operation: str, requests: int, *, timed: bool = False
) -> str:
    """Profiles (or times) the operation; returns the link grant it shopped with."""
    app = create_app()
    transport = httpx.ASGITransport(app=app)
    # The lifespan as in production: it freezes the loaded app out of the collector's reach,
    # which changes where the time goes.
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://bench") as client,
    ):
        token = next(
            link["token"]
            for link in manifest["links"]
            if link["kind"] == "instant" and not link["passcode"]
        )
        grant = (await client.post(f"/api/v1/order-links/{token}/access", json={})).json()["grant"]
        buyer = manifest["buyers"][0]
        login = await client.post(
            "/api/v1/auth/token",
            data={"username": buyer["email"], "password": manifest["password"]},
        )
        auth = {"X-Link-Grant": grant, "Authorization": f"Bearer {login.json()['access_token']}"}
        form = {
            "payment_method": "offline",
            "billing_address_id": buyer["billing_address_id"],
            "delivery_address_id": buyer["delivery_address_id"],
        }
        cart_body = {
            "catalog_id": manifest["catalog_id"],
            "buyer_organization_id": buyer["organization_id"],
        }

        async def cart(lines: int) -> str:
            opened = (await client.post("/api/v1/carts", json=cart_body, headers=auth)).json()["id"]
            # "Open" finds the buyer's cart of an earlier run: start from an empty one.
            await client.delete(f"/api/v1/carts/{opened}", headers=auth)
            opened = (await client.post("/api/v1/carts", json=cart_body, headers=auth)).json()["id"]
            for product in manifest["products"][1 : 1 + (lines + 11) // 12]:
                take, lines = min(lines, 12), lines - min(lines, 12)
                await add_item(opened, product, take)
            return str(opened)

        async def add_item(cart_id: str, product: dict[str, Any], take: int) -> str:
            """The first ``take`` SKUs of the product, one each, as a new item; its id."""
            skus = [{"sku_id": s, "quantity": 1, "options": []} for s in product["sku_ids"][:take]]
            added = await client.post(
                f"/api/v1/carts/{cart_id}/items",
                json={"product_id": product["id"], "skus": skus},
                headers=auth,
            )
            if added.status_code != 201:
                raise SystemExit(f"add: {added.status_code} {added.text[:300]}")
            return str(added.json()["id"])

        async def once() -> httpx.Response:
            if operation == "landing":
                return await client.get(f"/api/v1/order-links/{token}")
            if operation == "products":
                return await client.get(
                    f"/api/v1/catalogs/{manifest['catalog_id']}/products",
                    params={"limit": 50},
                    headers={"X-Link-Grant": grant},
                )
            if operation == "add":
                product = next(p for p in manifest["products"] if not p["options"])
                item = await add_item(add_cart, product, 12)
                # Removed again (and counted with it) so that every add finds the same cart.
                return await client.delete(f"/api/v1/carts/{add_cart}/items/{item}", headers=auth)
            if operation == "preview":
                return await client.post(
                    f"/api/v1/carts/{preview_cart}/preview", json=form, headers=auth
                )
            if operation == "place":
                placing = await cart(40)
                profiler.start()
                try:
                    return await client.post(
                        f"/api/v1/carts/{placing}/orders",
                        json=form,
                        headers={**auth, "Idempotency-Key": uuid.uuid4().hex},
                    )
                finally:
                    profiler.stop()
            raise SystemExit(f"unknown operation {operation}")

        preview_cart = await cart(40) if operation == "preview" else ""
        add_cart = await cart(0) if operation == "add" else ""
        profiler = Profiler(async_mode="enabled")
        if timed:
            await timing(once, requests)
            return str(grant)
        for _ in range(5):
            await once()  # warm caches and the connection pool
        if operation != "place":
            profiler.start()
        for _ in range(requests):
            response = await once()
            response.raise_for_status()
        if operation != "place":
            profiler.stop()
    print(
        profiler.output_text(
            unicode=True, color=False, show_all=bool(os.environ.get("BENCH_PROFILE_ALL"))
        )
    )
    return str(grant)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--manifest", type=Path, required=True)
    parser.add_argument("--operation", choices=["landing", "products", "add", "preview", "place"])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--timing", action="store_true", help="time instead of profiling")
    parser.add_argument("--baseline", action="store_true", help="with --timing: the baseline too")
    args = parser.parse_args()
    manifest = json.loads(args.manifest.read_text())
    grant = asyncio.run(profile(manifest, args.operation, args.requests, timed=args.timing))
    if args.timing and args.baseline:
        asyncio.run(time_baseline(manifest, grant, args.requests))


if __name__ == "__main__":
    main()
