import { Avatar, Badge, Card, Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBook2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { AnchorLink } from '../../components/links';
import { TermsSummary } from '../../components/TermsSummary';
import type { Schemas } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { resolveLocalized } from '../../lib/localized';

export type ConnectedBrand = Schemas['ConnectedBrand'];
export type CatalogCard = Schemas['CatalogCard'];

/**
 * A brand under Connected Brands: its name, logo, description, my customer code and terms,
 * and its catalogs with their order deadline (or "Ordering closed"). With `orgId`, the brand
 * and its catalogs link to their pages (standard orders).
 */
export function ConnectedBrandCard({ brand, orgId }: { brand: ConnectedBrand; orgId?: string }) {
  const { t, i18n } = useTranslation();
  const text = (texts: Partial<Record<string, string>>) =>
    resolveLocalized(texts, i18n.language, brand.default_language);
  const name = text(brand.name);
  const headingId = `brand-${brand.brand_id}`;

  return (
    <Card withBorder padding="lg" component="li" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group wrap="nowrap" align="flex-start">
          <Avatar src={brand.logo_url} alt="" size="lg" radius="md">
            {name.slice(0, 1)}
          </Avatar>
          <Stack gap={4} style={{ flex: 1 }}>
            <Title order={2} size="h3" id={headingId}>
              {orgId ? (
                <AnchorLink
                  to="/buyer/$orgId/brands/$brandId"
                  params={{ orgId, brandId: brand.brand_id }}
                  c="inherit"
                >
                  {name}
                </AnchorLink>
              ) : (
                name
              )}
            </Title>
            <Text size="sm" c="dimmed">
              {t('connected.customerCode', { code: brand.customer_code })}
            </Text>
            {text(brand.description) ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={3}>
                {text(brand.description)}
              </Text>
            ) : null}
          </Stack>
        </Group>
        <TermsSummary terms={brand.terms} caption={t('connected.yourTerms')} />
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('connected.catalogs')}
          </Title>
          {brand.catalogs.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('connected.noCatalogs')}
            </Text>
          ) : (
            <SimpleGrid
              cols={{ base: 1, sm: 2, md: 3 }}
              component="ul"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {brand.catalogs.map((catalog) => (
                <CatalogTile
                  key={catalog.id}
                  catalog={catalog}
                  name={text(catalog.name)}
                  locale={i18n.language}
                  link={
                    orgId ? { orgId, brandId: brand.brand_id, catalogId: catalog.id } : undefined
                  }
                />
              ))}
            </SimpleGrid>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}

function CatalogTile({
  catalog,
  name,
  locale,
  link,
}: {
  catalog: CatalogCard;
  name: string;
  locale: string;
  link?: { orgId: string; brandId: string; catalogId: string };
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" component="li" aria-label={name}>
      <Card.Section>
        {catalog.main_visual_url ? (
          <Image src={catalog.main_visual_url} alt="" h={120} fit="cover" />
        ) : (
          <Group h={120} justify="center" bg="gray.1">
            <IconBook2 size={36} color="gray" aria-hidden />
          </Group>
        )}
      </Card.Section>
      <Stack gap={4} mt="sm">
        <Text fw={600}>
          {link ? (
            <AnchorLink to="/buyer/$orgId/brands/$brandId/catalogs/$catalogId" params={link}>
              {name}
            </AnchorLink>
          ) : (
            name
          )}
        </Text>
        {catalog.release_at ? (
          <Text size="xs" c="dimmed">
            {t('connected.releasedAt', { date: formatDateTime(catalog.release_at, locale) })}
          </Text>
        ) : null}
        {catalog.ordering_open ? (
          catalog.order_deadline ? (
            <Text size="sm">
              {t('connected.deadline', { date: formatDateTime(catalog.order_deadline, locale) })}
            </Text>
          ) : (
            <Badge variant="light" color="green">
              {t('connected.orderingOpen')}
            </Badge>
          )
        ) : (
          <Badge variant="filled" color="gray">
            {t('connected.orderingClosed')}
          </Badge>
        )}
      </Stack>
    </Card>
  );
}
