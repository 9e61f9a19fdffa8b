import type { TFunction } from 'i18next';

import type { BrandRole, BrandStatus } from './brandForm';

export function brandRoleLabel(t: TFunction, role: BrandRole): string {
  switch (role) {
    case 'owner':
      return t('brand.roles.owner');
    case 'admin':
      return t('brand.roles.admin');
    case 'staff':
      return t('brand.roles.staff');
  }
}

export function brandStatusLabel(t: TFunction, status: BrandStatus): string {
  return status === 'active' ? t('brand.status.active') : t('brand.status.inactive');
}

export function isBrandRole(value: string): value is BrandRole {
  return value === 'owner' || value === 'admin' || value === 'staff';
}
