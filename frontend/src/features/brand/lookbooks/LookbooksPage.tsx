import { Badge, Card, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { AnchorLink, ButtonLink } from '../../../components/links';
import { LoadMore } from '../../../components/LoadMore';
import { EmptyListState, ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { unwrap } from '../../../lib/problem';
import { PAGE_SIZE } from '../../../lib/queries';
import { usePageTitle } from '../../../lib/usePageTitle';
import { brandKeys } from '../data';
import { BrandGate, type BrandContext } from '../shared/BrandGate';
import { lookbookStatusLabel } from '../shared/labels';

/** Lookbooks: galleries of images credited to products. */
export function LookbooksPage() {
  const { t } = useTranslation();
  usePageTitle(t('brand.nav.lookbooks'));
  return <BrandGate>{(context) => <LookbookList context={context} />}</BrandGate>;
}

function LookbookList({ context }: { context: BrandContext }) {
  const { t } = useTranslation();
  const { brand } = context;
  const lookbooks = useInfiniteQuery({
    queryKey: [...brandKeys.lookbooks(brand.id), 'list'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/lookbooks', {
          params: { path: { brand_id: brand.id }, query: { limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const items = lookbooks.data?.pages.flatMap((page) => page.items) ?? [];
  const createButton = (
    <ButtonLink
      to="/brand/$brandId/lookbooks/new"
      params={{ brandId: brand.id }}
      leftSection={<IconPlus size={16} aria-hidden />}
    >
      {t('lookbooks.create')}
    </ButtonLink>
  );

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="lookbooks-heading">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="lookbooks-heading">
            {t('brand.nav.lookbooks')}
          </Title>
          {items.length > 0 ? createButton : null}
        </Group>
        {lookbooks.isPending ? <LoadingState /> : null}
        {lookbooks.isError ? (
          <ErrorState error={lookbooks.error} onRetry={() => void lookbooks.refetch()} />
        ) : null}
        {lookbooks.isSuccess && items.length === 0 ? (
          <EmptyListState
            title={t('lookbooks.empty')}
            description={t('lookbooks.emptyText')}
            action={createButton}
          />
        ) : null}
        <SimpleGrid
          cols={{ base: 1, sm: 2, md: 3 }}
          component="ul"
          style={{ listStyle: 'none', padding: 0 }}
        >
          {items.map((lookbook) => {
            const name = context.text(lookbook.name);
            const cover = lookbook.images[0];
            return (
              <Card key={lookbook.id} withBorder component="li" aria-label={name}>
                {cover ? (
                  <Card.Section>
                    <Image src={cover.thumbnail_url} alt="" h={160} fit="cover" />
                  </Card.Section>
                ) : null}
                <Stack gap={4} mt="sm">
                  <AnchorLink
                    to="/brand/$brandId/lookbooks/$lookbookId"
                    params={{ brandId: brand.id, lookbookId: lookbook.id }}
                    fw={600}
                  >
                    {name}
                  </AnchorLink>
                  <Group gap="xs">
                    <Badge variant="light" color={lookbook.status === 'public' ? 'green' : 'gray'}>
                      {lookbookStatusLabel(t, lookbook.status)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {t('lookbooks.imageCount', { number: lookbook.images.length })}
                    </Text>
                  </Group>
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
        <LoadMore
          hasNextPage={lookbooks.hasNextPage}
          isFetchingNextPage={lookbooks.isFetchingNextPage}
          fetchNextPage={lookbooks.fetchNextPage}
        />
      </Stack>
    </Paper>
  );
}
