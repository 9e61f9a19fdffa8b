import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { ButtonLink } from '../../../components/links';
import { notifySuccess } from '../../../components/notify';
import { ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { mapProblem, unwrap } from '../../../lib/problem';
import { usePageTitle } from '../../../lib/usePageTitle';
import { brandKeys, useTransactionTerms, type Customer, type TransactionTerm } from '../data';
import { BrandGate, type BrandContext } from '../shared/BrandGate';
import {
  customerFields,
  customerToForm,
  customerUpdateRequest,
  validateCustomer,
  type CustomerValues,
} from './customerForm';
import { CustomerFields } from './CustomerFields';

const route = getRouteApi('/_authenticated/brand/$brandId/customers/$customerId');

/** A customer: contact details, the terms editor and the Customer Order Link login. */
export function CustomerPage() {
  const { customerId } = route.useParams();
  return (
    <BrandGate>
      {(context) => <CustomerLoader context={context} customerId={customerId} />}
    </BrandGate>
  );
}

function CustomerLoader({ context, customerId }: { context: BrandContext; customerId: string }) {
  const { brand } = context;
  const customer = useQuery({
    queryKey: brandKeys.customer(brand.id, customerId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/customers/{customer_id}', {
          params: { path: { brand_id: brand.id, customer_id: customerId } },
        }),
      ),
  });
  const terms = useTransactionTerms(brand.id);
  usePageTitle(customer.data ? customer.data.company_name || customer.data.contact_name : null);
  if (customer.isPending || terms.isPending) return <LoadingState />;
  if (customer.isError) {
    return <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />;
  }
  if (terms.isError) return <ErrorState error={terms.error} onRetry={() => void terms.refetch()} />;
  return (
    <CustomerEditor
      key={customer.data.updated_at}
      context={context}
      customer={customer.data}
      terms={terms.data}
    />
  );
}

function CustomerEditor({
  context,
  customer,
  terms,
}: {
  context: BrandContext;
  customer: Customer;
  terms: TransactionTerm[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { brand, defaultLanguage, settings } = context;
  const hasLogin = customer.link_login_email !== null;
  const form = useForm<CustomerValues>({
    initialValues: customerToForm(customer, {
      language: defaultLanguage,
      currency: settings.default_currency,
      termId: terms[0]?.id ?? '',
    }),
    validate: (values) => validateCustomer(values, { passwordRequired: !hasLogin }),
  });

  const save = useMutation({
    mutationFn: (values: CustomerValues) =>
      unwrap(
        api.PATCH('/api/v1/brands/{brand_id}/customers/{customer_id}', {
          params: { path: { brand_id: brand.id, customer_id: customer.id } },
          body: customerUpdateRequest(values, customer),
        }),
      ),
    onSuccess: async (updated) => {
      queryClient.setQueryData(brandKeys.customer(brand.id, customer.id), updated);
      await queryClient.invalidateQueries({ queryKey: brandKeys.customers(brand.id) });
      notifySuccess(t('customers.saved'));
    },
    onError: (error) => form.setErrors(mapProblem(error, customerFields).fieldErrors),
  });

  const connected = customer.kind === 'connected';

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="customer-heading">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="md">
          <div>
            <ButtonLink
              to="/brand/$brandId/customers"
              params={{ brandId: brand.id }}
              search={{ kind: customer.kind }}
              variant="subtle"
              size="compact-sm"
              leftSection={<IconArrowLeft size={14} aria-hidden />}
            >
              {t('customers.backToList')}
            </ButtonLink>
            <Title order={2} size="h3" id="customer-heading">
              {customer.company_name || customer.contact_name}
            </Title>
            <Group gap="xs">
              <Badge variant="light">{customer.code}</Badge>
              <Badge variant="outline" color={connected ? 'green' : 'gray'}>
                {t(`customers.tabs.${customer.kind}`)}
              </Badge>
              <Badge variant="outline" color="gray">
                {t(`customers.buyerTypes.${customer.buyer_type}`)}
              </Badge>
            </Group>
            {connected ? (
              <Text size="sm" c="dimmed" mt="xs">
                {t('customers.connectedHelp')}
              </Text>
            ) : null}
          </div>
          <FormErrorAlert
            error={save.isError ? mapProblem(save.error, customerFields).formError : null}
          />
          <CustomerFields
            form={form}
            context={context}
            terms={terms}
            creating={false}
            connected={connected}
            hasLogin={hasLogin}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
