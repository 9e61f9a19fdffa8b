import { Stack, Text, Title } from '@mantine/core';
import { Navigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { AnchorLink } from '../../components/links';
import { EmptyListState } from '../../components/QueryState';
import { TermsSummary } from '../../components/TermsSummary';
import { useLinkContext } from './linkContext';
import { VideoPlayer } from './Media';
import { BrandHero, CatalogGrid, LookbookSection } from './StoreParts';

/**
 * The entry page of an open link: an Instant Order Link goes straight to its catalog; Dynamic
 * Brand and Customer Order Links show the brand page with the catalogs to pick from.
 */
export function LinkHome() {
  const { t } = useTranslation();
  const { token, landing } = useLinkContext();
  const only = landing.catalogs[0];
  if (landing.kind === 'instant' && only) {
    return (
      <Navigate to="/l/$token/catalogs/$catalogId" params={{ token, catalogId: only.id }} replace />
    );
  }
  const { brand } = landing;
  return (
    <Stack gap="xl">
      <BrandHero
        name={brand.name}
        description={brand.description}
        logoUrl={brand.logo_url}
        mainVisualUrl={brand.main_visual_url}
        websiteUrl={brand.website_url}
      />
      {landing.name || landing.description ? (
        <Stack gap={4}>
          <Title order={2} size="h3">
            {landing.name}
          </Title>
          {landing.description ? (
            <Text style={{ whiteSpace: 'pre-wrap' }}>{landing.description}</Text>
          ) : null}
        </Stack>
      ) : null}
      {landing.terms ? (
        <TermsSummary terms={landing.terms} caption={t('store.transactionTerms')} />
      ) : null}
      <Stack gap="md" component="section" aria-labelledby="link-catalogs">
        <Title order={2} size="h3" id="link-catalogs">
          {t('store.catalogs')}
        </Title>
        {landing.catalogs.length === 0 ? (
          <EmptyListState title={t('store.noCatalogs')} />
        ) : (
          <CatalogGrid
            catalogs={landing.catalogs}
            link={(catalog) => (
              <AnchorLink
                to="/l/$token/catalogs/$catalogId"
                params={{ token, catalogId: catalog.id }}
                c="inherit"
              >
                {catalog.name}
              </AnchorLink>
            )}
          />
        )}
      </Stack>
      {landing.video_url ? (
        <Stack gap="sm" component="section" aria-labelledby="link-video">
          <Title order={2} size="h3" id="link-video">
            {t('store.video')}
          </Title>
          <VideoPlayer url={landing.video_url} title={landing.name} />
        </Stack>
      ) : null}
      <LookbookSection lookbooks={landing.lookbooks} />
    </Stack>
  );
}
