from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime

from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.pagination import PageParams, changes_page, keyset_page
from showroom.models import Catalog, LinkKind, LinkStatus, OrderLink, OrderLinkCatalog

# Built once: every request on a link grant reads the link's catalogs, and building the
# statement cost about as much as running it.
_LINK_CATALOGS = (
    select(OrderLinkCatalog.link_id, Catalog)
    .join(Catalog, Catalog.id == OrderLinkCatalog.catalog_id)
    .where(OrderLinkCatalog.link_id.in_(bindparam("link_ids", expanding=True)))
    .order_by(OrderLinkCatalog.link_id, OrderLinkCatalog.position)
)


class LinkRepository:
    """Order links of one brand. Deleted links are gone for every reader."""

    def __init__(self, session: AsyncSession, brand_id: uuid.UUID) -> None:
        self.session = session
        self.brand_id = brand_id

    def add(self, link: OrderLink) -> None:
        self.session.add(link)

    async def page(
        self,
        page: PageParams,
        kind: LinkKind | None,
        status: LinkStatus | None,
        updated_since: datetime | None = None,
    ) -> tuple[list[OrderLink], str | None]:
        query = select(OrderLink).where(
            OrderLink.brand_id == self.brand_id, OrderLink.status != LinkStatus.deleted
        )
        if kind is not None:
            query = query.where(OrderLink.kind == kind)
        if status is not None:
            query = query.where(OrderLink.status == status)
        if updated_since is not None:
            query = query.where(OrderLink.updated_at >= updated_since)
            rows, cursor = await changes_page(
                self.session, query, page, updated=OrderLink.updated_at, ident=OrderLink.id
            )
        else:
            rows, cursor = await keyset_page(
                self.session, query, page, created=OrderLink.created_at, ident=OrderLink.id
            )
        return [row[0] for row in rows], cursor

    async def get(self, link_id: uuid.UUID) -> OrderLink | None:
        return await self.session.scalar(
            select(OrderLink).where(
                OrderLink.brand_id == self.brand_id,
                OrderLink.id == link_id,
                OrderLink.status != LinkStatus.deleted,
            )
        )

    async def catalogs(self, link_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Catalog]]:
        """Each link's catalogs in the link's order."""
        found: dict[uuid.UUID, list[Catalog]] = defaultdict(list)
        if not link_ids:
            return found
        rows = await self.session.execute(_LINK_CATALOGS, {"link_ids": link_ids})
        for link_id, catalog in rows:
            found[link_id].append(catalog)
        return found

    async def replace_catalogs(self, link_id: uuid.UUID, catalog_ids: list[uuid.UUID]) -> None:
        await self.session.execute(
            delete(OrderLinkCatalog).where(OrderLinkCatalog.link_id == link_id)
        )
        await self.session.execute(
            insert(OrderLinkCatalog),
            [
                {"id": uuid.uuid4(), "link_id": link_id, "catalog_id": cid, "position": i}
                for i, cid in enumerate(catalog_ids)
            ],
        )
