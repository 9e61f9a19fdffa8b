import {
  Anchor,
  Avatar,
  Badge,
  Card,
  Group,
  Image,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconBook2, IconExternalLink, IconMail, IconPhone } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../lib/dates';
import type { Contact, StoreLookbook } from './storeApi';

const plainList = { listStyle: 'none', padding: 0, margin: 0 } as const;

/** The brand at the top of its page: main visual, logo, name, description, website. */
export function BrandHero({
  name,
  description,
  logoUrl,
  mainVisualUrl,
  websiteUrl,
  level = 1,
  children,
}: {
  /** 2 inside a page that has its own h1 (the buyer organization's area). */
  level?: 1 | 2;
  name: string;
  description?: string;
  logoUrl?: string | null;
  mainVisualUrl?: string | null;
  websiteUrl?: string | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {mainVisualUrl ? <Image src={mainVisualUrl} alt="" h={260} radius="md" fit="cover" /> : null}
      <Group wrap="nowrap" align="flex-start">
        <Avatar src={logoUrl} alt={t('store.logoOf', { name })} size="xl" radius="md">
          {name.slice(0, 1)}
        </Avatar>
        <Stack gap={6} style={{ flex: 1 }}>
          <Title order={level} size="h1">
            {name}
          </Title>
          {description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{description}</Text> : null}
          {websiteUrl ? (
            <Anchor href={websiteUrl} target="_blank" rel="noreferrer" size="sm">
              {t('store.website')}{' '}
              <IconExternalLink size={14} aria-hidden style={{ verticalAlign: 'middle' }} />
            </Anchor>
          ) : null}
          {children}
        </Stack>
      </Group>
    </Stack>
  );
}

export interface CatalogTileData {
  id: string;
  name: string;
  description: string;
  main_visual_url: string | null;
  release_at: string | null;
  order_deadline: string | null;
  ordering_open: boolean;
}

/** "Order deadline: …", "Ordering open" or "Ordering closed" for a catalog. */
export function DeadlineBadge({ deadline, open }: { deadline: string | null; open: boolean }) {
  const { t, i18n } = useTranslation();
  if (!open) {
    return (
      <Badge variant="filled" color="gray">
        {t('store.orderingClosed')}
      </Badge>
    );
  }
  if (deadline) {
    return (
      <Text size="sm">
        {t('store.deadline', { date: formatDateTime(deadline, i18n.language) })}
      </Text>
    );
  }
  return (
    <Badge variant="light" color="green">
      {t('store.orderingOpen')}
    </Badge>
  );
}

/** The catalogs of a brand page as cards; `link` renders the card's title as a link to it. */
export function CatalogGrid({
  catalogs,
  link,
}: {
  catalogs: CatalogTileData[];
  link: (catalog: CatalogTileData) => ReactNode;
}) {
  const { t } = useTranslation();
  if (catalogs.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('store.noCatalogs')}
      </Text>
    );
  }
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, md: 3 }}
      component="ul"
      aria-label={t('store.catalogs')}
      style={plainList}
    >
      {catalogs.map((catalog) => (
        <Card key={catalog.id} withBorder padding="md" component="li" aria-label={catalog.name}>
          <Card.Section>
            {catalog.main_visual_url ? (
              <Image
                src={catalog.main_visual_url}
                alt=""
                h={160}
                fit="cover"
                loading="lazy"
                decoding="async"
              />
            ) : (
              <Group h={160} justify="center" bg="gray.1">
                <IconBook2 size={40} color="gray" aria-hidden />
              </Group>
            )}
          </Card.Section>
          <Stack gap={6} mt="sm">
            <Text fw={600} fz="lg">
              {link(catalog)}
            </Text>
            {catalog.description ? (
              <Text size="sm" c="dimmed" lineClamp={3}>
                {catalog.description}
              </Text>
            ) : null}
            <DeadlineBadge deadline={catalog.order_deadline} open={catalog.ordering_open} />
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** Whom to ask about the link: name, e-mail, phone and note of each contact. */
export function ContactList({ contacts }: { contacts: Contact[] }) {
  const { t } = useTranslation();
  if (contacts.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="link-contacts">
      <Title order={2} size="h4" id="link-contacts">
        {t('store.contacts')}
      </Title>
      <Stack gap="sm" component="ul" style={plainList}>
        {contacts.map((contact, index) => (
          <Stack key={`${contact.name}-${index}`} gap={2} component="li">
            <Text fw={600}>{contact.name}</Text>
            {contact.email ? (
              <Anchor href={`mailto:${contact.email}`} size="sm">
                <IconMail size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
                {contact.email}
              </Anchor>
            ) : null}
            {contact.phone ? (
              <Anchor href={`tel:${contact.phone.replace(/\s/g, '')}`} size="sm">
                <IconPhone size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
                {contact.phone}
              </Anchor>
            ) : null}
            {contact.note ? (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {contact.note}
              </Text>
            ) : null}
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}

/** Lookbooks: each a named strip of images (opened full size in a new tab). */
export function LookbookSection({ lookbooks }: { lookbooks: StoreLookbook[] }) {
  const { t } = useTranslation();
  if (lookbooks.length === 0) return null;
  return (
    <Stack gap="md" component="section" aria-labelledby="lookbooks-heading">
      <Title order={2} size="h3" id="lookbooks-heading">
        {t('store.lookbooks')}
      </Title>
      {lookbooks.map((lookbook) => (
        <Stack key={lookbook.id} gap="xs">
          <Title order={3} size="h5">
            {lookbook.name}
          </Title>
          {lookbook.images.length === 0 ? null : (
            <Group gap="sm" component="ul" style={plainList} wrap="wrap">
              {lookbook.images.map((image, index) => (
                <li key={image.url}>
                  <Anchor href={image.url} target="_blank" rel="noreferrer">
                    <Image
                      src={image.thumbnail_url}
                      alt={t('store.lookbookImage', { name: lookbook.name, n: index + 1 })}
                      // A fixed box (the picture is fitted in): nothing moves when it arrives.
                      h={180}
                      w={180}
                      fit="contain"
                      radius="sm"
                      loading="lazy"
                      decoding="async"
                    />
                  </Anchor>
                </li>
              ))}
            </Group>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
