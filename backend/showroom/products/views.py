"""Products as the brand's API answers them (and as ``product.updated`` events carry them)."""

from __future__ import annotations

from showroom.media.schemas import media_url, thumbnail_url
from showroom.models import Media, Product
from showroom.products.schemas import (
    ImageRead,
    OptionGroup,
    PriceRead,
    ProductRead,
    Property,
    SkuRead,
)


def image_view(media: Media) -> ImageRead:
    return ImageRead(
        media_id=media.id,
        url=media_url(media.id),
        thumbnail_url=thumbnail_url(media.id),
        width=media.width,
        height=media.height,
    )


def product_view(product: Product) -> ProductRead:
    return ProductRead(
        id=product.id,
        model_number=product.model_number,
        name=product.name,
        description=product.description,
        category_id=product.category_id,
        tax_rate_id=product.tax_rate_id,
        sku_properties=[Property.model_validate(p) for p in product.sku_properties],
        option_groups=[OptionGroup.model_validate(g) for g in product.option_groups],
        prices=[PriceRead.model_validate(price) for price in product.prices],
        skus=[
            SkuRead(
                id=sku.id,
                code=sku.code,
                position=sku.position,
                values=sku.values,
                track_stock=sku.track_stock,
                stock_quantity=sku.stock_quantity,
                allow_backorder=sku.allow_backorder,
                prices=[PriceRead.model_validate(price) for price in sku.prices],
            )
            for sku in product.skus
        ],
        images=[image_view(image.media) for image in product.images],
        created_at=product.created_at,
        updated_at=product.updated_at,
    )
