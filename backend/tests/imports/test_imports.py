from __future__ import annotations

import io
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from openpyxl import Workbook, load_workbook
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.storage import LocalStorage
from showroom.imports import files, service
from showroom.imports.service import parsed_key
from showroom.worker import build_outbox_worker
from tests.factories import error_locs, problem
from tests.shop import Shop

HEADERS = [
    "model_number",
    "sku_code",
    "name:en",
    "name:ja",
    "category",
    "property1",
    "value1",
    "value1_name:en",
    "property2",
    "value2",
    "price:WSP:JPY",
    "price:RRP:JPY",
    "price:WSP:USD",
    "track_stock",
    "stock_quantity",
    "allow_backorder",
]


def fifty_rows() -> list[list[Any]]:
    """10 models × 5 sizes (one colour each): 50 SKU rows."""
    rows = []
    for model in range(10):
        for size in ("XS", "S", "M", "L", "XL"):
            rows.append(
                [
                    f"LIN-{model:02d}",
                    "",
                    f"Linen shirt {model}",
                    f"リネンシャツ {model}",
                    "",
                    "color",
                    "NAT",
                    "Natural",
                    "size",
                    size,
                    4800 + model * 100,
                    9600,
                    "35.50",
                    "yes",
                    10,
                    "no",
                ]
            )
    return rows


def xlsx(rows: list[list[Any]], headers: list[str] = HEADERS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


async def upload(shop: Shop, data: bytes, name: str = "products.xlsx") -> httpx.Response:
    return await shop.client.post(
        f"{shop.url}/products/imports", files={"file": (name, data)}, headers=shop.owner.headers
    )


async def run_worker(app: FastAPI) -> None:
    await build_outbox_worker(app.state.settings, app.state.sessionmaker).drain()


async def test_the_template_has_the_brands_columns(shop: Shop) -> None:
    response = await shop.get("/products/imports/template")
    assert response.status_code == 200
    assert "products-template.xlsx" in response.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    for header in (
        "model_number",
        "name:en",
        "name:ja",
        "price:WSP:JPY",
        "price:RRP:USD",
        "stock_quantity",
    ):
        assert header in headers
    csv = await shop.get("/products/imports/template", format="csv")
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.content.decode("utf-8-sig").splitlines()[0].split(",")[:3] == [
        "model_number",
        "sku_code",
        "name:en",
    ]


async def test_dry_run_reports_a_bad_row_then_the_fixed_file_applies(
    shop: Shop, app: FastAPI
) -> None:
    rows = fifty_rows()
    rows[7][10] = "48.5"  # JPY has no decimals — row 9 of the sheet
    rows[12][15] = "maybe"  # row 14
    dry = await upload(shop, xlsx(rows))
    assert dry.status_code == 201, dry.text
    report = dry.json()
    assert report["status"] == "invalid"
    assert report["row_count"] == 50
    assert [(e["row"], e["column"]) for e in report["errors"]] == [
        (9, "price:WSP:JPY"),
        (14, "allow_backorder"),
    ]
    assert (await shop.get("/products")).json()["items"] == []  # nothing written
    refused = await shop.client.post(
        f"{shop.url}/products/imports/{report['id']}/apply", headers=shop.owner.headers
    )
    assert refused.status_code == 409
    assert problem(refused)["code"] == "import.not_applicable"

    fixed = await upload(shop, xlsx(fifty_rows()))
    assert fixed.json()["status"] == "validated"
    assert fixed.json()["product_count"] == 10
    applied = await shop.client.post(
        f"{shop.url}/products/imports/{fixed.json()['id']}/apply", headers=shop.owner.headers
    )
    assert applied.status_code == 202
    assert applied.json()["status"] == "queued"
    await run_worker(app)
    done = (await shop.get(f"/products/imports/{fixed.json()['id']}")).json()
    assert done["status"] == "done", done
    assert done["processed_rows"] == 50

    listed = (await shop.get("/products", limit=100)).json()["items"]
    assert len(listed) == 10
    product = (await shop.get(f"/products/{listed[3]['id']}")).json()
    assert product["model_number"] == "LIN-03"
    assert [s["code"] for s in product["skus"]] == [
        f"LIN-03_NAT_{s}" for s in ("XS", "S", "M", "L", "XL")
    ]
    assert product["name"] == {"en": "Linen shirt 3", "ja": "リネンシャツ 3"}
    prices = {(p["currency"], p["amount"]) for p in product["prices"]}
    assert prices == {("JPY", 5100), ("JPY", 9600), ("USD", 3550)}
    assert product["skus"][0]["stock_quantity"] == 10
    assert product["sku_properties"][0]["values"][0]["name"] == {"en": "Natural"}
    # One audit entry for the whole file, by who applied it.
    [entry] = (await shop.get("/audit-events", entity="product_import")).json()["items"]
    assert (entry["label"], entry["changes"]["products"]) == ("products.xlsx", [None, 10])
    assert entry["actor_name"] == shop.owner.user["display_name"]


async def test_reimport_updates_by_model_and_sku_code(shop: Shop, app: FastAPI) -> None:
    first = await upload(shop, xlsx(fifty_rows()[:5]))
    await shop.client.post(
        f"{shop.url}/products/imports/{first.json()['id']}/apply", headers=shop.owner.headers
    )
    await run_worker(app)
    rows = fifty_rows()[:5]
    rows[4][10] = 6000  # the XL costs more: a SKU price of its own
    rows[0][14] = 3  # less stock of XS
    rows.append(
        [
            "LIN-00",
            "",
            "",
            "",
            "",
            "color",
            "IND",
            "Indigo",
            "size",
            "M",
            4800,
            9600,
            "35.50",
            "yes",
            1,
            "no",
        ]
    )
    second = await upload(shop, xlsx(rows))
    assert second.json()["status"] == "validated", second.json()
    await shop.client.post(
        f"{shop.url}/products/imports/{second.json()['id']}/apply", headers=shop.owner.headers
    )
    await run_worker(app)
    [summary] = (await shop.get("/products")).json()["items"]
    product = (await shop.get(f"/products/{summary['id']}")).json()
    skus = {s["code"]: s for s in product["skus"]}
    assert len(skus) == 6
    assert skus["LIN-00_NAT_XS"]["stock_quantity"] == 3
    assert skus["LIN-00_NAT_XL"]["prices"] == [
        {"term_id": shop.terms["WSP"], "currency": "JPY", "amount": 6000}
    ]
    assert skus["LIN-00_NAT_M"]["prices"] == []
    assert [v["code"] for v in product["sku_properties"][0]["values"]] == ["NAT", "IND"]


async def test_csv_and_header_problems(shop: Shop) -> None:
    csv = b"model_number,name:en,price:WSP:EUR,price:FOB:JPY,colour\nA,Shirt,1,2,x\n"
    report = (await upload(shop, csv, "products.csv")).json()
    assert report["status"] == "invalid"
    assert {(e["row"], e["column"]) for e in report["errors"]} == {
        (1, "price:WSP:EUR"),
        (1, "price:FOB:JPY"),
        (1, "colour"),
    }
    good = "model_number,name:en,price:WSP:JPY\nBAG-1,Tote,1200\n".encode("utf-8-sig")
    assert (await upload(shop, good, "bags.csv")).json()["status"] == "validated"


async def test_row_level_checks(shop: Shop, client: httpx.AsyncClient) -> None:
    await shop.post("/products", {"model_number": "OLD", "name": {"en": "Old"}})
    rows = [
        ["", "", "No model", "", "", "", "", "", "", "", "", "", "", "", "", ""],
        ["NEW-1", "OLD", "Steals a code", "", "", "", "", "", "", "", "", "", "", "", "", ""],
        ["NEW-2", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
        ["NEW-3", "", "Dup", "", "NOPE", "color", "R", "", "", "", "", "", "", "", "1.5", ""],
        ["NEW-3", "", "Dup", "", "", "color", "R", "", "", "", "", "", "", "", "", ""],
    ]
    report = (await upload(shop, xlsx(rows))).json()
    assert {(e["row"], e["column"]) for e in report["errors"]} == {
        (2, "model_number"),
        (3, "sku_code"),
        (4, "name:en"),
        (5, "category"),
        (5, "stock_quantity"),
        (6, "value1"),
    }


async def test_unreadable_files(shop: Shop) -> None:
    for data, name in ((b"%PDF-1.7", "x.xlsx"), (b"\xff\xfe\x00bad", "x.csv"), (b"", "x.csv")):
        response = await upload(shop, data, name)
        assert response.status_code == 422
        assert problem(response)["code"] == "import.unreadable"
        assert error_locs(response) == [["body", "file"]]


async def test_catalog_changed_after_the_dry_run(shop: Shop, app: FastAPI) -> None:
    report = (await upload(shop, xlsx(fifty_rows()[:1]))).json()
    # Meanwhile someone creates a product whose SKU code collides.
    await shop.post("/products", {"model_number": "OTHER", "name": {"en": "x"}})
    await shop.patch(
        f"/products/{(await shop.get('/products')).json()['items'][0]['id']}",
        {"model_number": "LIN-00_NAT_XS"},
    )
    await shop.client.post(
        f"{shop.url}/products/imports/{report['id']}/apply", headers=shop.owner.headers
    )
    await run_worker(app)
    after = (await shop.get(f"/products/imports/{report['id']}")).json()
    assert after["status"] == "invalid"
    assert after["errors"][0]["column"] == "sku_code"
    assert [p["model_number"] for p in (await shop.get("/products")).json()["items"]] == [
        "LIN-00_NAT_XS"
    ]


def test_the_parsed_rows_load_back_exactly() -> None:
    for data, name in (
        (xlsx(fifty_rows()), "products.xlsx"),
        ('model_number,name:en,name:en\nA,"Tee, 白",x\n\nB,,\n'.encode(), "p.csv"),
    ):
        sheet = files.read(data, name)
        assert files.load(files.dump(sheet)) == sheet


async def test_an_import_whose_parsed_rows_are_gone_is_parsed_again(
    shop: Shop, app: FastAPI
) -> None:
    report = (await upload(shop, xlsx(fifty_rows()))).json()
    record_key = f"imports/{shop.url.rsplit('/', 1)[1]}/{report['id']}.xlsx"
    storage = LocalStorage(app.state.settings.media_root)
    assert storage.path(parsed_key(record_key)) is not None
    await storage.delete(parsed_key(record_key))
    await shop.client.post(
        f"{shop.url}/products/imports/{report['id']}/apply", headers=shop.owner.headers
    )
    await run_worker(app)
    done = (await shop.get(f"/products/imports/{report['id']}")).json()
    assert (done["status"], done["processed_rows"]) == ("done", 50)
    assert len((await shop.get("/products")).json()["items"]) == 10


async def test_an_apply_that_fails_midway_leaves_nothing(
    shop: Shop, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = (await upload(shop, xlsx(fifty_rows()[:5]))).json()  # LIN-00, to be updated
    await shop.client.post(
        f"{shop.url}/products/imports/{first['id']}/apply", headers=shop.owner.headers
    )
    await run_worker(app)
    # Two products per step; the database refuses the third step's rows.
    monkeypatch.setattr(service, "PROGRESS_EVERY", 2)
    written = 0
    original = service._Writes.run

    async def run(writes: service._Writes, session: AsyncSession) -> None:
        nonlocal written
        if written == 2:
            raise RuntimeError("database went away")
        await original(writes, session)
        written += 1

    monkeypatch.setattr(service._Writes, "run", run)
    rows = fifty_rows()
    rows[0][2] = "Renamed"
    report = (await upload(shop, xlsx(rows))).json()
    await shop.client.post(
        f"{shop.url}/products/imports/{report['id']}/apply", headers=shop.owner.headers
    )
    await run_worker(app)
    assert written == 2  # two steps were written before the failure...
    after = (await shop.get(f"/products/imports/{report['id']}")).json()
    assert after["status"] == "failed"
    assert after["message"] == "Nothing was applied: RuntimeError."
    # ... and rolled back with it: only the first import's product, unchanged.
    [product] = (await shop.get("/products")).json()["items"]
    assert (product["model_number"], product["name"]["en"]) == ("LIN-00", "Linen shirt 0")


async def test_a_reimport_moves_drops_and_keeps_sku_prices_and_stock(
    shop: Shop, app: FastAPI
) -> None:
    async def apply(rows: list[list[Any]]) -> None:
        report = (await upload(shop, xlsx(rows))).json()
        assert report["status"] == "validated", report
        await shop.client.post(
            f"{shop.url}/products/imports/{report['id']}/apply", headers=shop.owner.headers
        )
        await run_worker(app)
        done = (await shop.get(f"/products/imports/{report['id']}")).json()
        assert done["status"] == "done", done

    rows = fifty_rows()[:5]  # LIN-00 in XS, S, M, L, XL at 4800
    rows[3][10], rows[4][10] = 5500, 6000  # L and XL: prices of their own
    await apply(rows)
    rows = fifty_rows()[:5]
    rows[3][10] = 5600  # L: its own price changes
    rows[4][10] = 4800  # XL: back to the product's price, so its own price goes
    rows[2][13:16] = ["", "", ""]  # M: stock columns left blank keep what it has
    rows[1][13:16] = ["no", 0, "yes"]
    await apply(rows)
    [summary] = (await shop.get("/products")).json()["items"]
    product = (await shop.get(f"/products/{summary['id']}")).json()
    skus = {s["code"].rsplit("_", 1)[1]: s for s in product["skus"]}
    assert [p["amount"] for p in skus["L"]["prices"]] == [5600]
    assert skus["XL"]["prices"] == [] == skus["XS"]["prices"]
    stock = {
        size: (s["track_stock"], s["stock_quantity"], s["allow_backorder"])
        for size, s in skus.items()
    }
    assert stock["M"] == (True, 10, False)
    assert stock["S"] == (False, 0, True)
    assert [s["position"] for s in product["skus"]] == [0, 1, 2, 3, 4]
