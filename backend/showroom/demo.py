"""Demo data for ``make run``: logins for a buyer and a brand, and a brand ready to sell —
terms, tax, shipping, ~60 products with generated images, two catalogs (one past its order
deadline) and the buyer connected to it. Created once, on an empty database."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from PIL import Image, ImageDraw
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from showroom.accounts.schemas import SignupRequest
from showroom.accounts.service import AccountService
from showroom.brands.access import BrandContext, MemberActor
from showroom.brands.schemas import BrandCreate
from showroom.brands.service import BrandService
from showroom.buyers.schemas import AddressCreate, BuyerOrganizationCreate
from showroom.buyers.service import BuyerService
from showroom.catalogs.schemas import CatalogCreate
from showroom.catalogs.service import CatalogService
from showroom.commerce.schemas import (
    BrandSettingsUpdate,
    CategoryCreate,
    ShippingRateGroupCreate,
    ShippingRateIn,
    TaxRateCreate,
    TransactionTermCreate,
)
from showroom.commerce.service import CommerceService
from showroom.core.config import Settings
from showroom.core.storage import LocalStorage
from showroom.core.time import utcnow
from showroom.customers.schemas import CustomerInvitationCreate, Terms
from showroom.customers.service import ConnectionService, CustomerService
from showroom.links.schemas import Contact, LinkCreate, LinkTerms
from showroom.links.service import LinkService
from showroom.media.service import MediaService
from showroom.models import AddressKind, CatalogStatus, LinkKind, User
from showroom.pricing import BillingTerm, RateCondition, TermKind
from showroom.products.schemas import (
    OptionGroup,
    PriceIn,
    ProductCreate,
    Property,
    StockFields,
    Value,
)
from showroom.products.service import ProductService


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    password: str


DEMO_PASSWORD = "showroom2026"  # noqa: S105 — printed by make run on purpose
DEMO_LINK_PASSCODE = "aoi2027"  # the demo Instant Order Link's passcode
DEMO_LOGINS = (
    DemoLogin("buyer", "buyer@example.com", DEMO_PASSWORD),
    DemoLogin("brand", "brand@example.com", DEMO_PASSWORD),
)

GARMENTS = [
    ("Linen shirt", "リネンシャツ", "亚麻衬衫", "TOPS"),
    ("Cotton tee", "コットンTシャツ", "棉质T恤", "TOPS"),
    ("Indigo jacket", "藍染ジャケット", "靛蓝夹克", "TOPS"),
    ("Wide trousers", "ワイドパンツ", "阔腿裤", "BOTTOMS"),
    ("Pleated skirt", "プリーツスカート", "百褶裙", "BOTTOMS"),
    ("Canvas tote", "キャンバストート", "帆布托特包", "ACCESSORIES"),
    ("Knit scarf", "ニットスカーフ", "针织围巾", "ACCESSORIES"),
    ("Wool cardigan", "ウールカーディガン", "羊毛开衫", "TOPS"),
]
COLOURS = [
    ("IND", "Indigo", "藍", "靛蓝", (38, 52, 99)),
    ("NAT", "Natural", "生成り", "本白", (226, 216, 196)),
    ("CHA", "Charcoal", "チャコール", "炭灰", (64, 64, 68)),
    ("SAG", "Sage", "セージ", "鼠尾草绿", (150, 166, 134)),
]
SIZES = ["S", "M", "L"]


def _signup(email: str, name: str, country: str, phone: str) -> SignupRequest:
    return SignupRequest(
        email=email,
        display_name=name,
        country=country,
        language="en",
        phone=phone,
        password=DEMO_PASSWORD,
        password_confirm=DEMO_PASSWORD,
        accept_terms=True,
    )


def garment_image(rng: random.Random, colour: tuple[int, int, int]) -> bytes:
    """A flat illustration of a garment on a paper background (no downloads)."""
    image = Image.new("RGB", (600, 800), (246, 243, 236))
    draw = ImageDraw.Draw(image)
    shade = tuple(max(0, c - 30) for c in colour)
    width = rng.randint(260, 340)
    left, right, top = 300 - width // 2, 300 + width // 2, rng.randint(170, 230)
    draw.polygon(
        [
            (left - 90, top + 90),
            (left, top),
            (right, top),
            (right + 90, top + 90),
            (right + 40, top + 150),
            (right, top + 120),
            (right, 640),
            (left, 640),
            (left, top + 120),
            (left - 40, top + 150),
        ],
        fill=colour,
    )
    draw.ellipse((262, top - 25, 338, top + 35), fill=(246, 243, 236))
    for stripe in range(rng.randint(0, 4)):
        y = top + 160 + stripe * 90
        draw.rectangle((left, y, right, y + 14), fill=shade)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=82)
    return out.getvalue()


async def seed_demo(settings: Settings, sessionmaker: async_sessionmaker[AsyncSession]) -> bool:
    """Create the demo data unless the database already has users. Returns True if it did."""
    async with sessionmaker() as session, session.begin():
        if await session.scalar(select(func.count()).select_from(User)):
            return False
        await _seed(session, settings)
    return True


async def _seed(session: AsyncSession, settings: Settings) -> None:
    rng = random.Random(2026)  # noqa: S311 — deterministic demo data, not secrets
    accounts = AccountService(session, settings)
    buyer = await accounts.signup(
        _signup("buyer@example.com", "Aiko Tanaka", "JP", "+81 3-1234-5678")
    )
    owner = await accounts.signup(
        _signup("brand@example.com", "Léa Martin", "FR", "+33 1 42 68 53 00")
    )
    buyer.email_verified = owner.email_verified = True

    buyers = BuyerService(session, settings)
    org, org_member = await buyers.create(
        buyer,
        BuyerOrganizationCreate(
            languages=["en", "ja"],
            default_language="en",
            name={"en": "Tokyo Select Shop", "ja": "東京セレクトショップ"},
            representative={"en": "Aiko Tanaka", "ja": "田中 愛子"},
            emails=["orders@tokyo-select.example.com"],
            recipients=["buyer@example.com"],
            country="JP",
            phone="+81 3-1234-5678",
            contact_email="hello@tokyo-select.example.com",
        ),
    )
    for kind in (AddressKind.delivery, AddressKind.billing):
        await buyers.add_address(
            buyer,
            org.id,
            AddressCreate(
                kind=kind,
                recipient="Tokyo Select Shop",
                postal_code="150-0001",
                country="JP",
                state="Tokyo",
                city="Shibuya-ku",
                line1="1-2-3 Jingumae",
                phone="+81 3-1234-5678",
            ),
        )

    brand, member = await BrandService(session, settings).create(
        owner,
        BrandCreate(
            languages=["en", "ja", "zh-Hans"],
            default_language="en",
            name={"en": "Maison Aoi", "ja": "メゾン葵", "zh-Hans": "葵之家"},
            description={
                "en": "Indigo-dyed linen and cotton, made in Tokushima.",
                "ja": "徳島でつくる藍染めのリネンとコットン。",
            },
            country="JP",
        ),
    )
    ctx = BrandContext(brand, MemberActor(owner, member))
    commerce = CommerceService(session, settings, ctx)
    await commerce.update_settings(
        BrandSettingsUpdate(currencies=["JPY", "USD"], delivery_date_allowed=True)
    )
    wsp = await commerce.create_term(
        TransactionTermCreate(
            code="WSP", name={"en": "Wholesale price", "ja": "卸価格"}, kind=TermKind.rate
        )
    )
    rrp = await commerce.create_term(
        TransactionTermCreate(
            code="RRP", name={"en": "Retail price", "ja": "上代"}, kind=TermKind.rate
        )
    )
    tax = await commerce.create_tax(
        TaxRateCreate(
            name={"en": "Consumption tax 10%", "ja": "消費税10%"},
            rate=Decimal(10),
            country="JP",
            is_default=True,
        )
    )
    for currency, free_from, fee in (("JPY", 50_000, 1_200), ("USD", 50_000, 2_500)):
        await commerce.create_group(
            ShippingRateGroupCreate(
                code=f"{currency}-ALL",
                name={"en": f"Standard shipping ({currency})"},
                currency=currency,
                tax_rate_id=tax.id if currency == "JPY" else None,
                rates=[
                    ShippingRateIn(
                        amount=0, condition=RateCondition.subtotal_at_least, threshold=free_from
                    ),
                    ShippingRateIn(
                        amount=fee, condition=RateCondition.subtotal_below, threshold=free_from
                    ),
                ],
            )
        )
    categories = {}
    for code, en, ja in (
        ("TOPS", "Tops", "トップス"),
        ("BOTTOMS", "Bottoms", "ボトムス"),
        ("ACCESSORIES", "Accessories", "小物"),
    ):
        categories[code] = (
            await commerce.create_category(CategoryCreate(code=code, name={"en": en, "ja": ja}))
        ).id

    storage = LocalStorage(settings.media_root)
    media = MediaService(session, settings, storage)
    products = ProductService(session, ctx)
    product_ids = []
    for index in range(60):
        en, ja, zh, category = GARMENTS[index % len(GARMENTS)]
        colours = rng.sample(COLOURS, k=rng.choice([1, 2, 3]))
        image = await media.upload(ctx, f"demo-{index:02d}.jpg", garment_image(rng, colours[0][4]))
        wholesale = rng.randrange(2_400, 12_000, 100)
        sized = category != "ACCESSORIES"
        properties = [
            Property(
                code="color",
                name={"en": "Colour", "ja": "カラー", "zh-Hans": "颜色"},
                values=[
                    Value(code=c, name={"en": n, "ja": j, "zh-Hans": z})
                    for c, n, j, z, _ in colours
                ],
            )
        ]
        if sized:
            properties.append(
                Property(
                    code="size",
                    name={"en": "Size", "ja": "サイズ"},
                    values=[Value(code=s, name={"en": s}) for s in SIZES],
                )
            )
        product = await products.create(
            ProductCreate(
                model_number=f"AOI-{index + 1:03d}",
                name={
                    "en": f"{en} {index + 1}",
                    "ja": f"{ja} {index + 1}",
                    "zh-Hans": f"{zh} {index + 1}",
                },
                description={"en": "Hand-dyed in small batches; each piece varies slightly."},
                category_id=categories[category],
                sku_properties=properties,
                option_groups=(
                    [
                        OptionGroup(
                            code="packaging",
                            name={"en": "Packaging", "ja": "包装"},
                            values=[
                                Value(code="gift", name={"en": "Gift box", "ja": "ギフトボックス"}),
                                Value(code="plain", name={"en": "Plain", "ja": "簡易包装"}),
                            ],
                        )
                    ]
                    if index % 5 == 0
                    else []
                ),
                prices=[
                    PriceIn(term_id=wsp.id, currency="JPY", amount=wholesale),
                    PriceIn(term_id=rrp.id, currency="JPY", amount=wholesale * 2),
                    PriceIn(term_id=wsp.id, currency="USD", amount=wholesale * 100 // 150),
                    PriceIn(term_id=rrp.id, currency="USD", amount=wholesale * 200 // 150),
                ],
                stock=StockFields(
                    track_stock=index % 3 == 0,
                    stock_quantity=rng.randint(0, 40),
                    allow_backorder=index % 9 == 0,
                ),
                image_ids=[image.id],
            )
        )
        product_ids.append(product.id)

    catalogs = CatalogService(session, ctx)
    now = utcnow()
    spring, _ = await catalogs.create(
        CatalogCreate(
            code="SS27",
            name={"en": "Spring/Summer 2027", "ja": "2027年春夏", "zh-Hans": "2027 春夏"},
            description={"en": "Light linens in indigo and sage."},
            status=CatalogStatus.open,
            release_at=now - timedelta(days=7),
            order_deadline=now + timedelta(days=60),
            product_ids=product_ids[:40],
        )
    )
    autumn, _ = await catalogs.create(
        CatalogCreate(
            code="AW26",
            name={"en": "Autumn/Winter 2026", "ja": "2026年秋冬", "zh-Hans": "2026 秋冬"},
            description={"en": "Wool and heavy cotton. Ordering has closed."},
            status=CatalogStatus.open,
            release_at=now - timedelta(days=200),
            order_deadline=now - timedelta(days=30),
            product_ids=product_ids[40:],
        )
    )

    invitation = await CustomerService(session, settings, ctx).invite(
        CustomerInvitationCreate(
            email="buyer@example.com",
            terms=Terms(
                language="ja",
                currency="JPY",
                transaction_term_id=wsp.id,
                condition=Decimal(100),
                billing_term=BillingTerm.without_deposit,
            ),
        )
    )
    await ConnectionService(session).accept(invitation, org, org_member)

    links = LinkService(session, settings, ctx)
    contacts = [
        Contact(name="Maison Aoi sales", email="brand@example.com", phone="+81 3-1234-5678")
    ]
    link_terms = LinkTerms(
        transaction_term_id=wsp.id, condition=Decimal(60), display_transaction_terms=True
    )
    await links.create(
        LinkCreate(
            kind=LinkKind.instant,
            name="SS27 buyers' preview",
            catalog_ids=[spring.id],
            passcode=DEMO_LINK_PASSCODE,
            languages=["en", "ja"],
            currencies=["JPY", "USD"],
            terms=link_terms,
            contacts=contacts,
        )
    )
    await links.create(
        LinkCreate(
            kind=LinkKind.dynamic,
            name="All seasons",
            catalog_ids=[spring.id, autumn.id],
            languages=["en", "ja"],
            currencies=["JPY"],
            terms=link_terms,
            contacts=contacts,
        )
    )
    await links.create(
        LinkCreate(
            kind=LinkKind.customer,
            name="Customers: SS27",
            catalog_ids=[spring.id],
            contacts=contacts,
        )
    )
