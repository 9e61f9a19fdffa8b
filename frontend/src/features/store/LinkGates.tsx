import {
  Alert,
  Button,
  Divider,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconClock, IconLock, IconLogin } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ButtonLink } from '../../components/links';
import { ErrorState, LoadingState } from '../../components/QueryState';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { resolveLocalized } from '../../lib/localized';
import { ApiError, unwrap } from '../../lib/problem';
import { buyerOrganizationsQuery } from '../../lib/queries';
import { useIsAuthenticated } from '../../lib/useSession';
import { emailAddress, requiredText } from '../../lib/validation';
import { storeErrorMessage } from './errors';
import { saveGrant, type LinkGrant } from './grants';
import { Backdrop } from './Media';
import { ContactList } from './StoreParts';
import { linkApi, storeKeys, type LinkLanding } from './storeApi';

/** The card over the link's background that every gate shows. */
function GateCard({
  landing,
  icon,
  title,
  children,
}: {
  landing: LinkLanding;
  icon: ReactNode;
  title: string;
  children: ReactNode;
}) {
  return (
    <Backdrop background={landing.background}>
      <Paper withBorder shadow="md" p="xl" maw={520} mx="auto" radius="md">
        <Stack gap="lg">
          <Stack gap={4}>
            <Text c="dimmed" size="sm">
              {landing.brand.name}
            </Text>
            <Group gap="xs" wrap="nowrap">
              {icon}
              <Title order={1} size="h2">
                {title}
              </Title>
            </Group>
            <Text fw={600}>{landing.name}</Text>
            {landing.description ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {landing.description}
              </Text>
            ) : null}
          </Stack>
          {children}
          <ContactList contacts={landing.contacts} />
        </Stack>
      </Paper>
    </Backdrop>
  );
}

/** After a grant: keep it for this link and open the link again with it. */
function useGranted(token: string) {
  const queryClient = useQueryClient();
  return async (grant: LinkGrant) => {
    saveGrant(token, grant);
    await queryClient.invalidateQueries({ queryKey: storeKeys.landing(token) });
  };
}

/** An error that says the link itself has changed state (expired, void …): show its page. */
function linkChanged(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

/** "Enter the passcode": the value goes to the server as typed (it trims white space). */
export function PasscodeGate({ token, landing }: { token: string; landing: LinkLanding }) {
  const { t } = useTranslation();
  const granted = useGranted(token);
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { passcode: '' },
    validate: { passcode: (value) => (value.trim() ? null : t('store.errors.passcodeRequired')) },
  });
  const access = useMutation({
    mutationFn: (passcode: string) =>
      unwrap(
        linkApi.POST('/api/v1/order-links/{token}/access', {
          params: { path: { token } },
          body: { passcode },
        }),
      ),
    onSuccess: granted,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 422) {
        form.setFieldError('passcode', storeErrorMessage(error));
      } else if (linkChanged(error)) {
        void queryClient.invalidateQueries({ queryKey: storeKeys.landing(token) });
      }
    },
  });
  const shownError =
    access.isError && !(access.error instanceof ApiError && access.error.status === 422)
      ? access.error
      : null;

  return (
    <GateCard landing={landing} icon={<IconLock aria-hidden />} title={t('store.passcode.title')}>
      <form
        onSubmit={form.onSubmit(({ passcode }) => access.mutate(passcode))}
        noValidate
        aria-label={t('store.passcode.title')}
      >
        <Stack gap="md">
          <Text size="sm">{t('store.passcode.text')}</Text>
          {shownError ? (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {storeErrorMessage(shownError)}
            </Alert>
          ) : null}
          <TextInput
            label={t('store.passcode.label')}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            autoFocus
            withAsterisk
            {...form.getInputProps('passcode')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={access.isPending}>
              {t('store.passcode.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </GateCard>
  );
}

/** Customer Order Links: log in (then pick the organization) or use the brand's credentials. */
export function CustomerLoginGate({ token, landing }: { token: string; landing: LinkLanding }) {
  const { t } = useTranslation();
  const authenticated = useIsAuthenticated();
  return (
    <GateCard landing={landing} icon={<IconLogin aria-hidden />} title={t('store.login.title')}>
      <Text size="sm">{t('store.login.text')}</Text>
      {authenticated ? (
        <OrganizationChoice token={token} />
      ) : (
        <Stack gap="md">
          <ButtonLink
            to="/login"
            search={{ redirect: `/l/${token}` }}
            leftSection={<IconLogin size={16} aria-hidden />}
          >
            {t('store.login.withAccount')}
          </ButtonLink>
          <Divider label={t('store.login.or')} labelPosition="center" />
          <LinkCredentials token={token} />
        </Stack>
      )}
    </GateCard>
  );
}

function OrganizationChoice({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const granted = useGranted(token);
  const organizations = useInfiniteQuery(buyerOrganizationsQuery);
  const form = useForm<{ orgId: string | null }>({
    initialValues: { orgId: null },
    validate: { orgId: (value) => (value ? null : t('store.errors.organizationRequired')) },
  });
  const access = useMutation({
    mutationFn: (orgId: string) =>
      unwrap(
        api.POST('/api/v1/order-links/{token}/access', {
          params: { path: { token } },
          body: { buyer_organization_id: orgId },
        }),
      ),
    onSuccess: granted,
  });

  if (organizations.isPending) return <LoadingState />;
  if (organizations.isError) {
    return <ErrorState error={organizations.error} onRetry={() => void organizations.refetch()} />;
  }
  const items = organizations.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <Alert color="blue" role="status">
        <Stack gap="xs" align="flex-start">
          <span>{t('store.login.noOrganization')}</span>
          <ButtonLink to="/" size="xs" variant="light">
            {t('buyer.create.title')}
          </ButtonLink>
        </Stack>
      </Alert>
    );
  }
  return (
    <form
      onSubmit={form.onSubmit(({ orgId }) => {
        if (orgId) access.mutate(orgId);
      })}
      noValidate
    >
      <Stack gap="md">
        {access.isError ? (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {storeErrorMessage(access.error)}
          </Alert>
        ) : null}
        <Select
          label={t('store.login.organization')}
          description={t('store.login.organizationHelp')}
          data={items.map((org) => ({
            value: org.id,
            label: resolveLocalized(org.name, i18n.language, org.default_language),
          }))}
          withAsterisk
          allowDeselect={false}
          {...form.getInputProps('orgId')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={access.isPending}>
            {t('store.login.continue')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LinkCredentials({ token }: { token: string }) {
  const { t } = useTranslation();
  const granted = useGranted(token);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: emailAddress, password: requiredText },
  });
  const access = useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) =>
      unwrap(
        linkApi.POST('/api/v1/order-links/{token}/access', {
          params: { path: { token } },
          body: { email: email.trim(), password },
        }),
      ),
    onSuccess: granted,
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => access.mutate(values))}
      noValidate
      aria-label={t('store.login.credentialsTitle')}
    >
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('store.login.credentialsTitle')}
        </Text>
        {access.isError ? (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {storeErrorMessage(access.error)}
          </Alert>
        ) : null}
        <TextInput
          label={t('store.login.email')}
          type="email"
          autoComplete="username"
          withAsterisk
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('store.login.password')}
          autoComplete="current-password"
          withAsterisk
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={access.isPending}>
            {t('store.login.continue')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Before the release date: when it opens, and whom to ask. Never any catalog data. */
export function NotYetGate({ landing }: { landing: LinkLanding }) {
  const { t, i18n } = useTranslation();
  return (
    <GateCard landing={landing} icon={<IconClock aria-hidden />} title={t('store.notYet.title')}>
      <Text>
        {landing.release_at
          ? t('store.notYet.opensOn', { date: formatDateTime(landing.release_at, i18n.language) })
          : t('store.notYet.text')}
      </Text>
    </GateCard>
  );
}

/** Expired or void: say so, and whom to ask. Never any catalog data. */
export function GoneGate({ landing }: { landing: LinkLanding }) {
  const { t } = useTranslation();
  return (
    <GateCard landing={landing} icon={<IconClock aria-hidden />} title={t('store.gone.title')}>
      <Text>{t('store.gone.text')}</Text>
    </GateCard>
  );
}
