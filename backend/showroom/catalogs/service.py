"""Catalogs (line sheets): dated, ordered selections of products with status, access grants,
shipping group and payment methods; and lookbooks."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.brands.access import BrandContext
from showroom.catalogs.repository import CatalogRepository, Owned
from showroom.catalogs.schemas import (
    CatalogCreate,
    CatalogFields,
    CatalogUpdate,
    LookbookCreate,
    LookbookImage,
    LookbookUpdate,
)
from showroom.core.errors import Conflict, FieldErrors, Loc, NotFound, invalid_from
from showroom.core.pagination import PageParams
from showroom.core.time import utcnow
from showroom.models import (
    Brand,
    Catalog,
    CatalogStatus,
    Customer,
    Lookbook,
    Media,
    Product,
    ShippingRateGroup,
)

# Optional references that ``null`` clears in a PATCH.
_CLEARABLE = {
    "release_at",
    "order_deadline",
    "main_visual_id",
    "video_url",
    "shipping_rate_group_id",
}


async def check_owned(
    errors: FieldErrors,
    repo: CatalogRepository,
    model: Owned,
    ids: Sequence[uuid.UUID],
    loc: Loc,
    what: str,
) -> None:
    """Every id names a row of the brand, each once."""
    missing = await repo.missing(model, ids)
    for index, item_id in enumerate(ids):
        if item_id in missing:
            errors.add((*loc, index), f"No such {what}.", "not_found")
    if len(set(ids)) != len(ids):
        errors.add(loc, f"Each {what} once.", "duplicate")


def check_payment_methods(errors: FieldErrors, brand: Brand, methods: Sequence[str]) -> None:
    """Only the methods the brand's settings take (catalogs and link overrides)."""
    for method in methods:
        taken = brand.card_payments_enabled if method == "card" else brand.offline_payment_accepted
        if not taken:
            errors.add(
                ("body", "payment_methods"),
                f"The brand does not accept {method} payments; change its settings first.",
                "payment_method_not_accepted",
            )


class CatalogService:
    def __init__(self, session: AsyncSession, ctx: BrandContext) -> None:
        self.session = session
        self.ctx = ctx
        self.brand = ctx.brand
        self.repo = CatalogRepository(session, ctx.brand_id)

    async def _exist(
        self, errors: FieldErrors, model: Owned, ids: Sequence[uuid.UUID], loc: Loc, what: str
    ) -> None:
        await check_owned(errors, self.repo, model, ids, loc, what)

    async def _check(self, errors: FieldErrors, fields: CatalogFields) -> None:
        if (
            fields.release_at
            and fields.order_deadline
            and fields.release_at >= fields.order_deadline
        ):
            errors.add(
                ("body", "order_deadline"),
                "The order deadline must come after the release date.",
                "deadline_before_release",
            )
        check_payment_methods(errors, self.brand, fields.payment_methods)
        singles: list[tuple[Owned, uuid.UUID | None, str]] = [
            (Media, fields.main_visual_id, "main_visual_id"),
            (ShippingRateGroup, fields.shipping_rate_group_id, "shipping_rate_group_id"),
        ]
        for model, item_id, name in singles:
            if item_id is not None and await self.repo.missing(model, [item_id]):
                errors.add(("body", name), "Not found in this brand.", "not_found")
        await self._exist(
            errors, Lookbook, fields.lookbook_ids, ("body", "lookbook_ids"), "lookbook"
        )

    async def _code_free(self, code: str, except_id: uuid.UUID | None) -> None:
        if await self.repo.code_taken(code, except_id):
            raise Conflict(
                f"Another catalog already uses the code {code}.",
                code="catalog.code_taken",
                loc=("body", "code"),
            )

    # --- catalogs --------------------------------------------------------------------------

    async def page(
        self, page: PageParams, updated_since: datetime | None = None
    ) -> tuple[list[Catalog], dict[uuid.UUID, int], str | None]:
        catalogs, cursor = await self.repo.page(Catalog, page, updated_since)
        return catalogs, await self.repo.product_counts([c.id for c in catalogs]), cursor

    async def get(self, catalog_id: uuid.UUID) -> tuple[Catalog, int]:
        catalog = await self.repo.get_catalog(catalog_id)
        if catalog is None:
            raise NotFound("No such catalog.", code="catalog.not_found")
        counts = await self.repo.product_counts([catalog.id])
        return catalog, counts.get(catalog.id, 0)

    async def create(self, data: CatalogCreate) -> tuple[Catalog, int]:
        errors = FieldErrors()
        name = self.ctx.localized(errors, data.name, ("body", "name"))
        description = self.ctx.localized(
            errors, data.description, ("body", "description"), required=False
        )
        await self._check(errors, data)
        await self._exist(errors, Product, data.product_ids, ("body", "product_ids"), "product")
        errors.raise_if_any()
        await self._code_free(data.code, None)
        catalog = Catalog(
            id=uuid.uuid4(),
            brand_id=self.brand.id,
            code=data.code,
            name=name,
            description=description,
            **data.model_dump(
                include={
                    "status",
                    "release_at",
                    "order_deadline",
                    "main_visual_id",
                    "video_url",
                    "shipping_rate_group_id",
                    "payment_methods",
                }
            ),
            lookbook_ids=[str(i) for i in data.lookbook_ids],
        )
        self.repo.add(catalog)
        await self.session.flush()
        await self.repo.replace_products(catalog.id, data.product_ids)
        return catalog, len(data.product_ids)

    async def update(self, catalog_id: uuid.UUID, data: CatalogUpdate) -> tuple[Catalog, int]:
        catalog, count = await self.get(catalog_id)
        changes = {
            key: value
            for key, value in data.model_dump(exclude_unset=True).items()
            if value is not None or key in _CLEARABLE
        }
        current: dict[str, Any] = {
            name: getattr(catalog, name) for name in CatalogFields.model_fields
        }
        try:
            merged = CatalogFields.model_validate(current | changes)
        except ValidationError as exc:
            raise invalid_from(exc) from exc
        errors = FieldErrors()
        name = self.ctx.localized(errors, merged.name, ("body", "name"))
        description = self.ctx.localized(
            errors, merged.description, ("body", "description"), required=False
        )
        await self._check(errors, merged)
        errors.raise_if_any()
        if data.code is not None and data.code != catalog.code:
            await self._code_free(data.code, catalog.id)
            catalog.code = data.code
        for field in _CLEARABLE | {"status", "payment_methods"}:
            setattr(catalog, field, getattr(merged, field))
        catalog.name = name
        catalog.description = description
        catalog.lookbook_ids = [str(i) for i in merged.lookbook_ids]
        catalog.updated_at = utcnow()
        await self.session.flush()
        return catalog, count

    async def delete(self, catalog_id: uuid.UUID) -> None:
        catalog, _ = await self.get(catalog_id)
        if await self.repo.used_by_links(catalog.id):
            raise Conflict(
                "Order links share this catalog; remove it from them (or delete them) first.",
                code="catalog.used_by_links",
            )
        await self.repo.delete(catalog)

    async def products(self, catalog_id: uuid.UUID) -> list[uuid.UUID]:
        catalog, _ = await self.get(catalog_id)
        return await self.repo.product_ids(catalog.id)

    async def set_products(
        self, catalog_id: uuid.UUID, product_ids: list[uuid.UUID]
    ) -> list[uuid.UUID]:
        catalog, _ = await self.get(catalog_id)
        errors = FieldErrors()
        await self._exist(errors, Product, product_ids, ("body", "product_ids"), "product")
        errors.raise_if_any()
        await self.repo.replace_products(catalog.id, product_ids)
        catalog.updated_at = utcnow()
        return product_ids

    async def grants(self, catalog_id: uuid.UUID) -> list[uuid.UUID]:
        catalog, _ = await self.get(catalog_id)
        return await self.repo.grant_ids(catalog.id)

    async def set_grants(
        self, catalog_id: uuid.UUID, customer_ids: list[uuid.UUID]
    ) -> list[uuid.UUID]:
        catalog, _ = await self.get(catalog_id)
        if catalog.status is not CatalogStatus.limited:
            raise Conflict(
                "Access is granted only on limited catalogs; set the status to limited first.",
                code="catalog.not_limited",
            )
        errors = FieldErrors()
        await self._exist(errors, Customer, customer_ids, ("body", "customer_ids"), "customer")
        errors.raise_if_any()
        await self.repo.replace_grants(catalog.id, customer_ids)
        return sorted(customer_ids)

    # --- lookbooks -------------------------------------------------------------------------

    async def lookbooks(
        self, page: PageParams
    ) -> tuple[list[Lookbook], dict[uuid.UUID, Media], str | None]:
        rows, cursor = await self.repo.page(Lookbook, page)
        media = await self.repo.media(uuid.UUID(i["media_id"]) for lb in rows for i in lb.images)
        return rows, media, cursor

    async def lookbook(self, lookbook_id: uuid.UUID) -> tuple[Lookbook, dict[uuid.UUID, Media]]:
        lookbook = await self.repo.get_lookbook(lookbook_id)
        if lookbook is None:
            raise NotFound("No such lookbook.", code="lookbook.not_found")
        media = await self.repo.media(uuid.UUID(i["media_id"]) for i in lookbook.images)
        return lookbook, media

    async def _images(
        self, errors: FieldErrors, images: list[LookbookImage]
    ) -> list[dict[str, Any]]:
        await self._exist(
            errors, Media, [image.media_id for image in images], ("body", "images"), "image"
        )
        for index, image in enumerate(images):
            await self._exist(
                errors,
                Product,
                image.product_ids,
                ("body", "images", index, "product_ids"),
                "product",
            )
        return [
            {"media_id": str(image.media_id), "product_ids": [str(p) for p in image.product_ids]}
            for image in images
        ]

    async def create_lookbook(
        self, data: LookbookCreate
    ) -> tuple[Lookbook, dict[uuid.UUID, Media]]:
        errors = FieldErrors()
        name = self.ctx.localized(errors, data.name, ("body", "name"))
        images = await self._images(errors, data.images)
        errors.raise_if_any()
        lookbook = Lookbook(brand_id=self.brand.id, name=name, status=data.status, images=images)
        self.repo.add(lookbook)
        await self.session.flush()
        return await self.lookbook(lookbook.id)

    async def update_lookbook(
        self, lookbook_id: uuid.UUID, data: LookbookUpdate
    ) -> tuple[Lookbook, dict[uuid.UUID, Media]]:
        lookbook, _ = await self.lookbook(lookbook_id)
        errors = FieldErrors()
        if data.name is not None:
            lookbook.name = self.ctx.localized(errors, data.name, ("body", "name"))
        if data.images is not None:
            lookbook.images = await self._images(errors, data.images)
        errors.raise_if_any()
        if data.status is not None:
            lookbook.status = data.status
        lookbook.updated_at = utcnow()
        await self.session.flush()
        return await self.lookbook(lookbook.id)

    async def delete_lookbook(self, lookbook_id: uuid.UUID) -> None:
        lookbook, _ = await self.lookbook(lookbook_id)
        await self.repo.delete(lookbook)
