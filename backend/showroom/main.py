"""The application factory."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.routing import APIRoute

from showroom.accounts.router import auth as auth_router
from showroom.accounts.router import me as me_router
from showroom.audit.router import router as audit_router
from showroom.brands.router import router as brands_router
from showroom.buyers.router import router as buyers_router
from showroom.carts.router import router as carts_router
from showroom.catalogs.router import router as catalogs_router
from showroom.commerce.router import router as commerce_router
from showroom.core.body_limit import BodyLimitMiddleware
from showroom.core.compression import CompressionMiddleware
from showroom.core.config import Settings, get_settings
from showroom.core.db import create_engine, create_sessionmaker
from showroom.core.errors import install_error_handlers
from showroom.core.health import router as health_router
from showroom.core.openapi import install_openapi
from showroom.core.request_id import RequestIdMiddleware
from showroom.core.security_headers import SecurityHeadersMiddleware
from showroom.core.statement_count import install_statement_count
from showroom.core.storage import LocalStorage
from showroom.customers.router import brand_side as customers_router
from showroom.customers.router import buyer_side as connections_router
from showroom.dev.router import router as dev_router
from showroom.imports.router import router as imports_router
from showroom.integrations.router import router as integrations_router
from showroom.integrations.webhook_docs import webhooks as webhook_docs
from showroom.invitations.router import router as invitations_router
from showroom.links.router import router as links_router
from showroom.media.router import router as media_router
from showroom.orders.router import brand_side as brand_orders_router
from showroom.orders.router import buyer_side as buyer_orders_router
from showroom.payments.gateway import StripeGateway
from showroom.payments.router import router as payments_router
from showroom.products.router import router as products_router
from showroom.products.router import skus_router
from showroom.reference.router import router as reference_router
from showroom.spa import mount_spa
from showroom.storefront.router import router as storefront_router
from showroom.worker import run_worker

API_PREFIX = "/api/v1"
# Endpoints that take files get the larger upload limit.
UPLOAD_PATHS = r"^/api/v1/brands/[^/]+/(media|products/imports)$"
logger = logging.getLogger("showroom")


def _operation_id(route: APIRoute) -> str:
    return f"{route.tags[0]}_{route.name}" if route.tags else route.name


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    engine = create_engine(settings)
    sessionmaker = create_sessionmaker(engine)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # The modules, routes and models loaded so far live as long as the process: moved out
        # of the collector's reach, the full collections that a catalog page's thousands of
        # short-lived dicts set off no longer walk them (products page p95 under load 278 →
        # 79 ms, docs/benchmarks.md).
        gc.collect()
        gc.freeze()
        stop = asyncio.Event()
        worker = (
            asyncio.create_task(run_worker(settings, sessionmaker, stop))
            if settings.run_worker_in_process
            else None
        )
        try:
            yield
        finally:
            stop.set()
            if worker is not None:
                await worker
            await engine.dispose()

    app = FastAPI(
        title="Showroom API",
        version="1.0.0",
        description="B2B wholesale ordering: brands, catalogs, order links, carts and orders. "
        "Errors are RFC 9457 problems with a stable `code`.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
    )
    app.state.settings = settings
    app.state.payment_gateway = (
        StripeGateway(settings) if settings.card_payments_available else None
    )
    app.state.engine = engine
    app.state.sessionmaker = sessionmaker
    app.state.storage = LocalStorage(settings.media_root)

    install_error_handlers(app)
    install_openapi(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=True,
            allow_methods=["*"],
            allow_headers=["*"],
        )
    app.add_middleware(
        BodyLimitMiddleware,
        default_limit=settings.max_body_bytes,
        overrides=[(UPLOAD_PATHS, settings.max_upload_bytes)],
    )
    app.add_middleware(CompressionMiddleware)
    app.add_middleware(SecurityHeadersMiddleware, settings=settings)
    app.add_middleware(RequestIdMiddleware)
    install_statement_count(app, engine, settings)

    api = APIRouter(prefix=API_PREFIX)
    for router in (
        health_router,
        auth_router,
        me_router,
        buyers_router,
        brands_router,
        commerce_router,
        media_router,
        imports_router,
        products_router,
        skus_router,
        catalogs_router,
        customers_router,
        links_router,
        storefront_router,
        payments_router,
        carts_router,
        buyer_orders_router,
        brand_orders_router,
        connections_router,
        integrations_router,
        invitations_router,
        reference_router,
        dev_router,
        audit_router,
    ):
        api.include_router(router)
    app.include_router(api)
    app.webhooks.include_router(webhook_docs)

    if settings.spa_dist is not None:
        mount_spa(app, settings.spa_dist)
    return app
