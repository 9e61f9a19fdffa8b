from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from showroom.brands.access import LinksBrand
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings
from showroom.core.errors import errors
from showroom.core.pagination import Page, Pagination, UpdatedSince
from showroom.links.schemas import GeneratedPasscode, LinkCreate, LinkRead, LinkUpdate
from showroom.links.service import LinkService, link_read
from showroom.models import Catalog, LinkKind, LinkStatus, OrderLink

router = APIRouter(prefix="/brands/{brand_id}", tags=["links"])


def get_link_service(session: DbSession, settings: AppSettings, ctx: LinksBrand) -> LinkService:
    return LinkService(session, settings, ctx)


Links = Annotated[LinkService, Depends(get_link_service)]
WRITE = errors(404, 409)


def link_view(links: LinkService, link: OrderLink, catalogs: list[Catalog]) -> LinkRead:
    return link_read(links.settings, link, catalogs)


@router.get("/links", responses=errors(404), summary="Order links")
async def list_links(
    links: Links,
    page: Pagination,
    kind: Annotated[LinkKind | None, Query(description="One tab of the Links page")] = None,
    link_status: Annotated[LinkStatus | None, Query(alias="status")] = None,
    updated_since: UpdatedSince = None,
) -> Page[LinkRead]:
    rows, catalogs, cursor = await links.page(page, kind, link_status, updated_since)
    return Page(
        items=[link_view(links, link, catalogs.get(link.id, [])) for link in rows],
        next_cursor=cursor,
    )


@router.post("/links", status_code=status.HTTP_201_CREATED, responses=WRITE, summary="Create")
async def create_link(body: LinkCreate, links: Links) -> LinkRead:
    return link_view(links, *await links.create(body))


@router.get("/links/{link_id}", responses=errors(404), summary="One link")
async def get_link(link_id: uuid.UUID, links: Links) -> LinkRead:
    return link_view(links, *await links.get(link_id))


@router.patch("/links/{link_id}", responses=WRITE, summary="Change a link or its status")
async def update_link(link_id: uuid.UUID, body: LinkUpdate, links: Links) -> LinkRead:
    return link_view(links, *await links.update(link_id, body))


@router.post("/links/{link_id}/token", responses=errors(404), summary="Give the link a new URL")
async def regenerate_link_token(link_id: uuid.UUID, links: Links) -> LinkRead:
    return link_view(links, *await links.regenerate_token(link_id))


@router.post(
    "/links/{link_id}/passcode", responses=WRITE, summary="Set a new random passcode (shown once)"
)
async def generate_link_passcode(link_id: uuid.UUID, links: Links) -> GeneratedPasscode:
    return GeneratedPasscode(passcode=await links.generate_passcode(link_id))
