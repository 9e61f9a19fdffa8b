import { Alert, Button, Container, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconClockX, IconMailOff } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ButtonLink } from '../../components/links';
import { LoadMore } from '../../components/LoadMore';
import { ErrorState, LoadingState, NotFoundState } from '../../components/QueryState';
import { TermsSummary } from '../../components/TermsSummary';
import { api, type Schemas } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { resolveLocalized } from '../../lib/localized';
import { ApiError, errorMessage, unwrap } from '../../lib/problem';
import { buyerOrganizationsQuery, queryKeys } from '../../lib/queries';
import { usePageTitle } from '../../lib/usePageTitle';
import { useIsAuthenticated } from '../../lib/useSession';

const route = getRouteApi('/brand-invitations/$token');

type Preview = Schemas['BrandInvitationView'];

/** `/brand-invitations/:token`: a brand invites a buyer; log in, pick the organization, accept. */
export function BrandInvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('brandInvitation.title'));
  const { token } = route.useParams();
  const preview = useQuery({
    queryKey: ['brand-invitation', token],
    queryFn: () =>
      unwrap(api.GET('/api/v1/brand-invitations/{token}', { params: { path: { token } } })),
  });

  let body: ReactNode;
  if (preview.isPending) body = <LoadingState />;
  else if (preview.isError) {
    body =
      preview.error instanceof ApiError && preview.error.status === 404 ? (
        <NotFoundState title={t('invitation.invalid')} />
      ) : (
        <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
      );
  } else body = <Details token={token} invitation={preview.data} />;

  return (
    <Container size="sm" py="xl">
      <Paper withBorder shadow="sm" p="xl">
        <Stack gap="lg">
          <Title order={1} size="h2">
            {t('brandInvitation.title')}
          </Title>
          {body}
        </Stack>
      </Paper>
    </Container>
  );
}

function Details({ token, invitation }: { token: string; invitation: Preview }) {
  const { t, i18n } = useTranslation();
  const name = resolveLocalized(
    invitation.brand_name,
    i18n.language,
    invitation.brand_default_language,
  );
  return (
    <Stack gap="md">
      <Text>{t('brandInvitation.offer', { name })}</Text>
      {invitation.message ? (
        <Paper withBorder p="sm" bg="gray.0">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {invitation.message}
          </Text>
        </Paper>
      ) : null}
      <TermsSummary terms={invitation.terms} caption={t('connected.offeredTerms')} />
      <Text size="sm" c="dimmed">
        {t('brandInvitation.sentTo', { email: invitation.email })}
        {invitation.state === 'pending'
          ? ` · ${t('brandInvitation.validUntil', { date: formatDateTime(invitation.expires_at, i18n.language) })}`
          : ''}
      </Text>
      {invitation.state === 'pending' ? (
        <Accept token={token} invitation={invitation} />
      ) : (
        <Closed state={invitation.state} />
      )}
    </Stack>
  );
}

function Closed({ state }: { state: Preview['state'] }) {
  const { t } = useTranslation();
  if (state === 'accepted') {
    return (
      <Alert color="green" icon={<IconCircleCheck aria-hidden />} role="status">
        <Stack gap="xs" align="flex-start">
          <span>{t('brandInvitation.accepted')}</span>
          <ButtonLink to="/" size="xs" variant="light">
            {t('common.goHome')}
          </ButtonLink>
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert
      color="orange"
      icon={state === 'expired' ? <IconClockX aria-hidden /> : <IconMailOff aria-hidden />}
      role="status"
    >
      {state === 'expired' ? t('brandInvitation.expired') : t('brandInvitation.revoked')}
    </Alert>
  );
}

function Accept({ token, invitation }: { token: string; invitation: Preview }) {
  const { t, i18n } = useTranslation();
  const authenticated = useIsAuthenticated();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [orgId, setOrgId] = useState<string | null>(null);
  const organizations = useInfiniteQuery({ ...buyerOrganizationsQuery, enabled: authenticated });

  const accept = useMutation({
    mutationFn: (buyerOrganizationId: string) =>
      unwrap(
        api.POST('/api/v1/brand-invitations/{token}/accept', {
          params: { path: { token } },
          body: { buyer_organization_id: buyerOrganizationId },
        }),
      ),
    onSuccess: async (_, buyerOrganizationId) => {
      await queryClient.invalidateQueries({
        queryKey: queryKeys.buyerOrganization(buyerOrganizationId),
      });
      await navigate({ to: '/buyer/$orgId/brands', params: { orgId: buyerOrganizationId } });
    },
  });

  if (!authenticated) {
    const here = `/brand-invitations/${token}`;
    return (
      <Stack gap="sm">
        <Text size="sm">{t('brandInvitation.loginFirst')}</Text>
        <Group>
          <ButtonLink to="/login" search={{ redirect: here, email: invitation.email }}>
            {t('invitation.loginToAccept')}
          </ButtonLink>
          <ButtonLink
            to="/signup"
            search={{ redirect: here, email: invitation.email }}
            variant="light"
          >
            {t('auth.signup.title')}
          </ButtonLink>
        </Group>
      </Stack>
    );
  }

  if (organizations.isPending) return <LoadingState />;
  if (organizations.isError) {
    return <ErrorState error={organizations.error} onRetry={() => void organizations.refetch()} />;
  }
  const items = organizations.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <Alert color="blue" role="status">
        <Stack gap="xs" align="flex-start">
          <span>{t('brandInvitation.noOrganization')}</span>
          <ButtonLink to="/" size="xs" variant="light">
            {t('buyer.create.title')}
          </ButtonLink>
        </Stack>
      </Alert>
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (orgId) accept.mutate(orgId);
      }}
    >
      <Stack gap="sm">
        {accept.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(accept.error)}
          </Alert>
        ) : null}
        <Radio.Group
          label={t('brandInvitation.chooseOrganization')}
          description={t('brandInvitation.chooseOrganizationHelp')}
          value={orgId}
          onChange={setOrgId}
          withAsterisk
        >
          <Stack gap="xs" mt="xs">
            {items.map((org) => (
              <Radio
                key={org.id}
                value={org.id}
                label={resolveLocalized(org.name, i18n.language, org.default_language)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <LoadMore
          hasNextPage={organizations.hasNextPage}
          isFetchingNextPage={organizations.isFetchingNextPage}
          fetchNextPage={organizations.fetchNextPage}
        />
        <Group>
          <Button type="submit" disabled={!orgId} loading={accept.isPending}>
            {t('brandInvitation.accept')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
