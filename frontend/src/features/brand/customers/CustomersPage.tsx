import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMailPlus, IconPlus, IconSearch } from '@tabler/icons-react';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { AnchorLink } from '../../../components/links';
import { LoadMore } from '../../../components/LoadMore';
import { notifySuccess } from '../../../components/notify';
import { EmptyListState, ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { mapProblem, unwrap } from '../../../lib/problem';
import { PAGE_SIZE, useCountryName } from '../../../lib/queries';
import { usePageTitle } from '../../../lib/usePageTitle';
import { brandKeys, useTransactionTerms, type TransactionTerm } from '../data';
import { BrandGate, type BrandContext } from '../shared/BrandGate';
import type { CustomerKind } from '../shared/labels';
import {
  customerCreateRequest,
  customerFields,
  emptyCustomer,
  termsLine,
  validateCustomer,
  type CustomerValues,
} from './customerForm';
import { CustomerFields } from './CustomerFields';
import { InviteBuyerModal } from './InviteBuyerModal';
import { SentInvitations } from './SentInvitations';

const route = getRouteApi('/_authenticated/brand/$brandId/customers');
const KINDS: readonly CustomerKind[] = ['connected', 'offline'];

/** Customers: Connected and Offline tabs, "Create an offline customer", "Invite a buyer". */
export function CustomersPage() {
  const { t } = useTranslation();
  usePageTitle(t('brand.nav.customers'));
  return <BrandGate>{(context) => <Customers context={context} />}</BrandGate>;
}

function Customers({ context }: { context: BrandContext }) {
  const { t } = useTranslation();
  const { kind } = route.useSearch();
  const navigate = useNavigate();
  const { brand } = context;
  const terms = useTransactionTerms(brand.id);
  const [creating, setCreating] = useState(false);
  const [inviting, setInviting] = useState(false);

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" component="section" aria-labelledby="customers-heading">
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={2} size="h3" id="customers-heading">
              {t('brand.nav.customers')}
            </Title>
            <Group gap="xs">
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating(true)}
              >
                {t('customers.createOffline')}
              </Button>
              <Button
                leftSection={<IconMailPlus size={16} aria-hidden />}
                onClick={() => setInviting(true)}
              >
                {t('customers.invite.title')}
              </Button>
            </Group>
          </Group>
          <Tabs
            value={kind}
            keepMounted={false}
            onChange={(value) =>
              void navigate({
                to: '/brand/$brandId/customers',
                params: { brandId: brand.id },
                search: { kind: value === 'offline' ? 'offline' : 'connected' },
                replace: true,
              })
            }
          >
            <Tabs.List>
              {KINDS.map((each) => (
                <Tabs.Tab key={each} value={each}>
                  {t(`customers.tabs.${each}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {KINDS.map((each) => (
              <Tabs.Panel key={each} value={each} pt="md">
                <CustomerList context={context} kind={each} terms={terms.data ?? []} />
              </Tabs.Panel>
            ))}
          </Tabs>
        </Stack>
      </Paper>
      <SentInvitations context={context} terms={terms.data ?? []} />
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('customers.createOffline')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating ? (
          <CreateCustomerForm
            context={context}
            terms={terms.data ?? []}
            onDone={() => setCreating(false)}
          />
        ) : null}
      </Modal>
      <InviteBuyerModal
        context={context}
        terms={terms.data ?? []}
        opened={inviting}
        onClose={() => setInviting(false)}
      />
    </Stack>
  );
}

function CustomerList({
  context,
  kind,
  terms,
}: {
  context: BrandContext;
  kind: CustomerKind;
  terms: TransactionTerm[];
}) {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const { brand } = context;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const customers = useInfiniteQuery({
    queryKey: [...brandKeys.customers(brand.id), 'list', kind, debounced],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/customers', {
          params: {
            path: { brand_id: brand.id },
            query: { kind, search: debounced || undefined, limit: PAGE_SIZE, cursor: pageParam },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = customers.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="sm">
      <TextInput
        role="searchbox"
        type="search"
        label={t('customers.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      {customers.isPending ? <LoadingState /> : null}
      {customers.isError ? (
        <ErrorState error={customers.error} onRetry={() => void customers.refetch()} />
      ) : null}
      {customers.isSuccess && items.length === 0 ? (
        <EmptyListState
          title={debounced ? t('customers.noMatch') : t(`customers.empty.${kind}`)}
          description={debounced ? undefined : t(`customers.emptyText.${kind}`)}
        />
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customers.code')}</Table.Th>
                <Table.Th>{t('customers.companyName')}</Table.Th>
                <Table.Th>{t('customers.contactName')}</Table.Th>
                <Table.Th>{t('fields.email')}</Table.Th>
                <Table.Th>{t('fields.country')}</Table.Th>
                <Table.Th>{t('customers.terms')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((customer) => (
                <Table.Tr key={customer.id}>
                  <Table.Td>
                    <AnchorLink
                      to="/brand/$brandId/customers/$customerId"
                      params={{ brandId: brand.id, customerId: customer.id }}
                      fw={600}
                    >
                      {customer.code}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{customer.company_name || '—'}</Table.Td>
                  <Table.Td>{customer.contact_name}</Table.Td>
                  <Table.Td>{customer.email}</Table.Td>
                  <Table.Td>{countryName(customer.country)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{termsLine(t, customer.terms, terms, i18n.language)}</Text>
                    {customer.link_login_email ? (
                      <Badge variant="outline" size="xs">
                        {t('customers.hasLinkLogin')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMore
        hasNextPage={customers.hasNextPage}
        isFetchingNextPage={customers.isFetchingNextPage}
        fetchNextPage={customers.fetchNextPage}
      />
    </Stack>
  );
}

function CreateCustomerForm({
  context,
  terms,
  onDone,
}: {
  context: BrandContext;
  terms: TransactionTerm[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { brand, defaultLanguage, settings } = context;
  const form = useForm<CustomerValues>({
    initialValues: emptyCustomer(brand.country, {
      language: defaultLanguage,
      currency: settings.default_currency,
      termId: terms[0]?.id ?? '',
    }),
    validate: (values) => validateCustomer(values, { passwordRequired: true }),
  });

  const create = useMutation({
    mutationFn: (values: CustomerValues) =>
      unwrap(
        api.POST('/api/v1/brands/{brand_id}/customers', {
          params: { path: { brand_id: brand.id } },
          body: customerCreateRequest(values),
        }),
      ),
    onSuccess: async (customer) => {
      await queryClient.invalidateQueries({ queryKey: brandKeys.customers(brand.id) });
      notifySuccess(t('customers.created', { code: customer.code }));
      onDone();
      await navigate({
        to: '/brand/$brandId/customers/$customerId',
        params: { brandId: brand.id, customerId: customer.id },
      });
    },
    onError: (error) => form.setErrors(mapProblem(error, customerFields).fieldErrors),
  });

  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={create.isError ? mapProblem(create.error, customerFields).formError : null}
        />
        <CustomerFields form={form} context={context} terms={terms} creating />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
