import { Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import { CountrySelect } from '../../components/CountrySelect';
import { LocalizedTextInputs } from '../../components/LocalizedTextInputs';
import { EmailListInput } from './EmailListInput';
import type { OrganizationFormValues } from './organizationForm';

export type OrganizationForm = UseFormReturnType<OrganizationFormValues>;

/** The "basic information" of a buyer organization, in the manual's order. */
export function OrganizationFields({ form }: { form: OrganizationForm }) {
  const { t } = useTranslation();
  const { values } = form;
  return (
    <Stack gap="md">
      <LocalizedTextInputs
        label={t('buyer.form.name')}
        languages={values.languages}
        required
        inputProps={(language) => form.getInputProps(`name.${language}`)}
      />
      <LocalizedTextInputs
        label={t('buyer.form.representative')}
        languages={values.languages}
        required
        inputProps={(language) => form.getInputProps(`representative.${language}`)}
      />
      <EmailListInput
        legend={t('buyer.form.emails')}
        description={t('buyer.form.emailsHelp')}
        count={values.emails.length}
        inputProps={(index) => form.getInputProps(`emails.${index}`)}
        onAdd={() => form.insertListItem('emails', '')}
        onRemove={(index) => form.removeListItem('emails', index)}
        error={form.errors.emails}
      />
      <EmailListInput
        legend={t('buyer.form.recipients')}
        description={t('buyer.form.recipientsHelp')}
        count={values.recipients.length}
        inputProps={(index) => form.getInputProps(`recipients.${index}`)}
        onAdd={() => form.insertListItem('recipients', '')}
        onRemove={(index) => form.removeListItem('recipients', index)}
        error={form.errors.recipients}
      />
      <CountrySelect
        label={t('buyer.form.country')}
        withAsterisk
        {...form.getInputProps('country')}
      />
      <TextInput
        label={t('buyer.form.phone')}
        type="tel"
        autoComplete="tel"
        withAsterisk
        {...form.getInputProps('phone')}
      />
      <TextInput
        label={t('buyer.form.contactEmail')}
        type="email"
        withAsterisk
        {...form.getInputProps('contact_email')}
      />
    </Stack>
  );
}
