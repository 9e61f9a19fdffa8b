import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import {
  IconCheck,
  IconCopy,
  IconDots,
  IconEdit,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlus,
  IconQrcode,
  IconRefresh,
  IconTrash,
} from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AnchorLink, ButtonLink } from '../../../components/links';
import { MenuItemLink } from '../../../components/menuLinks';
import { LoadMore } from '../../../components/LoadMore';
import { notifyError, notifySuccess } from '../../../components/notify';
import { EmptyListState, ErrorState, LoadingState } from '../../../components/QueryState';
import { api } from '../../../lib/api';
import { formatDateTime } from '../../../lib/dates';
import { unwrap } from '../../../lib/problem';
import { PAGE_SIZE } from '../../../lib/queries';
import { usePageTitle } from '../../../lib/usePageTitle';
import { BrandGate, type BrandContext } from '../shared/BrandGate';
import { linkKeys, patchLink } from './data';
import { LINK_KINDS, linkStatusColor, type Link, type LinkKind, type LinkStatus } from './linkForm';
import { QrCodeModal } from './QrCodeModal';

const route = getRouteApi('/_authenticated/brand/$brandId/links');

/** Links: one tab per kind of order link, each with "Create a New Link". */
export function LinksPage() {
  const { t } = useTranslation();
  usePageTitle(t('links.title'));
  return <BrandGate>{(context) => <Links context={context} />}</BrandGate>;
}

function Links({ context }: { context: BrandContext }) {
  const { t } = useTranslation();
  const { tab } = route.useSearch();
  const navigate = useNavigate();
  const { brand } = context;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="links-heading">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="links-heading">
            {t('links.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('links.intro')}
          </Text>
        </Stack>
        <Tabs
          value={tab}
          keepMounted={false}
          onChange={(value) =>
            void navigate({
              to: '/brand/$brandId/links',
              params: { brandId: brand.id },
              search: { tab: LINK_KINDS.find((kind) => kind === value) ?? 'instant' },
              replace: true,
            })
          }
        >
          <Tabs.List>
            {LINK_KINDS.map((kind) => (
              <Tabs.Tab key={kind} value={kind}>
                {t(`links.kinds.${kind}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {LINK_KINDS.map((kind) => (
            <Tabs.Panel key={kind} value={kind} pt="md">
              <LinkList context={context} kind={kind} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Paper>
  );
}

function LinkList({ context, kind }: { context: BrandContext; kind: LinkKind }) {
  const { t, i18n } = useTranslation();
  const { brand } = context;
  const [qrLink, setQrLink] = useState<Link | null>(null);
  const links = useInfiniteQuery({
    queryKey: linkKeys.list(brand.id, kind),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/brands/{brand_id}/links', {
          params: {
            path: { brand_id: brand.id },
            query: { kind, limit: PAGE_SIZE, cursor: pageParam },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const items = (links.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (link) => link.status !== 'deleted',
  );
  const createButton = (
    <ButtonLink
      to="/brand/$brandId/links/new"
      params={{ brandId: brand.id }}
      search={{ kind }}
      leftSection={<IconPlus size={16} aria-hidden />}
    >
      {t('links.create')}
    </ButtonLink>
  );
  const when = (instant: string | null) => (instant ? formatDateTime(instant, i18n.language) : '—');
  const captionId = `links-${kind}-caption`;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" id={captionId} maw={640}>
          {t(`links.kindHelp.${kind}`)}
        </Text>
        {items.length > 0 ? createButton : null}
      </Group>
      {links.isPending ? <LoadingState /> : null}
      {links.isError ? (
        <ErrorState error={links.error} onRetry={() => void links.refetch()} />
      ) : null}
      {links.isSuccess && items.length === 0 ? (
        <EmptyListState
          title={t(`links.empty.${kind}`)}
          description={t('links.emptyText')}
          action={createButton}
        />
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing="sm" aria-label={t(`links.kinds.${kind}`)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('links.fields.name')}</Table.Th>
                <Table.Th>{t('links.list.catalogs')}</Table.Th>
                <Table.Th>{t('links.fields.releaseAt')}</Table.Th>
                <Table.Th>{t('links.list.expiresAt')}</Table.Th>
                {kind === 'customer' ? null : <Table.Th>{t('links.fields.passcode')}</Table.Th>}
                <Table.Th>{t('links.list.status')}</Table.Th>
                <Table.Th>{t('links.list.url')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((link) => (
                <Table.Tr key={link.id}>
                  <Table.Td>
                    <AnchorLink
                      to="/brand/$brandId/links/$linkId"
                      params={{ brandId: brand.id, linkId: link.id }}
                      fw={600}
                    >
                      {link.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {link.catalogs.map((catalog) => catalog.code).join(', ') || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{when(link.release_at)}</Table.Td>
                  <Table.Td>{when(link.expires_at)}</Table.Td>
                  {kind === 'customer' ? null : (
                    <Table.Td>
                      {link.passcode_enabled
                        ? t('links.list.passcodeOn')
                        : t('links.list.passcodeOff')}
                    </Table.Td>
                  )}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge
                      variant="light"
                      color={linkStatusColor(link.status)}
                      style={{ overflow: 'visible' }}
                    >
                      {t(`links.status.${link.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <LinkUrl link={link} onQr={() => setQrLink(link)} />
                  </Table.Td>
                  <Table.Td>
                    <LinkActions context={context} link={link} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMore
        hasNextPage={links.hasNextPage}
        isFetchingNextPage={links.isFetchingNextPage}
        fetchNextPage={links.fetchNextPage}
      />
      <QrCodeModal link={qrLink} onClose={() => setQrLink(null)} />
    </Stack>
  );
}

/** The URL to share, with Copy URL and its QR code. */
function LinkUrl({ link, onQr }: { link: Link; onQr: () => void }) {
  const { t } = useTranslation();
  const clipboard = useClipboard({ timeout: 2000 });
  const copy = () => {
    clipboard.copy(link.url);
  };
  return (
    <Stack gap={4} maw={260}>
      <Anchor
        href={link.url}
        target="_blank"
        rel="noreferrer"
        size="xs"
        style={{ wordBreak: 'break-all' }}
      >
        {link.url}
      </Anchor>
      <Group gap={4}>
        <Button
          size="compact-xs"
          variant="light"
          color={clipboard.copied ? 'teal' : undefined}
          leftSection={
            clipboard.copied ? (
              <IconCheck size={12} aria-hidden />
            ) : (
              <IconCopy size={12} aria-hidden />
            )
          }
          aria-label={t('links.list.copyUrlOf', { name: link.name })}
          onClick={copy}
        >
          {clipboard.copied ? t('links.list.copied') : t('links.list.copyUrl')}
        </Button>
        <Tooltip label={t('links.qr.show')} withinPortal>
          <ActionIcon
            size="sm"
            variant="light"
            aria-label={t('links.qr.showFor', { name: link.name })}
            onClick={onQr}
          >
            <IconQrcode size={14} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
      {clipboard.error ? (
        <Text size="xs" c="red" role="alert">
          {t('links.list.copyFailed')}
        </Text>
      ) : null}
      <VisuallyHidden role="status" aria-live="polite">
        {clipboard.copied ? t('links.list.copied') : ''}
      </VisuallyHidden>
    </Stack>
  );
}

/** Edit, Void / Reopen, New URL, Delete. */
function LinkActions({ context, link }: { context: BrandContext; link: Link }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { brand } = context;
  const refresh = () => queryClient.invalidateQueries({ queryKey: linkKeys.all(brand.id) });

  const setStatus = useMutation({
    mutationFn: (status: LinkStatus) => patchLink(brand.id, link.id, { status }),
    onSuccess: async (_, status) => {
      await refresh();
      notifySuccess(t(`links.notices.${status}`, { name: link.name }));
    },
    onError: notifyError,
  });
  const newUrl = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/brands/{brand_id}/links/{link_id}/token', {
          params: { path: { brand_id: brand.id, link_id: link.id } },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t('links.notices.newUrl', { name: link.name }));
    },
    onError: notifyError,
  });

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: t('links.delete.title'),
      children: <Text size="sm">{t('links.delete.text', { name: link.name })}</Text>,
      labels: { confirm: t('links.delete.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => setStatus.mutate('deleted'),
    });
  const confirmNewUrl = () =>
    modals.openConfirmModal({
      title: t('links.newUrl.title'),
      children: <Text size="sm">{t('links.newUrl.text', { name: link.name })}</Text>,
      labels: { confirm: t('links.newUrl.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'orange' },
      onConfirm: () => newUrl.mutate(),
    });

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          aria-label={t('links.list.actionsFor', { name: link.name })}
          loading={setStatus.isPending || newUrl.isPending}
        >
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <MenuItemLink
          to="/brand/$brandId/links/$linkId"
          params={{ brandId: brand.id, linkId: link.id }}
          leftSection={<IconEdit size={14} aria-hidden />}
        >
          {t('common.edit')}
        </MenuItemLink>
        {link.status === 'open' ? (
          <Menu.Item
            leftSection={<IconPlayerPause size={14} aria-hidden />}
            onClick={() => setStatus.mutate('void')}
          >
            {t('links.actions.void')}
          </Menu.Item>
        ) : (
          <Menu.Item
            leftSection={<IconPlayerPlay size={14} aria-hidden />}
            onClick={() => setStatus.mutate('open')}
          >
            {t('links.actions.reopen')}
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconRefresh size={14} aria-hidden />} onClick={confirmNewUrl}>
          {t('links.actions.newUrl')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={14} aria-hidden />}
          onClick={confirmDelete}
        >
          {t('common.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
