import {
  Alert,
  Button,
  Checkbox,
  Group,
  PasswordInput,
  Stack,
  Stepper,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMail } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CountrySelect } from '../../components/CountrySelect';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { UiLanguageSelect } from '../../components/UiLanguageSelect';
import { api } from '../../lib/api';
import { currentLanguage } from '../../lib/i18n';
import { formFields, mapProblem, unwrap, type MappedProblem } from '../../lib/problem';
import { devMailboxQuery } from '../../lib/queries';
import { emailAddress, newPassword, requiredText, samePassword } from '../../lib/validation';
import { AuthCard } from './AuthCard';
import { AnchorLink } from '../../components/links';

const route = getRouteApi('/signup');

const DETAIL_FIELDS = [
  'email',
  'display_name',
  'country',
  'language',
  'phone',
  'password',
  'password_confirm',
  'accept_terms',
] as const;
const fields = formFields([...DETAIL_FIELDS, 'verification_code']);

/**
 * Sign up in two steps, as in the manual: the account details and "Send an authentication
 * code", then the 6-digit code from the e-mail.
 */
export function SignupPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [formError, setFormError] = useState<MappedProblem['formError']>(null);

  const form = useForm({
    initialValues: {
      email: search.email ?? '',
      display_name: '',
      country: '',
      language: currentLanguage(),
      phone: '',
      password: '',
      password_confirm: '',
      accept_terms: false,
      verification_code: '',
    },
    validate: (values) =>
      step === 0
        ? {
            email: emailAddress(values.email),
            display_name: requiredText(values.display_name),
            country: requiredText(values.country),
            language: requiredText(values.language),
            phone: requiredText(values.phone),
            password: newPassword(values.password),
            password_confirm: samePassword(values.password_confirm, values.password),
            accept_terms: values.accept_terms ? null : t('auth.signup.acceptTermsRequired'),
          }
        : {
            verification_code: /^\d{6}$/.test(values.verification_code.trim())
              ? null
              : t('auth.signup.codeFormat'),
          },
  });

  const showProblem = (error: unknown) => {
    const mapped = mapProblem(error, fields);
    form.setErrors(mapped.fieldErrors);
    setFormError(mapped.formError);
    const onDetails = DETAIL_FIELDS.some((field) => field in mapped.fieldErrors);
    if (onDetails) setStep(0);
  };

  const sendCode = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/v1/auth/signup/code', {
          body: { email: values.email.trim(), language: values.language },
        }),
      ),
    onMutate: () => setFormError(null),
    onSuccess: () => {
      form.setFieldValue('verification_code', '');
      setStep(1);
    },
    onError: showProblem,
  });

  const signup = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/v1/auth/signup', {
          body: {
            email: values.email.trim(),
            display_name: values.display_name,
            country: values.country,
            language: values.language,
            phone: values.phone,
            password: values.password,
            password_confirm: values.password_confirm,
            accept_terms: values.accept_terms,
            verification_code: values.verification_code.trim(),
          },
        }),
      ),
    onMutate: () => setFormError(null),
    onSuccess: (user) =>
      navigate({
        to: '/login',
        search: { email: user.email, notice: 'signed-up', redirect: search.redirect },
      }),
    onError: showProblem,
  });

  // Offered only where the development mailbox answers (never in production).
  const email = form.values.email.trim();
  const mailbox = useQuery({ ...devMailboxQuery(email), enabled: step === 1 && email !== '' });

  return (
    <AuthCard title={t('auth.signup.title')}>
      <FormErrorAlert error={formError} />
      <Stepper
        active={step}
        size="sm"
        wrap={false}
        allowNextStepsSelect={false}
        onStepClick={setStep}
      >
        <Stepper.Step label={t('auth.signup.stepDetails')}>
          <form onSubmit={form.onSubmit((values) => sendCode.mutate(values))} noValidate>
            <Stack gap="sm" mt="md">
              <TextInput
                label={t('fields.email')}
                type="email"
                autoComplete="email"
                withAsterisk
                {...form.getInputProps('email')}
              />
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
                description={t('auth.signup.languageHelp')}
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
              <PasswordInput
                label={t('fields.password')}
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
              <Checkbox
                label={t('auth.signup.acceptTerms')}
                {...form.getInputProps('accept_terms', { type: 'checkbox' })}
              />
              <Group justify="flex-end">
                <Button type="submit" loading={sendCode.isPending}>
                  {t('auth.signup.sendCode')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stepper.Step>
        <Stepper.Step label={t('auth.signup.stepCode')}>
          <form onSubmit={form.onSubmit((values) => signup.mutate(values))} noValidate>
            <Stack gap="sm" mt="md">
              <Alert color="blue" icon={<IconMail aria-hidden />} role="status">
                {t('auth.signup.codeSent', { email })}
              </Alert>
              {mailbox.isSuccess ? (
                <AnchorLink to="/dev/mailbox" search={{ to: email }} target="_blank">
                  {t('auth.signup.openMailbox')}
                </AnchorLink>
              ) : null}
              <TextInput
                label={t('auth.signup.code')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                withAsterisk
                autoFocus
                {...form.getInputProps('verification_code')}
              />
              <Group justify="flex-start">
                <Button
                  variant="subtle"
                  size="compact-sm"
                  loading={sendCode.isPending}
                  onClick={() => sendCode.mutate(form.values)}
                >
                  {t('auth.signup.resendCode')}
                </Button>
              </Group>
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(0)}>
                  {t('common.back')}
                </Button>
                <Button type="submit" loading={signup.isPending}>
                  {t('auth.signup.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stepper.Step>
      </Stepper>
      <Text size="sm">
        {t('auth.signup.haveAccount')}{' '}
        <AnchorLink to="/login" search={{ redirect: search.redirect }}>
          {t('auth.login.submit')}
        </AnchorLink>
      </Text>
    </AuthCard>
  );
}
