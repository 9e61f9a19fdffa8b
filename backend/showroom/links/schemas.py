from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import Field, StringConstraints

from showroom.catalogs.schemas import PaymentMethod
from showroom.core.validation import (
    ContentLanguage,
    CurrencyCode,
    HttpUrlText,
    Name,
    ResponseSchema,
    Schema,
    UtcDateTime,
)
from showroom.customers.schemas import Percent
from showroom.models import BackgroundType, BuyerKind, LinkKind, LinkStatus
from showroom.pricing import BillingTerm

Passcode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=4, max_length=64),
    Field(description="At least 4 characters; leading and trailing spaces are ignored"),
]
ContactLine = Annotated[str, StringConstraints(strip_whitespace=True, max_length=320)]


class Contact(Schema):
    """Shown to visitors of the link (also on the passcode and "no longer available" pages)."""

    name: Name
    email: ContactLine = ""
    phone: ContactLine = ""
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)] = ""


class LinkTerms(Schema):
    """An instant or dynamic link's own terms (DOMAIN.md §4). Customer links have none."""

    transaction_term_id: uuid.UUID
    condition: Percent = Field(
        description="Rate % of the list price for rate terms (WSP, RRP); discount % otherwise"
    )
    billing_term: BillingTerm = BillingTerm.without_deposit
    deposit_percent: Percent | None = Field(default=None, description="Only with a deposit")
    apply_tax_to_price: bool = False
    display_transaction_terms: bool = False


class LinkFields(Schema):
    name: Name
    description: Annotated[str, Field(max_length=4000)] = ""
    catalog_ids: list[uuid.UUID] = Field(
        min_length=1,
        max_length=50,
        description="Instant: exactly one. Dynamic and customer: one or more, in order",
    )
    china_only: bool = Field(
        default=False, description="Only buyer organizations in China may order (not customer)"
    )
    use_as_catalog: bool = Field(
        default=False, description="No cart: browse only (instant and customer links)"
    )
    target_buyer_type: BuyerKind = BuyerKind.organization
    require_address: bool = Field(
        default=False, description="Customer links: the buyer must give an address to order"
    )
    release_at: UtcDateTime | None = None
    expires_at: UtcDateTime | None = None
    passcode: Passcode | None = Field(
        default=None, description="Omitted or null: no passcode (not on customer links)"
    )
    languages: list[ContentLanguage] = Field(
        default_factory=list,
        max_length=9,
        description="Instant and dynamic: the languages a visitor may pick, the first the default",
    )
    currencies: list[CurrencyCode] = Field(
        default_factory=list,
        max_length=10,
        description="Instant and dynamic: the currencies a visitor may pick, the first the default",
    )
    terms: LinkTerms | None = Field(
        default=None, description="Instant and dynamic: required. Customer: must be omitted"
    )
    video_url: HttpUrlText | None = None
    background_type: BackgroundType = BackgroundType.empty
    background_media_id: uuid.UUID | None = Field(default=None, description="For an image")
    background_video_url: HttpUrlText | None = Field(default=None, description="For a video")
    lookbook_ids: list[uuid.UUID] = Field(default_factory=list, max_length=20)
    contacts: list[Contact] = Field(default_factory=list, max_length=5)
    shipping_rate_group_id: uuid.UUID | None = Field(
        default=None, description="Overrides the catalogs' shipping rate group"
    )
    payment_methods: list[PaymentMethod] | None = Field(
        default=None, min_length=1, max_length=2, description="Overrides the catalogs' methods"
    )


class LinkCreate(LinkFields):
    kind: LinkKind


class LinkUpdate(Schema):
    """Any subset; ``null`` clears an optional field (``passcode: null`` turns it off). The
    kind never changes."""

    name: Name | None = None
    description: Annotated[str, Field(max_length=4000)] | None = None
    catalog_ids: list[uuid.UUID] | None = Field(default=None, min_length=1, max_length=50)
    china_only: bool | None = None
    use_as_catalog: bool | None = None
    target_buyer_type: BuyerKind | None = None
    require_address: bool | None = None
    release_at: UtcDateTime | None = None
    expires_at: UtcDateTime | None = None
    passcode: Passcode | None = None
    languages: list[ContentLanguage] | None = Field(default=None, max_length=9)
    currencies: list[CurrencyCode] | None = Field(default=None, max_length=10)
    terms: LinkTerms | None = None
    video_url: HttpUrlText | None = None
    background_type: BackgroundType | None = None
    background_media_id: uuid.UUID | None = None
    background_video_url: HttpUrlText | None = None
    lookbook_ids: list[uuid.UUID] | None = Field(default=None, max_length=20)
    contacts: list[Contact] | None = Field(default=None, max_length=5)
    shipping_rate_group_id: uuid.UUID | None = None
    payment_methods: list[PaymentMethod] | None = Field(default=None, min_length=1, max_length=2)
    status: LinkStatus | None = Field(
        default=None, description="`void` pauses the link, `open` resumes it, `deleted` is final"
    )


class LinkTermsRead(ResponseSchema):
    transaction_term_id: uuid.UUID
    condition: Decimal
    billing_term: BillingTerm
    deposit_percent: Decimal | None
    apply_tax_to_price: bool
    display_transaction_terms: bool


class LinkCatalogRead(ResponseSchema):
    id: uuid.UUID
    code: str
    name: dict[str, str]


class ContactRead(ResponseSchema):
    name: str
    email: str
    phone: str
    note: str


class LinkRead(ResponseSchema):
    id: uuid.UUID
    kind: LinkKind
    status: LinkStatus
    url: str = Field(description="The address to share")
    token: str
    name: str
    description: str
    catalogs: list[LinkCatalogRead]
    china_only: bool
    use_as_catalog: bool
    target_buyer_type: BuyerKind
    require_address: bool
    release_at: datetime | None
    expires_at: datetime | None
    passcode_enabled: bool
    languages: list[str]
    currencies: list[str]
    terms: LinkTermsRead | None
    video_url: str | None
    background_type: BackgroundType
    background_media_id: uuid.UUID | None
    background_video_url: str | None
    lookbook_ids: list[uuid.UUID]
    contacts: list[ContactRead]
    shipping_rate_group_id: uuid.UUID | None
    payment_methods: list[str] | None
    created_at: datetime
    updated_at: datetime


class GeneratedPasscode(ResponseSchema):
    passcode: str = Field(description="Shown once: only its hash is kept")
