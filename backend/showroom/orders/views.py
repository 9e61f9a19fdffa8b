"""Orders as read models: the brand's view never carries the buyer's internal notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from showroom.models import Order, OrderEvent, OrderLine, Payment
from showroom.orders.schemas import (
    BuyerOrderLineRead,
    BuyerOrderRead,
    CardSummary,
    OrderAmounts,
    OrderEventRead,
    OrderLineRead,
    OrderListItem,
    OrderRead,
    PaymentRead,
)

View = TypeVar("View", OrderRead, BuyerOrderRead)
# Read-model fields built here rather than read off the order (relationships raise).
GIVEN = {"payment", "lines", "events", "terms", "amounts"}


def payment_view(payment: Payment | None) -> PaymentRead | None:
    if payment is None:
        return None
    return PaymentRead(
        status=payment.status,
        amount=payment.amount,
        currency=payment.currency,
        card=CardSummary(brand=payment.card_brand, last4=payment.card_last4),
    )


def order_view(
    order: Order,
    lines: Sequence[OrderLine],
    events: Sequence[OrderEvent],
    view: type[View],
    payment: Payment | None = None,
) -> View:
    line_model = BuyerOrderLineRead if view is BuyerOrderRead else OrderLineRead
    fields = line_model.model_fields
    terms = order.terms if view is OrderRead or order.terms.get("display_terms") else None
    return view.model_validate(
        {
            **{
                name: getattr(order, name)
                for name in OrderRead.model_fields
                if name not in GIVEN and hasattr(order, name)
            },
            "payment": payment_view(payment),
            "terms": terms,
            "amounts": OrderAmounts(
                currency=order.currency,
                total_quantity=order.total_quantity,
                subtotal=order.subtotal,
                shipping_amount=order.shipping_amount,
                tax_lines=order.tax_lines,  # type: ignore[arg-type]
                tax_total=order.tax_total,
                total=order.total,
                deposit=order.deposit,
                balance=order.balance,
            ),
            "lines": [{name: getattr(line, name) for name in fields} for line in lines],
            "events": [OrderEventRead.model_validate(event) for event in events],
        }
    )


def list_item(order: Order) -> OrderListItem:
    return OrderListItem.model_validate(
        {
            **{
                name: getattr(order, name)
                for name in OrderListItem.model_fields
                if hasattr(order, name)
            },
            "buyer_name": order.buyer.get("name", ""),
        }
    )
