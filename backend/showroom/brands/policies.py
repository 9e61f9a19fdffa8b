"""Who may do what inside a brand (DOMAIN.md §1: staff cannot manage members, payment settings
or API keys; only owners make or unmake owners)."""

from __future__ import annotations

from showroom.models import BrandMember, BrandRole

_MANAGERS = {BrandRole.owner, BrandRole.admin}


def can_edit_brand(member: BrandMember) -> bool:
    return member.role in _MANAGERS


def can_manage_integrations(member: BrandMember) -> bool:
    """API keys and webhook endpoints give machines the brand's data: owners and admins."""
    return member.role in _MANAGERS


def can_manage_members(member: BrandMember) -> bool:
    return member.role in _MANAGERS


def can_grant_role(member: BrandMember, role: BrandRole) -> bool:
    """Admins manage admins and staff; owner is granted (and taken) only by an owner."""
    return member.role == BrandRole.owner or (
        member.role == BrandRole.admin and role != BrandRole.owner
    )


def can_read_audit_log(member: BrandMember) -> bool:
    return member.role == BrandRole.owner
