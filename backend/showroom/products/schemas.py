from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from showroom.core.validation import CurrencyCode, LocalizedText, ResponseSchema, Schema

ModelNumber = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=64, pattern=r"^[^\s/]+$"),
]
Code = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=32, pattern=r"^[^\s/_]+$"),
]
SkuCode = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=r"^\S+$")
]
Amount = Annotated[int, Field(ge=0, le=10**13, description="Minor units of the currency")]
Stock = Annotated[int, Field(ge=-(10**9), le=10**9)]


class Value(Schema):
    code: Code
    name: LocalizedText


class Property(Schema):
    """One axis of the SKU template (e.g. Colour), with its values in order."""

    code: Code
    name: LocalizedText
    values: list[Value] = Field(min_length=1, max_length=100)


class OptionGroup(Schema):
    """A choice the buyer makes per quantity row (e.g. Packaging: gift box / plain)."""

    code: Code
    name: LocalizedText
    values: list[Value] = Field(min_length=1, max_length=50)


class PriceIn(Schema):
    term_id: uuid.UUID
    currency: CurrencyCode
    amount: Amount


class PriceRead(ResponseSchema):
    term_id: uuid.UUID
    currency: str
    amount: int


class StockFields(Schema):
    track_stock: bool = False
    stock_quantity: Stock = 0
    allow_backorder: bool = False


class ProductCreate(Schema):
    model_number: ModelNumber
    name: LocalizedText
    description: LocalizedText = Field(default_factory=dict)
    category_id: uuid.UUID | None = None
    tax_rate_id: uuid.UUID | None = Field(
        default=None, description="Omitted: the brand's default tax rate"
    )
    sku_properties: list[Property] = Field(
        default_factory=list,
        max_length=3,
        description="SKUs are generated for every combination of values",
    )
    option_groups: list[OptionGroup] = Field(default_factory=list, max_length=5)
    prices: list[PriceIn] = Field(default_factory=list, max_length=100)
    stock: StockFields = Field(
        default_factory=StockFields, description="Stock settings given to every generated SKU"
    )
    image_ids: list[uuid.UUID] = Field(default_factory=list, max_length=30)


class ProductUpdate(Schema):
    """Any subset; lists replace what was there. Changing ``sku_properties`` adds SKUs for new
    combinations and removes those whose combination is gone."""

    model_number: ModelNumber | None = None
    name: LocalizedText | None = None
    description: LocalizedText | None = None
    category_id: uuid.UUID | None = None
    tax_rate_id: uuid.UUID | None = None
    sku_properties: list[Property] | None = Field(default=None, max_length=3)
    option_groups: list[OptionGroup] | None = Field(default=None, max_length=5)
    prices: list[PriceIn] | None = Field(default=None, max_length=100)
    image_ids: list[uuid.UUID] | None = Field(default=None, max_length=30)


class SkuUpdate(Schema):
    code: SkuCode | None = None
    position: int | None = Field(default=None, ge=0, le=10**6)
    track_stock: bool | None = None
    stock_quantity: Stock | None = None
    allow_backorder: bool | None = None
    prices: list[PriceIn] | None = Field(
        default=None, max_length=100, description="This SKU's own prices (empty: use the product's)"
    )


class SkuRead(ResponseSchema):
    id: uuid.UUID
    code: str
    position: int
    values: dict[str, str]
    track_stock: bool
    stock_quantity: int
    allow_backorder: bool
    prices: list[PriceRead]


class ImageRead(ResponseSchema):
    media_id: uuid.UUID
    url: str
    thumbnail_url: str
    width: int
    height: int


class ProductRead(ResponseSchema):
    id: uuid.UUID
    model_number: str
    name: dict[str, str]
    description: dict[str, str]
    category_id: uuid.UUID | None
    tax_rate_id: uuid.UUID | None
    sku_properties: list[Property]
    option_groups: list[OptionGroup]
    prices: list[PriceRead]
    skus: list[SkuRead]
    images: list[ImageRead]
    created_at: datetime
    updated_at: datetime


class ProductSummary(ResponseSchema):
    id: uuid.UUID
    model_number: str
    name: dict[str, str]
    category_id: uuid.UUID | None
    sku_count: int
    tracked_stock: int | None = Field(description="Units in stock over the SKUs that track stock")
    image: ImageRead | None
    updated_at: datetime


class BulkPrice(Schema):
    """A SKU's own price for one transaction term (by code or id) and currency."""

    term_code: Code | None = Field(default=None, examples=["WSP"])
    term_id: uuid.UUID | None = None
    currency: CurrencyCode
    amount: Amount

    @model_validator(mode="after")
    def _one_term(self) -> BulkPrice:
        if (self.term_code is None) == (self.term_id is None):
            raise PydanticCustomError("term_required", "Give either term_code or term_id.")
        return self


class SkuBulkItem(Schema):
    """What to set on the SKU with this code; fields left out stay as they are."""

    code: SkuCode = Field(examples=["TEE-01_IND_M"])
    stock_quantity: Stock | None = Field(default=None, examples=[42])
    track_stock: bool | None = None
    allow_backorder: bool | None = None
    prices: list[BulkPrice] | None = Field(
        default=None,
        max_length=100,
        description="Set these term × currency prices of the SKU's own; others stay",
    )


class SkuBulkUpdate(Schema):
    items: list[SkuBulkItem] = Field(min_length=1, max_length=1000)

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {"code": "TEE-01_IND_M", "stock_quantity": 42, "track_stock": True},
                        {
                            "code": "TEE-01_IND_L",
                            "stock_quantity": 0,
                            "allow_backorder": True,
                            "prices": [{"term_code": "WSP", "currency": "JPY", "amount": 4800}],
                        },
                    ]
                }
            ]
        }
    )


class SkuBulkResult(ResponseSchema):
    code: str
    sku_id: uuid.UUID
    product_id: uuid.UUID
    track_stock: bool
    stock_quantity: int
    allow_backorder: bool
    prices: list[PriceRead] = Field(description="The SKU's own prices")
    changed: bool = Field(description="False when the SKU already was as asked")


class SkuBulkReport(ResponseSchema):
    items: list[SkuBulkResult] = Field(description="In the order of the request")
    changed: int = Field(description="How many SKUs changed")
