"""The ``showroom`` command: serve, migrate, seed-demo, seed-bench, worker, create-user, openapi."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import os
import signal
import sys
from pathlib import Path
from typing import Any

BACKEND_DIR = Path(__file__).resolve().parents[1]


def alembic_config(database_url: str | None = None, *, configure_logging: bool = True) -> Any:
    from alembic.config import Config

    from showroom.core.config import get_settings

    config = Config(str(BACKEND_DIR / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", database_url or get_settings().database_url)
    config.attributes["configure_logging"] = configure_logging
    return config


def migrate(database_url: str | None = None, *, configure_logging: bool = True) -> None:
    from alembic import command

    command.upgrade(alembic_config(database_url, configure_logging=configure_logging), "head")


def cmd_migrate(_: argparse.Namespace) -> None:
    migrate()


def cmd_seed_demo(_: argparse.Namespace) -> None:
    from showroom.core.config import get_settings
    from showroom.core.db import create_engine, create_sessionmaker
    from showroom.demo import DEMO_LINK_PASSCODE, DEMO_LOGINS, seed_demo

    async def run() -> bool:
        settings = get_settings()
        engine = create_engine(settings)
        try:
            return await seed_demo(settings, create_sessionmaker(engine))
        finally:
            await engine.dispose()

    created = asyncio.run(run())
    print("Demo data created." if created else "Demo data skipped: the database already has users.")
    for login in DEMO_LOGINS:
        print(f"  {login.role:<6} {login.email}  /  {login.password}")
    print(
        f"  Order links: the brand's Links page (the instant link's passcode: {DEMO_LINK_PASSCODE})"
    )


def cmd_seed_bench(args: argparse.Namespace) -> None:
    import json
    import time

    from showroom.core.config import get_settings
    from showroom.core.db import create_engine, create_sessionmaker
    from showroom.dev.benchdata import DatabaseNotEmpty, Scale, seed_bench

    scale = Scale(products=args.products, skus=args.skus, buyers=args.buyers)

    async def run() -> dict[str, Any]:
        settings = get_settings()
        engine = create_engine(settings)
        try:
            return await seed_bench(
                settings, create_sessionmaker(engine), seed=args.seed, scale=scale, force=args.force
            )
        finally:
            await engine.dispose()

    started = time.perf_counter()
    try:
        manifest = asyncio.run(run())
    except DatabaseNotEmpty as exc:
        sys.exit(f"seed-bench: {exc} (--force writes into it anyway)")
    seconds = time.perf_counter() - started
    if args.manifest:
        Path(args.manifest).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    print(
        f"Bench data: {scale.products} products × {scale.skus} SKUs, {scale.buyers} buyers, "
        f"{len(manifest['links'])} links in {seconds:.1f} s (seed {args.seed})"
    )


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    if args.spa_dist:
        os.environ["SHOWROOM_SPA_DIST"] = str(Path(args.spa_dist).resolve())
    if args.with_worker:
        os.environ["SHOWROOM_RUN_WORKER_IN_PROCESS"] = "true"
    fake_stripe = None
    if args.with_localstripe:
        from showroom.dev import localstripe

        port = args.localstripe_port
        fake_stripe = localstripe.start(port, localstripe.default_data_file(port))
        os.environ.update(localstripe.settings_env(port))
    try:
        uvicorn.run(
            "showroom.main:create_app",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            proxy_headers=True,
            log_level="info",
        )
    finally:
        if fake_stripe is not None:
            localstripe.stop(fake_stripe)


def cmd_worker(_: argparse.Namespace) -> None:
    from showroom.core.config import get_settings
    from showroom.core.db import create_engine, create_sessionmaker
    from showroom.worker import run_worker

    async def run() -> None:
        settings = get_settings()
        engine = create_engine(settings)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        try:
            await run_worker(settings, create_sessionmaker(engine), stop)
        finally:
            await engine.dispose()

    logging.basicConfig(level=logging.INFO)
    asyncio.run(run())


def cmd_create_user(args: argparse.Namespace) -> None:
    from pydantic import ValidationError

    from showroom.accounts.schemas import SignupRequest
    from showroom.accounts.service import AccountService
    from showroom.core.config import get_settings
    from showroom.core.db import create_engine, create_sessionmaker

    password = args.password or getpass.getpass("Password: ")
    try:
        data = SignupRequest(
            email=args.email,
            display_name=args.name,
            country=args.country,
            language=args.language,
            phone=args.phone,
            password=password,
            password_confirm=password,
            accept_terms=True,
        )
    except ValidationError as exc:
        sys.exit(f"Invalid user: {exc}")

    async def run() -> None:
        settings = get_settings()
        engine = create_engine(settings)
        try:
            async with create_sessionmaker(engine)() as session, session.begin():
                user = await AccountService(session, settings).signup(data)
                user.email_verified = True
        finally:
            await engine.dispose()

    asyncio.run(run())
    print(f"Created {data.email}")


def cmd_openapi(args: argparse.Namespace) -> None:
    from showroom.core.config import Settings
    from showroom.core.openapi import dump
    from showroom.main import create_app

    text = dump(create_app(Settings(env="test", database_url="sqlite+aiosqlite:///:memory:")))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="showroom", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the API (and the built SPA)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--spa-dist", help="folder of the built SPA to serve at /")
    serve.add_argument(
        "--with-worker", action="store_true", help="run the outbox worker in-process"
    )
    serve.add_argument(
        "--with-localstripe",
        action="store_true",
        help="development: take cards through a local fake Stripe (localstripe)",
    )
    serve.add_argument("--localstripe-port", type=int, default=8420)
    serve.set_defaults(func=cmd_serve)

    commands.add_parser("migrate", help="apply database migrations").set_defaults(func=cmd_migrate)
    commands.add_parser("seed-demo", help="create demo logins on an empty database").set_defaults(
        func=cmd_seed_demo
    )
    bench = commands.add_parser(
        "seed-bench", help="create the benchmark reference data set (QUALITY.md)"
    )
    bench.add_argument("--seed", type=int, default=42)
    bench.add_argument("--products", type=int, default=2000)
    bench.add_argument("--skus", type=int, default=12, help="SKUs per product")
    bench.add_argument("--buyers", type=int, default=200)
    bench.add_argument("--manifest", help="write the ids, tokens and logins the harness needs")
    bench.add_argument(
        "--force", action="store_true", help="write even if the database already has data"
    )
    bench.set_defaults(func=cmd_seed_bench)
    commands.add_parser("worker", help="run the outbox worker").set_defaults(func=cmd_worker)

    create_user = commands.add_parser("create-user", help="create a verified user account")
    create_user.add_argument("--email", required=True)
    create_user.add_argument("--name", required=True)
    create_user.add_argument("--country", default="JP")
    create_user.add_argument("--language", default="en")
    create_user.add_argument("--phone", required=True)
    create_user.add_argument("--password", help="prompted for when omitted")
    create_user.set_defaults(func=cmd_create_user)

    openapi = commands.add_parser("openapi", help="print the OpenAPI document (sorted keys)")
    openapi.add_argument("--output", "-o")
    openapi.set_defaults(func=cmd_openapi)

    args = parser.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
