import { Button, Menu } from '@mantine/core';
import {
  IconBuildingStore,
  IconChevronDown,
  IconPlus,
  IconShoppingBag,
  IconSwitchHorizontal,
} from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { resolveLocalized } from '../lib/localized';
import { brandsQuery, buyerOrganizationsQuery } from '../lib/queries';
import { MenuItemLink } from '../components/menuLinks';

/**
 * "Acting as": the buyer organization or brand the person works for right now, and the way
 * to switch to another one (or create a brand).
 */
export function ActingAsSwitcher() {
  const { t, i18n } = useTranslation();
  const params = useParams({ strict: false });
  const organizations = useInfiniteQuery(buyerOrganizationsQuery);
  const brands = useInfiniteQuery(brandsQuery);

  const orgList = organizations.data?.pages.flatMap((page) => page.items) ?? [];
  const brandList = brands.data?.pages.flatMap((page) => page.items) ?? [];
  const nameOf = (entity: { name: Record<string, string>; default_language: string }) =>
    resolveLocalized(entity.name, i18n.language, entity.default_language);

  const currentOrg = params.orgId ? orgList.find((org) => org.id === params.orgId) : undefined;
  const currentBrand = params.brandId
    ? brandList.find((brand) => brand.id === params.brandId)
    : undefined;
  const current = currentOrg ?? currentBrand;

  return (
    <Menu position="bottom-start" withinPortal width={300}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconSwitchHorizontal size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          maw={360}
        >
          {current ? t('header.actingAs', { name: nameOf(current) }) : t('header.chooseWhere')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('header.buyerOrganizations')}</Menu.Label>
        {orgList.map((org) => (
          <MenuItemLink
            key={org.id}
            to="/buyer/$orgId"
            params={{ orgId: org.id }}
            leftSection={<IconShoppingBag size={16} aria-hidden />}
          >
            {nameOf(org)}
          </MenuItemLink>
        ))}
        <MenuItemLink to="/">{t('header.allBuyerOrganizations')}</MenuItemLink>
        <Menu.Divider />
        <Menu.Label>{t('header.brands')}</Menu.Label>
        {brandList.map((brand) => (
          <MenuItemLink
            key={brand.id}
            to="/brand/$brandId"
            params={{ brandId: brand.id }}
            leftSection={<IconBuildingStore size={16} aria-hidden />}
          >
            {nameOf(brand)}
          </MenuItemLink>
        ))}
        <MenuItemLink to="/brands/new" leftSection={<IconPlus size={16} aria-hidden />}>
          {t('brand.create.title')}
        </MenuItemLink>
      </Menu.Dropdown>
    </Menu>
  );
}
