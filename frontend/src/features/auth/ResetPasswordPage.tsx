import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../components/FormErrorAlert';
import { api } from '../../lib/api';
import { formFields, mapProblem, unwrap } from '../../lib/problem';
import { newPassword, samePassword } from '../../lib/validation';
import { AuthCard } from './AuthCard';
import { AnchorLink } from '../../components/links';

const route = getRouteApi('/reset-password');
const fields = formFields(['password', 'password_confirm']);

/** Opened from the e-mailed link `/reset-password?token=…`. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token } = route.useSearch();
  const navigate = useNavigate();

  const form = useForm({
    initialValues: { password: '', password_confirm: '' },
    validate: {
      password: newPassword,
      password_confirm: (value, values) => samePassword(value, values.password),
    },
  });

  const confirm = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, ...values } })),
    onSuccess: () => navigate({ to: '/login', search: { notice: 'password-reset' } }),
    onError: (error) => form.setErrors(mapProblem(error, fields).fieldErrors),
  });
  const formError = confirm.isError ? mapProblem(confirm.error, fields).formError : null;

  return (
    <AuthCard title={t('auth.reset.title')}>
      {token === '' ? (
        <Alert color="red" role="alert">
          {t('auth.reset.missingToken')}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => confirm.mutate(values))} noValidate>
          <Stack gap="md">
            <FormErrorAlert error={formError} />
            <PasswordInput
              label={t('fields.newPassword')}
              description={t('validation.password')}
              autoComplete="new-password"
              withAsterisk
              autoFocus
              {...form.getInputProps('password')}
            />
            <PasswordInput
              label={t('fields.passwordConfirm')}
              autoComplete="new-password"
              withAsterisk
              {...form.getInputProps('password_confirm')}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={confirm.isPending}>
                {t('auth.reset.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <AnchorLink to="/forgot-password" size="sm">
        {t('auth.reset.askAgain')}
      </AnchorLink>
    </AuthCard>
  );
}
