import { Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { AnchorLink } from '../../components/links';
import { ErrorState, LoadingState, NotFoundState } from '../../components/QueryState';
import { TermsSummary } from '../../components/TermsSummary';
import { resolveLocalized } from '../../lib/localized';
import { usePageTitle } from '../../lib/usePageTitle';
import { connectedBrandsQuery } from './connectedBrands';
import { BrandHero, CatalogGrid } from './StoreParts';

const route = getRouteApi('/_authenticated/buyer/$orgId/brands/$brandId');

/** Standard orders: a connected brand's page, with my terms and its catalogs. */
export function StandardBrandPage() {
  const { t, i18n } = useTranslation();
  const { orgId, brandId } = route.useParams();
  const brands = useQuery(connectedBrandsQuery(orgId));
  const brand = brands.data?.find((each) => each.brand_id === brandId);
  const text = (texts: Partial<Record<string, string>> | undefined) =>
    brand ? resolveLocalized(texts, i18n.language, brand.default_language) : '';
  const name = text(brand?.name);
  usePageTitle(name || null);

  const back = (
    <AnchorLink to="/buyer/$orgId/brands" params={{ orgId }} size="sm">
      <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
      {t('store.backToConnected')}
    </AnchorLink>
  );

  if (brands.isPending) return <LoadingState />;
  if (brands.isError) {
    return <ErrorState error={brands.error} onRetry={() => void brands.refetch()} />;
  }
  if (!brand) {
    return (
      <Stack>
        {back}
        <NotFoundState />
      </Stack>
    );
  }
  return (
    <Stack gap="xl">
      {back}
      <BrandHero
        name={name}
        description={text(brand.description)}
        logoUrl={brand.logo_url}
        level={2}
      >
        <Text size="sm" c="dimmed">
          {t('connected.customerCode', { code: brand.customer_code })}
        </Text>
      </BrandHero>
      <TermsSummary terms={brand.terms} caption={t('connected.yourTerms')} />
      <Stack gap="md" component="section" aria-labelledby="brand-catalogs">
        <Title order={2} size="h3" id="brand-catalogs">
          {t('store.catalogs')}
        </Title>
        <CatalogGrid
          catalogs={brand.catalogs.map((catalog) => ({
            ...catalog,
            name: text(catalog.name),
            description: text(catalog.description),
          }))}
          link={(catalog) => (
            <AnchorLink
              to="/buyer/$orgId/brands/$brandId/catalogs/$catalogId"
              params={{ orgId, brandId, catalogId: catalog.id }}
              c="inherit"
            >
              {catalog.name}
            </AnchorLink>
          )}
        />
      </Stack>
    </Stack>
  );
}
