import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { notifyError, notifySuccess } from '../../../components/notify';
import { ListQueryState } from '../../../components/QueryState';
import { formFields, mapProblem } from '../../../lib/problem';
import { usePageTitle } from '../../../lib/usePageTitle';
import { requiredText } from '../../../lib/validation';
import { AdminOnly } from './AdminOnly';
import {
  useDeleteEndpoint,
  useRotateSecret,
  useSaveEndpoint,
  useWebhookEndpoints,
  type EndpointValues,
} from './data';
import { DeliveryLog } from './DeliveryLog';
import { EVENT_TYPES, sortedEvents, type EventType, type WebhookEndpoint } from './model';
import { SecretReveal } from './SecretReveal';

const EVENT_HELP = {
  'order.placed': 'integrations.eventHelp.order_placed',
  'order.updated': 'integrations.eventHelp.order_updated',
  'order.status_changed': 'integrations.eventHelp.order_status_changed',
  'customer.connected': 'integrations.eventHelp.customer_connected',
  'link.updated': 'integrations.eventHelp.link_updated',
  'product.updated': 'integrations.eventHelp.product_updated',
  'stock.changed': 'integrations.eventHelp.stock_changed',
} as const satisfies Record<EventType, string>;

const endpointFields = formFields(['url', 'description', 'events', 'events.*', 'enabled'], {});

type Dialog =
  | { kind: 'edit'; endpoint: WebhookEndpoint | null }
  | { kind: 'rotate' | 'delete' | 'log'; endpoint: WebhookEndpoint }
  | null;

/** Webhooks: where Showroom sends events, signed; each endpoint's delivery log and replays. */
export function WebhooksPage() {
  const { t } = useTranslation();
  usePageTitle(t('integrations.webhooks.title'));
  return <AdminOnly>{(brandId) => <Webhooks brandId={brandId} />}</AdminOnly>;
}

export function Webhooks({ brandId }: { brandId: string }) {
  const { t } = useTranslation();
  const endpoints = useWebhookEndpoints(brandId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const list = endpoints.data?.pages.flatMap((page) => page.items) ?? [];
  const add = (
    <Button
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={() => setDialog({ kind: 'edit', endpoint: null })}
    >
      {t('integrations.webhooks.add')}
    </Button>
  );

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="webhooks-heading">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4} maw={640}>
            <Title order={2} size="h3" id="webhooks-heading">
              {t('integrations.webhooks.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('integrations.webhooks.intro')}
            </Text>
          </Stack>
          {list.length > 0 ? add : null}
        </Group>
        <ListQueryState
          query={endpoints}
          empty={list.length === 0}
          emptyTitle={t('integrations.webhooks.empty')}
          emptyDescription={t('integrations.webhooks.emptyText')}
          emptyAction={add}
        />
        {list.length > 0 ? (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('integrations.webhooks.url')}</Table.Th>
                  <Table.Th>{t('integrations.webhooks.events')}</Table.Th>
                  <Table.Th>{t('integrations.webhooks.state')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((endpoint) => (
                  <Table.Tr key={endpoint.id}>
                    <Table.Td>
                      <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                        {endpoint.url}
                      </Text>
                      {endpoint.description ? (
                        <Text size="xs" c="dimmed">
                          {endpoint.description}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {sortedEvents(endpoint.events).map((event) => (
                          <Badge key={event} variant="light" tt="none">
                            {event}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <Badge color={endpoint.enabled ? 'green' : 'gray'} variant="light">
                          {endpoint.enabled
                            ? t('integrations.webhooks.enabled')
                            : t('integrations.webhooks.disabled')}
                        </Badge>
                        {endpoint.pending_deliveries > 0 ? (
                          <Text size="xs" c="yellow.8">
                            {t('integrations.webhooks.pending', {
                              n: endpoint.pending_deliveries,
                            })}
                          </Text>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} role="group" aria-label={endpoint.url}>
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setDialog({ kind: 'log', endpoint })}
                        >
                          {t('integrations.webhooks.log')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => setDialog({ kind: 'edit', endpoint })}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => setDialog({ kind: 'rotate', endpoint })}
                        >
                          {t('integrations.webhooks.rotate')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setDialog({ kind: 'delete', endpoint })}
                        >
                          {t('common.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <LoadMore
          hasNextPage={endpoints.hasNextPage}
          isFetchingNextPage={endpoints.isFetchingNextPage}
          fetchNextPage={endpoints.fetchNextPage}
        />
      </Stack>
      {dialog?.kind === 'edit' ? (
        <EndpointModal brandId={brandId} endpoint={dialog.endpoint} onClose={close} />
      ) : null}
      {dialog?.kind === 'rotate' ? (
        <RotateModal brandId={brandId} endpoint={dialog.endpoint} onClose={close} />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteModal brandId={brandId} endpoint={dialog.endpoint} onClose={close} />
      ) : null}
      <Modal
        opened={dialog?.kind === 'log'}
        onClose={close}
        size="xl"
        title={t('integrations.log.title', { url: dialog?.endpoint?.url ?? '' })}
      >
        {dialog?.kind === 'log' ? (
          <DeliveryLog brandId={brandId} endpoint={dialog.endpoint} />
        ) : null}
      </Modal>
    </Paper>
  );
}

function EndpointModal({
  brandId,
  endpoint,
  onClose,
}: {
  brandId: string;
  endpoint: WebhookEndpoint | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState<string | null>(null);
  const save = useSaveEndpoint(brandId, endpoint?.id ?? null);
  const form = useForm<EndpointValues>({
    initialValues: {
      url: endpoint?.url ?? 'https://',
      description: endpoint?.description ?? '',
      events: sortedEvents(endpoint?.events ?? ['order.placed']),
      enabled: endpoint?.enabled ?? true,
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      const url = requiredText(values.url);
      if (url) errors.url = url;
      if (values.events.length === 0) errors.events = t('integrations.webhooks.noEvents');
      return errors;
    },
  });
  const submit = form.onSubmit((values) =>
    save.mutate(
      { ...values, url: values.url.trim(), description: values.description.trim() },
      {
        onSuccess: (saved) => {
          if ('secret' in saved && typeof saved.secret === 'string') setSecret(saved.secret);
          else {
            notifySuccess(t('integrations.webhooks.saved'));
            onClose();
          }
        },
        onError: (error) => form.setErrors(mapProblem(error, endpointFields).fieldErrors),
      },
    ),
  );
  const title = secret
    ? t('integrations.webhooks.addedTitle')
    : endpoint
      ? t('integrations.webhooks.editTitle')
      : t('integrations.webhooks.addTitle');

  return (
    <Modal opened onClose={onClose} size="lg" title={title}>
      {secret ? (
        <Stack gap="md">
          <SecretReveal label={t('integrations.webhooks.secretLabel')} secret={secret} />
          <Text size="sm">{t('integrations.webhooks.verifyHint')}</Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('integrations.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormErrorAlert
              error={save.isError ? mapProblem(save.error, endpointFields).formError : null}
            />
            <TextInput
              label={t('integrations.webhooks.url')}
              description={t('integrations.webhooks.urlHelp')}
              type="url"
              withAsterisk
              data-autofocus
              {...form.getInputProps('url')}
            />
            <TextInput
              label={t('integrations.webhooks.description')}
              maxLength={200}
              {...form.getInputProps('description')}
            />
            <Checkbox.Group
              label={t('integrations.webhooks.events')}
              description={t('integrations.webhooks.eventsHelp')}
              withAsterisk
              {...form.getInputProps('events')}
            >
              <Stack gap="xs" mt="xs">
                {EVENT_TYPES.map((event) => (
                  <Checkbox
                    key={event}
                    value={event}
                    label={event}
                    description={t(EVENT_HELP[event])}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <Switch
              label={t('integrations.webhooks.enabledLabel')}
              description={t('integrations.webhooks.enabledHelp')}
              {...form.getInputProps('enabled', { type: 'checkbox' })}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {endpoint ? t('common.save') : t('integrations.webhooks.addSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function RotateModal({
  brandId,
  endpoint,
  onClose,
}: {
  brandId: string;
  endpoint: WebhookEndpoint;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rotate = useRotateSecret(brandId);
  return (
    <Modal opened onClose={onClose} size="lg" title={t('integrations.webhooks.rotateTitle')}>
      {rotate.data ? (
        <Stack gap="md">
          <SecretReveal
            label={t('integrations.webhooks.secretLabel')}
            secret={rotate.data.secret}
          />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('integrations.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm">{t('integrations.webhooks.rotateText', { url: endpoint.url })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={rotate.isPending}
              onClick={() => rotate.mutate(endpoint.id, { onError: notifyError })}
            >
              {t('integrations.webhooks.rotate')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function DeleteModal({
  brandId,
  endpoint,
  onClose,
}: {
  brandId: string;
  endpoint: WebhookEndpoint;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteEndpoint(brandId);
  return (
    <Modal opened onClose={onClose} title={t('integrations.webhooks.deleteTitle')}>
      <Stack gap="md">
        <Text size="sm">{t('integrations.webhooks.deleteText', { url: endpoint.url })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(endpoint.id, {
                onSuccess: () => {
                  notifySuccess(t('integrations.webhooks.deleted'));
                  onClose();
                },
                onError: notifyError,
              })
            }
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
