"""Cursor pagination: ``?limit=&cursor=`` in, ``{items, next_cursor}`` out, ordered by a
stable key (creation time, then id) so pages never skip or repeat rows."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import AfterValidator, AwareDatetime, BaseModel
from sqlalchemy import Select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from showroom.core.errors import Invalid
from showroom.core.validation import to_utc

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


@dataclass(frozen=True)
class PageParams:
    limit: int
    after: tuple[datetime, uuid.UUID] | None


def encode_cursor(created_at: datetime, row_id: uuid.UUID) -> str:
    raw = json.dumps([created_at.isoformat(), str(row_id)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        created, row_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        after = datetime.fromisoformat(created)
        if after.tzinfo is None:
            raise ValueError("naive")
        return after, uuid.UUID(row_id)
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise Invalid(
            "The cursor is not valid; start again from the first page.",
            code="pagination.cursor_invalid",
            loc=("query", "cursor"),
        ) from exc


def _first_entity_key(row: Any) -> tuple[datetime, uuid.UUID]:
    return row[0].created_at, row[0].id


def page_params(
    limit: Annotated[int, Query(ge=1, le=100, description="Items per page")] = 50,
    cursor: Annotated[
        str | None, Query(max_length=200, description="`next_cursor` of the previous page")
    ] = None,
) -> PageParams:
    return PageParams(limit, decode_cursor(cursor) if cursor else None)


Pagination = Annotated[PageParams, Depends(page_params)]

UpdatedSince = Annotated[
    AwareDatetime | None,
    AfterValidator(lambda value: None if value is None else to_utc(value)),
    Query(
        description="Incremental sync: only rows changed at or after this time (RFC 3339 with "
        "a time zone). The list is then ordered by `(updated_at, id)`, oldest change first, "
        "whatever its usual order: follow `next_cursor` to the end, keep the greatest "
        "`updated_at` you saw, and pass it (minus a few seconds of overlap) next time."
    ),
]


async def keyset_page(
    session: AsyncSession,
    query: Select[*tuple[Any, ...]],
    params: PageParams,
    *,
    created: InstrumentedAttribute[datetime],
    ident: InstrumentedAttribute[uuid.UUID],
    key: Callable[[Any], tuple[datetime, uuid.UUID]] | None = None,
    newest_first: bool = False,
) -> tuple[Sequence[Any], str | None]:
    """Run ``query`` (already filtered) for one page, ordered by ``(created, ident)``,
    oldest first unless ``newest_first``. ``key`` reads those two values from a result row;
    by default from its first entity."""
    key = key or _first_entity_key
    if params.after is not None:
        position, after = tuple_(created, ident), tuple_(*params.after)
        query = query.where(position < after if newest_first else position > after)
    order = (created.desc(), ident.desc()) if newest_first else (created, ident)
    query = query.order_by(*order).limit(params.limit + 1)
    rows = list((await session.execute(query)).all())
    more = len(rows) > params.limit
    rows = rows[: params.limit]
    next_cursor = encode_cursor(*key(rows[-1])) if more and rows else None
    return rows, next_cursor


async def changes_page(
    session: AsyncSession,
    query: Select[*tuple[Any, ...]],
    params: PageParams,
    *,
    updated: InstrumentedAttribute[datetime],
    ident: InstrumentedAttribute[uuid.UUID],
) -> tuple[Sequence[Any], str | None]:
    """A page for an integrator syncing changes (``updated_since``): ordered by
    ``(updated, ident)`` ascending, whatever the list's usual order, so a row changed while
    the client pages moves behind it and is read again, never skipped."""
    return await keyset_page(
        session,
        query,
        params,
        created=updated,
        ident=ident,
        key=lambda row: (getattr(row[0], updated.key), getattr(row[0], ident.key)),
    )
