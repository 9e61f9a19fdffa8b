import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { notifySuccess } from '../../../components/notify';
import { UiLanguageSelect } from '../../../components/UiLanguageSelect';
import { api } from '../../../lib/api';
import { currentLanguage } from '../../../lib/i18n';
import { fetchAllPages } from '../../../lib/paging';
import { mapProblem, unwrap } from '../../../lib/problem';
import { emailAddress, requiredText } from '../../../lib/validation';
import { brandKeys, type TransactionTerm } from '../data';
import type { BrandContext } from '../shared/BrandGate';
import { bodyFields } from '../shared/fields';
import { TermsFields } from './TermsFields';
import { termsRequest, termsToForm, validateTerms, type TermsValues } from './termsForm';

interface InviteValues {
  /** `terms`: a new buyer on the terms below; `offline`: connect an offline customer. */
  mode: 'terms' | 'offline';
  customer_id: string;
  email: string;
  language: string;
  message: string;
  terms: TermsValues;
}

const inviteFields = bodyFields(['email', 'language', 'message', 'customer_id'], ['terms']);

/** "Invite a buyer": an e-mail with a link; accepting connects the buyer on these terms. */
export function InviteBuyerModal({
  context,
  terms,
  opened,
  onClose,
}: {
  context: BrandContext;
  terms: readonly TransactionTerm[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('customers.invite.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <InviteForm context={context} terms={terms} onDone={onClose} /> : null}
    </Modal>
  );
}

function InviteForm({
  context,
  terms,
  onDone,
}: {
  context: BrandContext;
  terms: readonly TransactionTerm[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { brand, defaultLanguage, settings } = context;
  const offline = useQuery({
    queryKey: [...brandKeys.customers(brand.id), 'offline-all'],
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(
          api.GET('/api/v1/brands/{brand_id}/customers', {
            params: {
              path: { brand_id: brand.id },
              query: { kind: 'offline', limit: 100, cursor },
            },
          }),
        ),
      ),
  });
  const form = useForm<InviteValues>({
    initialValues: {
      mode: 'terms',
      customer_id: '',
      email: '',
      language: currentLanguage(),
      message: '',
      terms: termsToForm(null, {
        language: defaultLanguage,
        currency: settings.default_currency,
        termId: terms[0]?.id ?? '',
      }),
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      const email = emailAddress(values.email);
      if (email) errors.email = email;
      if (values.mode === 'offline') {
        const customer = requiredText(values.customer_id);
        if (customer) errors.customer_id = customer;
      } else validateTerms(errors, values.terms, 'terms');
      return errors;
    },
  });
  const { values } = form;

  const invite = useMutation({
    mutationFn: (submitted: InviteValues) =>
      unwrap(
        api.POST('/api/v1/brands/{brand_id}/invitations', {
          params: { path: { brand_id: brand.id } },
          body: {
            email: submitted.email.trim(),
            language: submitted.language,
            message: submitted.message.trim(),
            ...(submitted.mode === 'offline'
              ? { customer_id: submitted.customer_id }
              : { terms: termsRequest(submitted.terms) }),
          },
        }),
      ),
    onSuccess: async (sent) => {
      await queryClient.invalidateQueries({ queryKey: brandKeys.customerInvitations(brand.id) });
      notifySuccess(t('customers.invite.sent', { email: sent.email }));
      onDone();
    },
    onError: (error) => form.setErrors(mapProblem(error, inviteFields).fieldErrors),
  });

  return (
    <form onSubmit={form.onSubmit((submitted) => invite.mutate(submitted))} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('customers.invite.intro')}
        </Text>
        <FormErrorAlert
          error={invite.isError ? mapProblem(invite.error, inviteFields).formError : null}
        />
        <TextInput
          label={t('customers.invite.email')}
          type="email"
          withAsterisk
          data-autofocus
          {...form.getInputProps('email')}
        />
        <UiLanguageSelect
          label={t('customers.invite.language')}
          description={t('customers.invite.languageHelp')}
          {...form.getInputProps('language')}
        />
        <Textarea
          label={t('customers.invite.message')}
          autosize
          minRows={3}
          {...form.getInputProps('message')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="invite-mode-label">
            {t('customers.invite.who')}
          </Text>
          <SegmentedControl
            aria-labelledby="invite-mode-label"
            style={{ alignSelf: 'flex-start' }}
            data={[
              { value: 'terms', label: t('customers.invite.newBuyer') },
              { value: 'offline', label: t('customers.invite.offlineCustomer') },
            ]}
            {...form.getInputProps('mode')}
          />
        </Stack>
        {values.mode === 'offline' ? (
          <Select
            label={t('customers.invite.chooseCustomer')}
            description={t('customers.invite.chooseCustomerHelp')}
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            data={(offline.data ?? []).map((customer) => ({
              value: customer.id,
              label: `${customer.code} · ${customer.company_name || customer.contact_name} (${customer.email})`,
            }))}
            withAsterisk
            {...form.getInputProps('customer_id')}
            onChange={(id: string | null) => {
              form.setFieldValue('customer_id', id ?? '');
              const customer = offline.data?.find((each) => each.id === id);
              if (customer && !form.getValues().email) form.setFieldValue('email', customer.email);
            }}
          />
        ) : (
          <TermsFields form={form} context={context} terms={terms} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={invite.isPending}>
            {t('customers.invite.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
