"""The reference data set of QUALITY.md for ``make bench`` (``showroom seed-bench``).

One brand selling one open catalog of 2,000 products × 12 SKUs, priced for 2 transaction terms
× 2 currencies, options on 10 % of the products, tracked stock on half the SKUs; 200 connected
buyer organizations with addresses and verified users; 5 order links of each kind.

Everything (ids, link tokens, codes, names, prices) comes from one seeded random generator, so
the same seed gives the same data; only timestamps follow the clock (the catalog must be open
now). Rows are written with bulk Core inserts, not the services one object at a time: the
services' rules are mirrored instead (see demo.py and DOMAIN.md), which keeps seeding the
reference set to seconds."""

from __future__ import annotations

import base64
import io
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from PIL import Image, ImageDraw
from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from showroom.core import security
from showroom.core.config import Settings
from showroom.core.storage import LocalStorage
from showroom.core.time import utcnow
from showroom.media.images import decode
from showroom.models import (
    Address,
    AddressKind,
    Base,
    Brand,
    BrandMember,
    BrandRole,
    BrandStatus,
    BuyerKind,
    BuyerMember,
    BuyerOrganization,
    BuyerRole,
    Catalog,
    CatalogProduct,
    CatalogStatus,
    Category,
    Customer,
    CustomerKind,
    LinkKind,
    LinkStatus,
    Media,
    OrderLink,
    OrderLinkCatalog,
    Product,
    ProductImage,
    ProductPrice,
    ShippingRate,
    ShippingRateGroup,
    Sku,
    TaxRate,
    TransactionTerm,
    User,
)
from showroom.pricing import BillingTerm, RateCondition, TermKind
from showroom.pricing.money import Rounding
from showroom.products.repository import search_text
from showroom.products.service import sku_code

BENCH_PASSWORD = "bench-showroom-2026"  # noqa: S105 — a benchmark login, printed on purpose
BENCH_PASSCODE = "bench2026"
OWNER_EMAIL = "owner@bench.example.com"
LINKS_PER_KIND = 5
# Tracked stock that 16 users placing 40-line orders for minutes never use up.
STOCK = 1_000_000_000
CURRENCIES = ("JPY", "USD")
COLOURS = [
    ("IND", "Indigo", (38, 52, 99)),
    ("NAT", "Natural", (226, 216, 196)),
    ("CHA", "Charcoal", (64, 64, 68)),
    ("SAG", "Sage", (150, 166, 134)),
    ("RUS", "Rust", (160, 82, 45)),
    ("SKY", "Sky", (135, 180, 220)),
    ("OLV", "Olive", (110, 110, 50)),
    ("ROS", "Rose", (210, 140, 150)),
]
SIZES = ["S", "M", "L"]
GARMENTS = ["Linen shirt", "Cotton tee", "Indigo jacket", "Wide trousers", "Pleated skirt"]
BATCH = 2_000  # rows per INSERT statement: big enough to be fast, small enough for asyncpg


class DatabaseNotEmpty(Exception):
    """seed-bench writes into an empty database only, unless told otherwise."""


@dataclass(frozen=True)
class Scale:
    products: int = 2_000
    skus: int = 12
    buyers: int = 200


def _sku_values(count: int) -> tuple[list[str], list[str]]:
    """The colours × sizes that make ``count`` SKUs: 12 = 4 colours × 3 sizes."""
    if count % len(SIZES) == 0 and count // len(SIZES) <= len(COLOURS):
        return [c[0] for c in COLOURS[: count // len(SIZES)]], SIZES
    if count <= len(COLOURS):
        return [c[0] for c in COLOURS[:count]], []
    raise ValueError(f"--skus must be at most {len(COLOURS)} or a multiple of 3 up to 24")


class _Ids:
    """UUIDs and tokens drawn from the seeded generator (deterministic, unlike uuid4)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def token(self) -> str:
        # The shape of secrets.token_urlsafe(32), which links/service.py uses.
        return base64.urlsafe_b64encode(self.rng.randbytes(32)).rstrip(b"=").decode()


def _image(colour: tuple[int, int, int]) -> bytes:
    """A small flat garment picture: the catalog page shows one image per product."""
    image = Image.new("RGB", (300, 400), (246, 243, 236))
    draw = ImageDraw.Draw(image)
    shirt = [(60, 120), (110, 80), (190, 80), (240, 120), (210, 160), (200, 150), (200, 330)]
    draw.polygon(
        [*shirt, (100, 330), (100, 150), (90, 160)],
        fill=colour,
    )
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return out.getvalue()


async def _insert(session: AsyncSession, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    # Core executemany in batches: one round trip per batch instead of one per ORM object.
    for start in range(0, len(rows), BATCH):
        await session.execute(insert(model), list(rows[start : start + BATCH]))


async def seed_bench(
    settings: Settings,
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    seed: int = 42,
    scale: Scale | None = None,
    force: bool = False,
) -> dict[str, Any]:
    """Write the reference data set in one transaction and return its manifest: what a
    benchmark needs to drive the API (ids, tokens, logins)."""
    scale = scale or Scale()
    async with sessionmaker() as session, session.begin():
        if not force and await session.scalar(select(func.count()).select_from(User)):
            raise DatabaseNotEmpty("the database already has users")
        manifest = await _seed(session, settings, seed, scale)
    async with sessionmaker() as session, session.begin():
        # Fresh statistics: after a bulk load the planner would otherwise guess a handful of
        # rows per table (until autovacuum comes by) and pick plans for those.
        await session.execute(text("ANALYZE"))
    return manifest


async def _seed(
    session: AsyncSession, settings: Settings, seed: int, scale: Scale
) -> dict[str, Any]:
    rng = random.Random(seed)  # noqa: S311 — reproducible benchmark data, not secrets
    ids = _Ids(rng)
    now = utcnow()
    colours, sizes = _sku_values(scale.skus)
    # One argon2 hash for every login: hashing 200 times would cost more than all the rest.
    password_hash = security.hash_password(BENCH_PASSWORD)
    passcode_hash = security.hash_password(BENCH_PASSCODE)

    owner_id, brand_id = ids.uuid(), ids.uuid()
    await _insert(
        session,
        User,
        [
            {
                "id": owner_id,
                "email": OWNER_EMAIL,
                "email_verified": True,
                "display_name": "Bench Owner",
                "country": "JP",
                "language": "en",
                "phone": "+81 3-0000-0000",
                "password_hash": password_hash,
            }
        ],
    )
    await _insert(
        session,
        Brand,
        [
            {
                "id": brand_id,
                "languages": ["en", "ja"],
                "default_language": "en",
                "name": {"en": "Bench Atelier", "ja": "ベンチ工房"},
                "description": {"en": "The benchmark's reference brand."},
                "status": BrandStatus.active,
                "country": "JP",
                "currencies": list(CURRENCIES),
                "default_currency": "JPY",
                "delivery_date_allowed": True,
            }
        ],
    )
    await _insert(
        session,
        BrandMember,
        [{"id": ids.uuid(), "brand_id": brand_id, "user_id": owner_id, "role": BrandRole.owner}],
    )

    # Terms, tax, shipping, categories — as demo.py sets up a brand ready to sell.
    wsp, rrp = ids.uuid(), ids.uuid()
    await _insert(
        session,
        TransactionTerm,
        [
            {
                "id": term,
                "brand_id": brand_id,
                "code": code,
                "name": {"en": name},
                "kind": TermKind.rate,
                "position": position,
            }
            for position, (term, code, name) in enumerate(
                [(wsp, "WSP", "Wholesale price"), (rrp, "RRP", "Retail price")]
            )
        ],
    )
    tax_id = ids.uuid()
    await _insert(
        session,
        TaxRate,
        [
            {
                "id": tax_id,
                "brand_id": brand_id,
                "name": {"en": "Consumption tax 10%"},
                "rate": Decimal(10),
                "country": "JP",
                "rounding": Rounding.down,
                "is_default": True,
            }
        ],
    )
    groups = {currency: ids.uuid() for currency in CURRENCIES}
    await _insert(
        session,
        ShippingRateGroup,
        [
            {
                "id": group,
                "brand_id": brand_id,
                "code": f"{currency}-ALL",
                "name": {"en": f"Standard shipping ({currency})"},
                "currency": currency,
                "tax_rate_id": tax_id if currency == "JPY" else None,
            }
            for currency, group in groups.items()
        ],
    )
    await _insert(
        session,
        ShippingRate,
        [
            row
            for group in groups.values()
            for row in (
                {
                    "id": ids.uuid(),
                    "group_id": group,
                    "position": 0,
                    "amount": 0,
                    "condition": RateCondition.subtotal_at_least,
                    "threshold": 50_000,
                },
                {
                    "id": ids.uuid(),
                    "group_id": group,
                    "position": 1,
                    "amount": 1_200,
                    "condition": RateCondition.subtotal_below,
                    "threshold": 50_000,
                },
            )
        ],
    )
    categories = [ids.uuid() for _ in range(3)]
    await _insert(
        session,
        Category,
        [
            {"id": category, "brand_id": brand_id, "code": code, "name": {"en": code.title()}}
            for category, code in zip(categories, ("TOPS", "BOTTOMS", "ACCESSORIES"), strict=True)
        ],
    )

    # A few real images (files in the media storage), shared round-robin by the products.
    storage = LocalStorage(settings.media_root)
    media_ids = []
    media_rows = []
    for code, _name, rgb in COLOURS:
        data = _image(rgb)
        decoded = decode(data)
        media_id = ids.uuid()
        key = f"{brand_id}/{media_id}.{decoded.extension}"
        thumb_key = f"{brand_id}/{media_id}.thumb.webp"
        await storage.put(key, data)
        await storage.put(thumb_key, decoded.thumbnail)
        media_ids.append(media_id)
        media_rows.append(
            {
                "id": media_id,
                "brand_id": brand_id,
                "filename": f"bench-{code.lower()}.jpg",
                "content_type": decoded.content_type,
                "width": decoded.width,
                "height": decoded.height,
                "size_bytes": len(data),
                "storage_key": key,
                "thumbnail_key": thumb_key,
            }
        )
    await _insert(session, Media, media_rows)

    products, skus, prices, images, manifest_products = [], [], [], [], []
    properties: list[dict[str, Any]] = [
        {
            "code": "color",
            "name": {"en": "Colour"},
            "values": [{"code": c, "name": {"en": n}} for c, n, _ in COLOURS if c in colours],
        }
    ]
    if sizes:
        properties.append(
            {
                "code": "size",
                "name": {"en": "Size"},
                "values": [{"code": s, "name": {"en": s}} for s in sizes],
            }
        )
    combos = [{"color": c, "size": s} for c in colours for s in sizes] or [
        {"color": c} for c in colours
    ]
    packaging = [
        {
            "code": "packaging",
            "name": {"en": "Packaging"},
            "values": [
                {"code": "gift", "name": {"en": "Gift box"}},
                {"code": "plain", "name": {"en": "Plain"}},
            ],
        }
    ]
    for index in range(scale.products):
        product_id = ids.uuid()
        model_number = f"BENCH-{index + 1:05d}"
        name = {"en": f"{GARMENTS[index % len(GARMENTS)]} {index + 1}"}
        codes = [sku_code(model_number, list(combo.values())) for combo in combos]
        products.append(
            {
                "id": product_id,
                "brand_id": brand_id,
                "model_number": model_number,
                "name": name,
                "description": {"en": "Made for the benchmark; every piece the same."},
                "category_id": categories[index % len(categories)],
                "tax_rate_id": tax_id,
                "sku_properties": properties,
                # Options on 10 % of the products.
                "option_groups": packaging if index % 10 == 0 else [],
                # The text the services keep for search (products/repository.py).
                "search_text": search_text(Product(model_number=model_number, name=name), codes),
            }
        )
        sku_ids = []
        for position, (combo, code) in enumerate(zip(combos, codes, strict=True)):
            sku_id = ids.uuid()
            sku_ids.append(str(sku_id))
            skus.append(
                {
                    "id": sku_id,
                    "brand_id": brand_id,
                    "product_id": product_id,
                    "code": code,
                    "position": position,
                    "values": combo,
                    # Tracked stock on every other SKU: half of them.
                    "track_stock": position % 2 == 0,
                    "stock_quantity": STOCK if position % 2 == 0 else 0,
                    "allow_backorder": False,
                }
            )
        wholesale = rng.randrange(2_400, 12_000, 100)
        for term, factor in ((wsp, 1), (rrp, 2)):
            for currency, amount in (("JPY", wholesale), ("USD", wholesale * 100 // 150)):
                prices.append(
                    {
                        "id": ids.uuid(),
                        "product_id": product_id,
                        "term_id": term,
                        "currency": currency,
                        "amount": amount * factor,
                    }
                )
        images.append(
            {
                "id": ids.uuid(),
                "product_id": product_id,
                "media_id": media_ids[index % len(media_ids)],
                "position": 0,
            }
        )
        manifest_products.append(
            {"id": str(product_id), "options": index % 10 == 0, "sku_ids": sku_ids}
        )
    await _insert(session, Product, products)
    await _insert(session, Sku, skus)
    await _insert(session, ProductPrice, prices)
    await _insert(session, ProductImage, images)

    catalog_id = ids.uuid()
    await _insert(
        session,
        Catalog,
        [
            {
                "id": catalog_id,
                "brand_id": brand_id,
                "code": "BENCH",
                "name": {"en": "Benchmark season", "ja": "ベンチマーク"},
                "description": {"en": "Every product of the reference set."},
                "status": CatalogStatus.open,
                "release_at": now - timedelta(days=7),
                "order_deadline": now + timedelta(days=365),
                "payment_methods": ["offline"],
                "lookbook_ids": [],
            }
        ],
    )
    await _insert(
        session,
        CatalogProduct,
        [
            {"id": ids.uuid(), "catalog_id": catalog_id, "product_id": p["id"], "position": i}
            for i, p in enumerate(products)
        ],
    )

    buyers = await _buyers(session, ids, scale.buyers, brand_id, wsp, password_hash)
    links = await _links(session, ids, brand_id, catalog_id, wsp, passcode_hash)
    return {
        "seed": seed,
        "scale": {"products": scale.products, "skus": scale.skus, "buyers": scale.buyers},
        "password": BENCH_PASSWORD,
        "passcode": BENCH_PASSCODE,
        "owner": {"email": OWNER_EMAIL, "password": BENCH_PASSWORD},
        "brand_id": str(brand_id),
        "catalog_id": str(catalog_id),
        "terms": {"WSP": str(wsp), "RRP": str(rrp)},
        "products": manifest_products,
        "buyers": buyers,
        "links": links,
    }


async def _buyers(
    session: AsyncSession,
    ids: _Ids,
    count: int,
    brand_id: uuid.UUID,
    term_id: uuid.UUID,
    password_hash: str,
) -> list[dict[str, Any]]:
    """Buyer organizations with a verified owner, a default delivery and billing address, and
    a connected customer record at the brand (what accepting an invitation leaves)."""
    users, orgs, members, addresses, customers, manifest = [], [], [], [], [], []
    for index in range(count):
        user_id, org_id = ids.uuid(), ids.uuid()
        number = index + 1
        email = f"buyer{number:03d}@bench.example.com"
        company = f"Bench Shop {number:03d}"
        currency = CURRENCIES[index % len(CURRENCIES)]
        users.append(
            {
                "id": user_id,
                "email": email,
                "email_verified": True,
                "display_name": f"Buyer {number:03d}",
                "country": "JP",
                "language": "en",
                "phone": "+81 3-1234-5678",
                "password_hash": password_hash,
            }
        )
        orgs.append(
            {
                "id": org_id,
                "kind": BuyerKind.organization,
                "languages": ["en"],
                "default_language": "en",
                "name": {"en": company},
                "representative": {"en": f"Buyer {number:03d}"},
                "emails": [f"orders{number:03d}@bench.example.com"],
                "recipients": [email],
                "country": "JP",
                "phone": "+81 3-1234-5678",
                "contact_email": email,
            }
        )
        members.append(
            {
                "id": ids.uuid(),
                "buyer_organization_id": org_id,
                "user_id": user_id,
                "role": BuyerRole.owner,
                "is_primary_owner": True,
            }
        )
        kinds = {}
        for kind in (AddressKind.delivery, AddressKind.billing):
            address_id = ids.uuid()
            kinds[kind.value] = str(address_id)
            addresses.append(
                {
                    "id": address_id,
                    "buyer_organization_id": org_id,
                    "kind": kind,
                    "recipient": company,
                    "postal_code": "150-0001",
                    "country": "JP",
                    "state": "Tokyo",
                    "city": "Shibuya-ku",
                    "line1": f"{number}-2-3 Jingumae",
                    "phone": "+81 3-1234-5678",
                    "is_default": True,
                }
            )
        customers.append(
            {
                "id": ids.uuid(),
                "brand_id": brand_id,
                "code": f"C{number:05d}",
                "kind": CustomerKind.connected,
                "buyer_organization_id": org_id,
                "buyer_type": BuyerKind.organization,
                "company_name": company,
                "contact_name": f"Buyer {number:03d}",
                "country": "JP",
                "email": f"orders{number:03d}@bench.example.com",
                "phone": "+81 3-1234-5678",
                "language": "en",
                "currency": currency,
                "transaction_term_id": term_id,
                "condition": Decimal(60),
                "billing_term": BillingTerm.without_deposit,
                "apply_tax_to_price": False,
            }
        )
        manifest.append(
            {
                "email": email,
                "organization_id": str(org_id),
                "delivery_address_id": kinds["delivery"],
                "billing_address_id": kinds["billing"],
                "currency": currency,
            }
        )
    await _insert(session, User, users)
    await _insert(session, BuyerOrganization, orgs)
    await _insert(session, BuyerMember, members)
    await _insert(session, Address, addresses)
    await _insert(session, Customer, customers)
    return manifest


async def _links(
    session: AsyncSession,
    ids: _Ids,
    brand_id: uuid.UUID,
    catalog_id: uuid.UUID,
    term_id: uuid.UUID,
    passcode_hash: str,
) -> list[dict[str, Any]]:
    """5 links of each kind on the catalog. Instant and dynamic links carry their own terms;
    the first of each has no passcode (guests walk in), the others ask for BENCH_PASSCODE.
    Customer links use each customer's terms and a login, never a passcode."""
    rows, joins, manifest = [], [], []
    for kind in (LinkKind.instant, LinkKind.dynamic, LinkKind.customer):
        for number in range(LINKS_PER_KIND):
            link_id, token = ids.uuid(), ids.token()
            own_terms = kind is not LinkKind.customer
            passcode = own_terms and number % 2 == 1
            rows.append(
                {
                    "id": link_id,
                    "brand_id": brand_id,
                    "kind": kind,
                    "status": LinkStatus.open,
                    "token": token,
                    "name": f"Bench {kind.value} {number + 1}",
                    "target_buyer_type": BuyerKind.organization,
                    "passcode_hash": passcode_hash if passcode else None,
                    "languages": ["en", "ja"] if own_terms else [],
                    "currencies": list(CURRENCIES) if own_terms else [],
                    "transaction_term_id": term_id if own_terms else None,
                    "condition": Decimal(60) if own_terms else None,
                    "billing_term": BillingTerm.without_deposit if own_terms else None,
                    "display_transaction_terms": own_terms,
                    "contacts": [
                        {
                            "name": "Bench sales",
                            "email": OWNER_EMAIL,
                            "phone": "+81 3-0000-0000",
                            "note": "",
                        }
                    ],
                    "lookbook_ids": [],
                }
            )
            joins.append(
                {"id": ids.uuid(), "link_id": link_id, "catalog_id": catalog_id, "position": 0}
            )
            manifest.append({"kind": kind.value, "token": token, "passcode": passcode})
    await _insert(session, OrderLink, rows)
    await _insert(session, OrderLinkCatalog, joins)
    return manifest
