import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { LoadMore } from '../../components/LoadMore';
import { InviteMemberForm } from '../../components/members/InviteMemberForm';
import { PendingInvitations } from '../../components/members/PendingInvitations';
import { notifyError, notifySuccess } from '../../components/notify';
import { ErrorState, LoadingState } from '../../components/QueryState';
import { api, type Schemas } from '../../lib/api';
import { unwrap } from '../../lib/problem';
import { PAGE_SIZE, queryKeys, useMe, type Brand } from '../../lib/queries';
import { canManageBrand, grantableRoles, type BrandRole } from './brandForm';
import { brandRoleLabel, isBrandRole } from './labels';
import { useCurrentBrand } from './useBrand';

type Member = Schemas['BrandMemberRead'];

const membersKey = (brandId: string) => [...queryKeys.brand(brandId), 'members'];
const invitationsKey = (brandId: string) => [...queryKeys.brand(brandId), 'invitations'];

/** Brand members: owners and admins invite, change roles and remove; staff only look. */
export function BrandMembersPage() {
  const brand = useCurrentBrand();
  if (brand.isPending) return <LoadingState />;
  if (brand.isError) return <ErrorState error={brand.error} />;
  return <Members brand={brand.data} />;
}

function Members({ brand }: { brand: Brand }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe();
  const path = { brand_id: brand.id };
  const canManage = canManageBrand(brand.my_role);
  const grantable = grantableRoles(brand.my_role);
  const roleOptions = grantable.map((role) => ({ value: role, label: brandRoleLabel(t, role) }));
  // An admin can neither change nor remove an owner.
  const canTouch = (member: Member) => canManage && grantable.includes(member.role);

  const members = useInfiniteQuery({
    queryKey: membersKey(brand.id),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/members', {
          params: { path, query: { limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const invitations = useInfiniteQuery({
    queryKey: invitationsKey(brand.id),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/member-invitations', {
          params: { path, query: { limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.brand(brand.id) });

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: Member; role: BrandRole }) =>
      unwrap(
        api.PATCH('/api/v1/brands/{brand_id}/members/{user_id}', {
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
        api.DELETE('/api/v1/brands/{brand_id}/members/{user_id}', {
          params: { path: { ...path, user_id: member.user_id } },
        }),
      ),
    onSuccess: refresh,
    onError: notifyError,
  });
  const invite = useMutation({
    mutationFn: (values: { email: string; role: BrandRole }) =>
      unwrap(
        api.POST('/api/v1/brands/{brand_id}/member-invitations', {
          params: { path },
          body: values,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(brand.id) }),
  });
  const revoke = useMutation({
    mutationFn: (invitation: Schemas['MemberInvitationRead']) =>
      unwrap(
        api.DELETE('/api/v1/brands/{brand_id}/member-invitations/{invitation_id}', {
          params: { path: { ...path, invitation_id: invitation.id } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(brand.id) }),
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

  const list = members.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="brand-members-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="brand-members-heading">
            {t('brand.nav.members')}
          </Title>
          {!canManage ? (
            <Text size="sm" c="dimmed">
              {t('brand.members.readOnly')}
            </Text>
          ) : null}
          {members.isPending ? <LoadingState /> : null}
          {members.isError ? (
            <ErrorState error={members.error} onRetry={() => void members.refetch()} />
          ) : null}
          {list.length > 0 ? (
            <Table.ScrollContainer minWidth={600}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('members.name')}</Table.Th>
                    <Table.Th>{t('fields.email')}</Table.Th>
                    <Table.Th>{t('members.role')}</Table.Th>
                    {canManage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
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
                          </Group>
                        </Table.Td>
                        <Table.Td>{member.email}</Table.Td>
                        <Table.Td>
                          {canTouch(member) ? (
                            <Select
                              aria-label={t('members.roleFor', { name: member.display_name })}
                              data={roleOptions}
                              value={member.role}
                              allowDeselect={false}
                              w={150}
                              size="xs"
                              onChange={(role) => {
                                if (role && isBrandRole(role) && role !== member.role) {
                                  changeRole.mutate({ member, role });
                                }
                              }}
                            />
                          ) : (
                            brandRoleLabel(t, member.role)
                          )}
                        </Table.Td>
                        {canManage ? (
                          <Table.Td>
                            {canTouch(member) && !isMe ? (
                              <Button
                                size="xs"
                                variant="subtle"
                                color="red"
                                onClick={() => confirmRemove(member)}
                                aria-label={t('members.removeName', { name: member.display_name })}
                              >
                                {t('members.remove')}
                              </Button>
                            ) : null}
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

      {canManage ? (
        <InviteMemberForm roles={roleOptions} defaultRole="staff" onInvite={invite.mutateAsync} />
      ) : null}
      <PendingInvitations
        invitations={invitations.data?.pages.flatMap((page) => page.items) ?? []}
        isPending={invitations.isPending}
        error={invitations.error}
        roleLabel={(role) => (isBrandRole(role) ? brandRoleLabel(t, role) : role)}
        canRevoke={canManage}
        onRevoke={(invitation) => revoke.mutate(invitation)}
      />
    </Stack>
  );
}
