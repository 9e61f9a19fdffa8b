"""The brand a request acts on, and the caller's role in it. Every ``/brands/{brand_id}/…``
endpoint of the catalog, commerce and customer areas starts here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.accounts.dependencies import CurrentUser
from showroom.brands import policies
from showroom.brands.repository import BrandRepository
from showroom.core.audit import Actor, act_as
from showroom.core.db import DbSession
from showroom.core.errors import FieldErrors, Forbidden, Loc, NotFound
from showroom.core.validation import localized_errors
from showroom.models import Brand, BrandMember, User


@dataclass(frozen=True)
class BrandContext:
    brand: Brand
    member: BrandMember
    user: User

    @property
    def brand_id(self) -> uuid.UUID:
        return self.brand.id

    def localized(
        self, errors: FieldErrors, value: dict[str, str], loc: Loc, *, required: bool = True
    ) -> dict[str, str]:
        """A ``{language: text}`` map in the brand's languages, trimmed. Languages the brand
        has not enabled are errors; the default language is required when ``required``."""
        if not required and not value:
            return {}
        cleaned, problems = localized_errors(
            value, self.brand.languages, self.brand.default_language, loc
        )
        if not required:
            problems = [p for p in problems if p["type"] != "localized_text_missing"]
        errors.extend(problems)
        return cleaned

    def require_admin(self, action: str) -> None:
        if not policies.can_edit_brand(self.member):
            raise Forbidden(f"Only owners and admins can {action}.", code="brand.admin_required")


async def load_brand_context(
    session: AsyncSession, user: User, brand_id: uuid.UUID
) -> BrandContext:
    found = await BrandRepository(session).get_for_user(brand_id, user.id)
    if found is None:
        raise NotFound("No such brand.", code="brand.not_found")
    act_as(session, Actor(found[0].id, user.id, user.display_name))
    return BrandContext(found[0], found[1], user)


async def get_brand_context(
    brand_id: uuid.UUID, user: CurrentUser, session: DbSession
) -> BrandContext:
    return await load_brand_context(session, user, brand_id)


CurrentBrand = Annotated[BrandContext, Depends(get_brand_context)]
