"""The brand's API keys and webhook endpoints (owners and admins; never an API key)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from showroom.brands.access import ManagingBrand
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings
from showroom.core.errors import errors
from showroom.core.pagination import Page, Pagination
from showroom.integrations.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyRead,
    WebhookDeliveryRead,
    WebhookEndpointCreate,
    WebhookEndpointCreated,
    WebhookEndpointRead,
    WebhookEndpointUpdate,
)
from showroom.integrations.service import IntegrationService
from showroom.models import ApiKey, DeliveryStatus, WebhookEndpoint

router = APIRouter(prefix="/brands/{brand_id}", tags=["integrations"])


def get_integration_service(
    session: DbSession, settings: AppSettings, ctx: ManagingBrand
) -> IntegrationService:
    return IntegrationService(session, settings, ctx)


Integrations = Annotated[IntegrationService, Depends(get_integration_service)]
READ = errors(403, 404)
WRITE = errors(403, 404, 409)


def key_view(key: ApiKey) -> ApiKeyRead:
    return ApiKeyRead.model_validate(key)


def endpoint_view(endpoint: WebhookEndpoint, pending: int) -> WebhookEndpointRead:
    return WebhookEndpointRead.model_validate(
        {
            **{
                name: getattr(endpoint, name)
                for name in WebhookEndpointRead.model_fields
                if hasattr(endpoint, name)
            },
            "secret_hint": f"…{endpoint.secret[-4:]}",
            "pending_deliveries": pending,
        }
    )


def created_endpoint_view(endpoint: WebhookEndpoint, pending: int) -> WebhookEndpointCreated:
    return WebhookEndpointCreated(
        **endpoint_view(endpoint, pending).model_dump(), secret=endpoint.secret
    )


# --- API keys ------------------------------------------------------------------------------


@router.get("/api-keys", responses=READ, summary="API keys (newest first, revoked ones too)")
async def list_api_keys(integrations: Integrations, page: Pagination) -> Page[ApiKeyRead]:
    rows, cursor = await integrations.key_page(page)
    return Page(items=[key_view(key) for key in rows], next_cursor=cursor)


@router.post(
    "/api-keys",
    status_code=status.HTTP_201_CREATED,
    responses=READ,
    summary="Create an API key; its secret is in this answer only",
)
async def create_api_key(body: ApiKeyCreate, integrations: Integrations) -> ApiKeyCreated:
    key, secret = await integrations.create_key(body)
    return ApiKeyCreated(**key_view(key).model_dump(), secret=secret)


@router.delete(
    "/api-keys/{key_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=READ,
    summary="Revoke an API key (at once, for good; revoking again is no error)",
)
async def revoke_api_key(key_id: uuid.UUID, integrations: Integrations) -> None:
    await integrations.revoke_key(key_id)


# --- webhook endpoints ---------------------------------------------------------------------


@router.get("/webhook-endpoints", responses=READ, summary="Webhook endpoints")
async def list_webhook_endpoints(
    integrations: Integrations, page: Pagination
) -> Page[WebhookEndpointRead]:
    rows, pending, cursor = await integrations.endpoint_page(page)
    return Page(items=[endpoint_view(e, pending.get(e.id, 0)) for e in rows], next_cursor=cursor)


@router.post(
    "/webhook-endpoints",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE,
    summary="Add a webhook endpoint; its signing secret is in this answer only",
)
async def create_webhook_endpoint(
    body: WebhookEndpointCreate, integrations: Integrations
) -> WebhookEndpointCreated:
    return created_endpoint_view(await integrations.create_endpoint(body), 0)


@router.get("/webhook-endpoints/{endpoint_id}", responses=READ, summary="One webhook endpoint")
async def get_webhook_endpoint(
    endpoint_id: uuid.UUID, integrations: Integrations
) -> WebhookEndpointRead:
    endpoint = await integrations.endpoint(endpoint_id)
    return endpoint_view(endpoint, await integrations.pending(endpoint))


@router.patch(
    "/webhook-endpoints/{endpoint_id}",
    responses=READ,
    summary="Change the URL, description, events, or turn the endpoint off or on",
)
async def update_webhook_endpoint(
    endpoint_id: uuid.UUID, body: WebhookEndpointUpdate, integrations: Integrations
) -> WebhookEndpointRead:
    endpoint = await integrations.update_endpoint(endpoint_id, body)
    return endpoint_view(endpoint, await integrations.pending(endpoint))


@router.post(
    "/webhook-endpoints/{endpoint_id}/rotate-secret",
    responses=READ,
    summary="Give the endpoint a new signing secret (shown once; the old one stops at once)",
)
async def rotate_webhook_secret(
    endpoint_id: uuid.UUID, integrations: Integrations
) -> WebhookEndpointCreated:
    endpoint = await integrations.rotate_secret(endpoint_id)
    return created_endpoint_view(endpoint, await integrations.pending(endpoint))


@router.delete(
    "/webhook-endpoints/{endpoint_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=READ,
    summary="Delete a webhook endpoint and its delivery log",
)
async def delete_webhook_endpoint(endpoint_id: uuid.UUID, integrations: Integrations) -> None:
    await integrations.delete_endpoint(endpoint_id)


@router.get(
    "/webhook-endpoints/{endpoint_id}/deliveries",
    responses=READ,
    summary="The delivery log, newest first: each event sent, its attempts and answers",
)
async def list_webhook_deliveries(
    endpoint_id: uuid.UUID,
    integrations: Integrations,
    page: Pagination,
    delivery_status: Annotated[DeliveryStatus | None, Query(alias="status")] = None,
) -> Page[WebhookDeliveryRead]:
    rows, cursor = await integrations.deliveries(endpoint_id, page, delivery_status)
    return Page(items=[WebhookDeliveryRead.model_validate(d) for d in rows], next_cursor=cursor)


@router.post(
    "/webhook-endpoints/{endpoint_id}/deliveries/{delivery_id}/replay",
    status_code=status.HTTP_202_ACCEPTED,
    responses=WRITE,
    summary="Send the delivery's event again (same event id), as a new delivery",
)
async def replay_webhook_delivery(
    endpoint_id: uuid.UUID, delivery_id: uuid.UUID, integrations: Integrations
) -> WebhookDeliveryRead:
    return WebhookDeliveryRead.model_validate(await integrations.replay(endpoint_id, delivery_id))
