"""The brand a request acts on, and who acts for it: a member (a user's access token) or one
of the brand's API keys (``sk_…``), each a principal of its own. Every ``/brands/{brand_id}/…``
endpoint of the catalog, commerce, customer, link and order areas starts here.

A route declares its area through the dependency it uses (``CatalogBrand``, ``OrdersBrand``
…); an API key then needs ``<area>:read`` for GET and ``<area>:write`` for every other
method, decided here once rather than in each route. Routes of no area (``ManagingBrand``:
API keys, webhook endpoints) take a key's authentication but leave the refusal to the
service's policy, so a key is told it is not allowed (403) rather than unknown (401)."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, SecurityScopes
from sqlalchemy.ext.asyncio import AsyncSession

from showroom.accounts.dependencies import Accounts, bearer, user_from_credentials
from showroom.brands import policies
from showroom.brands.repository import BrandRepository
from showroom.core.audit import Actor, act_as
from showroom.core.db import DbSession
from showroom.core.deps import AppSettings
from showroom.core.errors import FieldErrors, Forbidden, Loc, NotFound
from showroom.core.validation import localized_errors
from showroom.integrations.credentials import ApiKeyAuthenticator, is_api_key
from showroom.models import ApiKey, Brand, BrandMember, User


class Area(enum.StrEnum):
    """What an API key's scopes are granted over, one read and one write scope each."""

    catalog = "catalog"  # products, SKUs, catalogs, lookbooks, media, imports, terms, taxes
    customers = "customers"  # customers and customer invitations
    links = "links"
    orders = "orders"


READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def required_scope(area: str, method: str) -> str:
    return f"{area}:{'read' if method.upper() in READ_METHODS else 'write'}"


@dataclass(frozen=True)
class MemberActor:
    user: User
    member: BrandMember


@dataclass(frozen=True)
class KeyActor:
    key: ApiKey


@dataclass(frozen=True)
class BrandContext:
    brand: Brand
    actor: MemberActor | KeyActor

    @property
    def brand_id(self) -> uuid.UUID:
        return self.brand.id

    @property
    def member(self) -> BrandMember | None:
        return self.actor.member if isinstance(self.actor, MemberActor) else None

    @property
    def user(self) -> User | None:
        return self.actor.user if isinstance(self.actor, MemberActor) else None

    @property
    def actor_id(self) -> uuid.UUID | None:
        """The user acting (None for an API key), for ``*_by_id`` columns."""
        return self.actor.user.id if isinstance(self.actor, MemberActor) else None

    @property
    def actor_name(self) -> str:
        if isinstance(self.actor, MemberActor):
            return self.actor.user.display_name
        return f"API key “{self.actor.key.name}”"

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

    def require_admin(
        self, action: str, policy: Callable[[BrandMember], bool] = policies.can_edit_brand
    ) -> None:
        """Members the policy allows (by default owners and admins); never an API key
        (DOMAIN.md §1: keys, members and payment settings are managed by people)."""
        if isinstance(self.actor, KeyActor):
            raise Forbidden(
                f"An API key cannot {action}; sign in as an owner or admin.",
                code="api_key.not_allowed",
            )
        if not policy(self.actor.member):
            raise Forbidden(f"Only owners and admins can {action}.", code="brand.admin_required")


async def load_brand_context(
    session: AsyncSession, user: User, brand_id: uuid.UUID
) -> BrandContext:
    found = await BrandRepository(session).get_for_user(brand_id, user.id)
    if found is None:
        raise NotFound("No such brand.", code="brand.not_found")
    brand, member = found
    act_as(session, Actor(brand.id, user.id, user.display_name))
    return BrandContext(brand, MemberActor(user, member))


async def get_brand_context(
    security_scopes: SecurityScopes,
    request: Request,
    brand_id: uuid.UUID,
    session: DbSession,
    settings: AppSettings,
    accounts: Accounts,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> BrandContext:
    if credentials is not None and is_api_key(credentials.credentials):
        area = security_scopes.scopes[0] if security_scopes.scopes else None
        authenticator = ApiKeyAuthenticator(settings, request.app.state.sessionmaker)
        key = await authenticator.authenticate(
            credentials.credentials,
            brand_id,
            required_scope(area, request.method) if area else None,
        )
        brand = await BrandRepository(session).get(brand_id)
        if brand is None:  # deleted since the key was checked
            raise NotFound("No such brand.", code="brand.not_found")
        context = BrandContext(brand, KeyActor(key))
        act_as(session, Actor(brand.id, None, context.actor_name))
        return context
    user = await user_from_credentials(accounts, credentials)
    return await load_brand_context(session, user, brand_id)


def brand_access(area: Area | None) -> Any:
    return Security(get_brand_context, scopes=[area.value] if area else [])


CatalogBrand = Annotated[BrandContext, brand_access(Area.catalog)]
CustomersBrand = Annotated[BrandContext, brand_access(Area.customers)]
LinksBrand = Annotated[BrandContext, brand_access(Area.links)]
OrdersBrand = Annotated[BrandContext, brand_access(Area.orders)]
# Integration settings (API keys, webhook endpoints): owners and admins, never a key.
ManagingBrand = Annotated[BrandContext, brand_access(None)]
