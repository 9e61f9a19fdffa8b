"""The load of ``make bench``: Locust users driving one QUALITY.md operation at a time.

``run.py`` starts ``locust --headless`` once per operation, with:

    BENCH_OPERATION  landing | products | add | preview | place
    BENCH_CONTEXT    a JSON file: the catalog, the link token, one logged-in buyer (access token,
                     link grant, organization, addresses) per user, products with their SKUs
    BENCH_OUT        where to write the measurements (JSON) when the run stops
    BENCH_WARMUP     seconds of load before measuring starts
    BENCH_THINK      mean seconds each user waits between operations (0: none)

Latency is measured with users that pause between operations like people do; throughput (the
catalog page against the baseline) with users that do not pause at all, so both servers run
flat out. Requests named ``setup: …`` build what the measured request needs (carts to preview
or place) and are not reported. Timings are recorded exactly (not Locust's rounded
histogram), with the ``X-Statement-Count`` of each answer.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time
import uuid
from pathlib import Path
from typing import Any

import gevent
from locust import FastHttpUser, between, constant, events, task
from locust.env import Environment

OPERATION = os.environ.get("BENCH_OPERATION", "landing")
CONTEXT: dict[str, Any] = json.loads(Path(os.environ["BENCH_CONTEXT"]).read_text(encoding="utf-8"))
WARMUP = float(os.environ.get("BENCH_WARMUP", "5"))
# Mean seconds a user waits between two operations (uniform in ±50 %); 0: none at all.
THINK = float(os.environ.get("BENCH_THINK", "0"))
# What the measured request of each operation is called in the results.
MEASURED = {
    "landing": "landing",
    "products": "products page",
    "add": "add 12-SKU item",
    "preview": "preview 40-line cart",
    "place": "place 40-line order",
}

_buyers = itertools.count()
_measuring = {"on": False, "since": 0.0}
_timings: dict[str, list[float]] = {}
_statements: dict[str, list[int]] = {}
_failures: dict[str, int] = {}


@events.request.add_listener
def _record(
    name: str, response_time: float, exception: Any, response: Any = None, **_: Any
) -> None:
    if not _measuring["on"] or name.startswith("setup:"):
        return
    if exception is not None:
        _failures[name] = _failures.get(name, 0) + 1
        return
    _timings.setdefault(name, []).append(response_time)
    header = response.headers.get("x-statement-count") if response is not None else None
    if header is not None:
        _statements.setdefault(name, []).append(int(header))


@events.test_start.add_listener
def _start_measuring_after_warmup(environment: Environment, **_: Any) -> None:
    def later() -> None:
        gevent.sleep(WARMUP)
        _timings.clear()
        _statements.clear()
        _failures.clear()
        _measuring.update(on=True, since=time.monotonic())

    gevent.spawn(later)


@events.test_stop.add_listener
def _write_results(environment: Environment, **_: Any) -> None:
    seconds = time.monotonic() - _measuring["since"] if _measuring["on"] else 0.0
    _measuring["on"] = False
    results = {
        "operation": OPERATION,
        "seconds": seconds,
        "requests": {
            name: {
                "timings_ms": timings,
                "statements": _statements.get(name, []),
                "failures": _failures.get(name, 0),
            }
            for name, timings in _timings.items()
        },
        "failures": _failures,
    }
    Path(os.environ["BENCH_OUT"]).write_text(json.dumps(results), encoding="utf-8")


def _lines(product: dict[str, Any], count: int) -> list[dict[str, Any]]:
    """``count`` SKU rows of one each; products with options get the gift box on each."""
    return [
        {
            "sku_id": sku,
            "quantity": 1,
            "options": [{"values": {"packaging": "gift"}, "quantity": 1}]
            if product["options"]
            else [],
        }
        for sku in product["sku_ids"][:count]
    ]


class Buyer(FastHttpUser):
    wait_time = between(THINK / 2, THINK * 1.5) if THINK > 0 else constant(0)

    def on_start(self) -> None:
        self.buyer = CONTEXT["buyers"][next(_buyers) % len(CONTEXT["buyers"])]
        self.catalog = CONTEXT["catalog_id"]
        self.auth = {
            "X-Link-Grant": self.buyer["grant"],
            "Authorization": f"Bearer {self.buyer['access_token']}",
        }
        self.form = {
            "payment_method": "offline",
            "billing_address_id": self.buyer["billing_address_id"],
            "delivery_address_id": self.buyer["delivery_address_id"],
        }
        self.rng = random.Random(self.buyer["organization_id"])  # noqa: S311
        self.cart: str | None = None
        if OPERATION == "add":
            self.cart = self._empty_cart()
        if OPERATION == "preview":
            self.cart = self._forty_line_cart()

    # --- setup ------------------------------------------------------------------------------

    def _pause(self) -> None:
        """A person's pause between two requests of one operation (filling a cart before
        placing it): the setup requests come at the same pace as the measured ones instead of
        in a burst that would load the server more than the phase's measured request does."""
        if THINK > 0:
            gevent.sleep(self.wait_time())

    def _open_cart(self) -> str:
        body = {"catalog_id": self.catalog, "buyer_organization_id": self.buyer["organization_id"]}
        response = self.client.post(
            "/api/v1/carts", json=body, headers=self.auth, name="setup: open cart"
        )
        return str(response.json()["id"])

    def _empty_cart(self) -> str:
        """The buyer's cart, emptied of whatever an earlier phase or run left in it."""
        cart = self._open_cart()
        self.client.delete(f"/api/v1/carts/{cart}", headers=self.auth, name="setup: empty cart")
        return self._open_cart()

    def _add(self, cart: str, product: dict[str, Any], count: int, name: str) -> Any:
        body = {"product_id": product["id"], "skus": _lines(product, count)}
        return self.client.post(
            f"/api/v1/carts/{cart}/items", json=body, headers=self.auth, name=name
        )

    def _forty_line_cart(self) -> str:
        """A cart of 40 lines: three 12-SKU items and 4 SKUs of a fourth product. Opening a
        cart finds the buyer's open one, which an earlier phase may have filled (the preview
        phase leaves its 40 lines): it is emptied first, or placing would order 80."""
        cart = self._empty_cart()
        for product, count in zip(
            self.rng.sample(CONTEXT["products"], 4), (12, 12, 12, 4), strict=True
        ):
            self._pause()
            response = self._add(cart, product, count, "setup: add item")
            if response.status_code != 201:
                raise RuntimeError(f"could not fill the cart: {response.text[:300]}")
        return cart

    # --- the operations ---------------------------------------------------------------------

    @task
    def operate(self) -> None:
        getattr(self, OPERATION)()

    def landing(self) -> None:
        self.client.get(f"/api/v1/order-links/{CONTEXT['token']}", name=MEASURED["landing"])

    def products(self) -> None:
        self.client.get(
            f"/api/v1/catalogs/{self.catalog}/products",
            params={"limit": 50},
            headers={"X-Link-Grant": self.buyer["grant"]},
            name=MEASURED["products"],
        )

    def add(self) -> None:
        assert self.cart is not None
        product = self.rng.choice(CONTEXT["products"])
        response = self._add(self.cart, product, 12, MEASURED["add"])
        if response.status_code == 201:
            # Empty the cart again so every add starts from the same cart.
            self._pause()
            self.client.delete(
                f"/api/v1/carts/{self.cart}/items/{response.json()['id']}",
                headers=self.auth,
                name="setup: remove item",
            )

    def preview(self) -> None:
        self.client.post(
            f"/api/v1/carts/{self.cart}/preview",
            json=self.form,
            headers=self.auth,
            name=MEASURED["preview"],
        )

    def place(self) -> None:
        cart = self._forty_line_cart()
        self._pause()
        self.client.post(
            f"/api/v1/carts/{cart}/orders",
            json=self.form,
            headers={**self.auth, "Idempotency-Key": uuid.uuid4().hex},
            name=MEASURED["place"],
        )
