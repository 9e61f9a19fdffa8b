"""The brand's audit log, written as changes are flushed.

A request acting for a brand names its actor on the session (``act_as``); every audited row
that request creates, changes or deletes then gets an ``AuditEvent`` in the same flush, so a
change is never saved without its entry, whichever service made it. Changes made through
plain UPDATE statements (stock, the order counter) are not admin changes and are not
audited; an order's status is also set on the ORM object, and that is what is recorded."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, UOWTransaction

from showroom.core.i18n import pick_text
from showroom.models import (
    AuditEvent,
    Brand,
    BrandMember,
    Customer,
    Order,
    OrderLink,
    Product,
    ProductPrice,
    ShippingRateGroup,
    Sku,
    SkuPrice,
    TaxRate,
    TransactionTerm,
    User,
)

ACTOR_KEY = "audit_actor"
_HIDDEN = "(changed)"  # what a secret's change shows instead of its value


@dataclass(frozen=True)
class Actor:
    brand_id: uuid.UUID
    user_id: uuid.UUID | None
    name: str


def act_as(session: Any, actor: Actor) -> None:
    """Audit what this session changes as ``actor``'s (an AsyncSession or a Session)."""
    session.info[ACTOR_KEY] = actor


@dataclass(frozen=True)
class Spec:
    entity: str
    label: Callable[[Session, Any], str]
    fields: frozenset[str] | None = None  # None: every column but the bookkeeping ones
    secrets: frozenset[str] = field(default_factory=frozenset)


_BOOKKEEPING = frozenset({"id", "brand_id", "created_at", "updated_at", "search_text"})


def _parent(session: Session, model: type[Any], child: Any, ident: Any) -> Any:
    """The row a price belongs to: by its key, or — for a price just appended to its
    parent's list, whose key only this flush sets — by that list."""
    if ident is not None:
        return session.get(model, ident)
    return next(
        (o for o in session if isinstance(o, model) and child in o.__dict__.get("prices", [])),
        None,
    )


def _price_label(session: Session, price: ProductPrice | SkuPrice) -> str:
    if isinstance(price, SkuPrice):
        sku = _parent(session, Sku, price, price.sku_id)
        owner = sku.code if sku is not None else ""
    else:
        product = _parent(session, Product, price, price.product_id)
        owner = product.model_number if product is not None else ""
    term = session.get(TransactionTerm, price.term_id)
    return " · ".join([owner, term.code if term is not None else "", price.currency])


def _member_label(session: Session, member: BrandMember) -> str:
    user = session.get(User, member.user_id)
    return user.display_name if user is not None else ""


_TERM_FIELDS = frozenset(
    {
        "language",
        "currency",
        "transaction_term_id",
        "condition",
        "billing_term",
        "deposit_percent",
        "apply_tax_to_price",
    }
)
_SETTINGS_FIELDS = frozenset(
    {
        "status",
        "languages",
        "default_language",
        "currencies",
        "default_currency",
        "card_payments_enabled",
        "offline_payment_accepted",
        "comment_mode",
        "comment_presets",
        "delivery_date_allowed",
        "notification_emails",
    }
)

SPECS: dict[type[Any], Spec] = {
    OrderLink: Spec(
        "link", lambda _, link: link.name, secrets=frozenset({"passcode_hash", "token"})
    ),
    TransactionTerm: Spec("transaction_term", lambda _, term: term.code),
    ProductPrice: Spec("price", _price_label, frozenset({"amount"})),
    SkuPrice: Spec("price", _price_label, frozenset({"amount"})),
    Customer: Spec(
        "customer_terms",
        lambda _, c: f"{c.code} {c.company_name or c.contact_name}".strip(),
        _TERM_FIELDS,
    ),
    Order: Spec("order", lambda _, order: order.number, frozenset({"status"})),
    Brand: Spec("settings", lambda _, b: pick_text(b.name, b.default_language), _SETTINGS_FIELDS),
    TaxRate: Spec("tax_rate", lambda _, rate: pick_text(rate.name)),
    ShippingRateGroup: Spec("shipping_rate_group", lambda _, group: group.code),
    BrandMember: Spec("member", _member_label, frozenset({"role"})),
}


def _json(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _columns(obj: Any, spec: Spec) -> list[str]:
    names = [attr.key for attr in inspect(type(obj)).column_attrs]
    if spec.fields is not None:
        return [name for name in names if name in spec.fields]
    return [name for name in names if name not in _BOOKKEEPING]


def _shown(name: str, value: Any, spec: Spec) -> Any:
    return _HIDDEN if name in spec.secrets and value is not None else _json(value)


def _changes(obj: Any, spec: Spec, action: str) -> dict[str, list[Any]]:
    state = inspect(obj)
    found: dict[str, list[Any]] = {}
    for name in _columns(obj, spec):
        if action == "created":
            value = getattr(obj, name)
            if value is not None and value != [] and value != {}:
                found[name] = [None, _shown(name, value, spec)]
            continue
        if action == "deleted":
            found[name] = [_shown(name, getattr(obj, name), spec), None]
            continue
        history = state.attrs[name].history
        if not history.has_changes():
            continue
        before = history.deleted[0] if history.deleted else None
        after = history.added[0] if history.added else None
        if before != after:
            found[name] = [_shown(name, before, spec), _shown(name, after, spec)]
    return found


@event.listens_for(Session, "before_flush")
def _audit(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    actor: Actor | None = session.info.get(ACTOR_KEY)
    if actor is None:
        return
    for action, objects in (
        ("created", session.new),
        ("changed", session.dirty),
        ("deleted", session.deleted),
    ):
        for obj in list(objects):
            spec = SPECS.get(type(obj))
            if spec is None:
                continue
            changes = _changes(obj, spec, action)
            if action == "changed" and not changes:
                continue
            if obj.id is None:  # its default is applied by this very flush
                obj.id = uuid.uuid4()
            session.add(
                AuditEvent(
                    brand_id=actor.brand_id,
                    actor_id=actor.user_id,
                    actor_name=actor.name,
                    entity=spec.entity,
                    entity_id=obj.id,
                    label=spec.label(session, obj)[:300],
                    action=action,
                    changes=changes,
                )
            )
