import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { CountrySelect } from '../../components/CountrySelect';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { UiLanguageSelect } from '../../components/UiLanguageSelect';
import { api } from '../../lib/api';
import { chooseLanguage, i18n, isUiLanguage } from '../../lib/i18n';
import { formFields, mapProblem, unwrap } from '../../lib/problem';
import { queryKeys, type User } from '../../lib/queries';
import { requiredText } from '../../lib/validation';

const fields = formFields(['display_name', 'country', 'language', 'phone']);

export function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      display_name: user.display_name,
      country: user.country,
      language: user.language,
      phone: user.phone,
    },
    validate: {
      display_name: requiredText,
      country: requiredText,
      language: requiredText,
      phone: requiredText,
    },
  });

  const save = useMutation({
    mutationFn: (values: typeof form.values) => unwrap(api.PATCH('/api/v1/me', { body: values })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.me, updated);
      form.setValues({ phone: updated.phone });
      form.resetDirty();
      if (isUiLanguage(updated.language)) await chooseLanguage(updated.language);
      // Said in the language just chosen (`t` still speaks the one this render had).
      notifications.show({ color: 'green', message: i18n.t('account.profile.saved') });
    },
    onError: (error) => form.setErrors(mapProblem(error, fields).fieldErrors),
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-heading">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="profile-heading">
            {t('account.profile.title')}
          </Title>
          <TextInput label={t('fields.email')} value={user.email} readOnly variant="filled" />
          <FormErrorAlert error={save.isError ? mapProblem(save.error, fields).formError : null} />
          <TextInput
            label={t('fields.displayName')}
            autoComplete="name"
            withAsterisk
            {...form.getInputProps('display_name')}
          />
          <CountrySelect
            label={t('fields.country')}
            withAsterisk
            {...form.getInputProps('country')}
          />
          <UiLanguageSelect
            label={t('fields.language')}
            withAsterisk
            {...form.getInputProps('language')}
          />
          <TextInput
            label={t('fields.phone')}
            type="tel"
            autoComplete="tel"
            withAsterisk
            {...form.getInputProps('phone')}
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
