import { Alert, Button, Container, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconClockX, IconMailOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState, NotFoundState } from '../../components/QueryState';
import { api, type Schemas } from '../../lib/api';
import { resolveLocalized } from '../../lib/localized';
import { ApiError, errorMessage, unwrap } from '../../lib/problem';
import { queryKeys } from '../../lib/queries';
import { usePageTitle } from '../../lib/usePageTitle';
import { useIsAuthenticated } from '../../lib/useSession';
import { ButtonLink } from '../../components/links';

const route = getRouteApi('/invitations/$token');

type Preview = Schemas['MemberInvitationPreview'];

function roleLabel(t: TFunction, role: string): string {
  switch (role) {
    case 'owner':
      return t('invitation.roles.owner');
    case 'member':
      return t('invitation.roles.member');
    case 'admin':
      return t('invitation.roles.admin');
    case 'staff':
      return t('invitation.roles.staff');
    default:
      return role;
  }
}

/** `/invitations/:token`, the link from an invitation e-mail. */
export function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const { token } = route.useParams();

  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () =>
      unwrap(api.GET('/api/v1/member-invitations/{token}', { params: { path: { token } } })),
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
  } else body = <InvitationDetails token={token} invitation={preview.data} />;

  return (
    <Container size="sm" py="xl">
      <Paper withBorder shadow="sm" p="xl">
        <Stack gap="lg">
          <Title order={1} size="h2">
            {t('invitation.title')}
          </Title>
          {body}
        </Stack>
      </Paper>
    </Container>
  );
}

function InvitationDetails({ token, invitation }: { token: string; invitation: Preview }) {
  const { t, i18n } = useTranslation();
  const name = resolveLocalized(invitation.name, i18n.language, invitation.default_language);
  const role = roleLabel(t, invitation.role);
  const inviter = invitation.invited_by ?? t('invitation.someone');
  const expires = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(invitation.expires_at));
  const isBrand = invitation.target === 'brand';

  return (
    <Stack gap="md">
      <Text>
        {isBrand
          ? t('invitation.offerBrand', { inviter, name, role })
          : t('invitation.offerBuyer', { inviter, name, role })}
      </Text>
      <Table verticalSpacing="xs">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row" w="40%">
              {isBrand ? t('invitation.brand') : t('invitation.buyerOrganization')}
            </Table.Th>
            <Table.Td>{name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('invitation.role')}</Table.Th>
            <Table.Td>{role}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('invitation.invitedBy')}</Table.Th>
            <Table.Td>{inviter}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('invitation.sentTo')}</Table.Th>
            <Table.Td>{invitation.email}</Table.Td>
          </Table.Tr>
          {invitation.state === 'pending' ? (
            <Table.Tr>
              <Table.Th scope="row">{t('invitation.expires')}</Table.Th>
              <Table.Td>{expires}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
      {invitation.state === 'pending' ? (
        <AcceptInvitation token={token} invitation={invitation} />
      ) : (
        <ClosedInvitation state={invitation.state} inviter={inviter} />
      )}
    </Stack>
  );
}

function ClosedInvitation({ state, inviter }: { state: Preview['state']; inviter: string }) {
  const { t } = useTranslation();
  if (state === 'accepted') {
    return (
      <Alert color="green" icon={<IconCircleCheck aria-hidden />} role="status">
        <Stack gap="xs" align="flex-start">
          <span>{t('invitation.accepted')}</span>
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
      {state === 'expired'
        ? t('invitation.expired', { inviter })
        : t('invitation.revoked', { inviter })}
    </Alert>
  );
}

function AcceptInvitation({ token, invitation }: { token: string; invitation: Preview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const authenticated = useIsAuthenticated();

  const accept = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/member-invitations/{token}/accept', { params: { path: { token } } }),
      ),
    onSuccess: async (accepted) => {
      await queryClient.invalidateQueries({
        queryKey: accepted.target === 'brand' ? queryKeys.brands : queryKeys.buyerOrganizations,
      });
      if (accepted.target === 'brand') {
        await navigate({ to: '/brand/$brandId', params: { brandId: accepted.target_id } });
      } else {
        await navigate({ to: '/buyer/$orgId', params: { orgId: accepted.target_id } });
      }
    },
  });

  if (!authenticated) {
    const here = `/invitations/${token}`;
    return (
      <Stack gap="sm">
        <Text size="sm">{t('invitation.loginFirst')}</Text>
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

  return (
    <Stack gap="sm">
      {accept.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(accept.error)}
        </Alert>
      ) : null}
      <Group>
        <Button loading={accept.isPending} onClick={() => accept.mutate()}>
          {t('invitation.accept')}
        </Button>
      </Group>
    </Stack>
  );
}
