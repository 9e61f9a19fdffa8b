"""Queries of the integrations area: API keys and their request windows, webhook endpoints,
deliveries and attempts. Brand-scoped readers take the brand id; the worker's lookups take
row ids it got from its own outbox messages."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from showroom.core.idempotency import dialect_insert
from showroom.core.pagination import PageParams, keyset_page
from showroom.models import (
    ApiKey,
    ApiKeyWindow,
    DeliveryStatus,
    WebhookDelivery,
    WebhookEndpoint,
)


class ApiKeyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, key: ApiKey) -> None:
        self.session.add(key)

    async def by_prefix(self, prefix: str) -> ApiKey | None:
        return await self.session.scalar(select(ApiKey).where(ApiKey.prefix == prefix))

    async def count_request(self, key_id: uuid.UUID, window_start: datetime) -> int:
        """This request counted in its window, atomically on both databases; the count so far."""
        insert = dialect_insert(self.session)(ApiKeyWindow).values(
            api_key_id=key_id, window_start=window_start, count=1
        )
        count = await self.session.scalar(
            insert.on_conflict_do_update(
                index_elements=[ApiKeyWindow.api_key_id, ApiKeyWindow.window_start],
                set_={"count": ApiKeyWindow.count + 1},
            ).returning(ApiKeyWindow.count)
        )
        return int(count or 0)

    async def touch(self, key_id: uuid.UUID, now: datetime, older_than: datetime) -> None:
        """``last_used_at`` moves forward at most once per interval: one write a minute, not
        one per request."""
        await self.session.execute(
            update(ApiKey)
            .where(
                ApiKey.id == key_id,
                (ApiKey.last_used_at.is_(None)) | (ApiKey.last_used_at < older_than),
            )
            .values(last_used_at=now)
            .execution_options(synchronize_session=False)
        )

    async def page(self, brand_id: uuid.UUID, page: PageParams) -> tuple[list[ApiKey], str | None]:
        rows, cursor = await keyset_page(
            self.session,
            select(ApiKey).where(ApiKey.brand_id == brand_id),
            page,
            created=ApiKey.created_at,
            ident=ApiKey.id,
            newest_first=True,
        )
        return [row[0] for row in rows], cursor

    async def get(self, brand_id: uuid.UUID, key_id: uuid.UUID) -> ApiKey | None:
        return await self.session.scalar(
            select(ApiKey).where(ApiKey.brand_id == brand_id, ApiKey.id == key_id)
        )

    async def forget_windows(self, before: datetime) -> None:
        await self.session.execute(delete(ApiKeyWindow).where(ApiKeyWindow.window_start < before))


class WebhookRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: WebhookEndpoint | WebhookDelivery) -> None:
        self.session.add(row)

    # --- endpoints -----------------------------------------------------------------------

    async def endpoints(
        self, brand_id: uuid.UUID, page: PageParams
    ) -> tuple[list[WebhookEndpoint], str | None]:
        rows, cursor = await keyset_page(
            self.session,
            select(WebhookEndpoint).where(WebhookEndpoint.brand_id == brand_id),
            page,
            created=WebhookEndpoint.created_at,
            ident=WebhookEndpoint.id,
        )
        return [row[0] for row in rows], cursor

    async def endpoint(self, brand_id: uuid.UUID, endpoint_id: uuid.UUID) -> WebhookEndpoint | None:
        return await self.session.scalar(
            select(WebhookEndpoint).where(
                WebhookEndpoint.brand_id == brand_id, WebhookEndpoint.id == endpoint_id
            )
        )

    async def count_endpoints(self, brand_id: uuid.UUID) -> int:
        count = await self.session.scalar(
            select(func.count()).where(WebhookEndpoint.brand_id == brand_id)
        )
        return int(count or 0)

    async def subscribed(self, brand_id: uuid.UUID, event_type: str) -> list[WebhookEndpoint]:
        """The brand's enabled endpoints that take ``event_type``. The brand has a handful of
        endpoints, so the JSON list is filtered here rather than in SQL dialect by dialect."""
        rows = await self.session.scalars(
            select(WebhookEndpoint)
            .where(WebhookEndpoint.brand_id == brand_id, WebhookEndpoint.enabled.is_(True))
            .order_by(WebhookEndpoint.created_at, WebhookEndpoint.id)
        )
        return [endpoint for endpoint in rows if event_type in endpoint.events]

    async def pending_counts(self, endpoint_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
        if not endpoint_ids:
            return {}
        rows = await self.session.execute(
            select(WebhookDelivery.endpoint_id, func.count())
            .where(
                WebhookDelivery.endpoint_id.in_(endpoint_ids),
                WebhookDelivery.status == DeliveryStatus.pending,
            )
            .group_by(WebhookDelivery.endpoint_id)
        )
        return {endpoint_id: int(count) for endpoint_id, count in rows}

    # --- deliveries ----------------------------------------------------------------------

    async def deliveries(
        self, endpoint_id: uuid.UUID, page: PageParams, status: DeliveryStatus | None
    ) -> tuple[list[WebhookDelivery], str | None]:
        query = (
            select(WebhookDelivery)
            .where(WebhookDelivery.endpoint_id == endpoint_id)
            .options(selectinload(WebhookDelivery.attempts))
        )
        if status is not None:
            query = query.where(WebhookDelivery.status == status)
        rows, cursor = await keyset_page(
            self.session,
            query,
            page,
            created=WebhookDelivery.created_at,
            ident=WebhookDelivery.id,
            newest_first=True,
        )
        return [row[0] for row in rows], cursor

    async def delivery(
        self, endpoint_id: uuid.UUID, delivery_id: uuid.UUID
    ) -> WebhookDelivery | None:
        return await self.session.scalar(
            select(WebhookDelivery)
            .where(WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.id == delivery_id)
            .options(selectinload(WebhookDelivery.attempts))
        )

    async def delivery_to_send(self, delivery_id: uuid.UUID) -> WebhookDelivery | None:
        return await self.session.scalar(
            select(WebhookDelivery)
            .where(WebhookDelivery.id == delivery_id)
            .options(joinedload(WebhookDelivery.endpoint))
        )

    async def forget(self, deliveries_before: datetime) -> None:
        """The delivery log is kept for a while."""
        await self.session.execute(
            delete(WebhookDelivery).where(WebhookDelivery.created_at < deliveries_before)
        )
