"""Order e-mails (DOMAIN.md §8), queued in the outbox in the order's own transaction."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_currency
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.config import Settings
from showroom.core.i18n import babel_locale, pick_text, ui_language
from showroom.models import Brand, BuyerOrganization, Order
from showroom.notifications.mail import queue_mail
from showroom.notifications.templates import ORDER_STATUS_NAMES
from showroom.pricing import currency_exponent


def money(amount: int, currency: str, language: str) -> str:
    value = Decimal(amount).scaleb(-currency_exponent(currency))
    return format_currency(value, currency.upper(), locale=babel_locale(ui_language(language)))


def order_placed_mails(
    session: AsyncSession, settings: Settings, order: Order, org: BuyerOrganization, brand: Brand
) -> None:
    for address in org.recipients:
        queue_mail(
            session,
            address,
            "order_placed_buyer",
            org.default_language,
            number=order.number,
            brand=pick_text(brand.name, org.default_language, brand.default_language),
            catalog=order.catalog_name,
            quantity=order.total_quantity,
            total=money(order.total, order.currency, org.default_language),
            url=f"{settings.public_url}/buyer/{org.id}/orders/{order.id}",
        )
    for address in brand.notification_emails:
        queue_mail(
            session,
            address,
            "order_placed_brand",
            brand.default_language,
            number=order.number,
            buyer=pick_text(org.name, brand.default_language, org.default_language),
            catalog=order.catalog_name,
            quantity=order.total_quantity,
            total=money(order.total, order.currency, brand.default_language),
            url=f"{settings.public_url}/brand/{brand.id}/orders/{order.id}",
        )


def order_status_mails(
    session: AsyncSession,
    settings: Settings,
    order: Order,
    org: BuyerOrganization,
    brand: Brand,
    note: str,
) -> None:
    language = ui_language(org.default_language)
    for address in org.recipients:
        queue_mail(
            session,
            address,
            "order_status_changed",
            language,
            number=order.number,
            brand=pick_text(brand.name, org.default_language, brand.default_language),
            status=ORDER_STATUS_NAMES[order.status.value].get(language, order.status.value),
            note=note,
            url=f"{settings.public_url}/buyer/{org.id}/orders/{order.id}",
        )
