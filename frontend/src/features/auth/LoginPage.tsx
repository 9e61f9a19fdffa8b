import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../components/FormErrorAlert';
import { session } from '../../lib/api';
import { formFields, mapProblem, type MappedProblem } from '../../lib/problem';
import { emailAddress, requiredText } from '../../lib/validation';
import { AuthCard } from './AuthCard';
import { AnchorLink } from '../../components/links';

const route = getRouteApi('/login');
const fields = formFields(['email', 'password'], { username: 'email' });

export function LoginPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<MappedProblem['formError']>(null);
  const [submitting, setSubmitting] = useState(false);

  const form = useForm({
    initialValues: { email: search.email ?? '', password: '' },
    validate: { email: emailAddress, password: requiredText },
  });

  const submit = form.onSubmit(async ({ email, password }) => {
    setFormError(null);
    setSubmitting(true);
    try {
      await session.login(email.trim(), password);
      await navigate({ href: search.redirect ?? '/' });
    } catch (error) {
      const mapped = mapProblem(error, fields);
      form.setErrors(mapped.fieldErrors);
      setFormError(mapped.formError);
    } finally {
      setSubmitting(false);
    }
  });

  const notice = search.notice ? t(`auth.login.notice.${search.notice}`) : null;

  return (
    <AuthCard title={t('auth.login.title')}>
      {notice ? (
        <Alert
          color={search.notice === 'session-ended' ? 'blue' : 'green'}
          icon={
            search.notice === 'session-ended' ? (
              <IconInfoCircle aria-hidden />
            ) : (
              <IconCircleCheck aria-hidden />
            )
          }
          role="status"
        >
          {notice}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormErrorAlert error={formError} />
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            withAsterisk
            autoFocus={!search.email}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('fields.password')}
            autoComplete="current-password"
            autoFocus={Boolean(search.email)}
            withAsterisk
            {...form.getInputProps('password')}
          />
          <Group justify="space-between">
            <AnchorLink to="/forgot-password" size="sm">
              {t('auth.login.forgot')}
            </AnchorLink>
            <Button type="submit" loading={submitting}>
              {t('auth.login.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Text size="sm">
        {t('auth.login.noAccount')}{' '}
        <AnchorLink to="/signup" search={{ redirect: search.redirect }}>
          {t('auth.signup.title')}
        </AnchorLink>
      </Text>
    </AuthCard>
  );
}
