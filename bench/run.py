"""``make bench``: QUALITY.md's budgets, measured on this machine, printed as one table.

1. creates a fresh PostgreSQL database, migrates it and runs ``showroom seed-bench``;
2. starts the API (``showroom serve --workers 2``, statement-count header on, outbox worker in
   process, the built SPA) and the raw-SQL baseline (``bench/baseline.py``, 2 workers);
3. logs in one buyer per Locust user, checks that both servers answer the same catalog page;
4. runs Locust headless (a separate process, loopback) once per operation — link landing,
   catalog products page (ours, then the baseline's), add a 12-SKU item, preview a 40-line
   cart, place a 40-line order — while sampling the API workers' resident memory;
5. runs the SPA's bundle and Lighthouse checks and the 10,000-row import (other scripts; a
   missing one is reported "not measured");
6. prints the table, writes ``bench/results/latest.json``, drops the database, and exits
   non-zero unless every budget was met.

Run with the backend's interpreter (``backend/.venv/bin/python bench/run.py``), after
``uv sync --group bench``; ``--help`` lists the knobs (durations, ports, what to skip).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
BACKEND = ROOT / "backend"
FRONTEND = ROOT / "frontend"
BIN = BACKEND / ".venv" / "bin"
PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
SECRET_KEY = "bench-secret-key-not-for-production-0123456789abcdef"  # noqa: S105


@dataclass(frozen=True)
class Budget:
    p95_ms: float
    statements: int


# QUALITY.md, "API budgets".
OPERATIONS = {
    "landing": ("landing", Budget(20, 4)),
    "products": ("products page", Budget(60, 6)),
    "add": ("add 12-SKU item", Budget(40, 10)),
    "preview": ("preview 40-line cart", Budget(80, 12)),
    "place": ("place 40-line order", Budget(150, 30)),
}
RATIO_BUDGET = 0.5
RSS_BUDGET_MB = 250
IMPORT_BUDGET_S = 60
BUNDLE_BUDGET_BYTES = 200 * 1024
LIGHTHOUSE_BUDGET = 0.90


@dataclass
class Row:
    """One line of the table."""

    name: str
    budget: str
    passed: bool | None  # None: not measured (or, with judged False, nothing to judge)
    p50: float | None = None
    p95: float | None = None
    p99: float | None = None
    rps: float | None = None
    statements: str = ""
    value: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
    # False: an information line (the flat-out phases, judged through their ratio).
    judged: bool = True

    @property
    def result(self) -> str:
        if not self.judged:
            return ""
        return {True: "pass", False: "FAIL", None: "not measured"}[self.passed]


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- processes -----------------------------------------------------------------------------


class Server:
    """A server we start in its own process group, so it and its workers stop together — and
    only they: nothing is stopped by name."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], logs: Path) -> None:
        self.name = name
        self.log_path = logs / f"{name}.log"
        self.log_file = self.log_path.open("w")
        self.process = subprocess.Popen(  # noqa: S603
            command,
            env=env,
            cwd=BACKEND,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, url: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} exited; see {self.log_path}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(url, timeout=2).status_code < 500:
                    return
            time.sleep(0.3)
        raise SystemExit(f"{self.name} did not answer {url} within {timeout:.0f} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log_file.close()


class MemorySampler(threading.Thread):
    """The peak resident memory of each API worker (the uvicorn supervisor's children)."""

    def __init__(self, supervisor: int) -> None:
        super().__init__(daemon=True)
        self.supervisor = psutil.Process(supervisor)
        self.peaks: dict[int, int] = {}
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(0.2):
            with contextlib.suppress(psutil.Error):
                for child in self.supervisor.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        if "resource_tracker" in " ".join(child.cmdline()):
                            continue
                        rss = child.memory_info().rss
                        self.peaks[child.pid] = max(self.peaks.get(child.pid, 0), rss)

    def stop(self) -> None:
        self.stopping.set()
        self.join()


# --- steps ---------------------------------------------------------------------------------


def database_url(name: str, driver: str = "postgresql+asyncpg") -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql", driver, 1) + f"/{name}"


async def admin(sql: str) -> Any:
    connection = await asyncpg.connect(PG_ADMIN_URL, timeout=10)
    try:
        return await connection.fetchval(sql)
    finally:
        await connection.close()


def run_step(command: list[str], env: dict[str, str], what: str) -> str:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=BACKEND, capture_output=True, text=True)  # noqa: S603
    if done.returncode != 0:
        raise SystemExit(f"{what} failed:\n{done.stdout}\n{done.stderr}")
    log(f"{what}: {time.perf_counter() - started:.1f} s")
    return done.stdout


def prepare_buyers(api: str, manifest: dict[str, Any], token: str, count: int) -> list[Any]:
    """One logged-in buyer per Locust user, each with its own grant on the link."""
    buyers = []
    with httpx.Client(base_url=api, timeout=30) as client:
        for buyer in manifest["buyers"][:count]:
            login = client.post(
                "/api/v1/auth/token",
                data={"username": buyer["email"], "password": manifest["password"]},
            )
            login.raise_for_status()
            access = client.post(f"/api/v1/order-links/{token}/access", json={})
            access.raise_for_status()
            buyers.append(
                {
                    **buyer,
                    "access_token": login.json()["access_token"],
                    "grant": access.json()["grant"],
                }
            )
    return buyers


def same_page(api: str, baseline: str, catalog: str, grant: str) -> None:
    """The baseline must serve the very page the API does, or the ratio means nothing."""
    url = f"/api/v1/catalogs/{catalog}/products"
    pages = [
        httpx.get(base + url, params={"limit": 50}, headers={"X-Link-Grant": grant}, timeout=30)
        for base in (api, baseline)
    ]
    for page in pages:
        page.raise_for_status()
    ours, theirs = (page.json() for page in pages)
    if ours != theirs:
        raise SystemExit(
            "the baseline's catalog page differs from the API's; fix bench/baseline.py"
        )
    if len(ours["items"]) != 50 or not all(
        item["skus"] and item["images"] for item in ours["items"]
    ):
        raise SystemExit("the catalog page is not 50 products with SKUs and images")


def locust(
    operation: str,
    host: str,
    context: Path,
    out: Path,
    args: argparse.Namespace,
    think: float,
    duration: int | None = None,
) -> dict[str, Any]:
    env = {
        **os.environ,
        "BENCH_OPERATION": operation,
        "BENCH_CONTEXT": str(context),
        "BENCH_OUT": str(out),
        "BENCH_WARMUP": str(args.warmup),
        "BENCH_THINK": str(think),
    }
    command = [
        str(BIN / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--users",
        str(args.users),
        "--spawn-rate",
        str(args.users),
        "--run-time",
        f"{args.warmup + (duration or args.duration)}s",
        "--host",
        host,
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--exit-code-on-error",
        "0",
    ]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)  # noqa: S603
    if done.returncode != 0 or not out.exists():
        raise SystemExit(
            f"locust ({operation}) failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
    result: dict[str, Any] = json.loads(out.read_text())
    return result


def merge(into: dict[str, Any] | None, result: dict[str, Any]) -> dict[str, Any]:
    """Two Locust runs of one operation as one: timings and statements pooled, time added."""
    if into is None:
        return result
    for name, measured in result["requests"].items():
        pooled = into["requests"].setdefault(
            name, {"timings_ms": [], "statements": [], "failures": 0}
        )
        pooled["timings_ms"] += measured["timings_ms"]
        pooled["statements"] += measured["statements"]
        pooled["failures"] += measured["failures"]
    for name, count in result["failures"].items():
        into["failures"][name] = into["failures"].get(name, 0) + count
    into["seconds"] += result["seconds"]
    return into


def operation_row(
    operation: str, result: dict[str, Any], *, label: str | None = None, judged: bool = True
) -> Row:
    """A Locust phase's line; ``judged``: against the operation's latency and statement
    budgets (the flat-out throughput phases are judged by their ratio instead)."""
    name, budget = OPERATIONS[operation]
    measured = result["requests"].get(name)
    label = label or name
    if not measured or not measured["timings_ms"]:
        return Row(label, "", False, value="no request answered")
    timings = sorted(measured["timings_ms"])
    statements = measured["statements"]
    failures = measured["failures"] + sum(
        count for other, count in result["failures"].items() if other != name
    )
    row = Row(
        label,
        f"p95 ≤ {budget.p95_ms:g} ms, ≤ {budget.statements} SQL" if judged else "",
        None,
        p50=percentile(timings, 0.50),
        p95=percentile(timings, 0.95),
        p99=percentile(timings, 0.99),
        rps=len(timings) / result["seconds"],
        statements=(
            f"{min(statements)}"
            if min(statements) == max(statements)
            else f"{min(statements)}–{max(statements)}"
        )
        if statements
        else "",
        detail={
            "requests": len(timings),
            "failures": failures,
            "seconds": round(result["seconds"], 1),
        },
        judged=judged,
    )
    if failures:
        row.value = f"{failures} failed"
    if judged:
        row.passed = (
            row.p95 is not None
            and row.p95 <= budget.p95_ms
            and bool(statements)
            and max(statements) <= budget.statements
            and failures == 0
        )
    return row


def external(
    command: list[str], what: str, timeout: float, output: Path | None = None
) -> dict[str, Any] | None:
    """A measurement script of ours (the SPA's, the import's); None (not measured) when it is
    missing or gives no answer. ``output``: the file it writes its answer to, if any."""
    script = Path(command[1])
    if not script.exists():
        log(f"{what}: {script.relative_to(ROOT)} is missing — not measured")
        return None
    if command[0] == "node" and shutil.which("node") is None:
        log(f"{what}: node is not installed — not measured")
        return None
    started = time.perf_counter()
    try:
        done = subprocess.run(  # noqa: S603
            command, cwd=ROOT, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        log(f"{what}: no answer within {timeout:.0f} s — not measured")
        return None
    log(f"{what}: {time.perf_counter() - started:.1f} s (exit {done.returncode})")
    # A script prints either its whole answer as one JSON document or a JSON line last.
    text = done.stdout.strip()
    lines = [line for line in text.splitlines() if line.strip().startswith("{")]
    for candidate in (text, lines[-1] if lines else ""):
        with contextlib.suppress(json.JSONDecodeError):
            parsed = json.loads(candidate)
            if isinstance(parsed, dict):
                return parsed
    if output is not None and output.exists():
        with contextlib.suppress(json.JSONDecodeError):
            from_file: dict[str, Any] = json.loads(output.read_text())
            return from_file
    log(f"{what}: no JSON answer — not measured\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return None


def machine(pg_version: str) -> dict[str, Any]:
    model = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": model,
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "postgresql": pg_version,
    }


def fmt(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def table(rows: list[Row]) -> str:
    header = ["", "p50 ms", "p95 ms", "p99 ms", "req/s", "SQL/req", "value", "budget", "result"]
    lines = [
        [
            row.name,
            fmt(row.p50),
            fmt(row.p95),
            fmt(row.p99),
            fmt(row.rps, 0),
            row.statements,
            row.value,
            row.budget,
            row.result,
        ]
        for row in rows
    ]
    widths = [max(len(cells[i]) for cells in [header, *lines]) for i in range(len(header))]
    rule = "-+-".join("-" * width for width in widths)

    def render(cells: list[str]) -> str:
        return " | ".join(
            cell.ljust(width) if i in (0, 6, 7, 8) else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        )

    return "\n".join([render(header), rule, *(render(cells) for cells in lines)])


# --- the run -------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--api-port", type=int, default=8801)
    parser.add_argument("--baseline-port", type=int, default=8802)
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=4, help="seconds before measuring")
    parser.add_argument("--duration", type=int, default=20, help="measured seconds per phase")
    parser.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="mean seconds a user pauses between operations in the latency phases",
    )
    parser.add_argument(
        "--ratio-rounds",
        type=int,
        default=2,
        help="alternating flat-out rounds (API, baseline) the throughput ratio pools",
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--only", nargs="*", choices=list(OPERATIONS), help="API phases to run")
    parser.add_argument("--skip-spa", action="store_true", help="no bundle or Lighthouse check")
    parser.add_argument("--skip-import", action="store_true", help="no 10,000-row import")
    parser.add_argument("--keep-database", action="store_true")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    args = parser.parse_args()

    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="bench_api_"))
    name = f"bench_api_{datetime.now(UTC):%Y%m%d%H%M%S}_{os.getpid()}"
    env = {
        **os.environ,
        "SHOWROOM_ENV": "development",
        "SHOWROOM_DATABASE_URL": database_url(name),
        "SHOWROOM_SECRET_KEY": SECRET_KEY,
        "SHOWROOM_MEDIA_ROOT": str(work / "media"),
        "SHOWROOM_PUBLIC_URL": f"http://127.0.0.1:{args.api_port}",
        "SHOWROOM_STATEMENT_COUNT_HEADER": "true",
    }
    servers: list[Server] = []
    sampler: MemorySampler | None = None
    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    log(f"database {name}, work files in {work}")
    try:
        pg_version = str(asyncio.run(admin("SHOW server_version")))
        run_step([str(BIN / "showroom"), "migrate"], env, "migrate")
        manifest_path = work / "manifest.json"
        seeded = run_step(
            [
                str(BIN / "showroom"),
                "seed-bench",
                "--seed",
                str(args.seed),
                "--manifest",
                str(manifest_path),
            ],
            env,
            "seed-bench",
        )
        log(seeded.strip())
        manifest = json.loads(manifest_path.read_text())

        api_url = f"http://127.0.0.1:{args.api_port}"
        baseline_url = f"http://127.0.0.1:{args.baseline_port}"
        serve = [
            str(BIN / "showroom"),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(args.api_port),
        ]
        serve += ["--workers", "2", "--with-worker"]
        if (FRONTEND / "dist" / "index.html").exists():
            serve += ["--spa-dist", str(FRONTEND / "dist")]
        api = Server("api", serve, env, work)
        servers.append(api)
        baseline = Server(
            "baseline",
            [
                str(BIN / "uvicorn"),
                "--app-dir",
                str(ROOT / "bench"),
                "baseline:app",
                "--host",
                "127.0.0.1",
                "--port",
                str(args.baseline_port),
                "--workers",
                "2",
                "--log-level",
                "warning",
                "--no-access-log",
            ],
            env,
            work,
        )
        servers.append(baseline)
        api.wait_ready(f"{api_url}/api/v1/health")
        baseline.wait_ready(f"{baseline_url}/api/v1/catalogs/{manifest['catalog_id']}/products")
        sampler = MemorySampler(api.process.pid)
        sampler.start()

        token = next(
            link["token"]
            for link in manifest["links"]
            if link["kind"] == "instant" and not link["passcode"]
        )
        buyers = prepare_buyers(api_url, manifest, token, args.users)
        same_page(api_url, baseline_url, manifest["catalog_id"], buyers[0]["grant"])
        context = work / "context.json"
        context.write_text(
            json.dumps(
                {
                    "catalog_id": manifest["catalog_id"],
                    "token": token,
                    "buyers": buyers,
                    "products": manifest["products"],
                }
            )
        )

        rows: list[Row] = []
        phases = args.only or list(OPERATIONS)
        for operation in phases:
            result = locust(
                operation, api_url, context, work / f"{operation}.json", args, args.think
            )
            row = operation_row(operation, result)
            rows.append(row)
            log(f"{operation}: p95 {fmt(row.p95)} ms, {fmt(row.rps, 0)} req/s")
        if "products" in phases:
            # Throughput: the same page from both servers, users not pausing at all, in
            # alternating rounds so that a burst of other load on the machine hits both.
            merged: dict[str, dict[str, Any]] = {}
            per_round = max(5, args.duration // args.ratio_rounds)
            for round_number in range(args.ratio_rounds):
                for server, url in (("ours", api_url), ("baseline", baseline_url)):
                    out = work / f"throughput-{server}-{round_number}.json"
                    merged[server] = merge(
                        merged.get(server),
                        locust("products", url, context, out, args, 0, per_round),
                    )
            flat_out = {}
            for server, result in merged.items():
                label = "products page, flat out" + (" (baseline)" if server == "baseline" else "")
                flat_out[server] = operation_row("products", result, label=label, judged=False)
                rows.append(flat_out[server])
                log(f"{label}: {fmt(flat_out[server].rps, 0)} req/s")
            ours, theirs = flat_out["ours"].rps, flat_out["baseline"].rps
            ratio = ours / theirs if ours and theirs else 0.0
            rows.append(
                Row(
                    "catalog throughput ratio",
                    f"≥ {RATIO_BUDGET}",
                    ratio >= RATIO_BUDGET,
                    value=f"{ratio:.2f}",
                    detail={"ratio": round(ratio, 3)},
                )
            )
        sampler.stop()
        peaks = sampler.peaks
        sampler = None

        peak_mb = max(peaks.values()) / 2**20 if peaks else None
        rows.append(
            Row(
                "API worker peak RSS",
                f"≤ {RSS_BUDGET_MB} MB",
                None if peak_mb is None else peak_mb <= RSS_BUDGET_MB,
                value="" if peak_mb is None else f"{peak_mb:.0f} MB",
                detail={"per_process_mb": {str(p): round(v / 2**20, 1) for p, v in peaks.items()}},
            )
        )

        if not args.skip_spa:
            rows += spa_rows(api_url, token, work)
        if not args.skip_import:
            rows.append(import_row(api_url, manifest))
    finally:
        if sampler is not None:
            sampler.stop()
        for server in servers:
            server.stop()
        if not args.keep_database:
            asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    passed = all(row.passed for row in rows if row.judged)
    seconds = time.perf_counter() - started
    print()
    print(
        f"make bench — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {args.users} users pausing "
        f"{args.think:g} s on average (flat out for throughput), {args.duration:g} s per phase "
        f"after {args.warmup:g} s warm-up, {seconds:.0f} s in all"
    )
    print(table(rows))
    print()
    print("every budget met" if passed else "BUDGETS MISSED (or not measured)")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(
            {
                "date": datetime.now(UTC).isoformat(timespec="seconds"),
                "machine": machine(pg_version),
                "config": {
                    "users": args.users,
                    "think_s": args.think,
                    "warmup_s": args.warmup,
                    "duration_s": args.duration,
                    "api_workers": 2,
                    "seed": args.seed,
                    "scale": manifest["scale"],
                },
                "seconds": round(seconds, 1),
                "passed": passed,
                "rows": [
                    {
                        "name": row.name,
                        "budget": row.budget,
                        "result": row.result.lower() or "information",
                        "p50_ms": None if row.p50 is None else round(row.p50, 1),
                        "p95_ms": None if row.p95 is None else round(row.p95, 1),
                        "p99_ms": None if row.p99 is None else round(row.p99, 1),
                        "rps": None if row.rps is None else round(row.rps, 1),
                        "statements": row.statements,
                        "value": row.value,
                        **row.detail,
                    }
                    for row in rows
                ],
            },
            indent=1,
        )
        + "\n"
    )
    log(f"wrote {args.output}")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if passed else 1


def spa_rows(api_url: str, token: str, work: Path) -> list[Row]:
    rows = []
    bundle = external(
        ["node", str(FRONTEND / "scripts" / "bundle-budget.mjs"), "--json"], "bundle", 300
    )
    if bundle is None:
        rows.append(Row("buyer JS before catalog (gzip)", "≤ 200 KB", None))
    else:
        size = int(bundle["buyer_initial_js_gzip_bytes"])
        limit = int(bundle.get("budget_bytes", BUNDLE_BUDGET_BYTES))
        rows.append(
            Row(
                "buyer JS before catalog (gzip)",
                f"≤ {limit / 1024:.0f} KB",
                size <= limit,
                value=f"{size / 1024:.1f} KB",
                detail={"bundle": bundle},
            )
        )
    output = work / "lighthouse.json"
    lighthouse = external(
        [
            "node",
            str(FRONTEND / "scripts" / "lighthouse.mjs"),
            "--base-url",
            api_url,
            "--token",
            token,
            "--output",
            str(output),
        ],
        "lighthouse",
        420,
        output=output,
    )
    pages = (lighthouse or {}).get("pages")
    if not pages:
        rows.append(Row("Lighthouse (mobile)", f"≥ {LIGHTHOUSE_BUDGET * 100:.0f}", None))
    for page in pages or []:
        score = float(page["performance"])
        rows.append(
            Row(
                f"Lighthouse {page['name']} (mobile)",
                f"≥ {LIGHTHOUSE_BUDGET * 100:.0f}",
                score >= LIGHTHOUSE_BUDGET,
                value=f"{score * 100:.0f}",
                detail={"lighthouse": page},
            )
        )
    return rows


def import_row(api_url: str, manifest: dict[str, Any]) -> Row:
    result = external(
        [
            str(BIN / "python"),
            str(ROOT / "bench" / "imports.py"),
            "--base-url",
            api_url,
            "--email",
            manifest["owner"]["email"],
            "--password",
            manifest["owner"]["password"],
            "--brand-id",
            manifest["brand_id"],
            "--rows",
            "10000",
            "--json",
        ],
        "import",
        300,
    )
    if result is None:
        return Row("import 10,000-row XLSX", f"≤ {IMPORT_BUDGET_S} s", None)
    seconds = float(result["seconds"])
    return Row(
        "import 10,000-row XLSX",
        f"≤ {IMPORT_BUDGET_S} s",
        seconds <= IMPORT_BUDGET_S and int(result.get("rows", 0)) == 10000,
        value=f"{seconds:.1f} s",
        detail={"import": result},
    )


if __name__ == "__main__":
    sys.exit(main())
