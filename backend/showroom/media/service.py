"""Brand media: images uploaded once and used by products, catalogs, lookbooks and links."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.brands.access import BrandContext
from showroom.core.config import Settings
from showroom.core.errors import Invalid, NotFound
from showroom.core.pagination import PageParams, keyset_page
from showroom.core.storage import Storage
from showroom.media.images import NotAnImage, decode
from showroom.models import Media


class MediaService:
    def __init__(self, session: AsyncSession, settings: Settings, storage: Storage) -> None:
        self.session = session
        self.settings = settings
        self.storage = storage

    async def upload(self, ctx: BrandContext, filename: str, data: bytes) -> Media:
        loc = ("body", "file")
        limit = self.settings.max_image_bytes
        if len(data) > limit:
            raise Invalid(
                f"Images can be at most {limit // (1024 * 1024)} MB.",
                code="media.too_large",
                loc=loc,
            )
        try:
            image = decode(data)
        except NotAnImage as exc:
            raise Invalid(
                f"Upload a JPEG, PNG, WebP or GIF image ({exc}).",
                code="media.not_an_image",
                loc=loc,
            ) from exc
        media_id = uuid.uuid4()
        key = f"{ctx.brand_id}/{media_id}.{image.extension}"
        thumb_key = f"{ctx.brand_id}/{media_id}.thumb.webp"
        await self.storage.put(key, data)
        await self.storage.put(thumb_key, image.thumbnail)
        media = Media(
            id=media_id,
            brand_id=ctx.brand_id,
            filename=(filename or f"image.{image.extension}")[:255],
            content_type=image.content_type,
            width=image.width,
            height=image.height,
            size_bytes=len(data),
            storage_key=key,
            thumbnail_key=thumb_key,
        )
        self.session.add(media)
        await self.session.flush()
        return media

    async def page(self, ctx: BrandContext, page: PageParams) -> tuple[list[Media], str | None]:
        rows, cursor = await keyset_page(
            self.session,
            select(Media).where(Media.brand_id == ctx.brand_id),
            page,
            created=Media.created_at,
            ident=Media.id,
        )
        return [row[0] for row in rows], cursor

    async def get_for_brand(self, ctx: BrandContext, media_id: uuid.UUID) -> Media:
        media = await self.session.scalar(
            select(Media).where(Media.brand_id == ctx.brand_id, Media.id == media_id)
        )
        if media is None:
            raise NotFound("No such image.", code="media.not_found")
        return media

    async def delete(self, ctx: BrandContext, media_id: uuid.UUID) -> None:
        media = await self.get_for_brand(ctx, media_id)
        await self.session.delete(media)
        await self.session.flush()
        await self.storage.delete(media.storage_key)
        await self.storage.delete(media.thumbnail_key)

    async def file(self, media_id: uuid.UUID, *, thumbnail: bool) -> tuple[Media, str]:
        """A media row and the storage key to serve; media ids are unguessable, so knowing
        one is the permission to see the image (product images appear on public links)."""
        media = await self.session.get(Media, media_id)
        if media is None:
            raise NotFound("No such image.", code="media.not_found")
        return media, media.thumbnail_key if thumbnail else media.storage_key
