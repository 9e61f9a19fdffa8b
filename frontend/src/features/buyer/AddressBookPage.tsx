import { Badge, Button, Card, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconEdit, IconPlus, IconStar, IconTrash } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LoadMore } from '../../components/LoadMore';
import { notifyError, notifySuccess } from '../../components/notify';
import { EmptyListState, ErrorState, LoadingState } from '../../components/QueryState';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/problem';
import { PAGE_SIZE, queryKeys, useCountryName, type BuyerOrganization } from '../../lib/queries';
import { AddressFormModal } from './AddressFormModal';
import type { Address, AddressKind } from './addressForm';
import { useCurrentOrganization } from './useOrganization';

const route = getRouteApi('/_authenticated/buyer/$orgId/addresses');
const KINDS: readonly AddressKind[] = ['delivery', 'billing'];

/** The address book: **Delivery Addresses** and **Billing Addresses** tabs. */
export function AddressBookPage() {
  const { t } = useTranslation();
  const { kind } = route.useSearch();
  const navigate = useNavigate();
  const { organization } = useCurrentOrganization();

  if (organization.isPending) return <LoadingState />;
  if (organization.isError) return <ErrorState error={organization.error} />;

  return (
    <Tabs
      value={kind}
      onChange={(value) =>
        void navigate({
          to: '/buyer/$orgId/addresses',
          params: { orgId: organization.data.id },
          search: { kind: value === 'billing' ? 'billing' : 'delivery' },
          replace: true,
        })
      }
      keepMounted={false}
    >
      <Tabs.List>
        {KINDS.map((each) => (
          <Tabs.Tab key={each} value={each}>
            {t(`buyer.addresses.tab.${each}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {KINDS.map((each) => (
        <Tabs.Panel key={each} value={each} pt="md">
          <AddressList org={organization.data} kind={each} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function AddressList({ org, kind }: { org: BuyerOrganization; kind: AddressKind }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const countryName = useCountryName();
  // null: closed; "new": creating; an address: editing it.
  const [editing, setEditing] = useState<Address | 'new' | null>(null);
  const listKey = [...queryKeys.buyerOrganization(org.id), 'addresses', kind];

  const addresses = useInfiniteQuery({
    queryKey: listKey,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/buyer-organizations/{org_id}/addresses', {
          params: {
            path: { org_id: org.id },
            query: { kind, limit: PAGE_SIZE, cursor: pageParam },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const refresh = () =>
    queryClient.invalidateQueries({
      queryKey: [...queryKeys.buyerOrganization(org.id), 'addresses'],
    });

  const makeDefault = useMutation({
    mutationFn: (address: Address) =>
      unwrap(
        api.PATCH('/api/v1/buyer-organizations/{org_id}/addresses/{address_id}', {
          params: { path: { org_id: org.id, address_id: address.id } },
          body: { is_default: true },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t('buyer.addresses.defaultSet'));
    },
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: (address: Address) =>
      unwrap(
        api.DELETE('/api/v1/buyer-organizations/{org_id}/addresses/{address_id}', {
          params: { path: { org_id: org.id, address_id: address.id } },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t('buyer.addresses.deleted'));
    },
    onError: notifyError,
  });

  const confirmDelete = (address: Address) =>
    modals.openConfirmModal({
      title: t('buyer.addresses.deleteTitle'),
      children: (
        <Text size="sm">{t('buyer.addresses.deleteText', { name: address.recipient })}</Text>
      ),
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(address),
    });

  const items = addresses.data?.pages.flatMap((page) => page.items) ?? [];
  const createButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t(`buyer.addresses.create.${kind}`)}
    </Button>
  );

  return (
    <Stack gap="md">
      {items.length > 0 ? <Group justify="flex-end">{createButton}</Group> : null}
      {addresses.isPending ? <LoadingState /> : null}
      {addresses.isError ? (
        <ErrorState error={addresses.error} onRetry={() => void addresses.refetch()} />
      ) : null}
      {addresses.isSuccess && items.length === 0 ? (
        <EmptyListState title={t(`buyer.addresses.empty.${kind}`)} action={createButton} />
      ) : null}
      <SimpleGrid
        cols={{ base: 1, md: 2 }}
        component="ul"
        style={{ listStyle: 'none', padding: 0 }}
      >
        {items.map((address) => (
          <Card key={address.id} withBorder component="li" aria-label={address.recipient}>
            <Stack gap={4}>
              <Group justify="space-between">
                <Text fw={600}>{address.recipient}</Text>
                {address.is_default ? (
                  <Badge leftSection={<IconStar size={12} aria-hidden />}>
                    {t('buyer.addresses.default')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm">
                {address.postal_code} {address.state} {address.city}
              </Text>
              <Text size="sm">{address.line1}</Text>
              {address.line2 ? <Text size="sm">{address.line2}</Text> : null}
              <Text size="sm">{countryName(address.country)}</Text>
              <Text size="sm">{address.phone}</Text>
            </Stack>
            <Group gap="xs" mt="sm">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconEdit size={14} aria-hidden />}
                onClick={() => setEditing(address)}
                aria-label={t('buyer.addresses.editName', { name: address.recipient })}
              >
                {t('common.edit')}
              </Button>
              {address.is_default ? null : (
                <Button
                  size="xs"
                  variant="subtle"
                  loading={makeDefault.isPending && makeDefault.variables.id === address.id}
                  onClick={() => makeDefault.mutate(address)}
                >
                  {t('buyer.addresses.setDefault')}
                </Button>
              )}
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                onClick={() => confirmDelete(address)}
                aria-label={t('buyer.addresses.deleteName', { name: address.recipient })}
              >
                {t('common.delete')}
              </Button>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      <LoadMore
        hasNextPage={addresses.hasNextPage}
        isFetchingNextPage={addresses.isFetchingNextPage}
        fetchNextPage={addresses.fetchNextPage}
      />
      <AddressFormModal
        orgId={org.id}
        kind={kind}
        address={editing === 'new' ? null : editing}
        defaultCountry={org.country}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
