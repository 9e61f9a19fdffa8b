"""All models share one metadata; importing this package registers every table."""

from showroom.models.accounts import (
    PasswordResetToken,
    RateLimitHit,
    RefreshToken,
    SignupCode,
    User,
)
from showroom.models.audit import AuditEvent
from showroom.models.base import Base
from showroom.models.brands import Brand, BrandMember, BrandRole, BrandStatus, CommentMode
from showroom.models.buyers import (
    Address,
    AddressKind,
    BuyerKind,
    BuyerMember,
    BuyerOrganization,
    BuyerRole,
)
from showroom.models.catalog import (
    Catalog,
    CatalogAccessGrant,
    CatalogProduct,
    CatalogStatus,
    Category,
    ImportStatus,
    Lookbook,
    LookbookStatus,
    Product,
    ProductImage,
    ProductImport,
    ProductPrice,
    Sku,
    SkuPrice,
)
from showroom.models.commerce import ShippingRate, ShippingRateGroup, TaxRate, TransactionTerm
from showroom.models.customers import Customer, CustomerInvitation, CustomerKind
from showroom.models.invitations import MemberInvitation
from showroom.models.links import BackgroundType, LinkKind, LinkStatus, OrderLink, OrderLinkCatalog
from showroom.models.media import Media
from showroom.models.orders import (
    BrandOrderCounter,
    Cart,
    CartItem,
    IdempotencyKey,
    Order,
    OrderEvent,
    OrderLine,
    OrderStatus,
)
from showroom.models.outbox import DevMail, OutboxMessage, OutboxStatus
from showroom.models.payments import Payment, PaymentStatus, StripeEvent

__all__ = [
    "Address",
    "AddressKind",
    "AuditEvent",
    "BackgroundType",
    "Base",
    "Brand",
    "BrandMember",
    "BrandOrderCounter",
    "BrandRole",
    "BrandStatus",
    "BuyerKind",
    "BuyerMember",
    "BuyerOrganization",
    "BuyerRole",
    "Cart",
    "CartItem",
    "Catalog",
    "CatalogAccessGrant",
    "CatalogProduct",
    "CatalogStatus",
    "Category",
    "CommentMode",
    "Customer",
    "CustomerInvitation",
    "CustomerKind",
    "DevMail",
    "IdempotencyKey",
    "ImportStatus",
    "LinkKind",
    "LinkStatus",
    "Lookbook",
    "LookbookStatus",
    "Media",
    "MemberInvitation",
    "Order",
    "OrderEvent",
    "OrderLine",
    "OrderLink",
    "OrderLinkCatalog",
    "OrderStatus",
    "OutboxMessage",
    "OutboxStatus",
    "PasswordResetToken",
    "Payment",
    "PaymentStatus",
    "Product",
    "ProductImage",
    "ProductImport",
    "ProductPrice",
    "RateLimitHit",
    "RefreshToken",
    "ShippingRate",
    "ShippingRateGroup",
    "SignupCode",
    "Sku",
    "SkuPrice",
    "StripeEvent",
    "TaxRate",
    "TransactionTerm",
    "User",
]
