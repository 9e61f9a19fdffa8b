"""The "close to the limit" baseline of QUALITY.md: the catalog products page an order-link
guest reads, served from hand-written SQL (asyncpg) and JSON written directly (orjson) in a
bare Starlette app. ``make bench`` runs it with 2 workers beside the API and divides the API's
throughput by this one's.

It is not a second implementation of the product: it serves exactly the case the benchmark
drives (an instant or dynamic link with its own terms, prices not tax-inclusive, the first page)
and answers 501 for anything else. It still does the work that page needs (checks the grant's
signature and version, that the link is open and reaches the catalog, prices every SKU for the
link's terms), so the ratio measures our overhead, not skipped work. ``run.py`` checks that
both servers answer the same JSON before measuring.

    SHOWROOM_DATABASE_URL=postgresql://... SHOWROOM_SECRET_KEY=... \\
        uvicorn --app-dir bench baseline:app --workers 2 --port 8802
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import asyncpg
import orjson
from jose import JWTError, jwt
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from showroom.core.compression import COMPRESS_LEVEL, MINIMUM_SIZE, THREAD_MINIMUM_SIZE

LINK = """
SELECT l.token, l.passcode_hash, l.currencies, l.languages, l.condition,
       l.apply_tax_to_price, t.kind, t.code, b.default_language,
       (SELECT r.id FROM transaction_terms r
         WHERE r.brand_id = l.brand_id AND upper(r.code) = 'RRP' LIMIT 1) AS rrp_id,
       l.transaction_term_id,
       EXISTS (SELECT 1 FROM order_link_catalogs olc JOIN catalogs c ON c.id = olc.catalog_id
                WHERE olc.link_id = l.id AND c.id = $2 AND c.status <> 'closed'
                  AND (c.release_at IS NULL OR c.release_at <= now())) AS reaches
  FROM order_links l
  JOIN brands b ON b.id = l.brand_id
  JOIN transaction_terms t ON t.id = l.transaction_term_id
 WHERE l.id = $1 AND l.status = 'open' AND l.kind <> 'customer'
   AND (l.release_at IS NULL OR l.release_at <= now())
   AND (l.expires_at IS NULL OR l.expires_at > now())
"""

PRODUCTS = """
SELECT cp.position, p.id, p.model_number, p.name, p.description, p.sku_properties, p.option_groups,
       c.id AS category_id, c.name AS category_name,
       COALESCE((SELECT json_agg(json_build_object('id', m.id, 'width', m.width,
                                                    'height', m.height) ORDER BY pi.position)
                   FROM product_images pi JOIN media m ON m.id = pi.media_id
                  WHERE pi.product_id = p.id), '[]') AS images
  FROM catalog_products cp
  JOIN products p ON p.id = cp.product_id
  LEFT JOIN categories c ON c.id = p.category_id
 WHERE cp.catalog_id = $1
 ORDER BY cp.position
 LIMIT $2
"""

SKUS = """
SELECT s.product_id, s.id, s.code, s.values, s.track_stock, s.stock_quantity, s.allow_backorder,
       COALESCE(own.amount, pp.amount) AS list_amount,
       COALESCE(own_rrp.amount, pp_rrp.amount) AS rrp_amount
  FROM skus s
  LEFT JOIN sku_prices own
         ON own.sku_id = s.id AND own.term_id = $2 AND own.currency = $3
  LEFT JOIN product_prices pp
         ON pp.product_id = s.product_id AND pp.term_id = $2 AND pp.currency = $3
  LEFT JOIN sku_prices own_rrp
         ON own_rrp.sku_id = s.id AND own_rrp.term_id = $4 AND own_rrp.currency = $3
  LEFT JOIN product_prices pp_rrp
         ON pp_rrp.product_id = s.product_id AND pp_rrp.term_id = $4 AND pp_rrp.currency = $3
 WHERE s.product_id = ANY($1::uuid[])
 ORDER BY s.product_id, s.position
"""

SECRET = os.environ.get("SHOWROOM_SECRET_KEY", "")
DATABASE_URL = os.environ.get("SHOWROOM_DATABASE_URL", "").replace(
    "postgresql+asyncpg", "postgresql"
)
pool: asyncpg.Pool | None = None


def _text(text: dict[str, str], *languages: str) -> str:
    for language in languages:
        if language and text.get(language):
            return text[language]
    return next((value for value in text.values() if value), "")


def _json(value: Any) -> Any:
    return orjson.loads(value) if isinstance(value, str) else value


def _problem(status: int, code: str) -> Response:
    body = orjson.dumps({"status": status, "code": code})
    return Response(body, status, media_type="application/problem+json")


def _stock(track: bool, quantity: int, backorder: bool) -> tuple[str, int | None]:
    if not track:
        return "unlimited", None
    if backorder:
        return ("in_stock" if quantity > 0 else "backorder"), None
    return ("in_stock", quantity) if quantity > 0 else ("sold_out", 0)


async def products(request: Request) -> Response:
    assert pool is not None
    try:
        claims = jwt.decode(request.headers.get("x-link-grant", ""), SECRET, algorithms=["HS256"])
        link_id, version = claims["lid"], claims["ver"]
    except (JWTError, KeyError):
        return _problem(401, "link.grant_invalid")
    catalog_id = request.path_params["catalog_id"]
    limit = min(int(request.query_params.get("limit", 24)), 100)
    if "cursor" in request.query_params or "q" in request.query_params:
        return _problem(501, "baseline.first_page_only")
    async with pool.acquire() as connection:
        link = await connection.fetchrow(LINK, link_id, catalog_id)
        if link is None or not link["reaches"]:
            return _problem(404, "catalog.not_found")
        raw = f"{link['token']}:{link['passcode_hash'] or ''}".encode()
        if hashlib.sha256(raw).hexdigest()[:16] != version:
            return _problem(401, "link.grant_invalid")
        if link["apply_tax_to_price"] or link["kind"] != "rate":
            return _problem(501, "baseline.terms_not_supported")
        currencies = orjson.loads(link["currencies"])
        languages = orjson.loads(link["languages"])
        wanted = request.query_params.get("currency")
        currency = wanted if wanted in currencies else currencies[0]
        locale = request.query_params.get("locale") or "en"
        lang = (locale if locale in languages else languages[0], link["default_language"])
        shows_rrp = link["code"].upper() == "WSP"
        rows = await connection.fetch(PRODUCTS, catalog_id, limit + 1)
        page = rows[:limit]
        skus = await connection.fetch(
            SKUS,
            [row["id"] for row in page],
            link["transaction_term_id"],
            currency,
            link["rrp_id"] if shows_rrp else None,
        )
    factor = link["condition"] / Decimal(100)
    by_product: dict[Any, list[Any]] = {}
    for sku in skus:
        by_product.setdefault(sku["product_id"], []).append(sku)
    items = []
    for row in page:
        properties = orjson.loads(row["sku_properties"])
        names = {
            (prop["code"], value["code"]): _text(value["name"], *lang)
            for prop in properties
            for value in prop["values"]
        }
        sku_items = []
        for sku in by_product.get(row["id"], []):
            values = orjson.loads(sku["values"])
            base = sku["list_amount"]
            unit = (
                int((Decimal(base) * factor).quantize(Decimal(1), ROUND_HALF_UP))
                if base is not None
                else None
            )
            state, available = _stock(
                sku["track_stock"], sku["stock_quantity"], sku["allow_backorder"]
            )
            sku_items.append(
                {
                    "id": str(sku["id"]),
                    "code": sku["code"],
                    "values": values,
                    "label": " / ".join(
                        names.get((p["code"], values.get(p["code"], "")), "") for p in properties
                    ),
                    "unit_price": unit,
                    "display_price": unit,
                    "rrp": sku["rrp_amount"],
                    "stock_state": state,
                    "available_quantity": available,
                }
            )
        shown = [s["display_price"] for s in sku_items if s["display_price"] is not None]
        rrps = [s["rrp"] for s in sku_items if s["rrp"] is not None]
        category = row["category_name"]
        items.append(
            {
                "id": str(row["id"]),
                "model_number": row["model_number"],
                "name": _text(orjson.loads(row["name"]), *lang),
                "description": _text(orjson.loads(row["description"]), *lang),
                "category": {
                    "id": str(row["category_id"]),
                    "name": _text(orjson.loads(category), *lang),
                }
                if category is not None
                else None,
                "images": [
                    {
                        "media_id": image["id"],
                        "url": f"/api/v1/media/{image['id']}",
                        "thumbnail_url": f"/api/v1/media/{image['id']}/thumbnail",
                        "width": image["width"],
                        "height": image["height"],
                    }
                    for image in _json(row["images"])
                ],
                "properties": _groups(properties, lang),
                "option_groups": _groups(orjson.loads(row["option_groups"]), lang),
                "currency": currency,
                "price_from": min(shown) if shown else None,
                "rrp_from": min(rrps) if rrps else None,
                "skus": sku_items,
            }
        )
    cursor = None
    if len(rows) > limit and page:
        # The API's cursor (storefront/service.py encode_position), byte for byte.
        raw_cursor = json.dumps({"p": page[-1]["position"]}).encode()
        cursor = base64.urlsafe_b64encode(raw_cursor).decode().rstrip("=")
    return Response(
        orjson.dumps({"items": items, "next_cursor": cursor}), media_type="application/json"
    )


def _groups(groups: list[dict[str, Any]], lang: tuple[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "code": str(group["code"]),
            "name": _text(group["name"], *lang),
            "values": [
                {"code": value["code"], "name": _text(value["name"], *lang)}
                for value in group["values"]
            ],
        }
        for group in groups
    ]


@asynccontextmanager
async def lifespan(_: Starlette) -> AsyncIterator[None]:
    global pool
    pool = await asyncpg.create_pool(DATABASE_URL, min_size=2, max_size=10)
    try:
        yield
    finally:
        await pool.close()


app = Starlette(
    routes=[Route("/api/v1/catalogs/{catalog_id}/products", products)],
    lifespan=lifespan,
    # Gzipped as the API gzips it (Locust asks for gzip): both send the same bytes, and both
    # compress the page in the event loop.
    middleware=[
        Middleware(
            GZipMiddleware,
            minimum_size=MINIMUM_SIZE,
            compresslevel=COMPRESS_LEVEL,
            thread_minimum_size=THREAD_MINIMUM_SIZE,
        )
    ],
)
