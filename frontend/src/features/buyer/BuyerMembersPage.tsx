import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { InviteMemberForm } from '../../components/members/InviteMemberForm';
import { PendingInvitations } from '../../components/members/PendingInvitations';
import { LoadMore } from '../../components/LoadMore';
import { notifyError, notifySuccess } from '../../components/notify';
import { ErrorState, LoadingState } from '../../components/QueryState';
import { api, type Schemas } from '../../lib/api';
import { unwrap } from '../../lib/problem';
import { PAGE_SIZE, queryKeys, useMe, type BuyerOrganization } from '../../lib/queries';
import { buyerRoleLabel } from './labels';
import { useCurrentOrganization } from './useOrganization';

type Member = Schemas['BuyerMemberRead'];
type Role = Schemas['BuyerRole'];

const membersKey = (orgId: string) => [...queryKeys.buyerOrganization(orgId), 'members'];
const invitationsKey = (orgId: string) => [...queryKeys.buyerOrganization(orgId), 'invitations'];

/** Members: owners invite, change roles and remove; the primary owner hands the role over. */
export function BuyerMembersPage() {
  const { organization } = useCurrentOrganization();
  if (organization.isPending) return <LoadingState />;
  if (organization.isError) return <ErrorState error={organization.error} />;
  return <Members org={organization.data} />;
}

function Members({ org }: { org: BuyerOrganization }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe();
  const path = { org_id: org.id };
  const isOwner = org.my_role === 'owner';
  const roles: { value: Role; label: string }[] = [
    { value: 'owner', label: buyerRoleLabel(t, 'owner') },
    { value: 'member', label: buyerRoleLabel(t, 'member') },
  ];

  const members = useInfiniteQuery({
    queryKey: membersKey(org.id),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/buyer-organizations/{org_id}/members', {
          params: { path, query: { limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const invitations = useInfiniteQuery({
    queryKey: invitationsKey(org.id),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/buyer-organizations/{org_id}/member-invitations', {
          params: { path, query: { limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });

  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.buyerOrganization(org.id) });

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: Member; role: Role }) =>
      unwrap(
        api.PATCH('/api/v1/buyer-organizations/{org_id}/members/{user_id}', {
          params: { path: { ...path, user_id: member.user_id } },
          body: { role },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t('members.roleChanged'));
    },
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: (member: Member) =>
      unwrap(
        api.DELETE('/api/v1/buyer-organizations/{org_id}/members/{user_id}', {
          params: { path: { ...path, user_id: member.user_id } },
        }),
      ),
    onSuccess: refresh,
    onError: notifyError,
  });
  const transfer = useMutation({
    mutationFn: (member: Member) =>
      unwrap(
        api.POST('/api/v1/buyer-organizations/{org_id}/primary-owner', {
          params: { path },
          body: { user_id: member.user_id },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.buyerOrganizations });
      notifySuccess(t('buyer.members.transferred'));
    },
    onError: notifyError,
  });
  const invite = useMutation({
    mutationFn: (values: { email: string; role: Role }) =>
      unwrap(
        api.POST('/api/v1/buyer-organizations/{org_id}/member-invitations', {
          params: { path },
          body: values,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(org.id) }),
  });
  const revoke = useMutation({
    mutationFn: (invitation: Schemas['MemberInvitationRead']) =>
      unwrap(
        api.DELETE('/api/v1/buyer-organizations/{org_id}/member-invitations/{invitation_id}', {
          params: { path: { ...path, invitation_id: invitation.id } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(org.id) }),
    onError: notifyError,
  });

  const confirmRemove = (member: Member) =>
    modals.openConfirmModal({
      title: t('members.removeTitle'),
      children: <Text size="sm">{t('members.removeText', { name: member.display_name })}</Text>,
      labels: { confirm: t('members.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(member),
    });
  const confirmTransfer = (member: Member) =>
    modals.openConfirmModal({
      title: t('buyer.members.transferTitle'),
      children: (
        <Text size="sm">{t('buyer.members.transferText', { name: member.display_name })}</Text>
      ),
      labels: { confirm: t('buyer.members.transfer'), cancel: t('common.cancel') },
      onConfirm: () => transfer.mutate(member),
    });

  const list = members.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="members-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="members-heading">
            {t('buyer.nav.members')}
          </Title>
          {members.isPending ? <LoadingState /> : null}
          {members.isError ? (
            <ErrorState error={members.error} onRetry={() => void members.refetch()} />
          ) : null}
          {list.length > 0 ? (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('members.name')}</Table.Th>
                    <Table.Th>{t('fields.email')}</Table.Th>
                    <Table.Th>{t('members.role')}</Table.Th>
                    {isOwner || org.is_primary_owner ? (
                      <Table.Th>{t('common.actions')}</Table.Th>
                    ) : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((member) => {
                    const isMe = member.user_id === me.data?.id;
                    return (
                      <Table.Tr key={member.user_id}>
                        <Table.Td>
                          <Group gap="xs">
                            <Text size="sm">{member.display_name}</Text>
                            {isMe ? <Badge variant="light">{t('members.you')}</Badge> : null}
                            {member.is_primary_owner ? (
                              <Badge variant="outline">{t('buyer.roles.primaryOwner')}</Badge>
                            ) : null}
                          </Group>
                        </Table.Td>
                        <Table.Td>{member.email}</Table.Td>
                        <Table.Td>
                          {isOwner && !member.is_primary_owner ? (
                            <Select
                              aria-label={t('members.roleFor', { name: member.display_name })}
                              data={roles}
                              value={member.role}
                              allowDeselect={false}
                              w={150}
                              size="xs"
                              onChange={(role) => {
                                if (role && role !== member.role) {
                                  changeRole.mutate({ member, role });
                                }
                              }}
                            />
                          ) : (
                            buyerRoleLabel(t, member.role)
                          )}
                        </Table.Td>
                        {isOwner || org.is_primary_owner ? (
                          <Table.Td>
                            <Group gap="xs">
                              {org.is_primary_owner && !isMe ? (
                                <Button
                                  size="xs"
                                  variant="subtle"
                                  onClick={() => confirmTransfer(member)}
                                  aria-label={t('buyer.members.transferTo', {
                                    name: member.display_name,
                                  })}
                                >
                                  {t('buyer.members.transfer')}
                                </Button>
                              ) : null}
                              {isOwner && !isMe && !member.is_primary_owner ? (
                                <Button
                                  size="xs"
                                  variant="subtle"
                                  color="red"
                                  onClick={() => confirmRemove(member)}
                                  aria-label={t('members.removeName', {
                                    name: member.display_name,
                                  })}
                                >
                                  {t('members.remove')}
                                </Button>
                              ) : null}
                            </Group>
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
          <LoadMore
            hasNextPage={members.hasNextPage}
            isFetchingNextPage={members.isFetchingNextPage}
            fetchNextPage={members.fetchNextPage}
          />
        </Stack>
      </Paper>

      {isOwner ? (
        <InviteMemberForm roles={roles} defaultRole="member" onInvite={invite.mutateAsync} />
      ) : null}
      <PendingInvitations
        invitations={invitations.data?.pages.flatMap((page) => page.items) ?? []}
        isPending={invitations.isPending}
        error={invitations.error}
        roleLabel={(role) =>
          role === 'owner' || role === 'member' ? buyerRoleLabel(t, role) : role
        }
        canRevoke={isOwner}
        onRevoke={(invitation) => revoke.mutate(invitation)}
      />
    </Stack>
  );
}
