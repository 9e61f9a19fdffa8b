import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { notifyError, notifySuccess } from '../../components/notify';
import { EmptyListState, ErrorState, LoadingState } from '../../components/QueryState';
import { TermsSummary } from '../../components/TermsSummary';
import { api, type Schemas } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { resolveLocalized } from '../../lib/localized';
import { unwrap } from '../../lib/problem';
import { queryKeys } from '../../lib/queries';
import { useCurrentOrganization } from './useOrganization';

type BrandInvitation = Schemas['BrandInvitationView'];

/** Pending invitations from brands to this organization (or to me), each with Accept. */
export function BrandInvitationsPage() {
  const { t, i18n } = useTranslation();
  const { orgId } = useCurrentOrganization();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const key = [...queryKeys.buyerOrganization(orgId), 'brand-invitations'];
  const invitations = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/buyer-organizations/{org_id}/invitations', {
          params: { path: { org_id: orgId } },
        }),
      ),
  });
  const accept = useMutation({
    mutationFn: (invitation: BrandInvitation) =>
      unwrap(
        api.POST('/api/v1/buyer-organizations/{org_id}/invitations/{invitation_id}/accept', {
          params: { path: { org_id: orgId, invitation_id: invitation.id } },
        }),
      ),
    onSuccess: async (_, invitation) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.buyerOrganization(orgId) });
      notifySuccess(
        t('connected.accepted', {
          name: resolveLocalized(
            invitation.brand_name,
            i18n.language,
            invitation.brand_default_language,
          ),
        }),
      );
      await navigate({ to: '/buyer/$orgId/brands', params: { orgId } });
    },
    onError: notifyError,
  });

  if (invitations.isPending) return <LoadingState />;
  if (invitations.isError) {
    return <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />;
  }
  const pending = invitations.data.filter((invitation) => invitation.state === 'pending');
  if (pending.length === 0) {
    return (
      <EmptyListState
        title={t('connected.noInvitations')}
        description={t('connected.noInvitationsText')}
      />
    );
  }
  return (
    <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {pending.map((invitation) => {
        const name = resolveLocalized(
          invitation.brand_name,
          i18n.language,
          invitation.brand_default_language,
        );
        return (
          <Card key={invitation.id} withBorder component="li" aria-label={name}>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {name}
              </Title>
              <Text size="sm" c="dimmed">
                {t('connected.sentTo', {
                  email: invitation.email,
                  date: formatDateTime(invitation.expires_at, i18n.language),
                })}
              </Text>
              {invitation.message ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {invitation.message}
                </Text>
              ) : null}
              <TermsSummary terms={invitation.terms} caption={t('connected.offeredTerms')} />
              <Group>
                <Button
                  loading={accept.isPending && accept.variables.id === invitation.id}
                  onClick={() => accept.mutate(invitation)}
                  aria-label={t('connected.acceptFrom', { name })}
                >
                  {t('connected.accept')}
                </Button>
              </Group>
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
