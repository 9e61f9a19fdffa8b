"""Sliding-window limits counted in the database, so they hold across API replicas."""

from __future__ import annotations

import math
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.core.time import utcnow
from showroom.models import RateLimitHit


class SlidingWindow:
    def __init__(self, bucket: str, limit: int, window: timedelta) -> None:
        self.bucket = bucket
        self.limit = limit
        self.window = window

    async def retry_after(self, session: AsyncSession, key: str) -> int | None:
        """Seconds until another attempt is allowed, or None when under the limit."""
        since = utcnow() - self.window
        count, oldest = (
            await session.execute(
                select(func.count(), func.min(RateLimitHit.created_at)).where(
                    RateLimitHit.bucket == self.bucket,
                    RateLimitHit.key == key,
                    RateLimitHit.created_at > since,
                )
            )
        ).one()
        if count < self.limit or oldest is None:
            return None
        return max(1, math.ceil((oldest + self.window - utcnow()).total_seconds()))

    def hit(self, session: AsyncSession, key: str) -> None:
        session.add(RateLimitHit(bucket=self.bucket, key=key))

    async def reset(self, session: AsyncSession, key: str) -> None:
        await session.execute(
            delete(RateLimitHit).where(RateLimitHit.bucket == self.bucket, RateLimitHit.key == key)
        )
