import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { AnchorLink, ButtonLink } from '../../components/links';
import { LoadMore } from '../../components/LoadMore';
import { EmptyListState, ErrorState, LoadingState } from '../../components/QueryState';
import { api, type Schemas } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { unwrap } from '../../lib/problem';
import { PAGE_SIZE, queryKeys } from '../../lib/queries';
import { usePageTitle } from '../../lib/usePageTitle';
import { useCurrentOrganization } from './useOrganization';

type CartSummary = Schemas['CartSummary'];

/**
 * **Draft order lists**: every cart of this organization that holds something, most recent
 * first — the standard-order ones open from here; one filled on an order link is reached
 * again through that link.
 */
export function DraftOrderListsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('cart.drafts.title'));
  const { orgId } = useCurrentOrganization();
  const carts = useInfiniteQuery({
    queryKey: [...queryKeys.buyerOrganization(orgId), 'carts', i18n.language],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/carts', {
          params: {
            query: {
              buyer_organization_id: orgId,
              with_items: true,
              locale: i18n.language,
              limit: PAGE_SIZE,
              cursor: pageParam,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    staleTime: 0, // carts change on other pages: always show them as they are now
  });
  const items = carts.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="drafts-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="drafts-heading">
          {t('cart.drafts.title')}
        </Title>
        {carts.isPending ? <LoadingState /> : null}
        {carts.isError ? (
          <ErrorState error={carts.error} onRetry={() => void carts.refetch()} />
        ) : null}
        {carts.isSuccess && items.length === 0 ? (
          <EmptyListState
            title={t('cart.drafts.emptyTitle')}
            description={t('cart.drafts.emptyText')}
            action={
              <ButtonLink
                to="/buyer/$orgId/brands"
                params={{ orgId }}
                leftSection={<IconBuildingStore size={16} aria-hidden />}
              >
                {t('orders.empty.toBrands')}
              </ButtonLink>
            }
          />
        ) : null}
        {items.length > 0 ? (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" highlightOnHover aria-labelledby="drafts-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cart.drafts.columns.catalog')}</Table.Th>
                  <Table.Th scope="col">{t('cart.drafts.columns.brand')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('cart.drafts.columns.items')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('cart.drafts.columns.quantity')}
                  </Table.Th>
                  <Table.Th scope="col">{t('cart.drafts.columns.updated')}</Table.Th>
                  <Table.Th scope="col">{t('cart.drafts.columns.deadline')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((cart) => (
                  <Table.Tr key={cart.id}>
                    <Table.Th scope="row">
                      <CatalogCell cart={cart} orgId={orgId} />
                    </Table.Th>
                    <Table.Td>{cart.brand_name}</Table.Td>
                    <Table.Td ta="end">{cart.item_count.toLocaleString(i18n.language)}</Table.Td>
                    <Table.Td ta="end">
                      {cart.total_quantity.toLocaleString(i18n.language)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(cart.updated_at, i18n.language)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {cart.ordering_open ? (
                        <Text size="sm">
                          {cart.order_deadline
                            ? formatDateTime(cart.order_deadline, i18n.language)
                            : t('cart.drafts.noDeadline')}
                        </Text>
                      ) : (
                        <Badge color="gray" variant="light">
                          {t('cart.drafts.closed')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <LoadMore
          hasNextPage={carts.hasNextPage}
          isFetchingNextPage={carts.isFetchingNextPage}
          fetchNextPage={carts.fetchNextPage}
        />
      </Stack>
    </Paper>
  );
}

function CatalogCell({ cart, orgId }: { cart: CartSummary; orgId: string }) {
  const { t } = useTranslation();
  if (cart.link_id) {
    return (
      <Stack gap={2}>
        <Text fw={600}>{cart.catalog_name}</Text>
        <Text size="sm" c="dimmed">
          {t('cart.drafts.onLink', { name: cart.link_name ?? '' })}
        </Text>
      </Stack>
    );
  }
  return (
    <AnchorLink
      to="/buyer/$orgId/brands/$brandId/catalogs/$catalogId/cart"
      params={{ orgId, brandId: cart.brand_id, catalogId: cart.catalog_id }}
      fw={600}
    >
      {cart.catalog_name}
    </AnchorLink>
  );
}
