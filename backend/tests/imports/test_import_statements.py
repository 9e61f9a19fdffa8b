"""An import's SQL statements do not grow with its rows: the dry run's lookups and the apply's
reads and writes are batched, so a per-row (N+1) query or write fails here on any machine.
Both sizes stay within one batch (500 models per lookup, 250 products per progress step)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from tests.conftest import StatementCounter
from tests.imports.test_imports import run_worker, upload, xlsx
from tests.shop import Shop


def rows(first: int, products: int, price: int = 4800) -> list[list[Any]]:
    """Models ``first`` .. ``first + products - 1``, 5 sizes each; the XL has its own price."""
    return [
        [
            f"BULK-{model:04d}",
            "",
            f"Linen shirt {model}",
            f"リネンシャツ {model}",
            "",
            "color",
            "NAT",
            "Natural",
            "size",
            size,
            price + (500 if size == "XL" else 0),
            9600,
            "35.50",
            "yes",
            10,
            "no",
        ]
        for model in range(first, first + products)
        for size in ("XS", "S", "M", "L", "XL")
    ]


async def counted_import(
    shop: Shop, app: FastAPI, count_statements: Any, sheet: list[list[Any]]
) -> tuple[StatementCounter, StatementCounter]:
    """The statements of the upload (the dry run) and of the worker applying it."""
    with count_statements() as dry_run:
        report = await upload(shop, xlsx(sheet))
    assert report.json()["status"] == "validated", report.json()
    import_id = report.json()["id"]
    applied = await shop.client.post(
        f"{shop.url}/products/imports/{import_id}/apply", headers=shop.owner.headers
    )
    assert applied.status_code == 202
    with count_statements() as apply:
        await run_worker(app)
    done = (await shop.get(f"/products/imports/{import_id}")).json()
    assert (done["status"], done["processed_rows"]) == ("done", len(sheet)), done
    return dry_run, apply


def same_count(small: StatementCounter, large: StatementCounter) -> None:
    shown = "\n".join(s.split("\n")[0][:150] for s in large.statements)
    assert large.count == small.count, f"{small.count} → {large.count} statements:\n{shown}"


async def test_import_statements_do_not_grow_with_rows(
    shop: Shop, app: FastAPI, count_statements: Any
) -> None:
    # New products: 50 rows, then 500 rows.
    small = await counted_import(shop, app, count_statements, rows(0, 10))
    large = await counted_import(shop, app, count_statements, rows(100, 100))
    same_count(small[0], large[0])
    same_count(small[1], large[1])
    # Updating the same products (new prices): 50 rows, then 500 rows.
    small = await counted_import(shop, app, count_statements, rows(0, 10, price=5000))
    large = await counted_import(shop, app, count_statements, rows(100, 100, price=5000))
    same_count(small[0], large[0])
    same_count(small[1], large[1])
    # The writes really happened: the last product has its five SKUs and the new prices.
    [summary] = (await shop.get("/products", search="BULK-0199")).json()["items"]
    product = (await shop.get(f"/products/{summary['id']}")).json()
    assert len(product["skus"]) == 5
    assert {p["amount"] for p in product["prices"] if p["currency"] == "JPY"} == {5000, 9600}
    [xl] = [sku for sku in product["skus"] if sku["code"].endswith("_XL")]
    assert [p["amount"] for p in xl["prices"]] == [5500]
