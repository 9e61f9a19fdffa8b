import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailForward } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../components/FormErrorAlert';
import { api } from '../../lib/api';
import { formFields, mapProblem, unwrap } from '../../lib/problem';
import { emailAddress } from '../../lib/validation';
import { AuthCard } from './AuthCard';
import { AnchorLink } from '../../components/links';

const fields = formFields(['email']);

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { email: '' }, validate: { email: emailAddress } });

  const request = useMutation({
    mutationFn: (email: string) =>
      unwrap(api.POST('/api/v1/auth/password-reset', { body: { email } })),
    onError: (error) => form.setErrors(mapProblem(error, fields).fieldErrors),
  });
  const formError = request.isError ? mapProblem(request.error, fields).formError : null;

  return (
    <AuthCard title={t('auth.forgot.title')}>
      {request.isSuccess ? (
        // The same answer whether or not the e-mail has an account.
        <Alert color="green" icon={<IconMailForward aria-hidden />} role="status">
          {t('auth.forgot.sent', { email: request.variables })}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit(({ email }) => request.mutate(email.trim()))} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('auth.forgot.intro')}</Text>
            <FormErrorAlert error={formError} />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              withAsterisk
              autoFocus
              {...form.getInputProps('email')}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={request.isPending}>
                {t('auth.forgot.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <AnchorLink to="/login" size="sm">
        {t('auth.backToLogin')}
      </AnchorLink>
    </AuthCard>
  );
}
