from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from showroom.core.validation import (
    ContentLanguage,
    CountryCode,
    CurrencyCode,
    Email,
    Name,
    PhoneInput,
    ResponseSchema,
    Schema,
    UILanguage,
    normalize_phone,
)
from showroom.models import BuyerKind, CatalogStatus, CustomerKind
from showroom.pricing import BillingTerm

Percent = Annotated[Decimal, Field(ge=0, le=100, max_digits=7, decimal_places=3)]
CustomerCode = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32, pattern=r"^\S+$")
]


class Terms(Schema):
    """The established terms a customer orders on (DOMAIN.md §4)."""

    language: ContentLanguage
    currency: CurrencyCode
    transaction_term_id: uuid.UUID
    condition: Percent = Field(
        description="Rate % of the list price for rate terms (WSP, RRP); discount % otherwise",
        examples=["60"],
    )
    billing_term: BillingTerm = BillingTerm.without_deposit
    deposit_percent: Percent | None = None
    apply_tax_to_price: bool = False


class TermsRead(ResponseSchema):
    language: str
    currency: str
    transaction_term_id: uuid.UUID
    condition: Decimal
    billing_term: BillingTerm
    deposit_percent: Decimal | None
    apply_tax_to_price: bool


class LinkLogin(Schema):
    """E-mail and password an offline customer uses only on Customer Order Links."""

    email: Email
    password: Annotated[str, Field(min_length=8, max_length=256)]


class CustomerCreate(Schema):
    """An offline customer: exists only inside the brand until invited."""

    code: CustomerCode | None = Field(default=None, description="Generated when omitted")
    buyer_type: BuyerKind = BuyerKind.organization
    company_name: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""
    contact_name: Name
    country: CountryCode
    email: Email
    phone: PhoneInput
    notes: Annotated[str, Field(max_length=4000)] = ""
    terms: Terms
    link_login: LinkLogin | None = None

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str, info: ValidationInfo) -> str:
        return normalize_phone(value, info.data.get("country"))


class CustomerUpdate(Schema):
    code: CustomerCode | None = None
    company_name: (
        Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None
    ) = None
    contact_name: Name | None = None
    country: CountryCode | None = None
    email: Email | None = None
    phone: PhoneInput | None = None
    notes: Annotated[str, Field(max_length=4000)] | None = None
    terms: Terms | None = None
    link_login: LinkLogin | None = Field(default=None, description="null removes the login")


class CustomerRead(ResponseSchema):
    id: uuid.UUID
    code: str
    kind: CustomerKind
    buyer_organization_id: uuid.UUID | None
    buyer_type: BuyerKind
    company_name: str
    contact_name: str
    country: str
    email: str
    phone: str
    notes: str
    terms: TermsRead
    link_login_email: str | None
    created_at: datetime
    updated_at: datetime


class CustomerInvitationCreate(Schema):
    email: Email
    language: UILanguage = Field(default="en", description="Language of the e-mail")
    message: Annotated[str, Field(max_length=4000)] = ""
    terms: Terms | None = Field(
        default=None, description="Omitted for an offline customer: that customer's terms"
    )
    customer_id: uuid.UUID | None = Field(
        default=None, description="An offline customer to connect when the invitation is accepted"
    )


InvitationState = Literal["pending", "accepted", "expired", "revoked"]


class CustomerInvitationRead(ResponseSchema):
    id: uuid.UUID
    email: str
    language: str
    message: str
    terms: TermsRead
    customer_id: uuid.UUID | None
    state: InvitationState
    expires_at: datetime
    accepted_at: datetime | None
    accepted_by_organization_id: uuid.UUID | None
    created_at: datetime


class TermsSummary(ResponseSchema):
    """Terms as a buyer reads them."""

    currency: str
    transaction_term: str
    transaction_term_kind: str
    condition: Decimal
    billing_term: BillingTerm
    deposit_percent: Decimal | None


class BrandInvitationView(ResponseSchema):
    """What the invited buyer sees before accepting."""

    id: uuid.UUID
    brand_id: uuid.UUID
    brand_name: dict[str, str]
    brand_default_language: str
    email: str
    message: str
    terms: TermsSummary
    state: InvitationState
    expires_at: datetime


class AcceptInvitation(Schema):
    buyer_organization_id: uuid.UUID


class Connection(ResponseSchema):
    brand_id: uuid.UUID
    customer_id: uuid.UUID
    customer_code: str


class CatalogCard(ResponseSchema):
    id: uuid.UUID
    name: dict[str, str]
    description: dict[str, str]
    status: CatalogStatus
    release_at: datetime | None
    order_deadline: datetime | None
    ordering_open: bool
    main_visual_url: str | None


class ConnectedBrand(ResponseSchema):
    brand_id: uuid.UUID
    name: dict[str, str]
    description: dict[str, str]
    default_language: str
    logo_url: str | None
    customer_code: str
    terms: TermsSummary
    catalogs: list[CatalogCard]
