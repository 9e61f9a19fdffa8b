import { Button, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../components/FormErrorAlert';
import { api } from '../../lib/api';
import { formFields, mapProblem, unwrap } from '../../lib/problem';
import { newPassword, requiredText, samePassword } from '../../lib/validation';

const fields = formFields(['current_password', 'password', 'password_confirm']);

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { current_password: '', password: '', password_confirm: '' },
    validate: {
      current_password: requiredText,
      password: newPassword,
      password_confirm: (value, values) => samePassword(value, values.password),
    },
  });

  const change = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(api.POST('/api/v1/me/password', { body: values })),
    onSuccess: () => {
      form.reset();
      notifications.show({ color: 'green', message: t('account.password.changed') });
    },
    onError: (error) => form.setErrors(mapProblem(error, fields).fieldErrors),
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="password-heading">
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="password-heading">
            {t('account.password.title')}
          </Title>
          <FormErrorAlert
            error={change.isError ? mapProblem(change.error, fields).formError : null}
          />
          <PasswordInput
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            withAsterisk
            {...form.getInputProps('current_password')}
          />
          <PasswordInput
            label={t('fields.newPassword')}
            description={t('validation.password')}
            autoComplete="new-password"
            withAsterisk
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('fields.passwordConfirm')}
            autoComplete="new-password"
            withAsterisk
            {...form.getInputProps('password_confirm')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('account.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
