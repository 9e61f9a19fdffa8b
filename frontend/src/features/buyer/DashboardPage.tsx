import { Badge, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { LoadMore } from '../../components/LoadMore';
import { EmptyListState, ErrorState, LoadingState } from '../../components/QueryState';
import { resolveLocalized } from '../../lib/localized';
import { buyerOrganizationsQuery } from '../../lib/queries';
import { usePageTitle } from '../../lib/usePageTitle';
import { CreateOrganizationModal } from './CreateOrganizationModal';
import { buyerKindLabel, buyerRoleLabel } from './labels';
import { ButtonLink } from '../../components/links';

/** After log-in: pick the buyer organization to work for ("Select"), or create one. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('buyer.select.title'));
  const [creating, { open, close }] = useDisclosure(false);
  const organizations = useInfiniteQuery(buyerOrganizationsQuery);
  const items = organizations.data?.pages.flatMap((page) => page.items) ?? [];

  const createButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
      {t('buyer.create.title')}
    </Button>
  );

  return (
    <Container size="md">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={1}>{t('buyer.select.title')}</Title>
            <Text c="dimmed">{t('buyer.select.intro')}</Text>
          </div>
          {items.length > 0 ? createButton : null}
        </Group>

        {organizations.isPending ? <LoadingState /> : null}
        {organizations.isError ? (
          <ErrorState error={organizations.error} onRetry={() => void organizations.refetch()} />
        ) : null}
        {organizations.isSuccess && items.length === 0 ? (
          <EmptyListState
            title={t('buyer.select.emptyTitle')}
            description={t('buyer.select.emptyText')}
            action={createButton}
          />
        ) : null}

        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((org) => {
            const name = resolveLocalized(org.name, i18n.language, org.default_language);
            return (
              <Card key={org.id} withBorder component="li" aria-label={name}>
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={4}>
                    <Text fw={600} size="lg">
                      {name}
                    </Text>
                    <Group gap="xs">
                      <Badge variant="light" color="gray">
                        {buyerKindLabel(t, org.kind)}
                      </Badge>
                      <Badge variant="light">{buyerRoleLabel(t, org.my_role)}</Badge>
                      {org.is_primary_owner ? (
                        <Badge variant="outline">{t('buyer.roles.primaryOwner')}</Badge>
                      ) : null}
                    </Group>
                  </Stack>
                  <ButtonLink
                    to="/buyer/$orgId"
                    params={{ orgId: org.id }}
                    aria-label={t('buyer.select.selectOrganization', { name })}
                  >
                    {t('buyer.select.select')}
                  </ButtonLink>
                </Group>
              </Card>
            );
          })}
        </Stack>
        <LoadMore
          hasNextPage={organizations.hasNextPage}
          isFetchingNextPage={organizations.isFetchingNextPage}
          fetchNextPage={organizations.fetchNextPage}
        />
      </Stack>
      <CreateOrganizationModal opened={creating} onClose={close} />
    </Container>
  );
}
