import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useTranslation } from 'react-i18next';

import type { Schemas } from '../../lib/api';
import { ErrorState, LoadingState } from '../QueryState';

type Invitation = Schemas['MemberInvitationRead'];

/** Invitations not yet accepted; managers may revoke them. */
export function PendingInvitations({
  invitations,
  isPending,
  error,
  roleLabel,
  canRevoke,
  onRevoke,
}: {
  invitations: Invitation[];
  isPending: boolean;
  error: unknown;
  roleLabel: (role: string) => string;
  canRevoke: boolean;
  onRevoke: (invitation: Invitation) => void;
}) {
  const { t, i18n } = useTranslation();
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  const confirmRevoke = (invitation: Invitation) =>
    modals.openConfirmModal({
      title: t('members.revokeTitle'),
      children: <Text size="sm">{t('members.revokeText', { email: invitation.email })}</Text>,
      labels: { confirm: t('members.revoke'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => onRevoke(invitation),
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invitations-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="invitations-heading">
          {t('members.pendingTitle')}
        </Title>
        {isPending ? <LoadingState /> : null}
        {error ? <ErrorState error={error} /> : null}
        {!isPending && !error && invitations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('members.noPending')}
          </Text>
        ) : null}
        {invitations.length > 0 ? (
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.email')}</Table.Th>
                  <Table.Th>{t('members.role')}</Table.Th>
                  <Table.Th>{t('members.expires')}</Table.Th>
                  {canRevoke ? <Table.Th>{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invitations.map((invitation) => (
                  <Table.Tr key={invitation.id}>
                    <Table.Td>{invitation.email}</Table.Td>
                    <Table.Td>{roleLabel(invitation.role)}</Table.Td>
                    <Table.Td>{dateFormat.format(new Date(invitation.expires_at))}</Table.Td>
                    {canRevoke ? (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => confirmRevoke(invitation)}
                          aria-label={t('members.revokeFor', { email: invitation.email })}
                        >
                          {t('members.revoke')}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Paper>
  );
}
