"""Demo data for ``make run``: a buyer and a brand to log in as, created once."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from showroom.accounts.schemas import SignupRequest
from showroom.accounts.service import AccountService
from showroom.brands.schemas import BrandCreate
from showroom.brands.service import BrandService
from showroom.buyers.schemas import AddressCreate, BuyerOrganizationCreate
from showroom.buyers.service import BuyerService
from showroom.core.config import Settings
from showroom.models import AddressKind, User


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    password: str


DEMO_PASSWORD = "showroom2026"  # noqa: S105 — printed by make run on purpose
DEMO_LOGINS = (
    DemoLogin("buyer", "buyer@example.com", DEMO_PASSWORD),
    DemoLogin("brand", "brand@example.com", DEMO_PASSWORD),
)


def _signup(email: str, name: str, country: str, language: str, phone: str) -> SignupRequest:
    return SignupRequest(
        email=email,
        display_name=name,
        country=country,
        language=language,
        phone=phone,
        password=DEMO_PASSWORD,
        password_confirm=DEMO_PASSWORD,
        accept_terms=True,
    )


async def seed_demo(settings: Settings, sessionmaker: async_sessionmaker[AsyncSession]) -> bool:
    """Create the demo accounts unless the database already has users. Returns True if it did."""
    async with sessionmaker() as session, session.begin():
        if await session.scalar(select(func.count()).select_from(User)):
            return False
        accounts = AccountService(session, settings)
        buyer = await accounts.signup(
            _signup("buyer@example.com", "Aiko Tanaka", "JP", "en", "+81 3-1234-5678")
        )
        brand_owner = await accounts.signup(
            _signup("brand@example.com", "Léa Martin", "FR", "en", "+33 1 42 68 53 00")
        )
        buyer.email_verified = brand_owner.email_verified = True

        buyers = BuyerService(session, settings)
        org, _ = await buyers.create(
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
        await BrandService(session, settings).create(
            brand_owner,
            BrandCreate(
                languages=["en", "ja", "zh-Hans"],
                default_language="en",
                name={"en": "Maison Aoi", "ja": "メゾン葵", "zh-Hans": "葵之家"},
                description={"en": "Indigo-dyed linen and cotton, made in Tokushima."},
                country="FR",
            ),
        )
    return True
