import type { TFunction } from 'i18next';

import type { Schemas } from '../../lib/api';

export function buyerRoleLabel(t: TFunction, role: Schemas['BuyerRole']): string {
  return role === 'owner' ? t('buyer.roles.owner') : t('buyer.roles.member');
}

export function buyerKindLabel(t: TFunction, kind: Schemas['BuyerKind']): string {
  return kind === 'personal' ? t('buyer.kinds.personal') : t('buyer.kinds.organization');
}
