"""Who may do what inside a buyer organization (DOMAIN.md §1: owners manage members and the
primary owner; every member works with orders, settings and addresses)."""

from __future__ import annotations

from showroom.models import BuyerMember, BuyerRole


def can_edit_organization(member: BuyerMember) -> bool:
    return True


def can_manage_addresses(member: BuyerMember) -> bool:
    return True


def can_manage_members(member: BuyerMember) -> bool:
    return member.role == BuyerRole.owner


def can_transfer_primary_owner(member: BuyerMember) -> bool:
    return member.is_primary_owner
