import { Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { LoadMore } from '../../../components/LoadMore';
import { notifyError, notifySuccess } from '../../../components/notify';
import { EmptyListState, ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { formatDateTime } from '../../../lib/dates';
import { unwrap } from '../../../lib/problem';
import { PAGE_SIZE } from '../../../lib/queries';
import { brandKeys, type CustomerInvitation, type TransactionTerm } from '../data';
import type { BrandContext } from '../shared/BrandGate';
import { invitationStateLabel, type InvitationState } from '../shared/labels';
import { termsLine } from './customerForm';

const STATE_COLORS: Record<InvitationState, string> = {
  pending: 'blue',
  accepted: 'green',
  expired: 'gray',
  revoked: 'red',
};

/** Invitations sent to buyers, newest first, with Revoke for the pending ones. */
export function SentInvitations({
  context,
  terms,
}: {
  context: BrandContext;
  terms: readonly TransactionTerm[];
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { brand } = context;
  const invitations = useInfiniteQuery({
    queryKey: brandKeys.customerInvitations(brand.id),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/invitations', {
          params: { path: { brand_id: brand.id }, query: { limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const revoke = useMutation({
    mutationFn: (invitation: CustomerInvitation) =>
      unwrap(
        api.DELETE('/api/v1/brands/{brand_id}/invitations/{invitation_id}', {
          params: { path: { brand_id: brand.id, invitation_id: invitation.id } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: brandKeys.customerInvitations(brand.id) });
      notifySuccess(t('customers.invitations.revoked'));
    },
    onError: notifyError,
  });
  const items = (invitations.data?.pages.flatMap((page) => page.items) ?? [])
    .slice()
    .sort((a, b) => b.created_at.localeCompare(a.created_at));

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sent-invitations-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="sent-invitations-heading">
          {t('customers.invitations.title')}
        </Title>
        {invitations.isPending ? <LoadingState /> : null}
        {invitations.isError ? (
          <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
        ) : null}
        {invitations.isSuccess && items.length === 0 ? (
          <EmptyListState title={t('customers.invitations.empty')} />
        ) : null}
        {items.length > 0 ? (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" aria-labelledby="sent-invitations-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.email')}</Table.Th>
                  <Table.Th>{t('customers.invitations.stateLabel')}</Table.Th>
                  <Table.Th>{t('customers.terms')}</Table.Th>
                  <Table.Th>{t('customers.invitations.sentAt')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((invitation) => (
                  <Table.Tr key={invitation.id}>
                    <Table.Td>{invitation.email}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATE_COLORS[invitation.state]}>
                        {invitationStateLabel(t, invitation.state)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{termsLine(t, invitation.terms, terms, i18n.language)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(invitation.created_at, i18n.language)}</Text>
                      {invitation.state === 'pending' ? (
                        <Text size="xs" c="dimmed">
                          {t('customers.invitations.expires', {
                            date: formatDateTime(invitation.expires_at, i18n.language),
                          })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {invitation.state === 'pending' ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={t('members.revokeFor', { email: invitation.email })}
                          onClick={() =>
                            modals.openConfirmModal({
                              title: t('members.revokeTitle'),
                              children: (
                                <Text size="sm">
                                  {t('members.revokeText', { email: invitation.email })}
                                </Text>
                              ),
                              labels: { confirm: t('members.revoke'), cancel: t('common.cancel') },
                              confirmProps: { color: 'red' },
                              onConfirm: () => revoke.mutate(invitation),
                            })
                          }
                        >
                          {t('members.revoke')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <LoadMore
          hasNextPage={invitations.hasNextPage}
          isFetchingNextPage={invitations.isFetchingNextPage}
          fetchNextPage={invitations.fetchNextPage}
        />
      </Stack>
    </Paper>
  );
}
