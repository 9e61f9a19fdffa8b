"""The brand's integration settings: API keys (created with the secret shown once, listed,
revoked) and webhook endpoints (created with their signing secret shown once, edited,
rotated, deleted) with their delivery log and replays. Owners and admins only."""

from __future__ import annotations

import ipaddress
import uuid
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession

from showroom.brands import policies
from showroom.brands.access import BrandContext
from showroom.core.config import Settings
from showroom.core.errors import Conflict, Invalid, NotFound
from showroom.core.pagination import PageParams
from showroom.core.security import new_secret
from showroom.core.time import utcnow
from showroom.integrations.credentials import new_api_key
from showroom.integrations.delivery import queue_delivery
from showroom.integrations.repository import ApiKeyRepository, WebhookRepository
from showroom.integrations.schemas import (
    ApiKeyCreate,
    WebhookEndpointCreate,
    WebhookEndpointUpdate,
)
from showroom.models import ApiKey, DeliveryStatus, WebhookDelivery, WebhookEndpoint

MAX_ENDPOINTS = 16
SECRET_PREFIX = "whsec_"  # noqa: S105 — a label, not a secret


def new_signing_secret() -> str:
    return SECRET_PREFIX + new_secret(32)


class IntegrationService:
    def __init__(self, session: AsyncSession, settings: Settings, ctx: BrandContext) -> None:
        ctx.require_admin("manage API keys and webhooks", policies.can_manage_integrations)
        self.session = session
        self.settings = settings
        self.ctx = ctx
        self.keys = ApiKeyRepository(session)
        self.webhooks = WebhookRepository(session)

    # --- API keys --------------------------------------------------------------------------

    async def create_key(self, data: ApiKeyCreate) -> tuple[ApiKey, str]:
        secret, prefix, hashed = new_api_key()
        key = ApiKey(
            id=uuid.uuid4(),
            brand_id=self.ctx.brand_id,
            name=data.name,
            prefix=prefix,
            secret_hash=hashed,
            scopes=sorted({scope.value for scope in data.scopes}),
            created_by_id=self.ctx.actor_id,
            created_at=utcnow(),
        )
        self.keys.add(key)
        await self.session.flush()
        return key, secret

    async def key_page(self, page: PageParams) -> tuple[list[ApiKey], str | None]:
        return await self.keys.page(self.ctx.brand_id, page)

    async def revoke_key(self, key_id: uuid.UUID) -> None:
        """Revoking twice is no error: the key stays revoked since the first time."""
        key = await self.keys.get(self.ctx.brand_id, key_id)
        if key is None:
            raise NotFound("No such API key.", code="api_key.not_found")
        if key.revoked_at is None:
            key.revoked_at = utcnow()
            await self.session.flush()

    # --- webhook endpoints -----------------------------------------------------------------

    def _check_url(self, url: str) -> str:
        """Where the brand's data may be sent. In production: https only and never our own
        network (loopback, private, link-local addresses)."""
        if self.settings.private_webhook_urls_allowed:
            return url
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if parts.scheme != "https":
            raise Invalid(
                "Webhook URLs must use https://.", code="webhook.url_not_https", loc=("body", "url")
            )
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            private = host == "localhost" or host.endswith((".localhost", ".local", ".internal"))
        else:
            private = not address.is_global
        if private:
            raise Invalid(
                "Webhook URLs must reach a public address.",
                code="webhook.url_not_public",
                loc=("body", "url"),
            )
        return url

    async def endpoint_page(
        self, page: PageParams
    ) -> tuple[list[WebhookEndpoint], dict[uuid.UUID, int], str | None]:
        rows, cursor = await self.webhooks.endpoints(self.ctx.brand_id, page)
        return rows, await self.webhooks.pending_counts([e.id for e in rows]), cursor

    async def endpoint(self, endpoint_id: uuid.UUID) -> WebhookEndpoint:
        endpoint = await self.webhooks.endpoint(self.ctx.brand_id, endpoint_id)
        if endpoint is None:
            raise NotFound("No such webhook endpoint.", code="webhook.not_found")
        return endpoint

    async def pending(self, endpoint: WebhookEndpoint) -> int:
        return (await self.webhooks.pending_counts([endpoint.id])).get(endpoint.id, 0)

    async def create_endpoint(self, data: WebhookEndpointCreate) -> WebhookEndpoint:
        url = self._check_url(data.url)
        if await self.webhooks.count_endpoints(self.ctx.brand_id) >= MAX_ENDPOINTS:
            raise Conflict(
                f"A brand has at most {MAX_ENDPOINTS} webhook endpoints.",
                code="webhook.too_many_endpoints",
            )
        now = utcnow()
        endpoint = WebhookEndpoint(
            id=uuid.uuid4(),
            brand_id=self.ctx.brand_id,
            url=url,
            description=data.description,
            events=sorted({event.value for event in data.events}),
            enabled=data.enabled,
            secret=new_signing_secret(),
            created_at=now,
            updated_at=now,
        )
        self.webhooks.add(endpoint)
        await self.session.flush()
        return endpoint

    async def update_endpoint(
        self, endpoint_id: uuid.UUID, data: WebhookEndpointUpdate
    ) -> WebhookEndpoint:
        endpoint = await self.endpoint(endpoint_id)
        if data.url is not None:
            endpoint.url = self._check_url(data.url)
        if data.description is not None:
            endpoint.description = data.description
        if data.events is not None:
            endpoint.events = sorted({event.value for event in data.events})
        if data.enabled is not None:
            endpoint.enabled = data.enabled
        endpoint.updated_at = utcnow()
        await self.session.flush()
        return endpoint

    async def rotate_secret(self, endpoint_id: uuid.UUID) -> WebhookEndpoint:
        """A new secret at once: deliveries from now on (retries included) are signed with it."""
        endpoint = await self.endpoint(endpoint_id)
        endpoint.secret = new_signing_secret()
        endpoint.updated_at = utcnow()
        await self.session.flush()
        return endpoint

    async def delete_endpoint(self, endpoint_id: uuid.UUID) -> None:
        endpoint = await self.endpoint(endpoint_id)
        await self.session.delete(endpoint)

    async def deliveries(
        self, endpoint_id: uuid.UUID, page: PageParams, status: DeliveryStatus | None
    ) -> tuple[list[WebhookDelivery], str | None]:
        endpoint = await self.endpoint(endpoint_id)
        return await self.webhooks.deliveries(endpoint.id, page, status)

    async def delivery(self, endpoint_id: uuid.UUID, delivery_id: uuid.UUID) -> WebhookDelivery:
        endpoint = await self.endpoint(endpoint_id)
        delivery = await self.webhooks.delivery(endpoint.id, delivery_id)
        if delivery is None:
            raise NotFound("No such delivery.", code="webhook_delivery.not_found")
        return delivery

    async def replay(self, endpoint_id: uuid.UUID, delivery_id: uuid.UUID) -> WebhookDelivery:
        """The same event (same id, same payload) sent again as a new delivery, with its own
        retries; the receiver recognises it by the event id."""
        original = await self.delivery(endpoint_id, delivery_id)
        endpoint = await self.endpoint(endpoint_id)
        if not endpoint.enabled:
            raise Conflict(
                "Enable the endpoint before replaying to it.", code="webhook.endpoint_disabled"
            )
        replay = queue_delivery(self.session, endpoint, original.payload, replay_of=original)
        await self.session.flush()
        return replay
