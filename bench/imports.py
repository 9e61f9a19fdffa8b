"""Benchmark: import a generated N-row product XLSX through the API, upload → applied.

Run with the backend's virtualenv against a running API whose outbox worker is on
(``showroom serve --with-worker`` or a separate ``showroom worker``)::

    backend/.venv/bin/python bench/imports.py --base-url http://127.0.0.1:8821 \
        --email brand@example.com --password showroom2026 --brand-id <uuid> --rows 10000 [--json]

It logs in as a brand member, downloads the brand's import template to learn the columns,
generates a deterministic sheet (one row per SKU, 1-12 SKUs per product, model numbers and SKU
codes prefixed with ``--prefix`` so they do not collide with the brand's own products), uploads
it (the dry run happens inside that request), applies it and polls until the job is done.
Exits non-zero when any step fails or the import does not finish within ``--timeout``.

Running it twice against the same brand with the same prefix updates the products of the first
run instead of creating new ones; pass another ``--prefix`` to measure creation again.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
from dataclasses import dataclass
from typing import Any

import httpx
from openpyxl import Workbook, load_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FINISHED = {"done", "failed", "invalid"}
COLOURS = [
    ("IND", "Indigo"),
    ("NAT", "Natural"),
    ("CHA", "Charcoal"),
    ("SAG", "Sage"),
    ("RUS", "Rust"),
    ("NAV", "Navy"),
]
SIZES = ["XS", "S", "M", "L", "XL", "XXL"]
GARMENTS = ["shirt", "tee", "jacket", "trousers", "skirt", "tote", "scarf", "cardigan", "coat"]
FABRICS = ["Linen", "Cotton", "Wool", "Hemp", "Silk", "Denim", "Canvas"]


class BenchError(RuntimeError):
    pass


@dataclass
class Result:
    rows: int
    products: int
    generate_seconds: float
    dry_run_seconds: float
    apply_seconds: float
    products_written: int
    progress_steps: int  # distinct processed_rows values seen while applying

    @property
    def seconds(self) -> float:
        return self.dry_run_seconds + self.apply_seconds


def _check(response: httpx.Response, what: str) -> Any:
    if response.is_error:
        raise BenchError(f"{what}: HTTP {response.status_code} {response.text[:500]}")
    return response.json() if "json" in response.headers.get("content-type", "") else None


def _price(header: str, base: int) -> str:
    """``base`` is in yen; other currencies get a plausible amount with cents."""
    currency = header.rsplit(":", 1)[1].upper()
    if currency == "JPY":
        return str(base)
    return f"{base / 150:.2f}"


def generate(headers: list[str], categories: list[str], rows: int, seed: int, prefix: str) -> bytes:
    """A sheet of exactly ``rows`` SKU rows in the template's columns. Products have 1-6
    colours × 1-3 sizes (so 1-12 SKUs); a few SKUs carry their own price."""
    rng = random.Random(seed)  # noqa: S311 — benchmark data, not secrets
    names = [h for h in headers if h.startswith("name:")]
    descriptions = [h for h in headers if h.startswith("description:")]
    value_names = {h.split("_name:")[0]: h for h in headers if "_name:" in h}
    prices = [h for h in headers if h.startswith("price:")]
    # A normal (not write-only) workbook: like the files Excel, LibreOffice and our own
    # template write, it records the sheet's dimension, which openpyxl's reader relies on.
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Products"
    sheet.append(headers)
    written = 0
    product = 0
    while written < rows:
        product += 1
        model = f"{prefix}-{product:05d}"
        colours = rng.sample(COLOURS, rng.randint(1, 4))
        sizes = SIZES[rng.randint(0, 2) : rng.randint(3, 6)][: rng.randint(1, 3)]
        base = rng.randrange(1800, 48000, 100)
        fabric, garment = rng.choice(FABRICS), rng.choice(GARMENTS)
        first = True
        for colour_code, colour_name in colours:
            for size in sizes:
                if written == rows:
                    break
                row: dict[str, str] = {
                    "model_number": model,
                    "sku_code": f"{model}-{colour_code}-{size}",
                    "property1": "color",
                    "value1": colour_code,
                    "property2": "size",
                    "value2": size,
                    "track_stock": "yes" if rng.random() < 0.5 else "no",
                    "stock_quantity": str(rng.randint(0, 500)),
                    "allow_backorder": "yes" if rng.random() < 0.2 else "no",
                }
                if "value1" in value_names:
                    row[value_names["value1"]] = colour_name
                if "value2" in value_names:
                    row[value_names["value2"]] = size
                # Product-level fields come from the first row; repeating them is harmless.
                if first:
                    for header in names:
                        row[header] = f"{fabric} {garment} {product}"
                    for header in descriptions[:1]:
                        row[header] = f"{fabric} {garment}, {len(colours)} colours. " * 3
                    if categories and "category" in headers:
                        row["category"] = rng.choice(categories)
                sku_base = base + (500 if size in ("XL", "XXL") else 0)
                for header in prices:
                    row[header] = _price(header, sku_base if "WSP" in header else sku_base * 2)
                sheet.append([row.get(header, "") for header in headers])
                written += 1
                first = False
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _template_headers(data: bytes) -> list[str]:
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    try:
        first = next(workbook.worksheets[0].iter_rows(max_row=1, values_only=True))
        return [str(cell) for cell in first if cell]
    finally:
        workbook.close()


def run(args: argparse.Namespace) -> Result:
    base = f"/api/v1/brands/{args.brand_id}"
    with httpx.Client(base_url=args.base_url, timeout=args.timeout) as client:
        token = _check(
            client.post(
                "/api/v1/auth/token", data={"username": args.email, "password": args.password}
            ),
            "log in",
        )["access_token"]
        client.headers["Authorization"] = f"Bearer {token}"
        template = client.get(f"{base}/products/imports/template", params={"format": "xlsx"})
        _check(template, "download the template")
        headers = _template_headers(template.content)
        categories = [
            c["code"]
            for c in _check(client.get(f"{base}/categories", params={"limit": 100}), "categories")[
                "items"
            ]
        ]

        started = time.perf_counter()
        data = generate(headers, categories, args.rows, args.seed, args.prefix)
        generated = time.perf_counter()
        log(args, f"generated {args.rows} rows, {len(data) / 1e6:.2f} MB")

        upload = client.post(
            f"{base}/products/imports",
            files={"file": (f"{args.prefix.lower()}-{args.rows}.xlsx", data, XLSX)},
        )
        record = _check(upload, "upload")
        uploaded = time.perf_counter()
        if record["status"] != "validated":
            raise BenchError(f"the dry run found problems: {record['errors'][:5]}")
        log(args, f"dry run: {uploaded - generated:.1f} s, {record['product_count']} products")

        _check(client.post(f"{base}/products/imports/{record['id']}/apply"), "apply")
        progress: set[int] = set()
        deadline = uploaded + args.timeout
        while record["status"] not in FINISHED:
            if time.perf_counter() > deadline:
                raise BenchError(f"not done after {args.timeout} s: {record['status']}")
            time.sleep(args.poll)
            record = _check(client.get(f"{base}/products/imports/{record['id']}"), "poll")
            if record["status"] == "applying":
                progress.add(record["processed_rows"])
        applied = time.perf_counter()
        if record["status"] != "done":
            raise BenchError(f"the import ended {record['status']}: {record['message']}")
    return Result(
        rows=args.rows,
        products=record["product_count"],
        generate_seconds=generated - started,
        dry_run_seconds=uploaded - generated,
        apply_seconds=applied - uploaded,
        products_written=record["product_count"],
        progress_steps=len(progress),
    )


def log(args: argparse.Namespace, text: str) -> None:
    if not args.json:
        print(text, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--brand-id", required=True)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--prefix", default="IMP", help="model numbers are <prefix>-00001...")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds, per request too")
    parser.add_argument("--poll", type=float, default=0.25, help="seconds between polls")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args(argv)
    try:
        result = run(args)
    except (BenchError, httpx.HTTPError) as exc:
        print(f"import benchmark failed: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(
            json.dumps(
                {
                    "rows": result.rows,
                    "seconds": round(result.seconds, 2),
                    "generate_seconds": round(result.generate_seconds, 2),
                    "dry_run_seconds": round(result.dry_run_seconds, 2),
                    "apply_seconds": round(result.apply_seconds, 2),
                    # The job's count of products written; all of them are new when the
                    # prefix has not been imported into this brand before.
                    "products_created": result.products_written,
                    "progress_steps": result.progress_steps,
                }
            )
        )
    else:
        print(f"rows               {result.rows}")
        print(f"products           {result.products_written}")
        print(f"generate           {result.generate_seconds:8.1f} s (not counted)")
        print(f"upload + dry run   {result.dry_run_seconds:8.1f} s")
        print(f"apply              {result.apply_seconds:8.1f} s")
        print(f"total              {result.seconds:8.1f} s (budget 60 s)")
        print(f"progress updates   {result.progress_steps}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
