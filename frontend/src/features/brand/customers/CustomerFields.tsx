import {
  Fieldset,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import { CountrySelect } from '../../../components/CountrySelect';
import type { TransactionTerm } from '../data';
import type { BrandContext } from '../shared/BrandGate';
import type { CustomerValues } from './customerForm';
import { TermsFields } from './TermsFields';

/** The customer's contact details, its established terms and its Customer Order Link login. */
export function CustomerFields({
  form,
  context,
  terms,
  creating,
  connected = false,
  hasLogin = false,
}: {
  form: UseFormReturnType<CustomerValues>;
  context: BrandContext;
  terms: readonly TransactionTerm[];
  creating: boolean;
  connected?: boolean;
  hasLogin?: boolean;
}) {
  const { t } = useTranslation();
  const { values } = form;
  return (
    <Stack gap="md">
      <Fieldset legend={t('customers.sections.contact')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('customers.code')}
              description={creating ? t('customers.codeHelp') : undefined}
              {...form.getInputProps('code')}
            />
            {creating ? (
              <Stack gap={4}>
                <Text size="sm" fw={500} id="buyer-type-label">
                  {t('customers.buyerType')}
                </Text>
                <SegmentedControl
                  aria-labelledby="buyer-type-label"
                  data={[
                    { value: 'organization', label: t('customers.buyerTypes.organization') },
                    { value: 'personal', label: t('customers.buyerTypes.personal') },
                  ]}
                  {...form.getInputProps('buyer_type')}
                />
              </Stack>
            ) : null}
            <TextInput label={t('customers.companyName')} {...form.getInputProps('company_name')} />
            <TextInput
              label={t('customers.contactName')}
              withAsterisk
              {...form.getInputProps('contact_name')}
            />
            <TextInput
              label={t('fields.email')}
              type="email"
              withAsterisk
              {...form.getInputProps('email')}
            />
            <TextInput
              label={t('fields.phone')}
              type="tel"
              withAsterisk
              {...form.getInputProps('phone')}
            />
            <CountrySelect
              label={t('fields.country')}
              withAsterisk
              allowDeselect={false}
              {...form.getInputProps('country')}
            />
          </SimpleGrid>
          <Textarea
            label={t('customers.notes')}
            description={t('customers.notesHelp')}
            autosize
            minRows={2}
            {...form.getInputProps('notes')}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('customers.sections.terms')}>
        <TermsFields form={form} context={context} terms={terms} />
      </Fieldset>
      {connected ? null : (
        <Fieldset legend={t('customers.sections.linkLogin')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('customers.linkLoginHelp')}
            </Text>
            <Switch
              label={t('customers.linkLoginEnabled')}
              {...form.getInputProps('link_login_enabled', { type: 'checkbox' })}
            />
            {values.link_login_enabled ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('customers.linkLoginEmail')}
                  type="email"
                  autoComplete="off"
                  withAsterisk
                  {...form.getInputProps('link_login.email')}
                />
                <PasswordInput
                  label={t('customers.linkLoginPassword')}
                  description={
                    hasLogin ? t('customers.linkLoginKeepPassword') : t('validation.atLeast8')
                  }
                  autoComplete="new-password"
                  withAsterisk={!hasLogin}
                  {...form.getInputProps('link_login.password')}
                />
              </SimpleGrid>
            ) : null}
          </Stack>
        </Fieldset>
      )}
    </Stack>
  );
}
