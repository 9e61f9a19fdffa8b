import { Badge, Button, Code, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconRepeat } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LoadMore } from '../../../components/LoadMore';
import { notifyError, notifySuccess } from '../../../components/notify';
import { EmptyListState, ErrorState, LoadingState } from '../../../components/QueryState';
import { formatDateTime } from '../../../lib/dates';
import { useDeliveries, useReplay } from './data';
import { deliveryStatusColor, type WebhookDelivery, type WebhookEndpoint } from './model';

const FILTERS = ['all', 'pending', 'succeeded', 'failed'] as const;

/** An endpoint's deliveries, newest first: each event, its attempts and answers, and Replay. */
export function DeliveryLog({ brandId, endpoint }: { brandId: string; endpoint: WebhookEndpoint }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const deliveries = useDeliveries(brandId, endpoint.id, filter === 'all' ? null : filter);
  const list = deliveries.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label={t('integrations.log.filter')}
        value={filter}
        onChange={(value) => setFilter(FILTERS.find((f) => f === value) ?? 'all')}
        data={FILTERS.map((value) => ({ value, label: t(`integrations.log.status.${value}`) }))}
      />
      {deliveries.isPending ? <LoadingState /> : null}
      {deliveries.isError ? (
        <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : null}
      {deliveries.isSuccess && list.length === 0 ? (
        <EmptyListState
          title={t('integrations.log.empty')}
          description={t('integrations.log.emptyText')}
        />
      ) : null}
      {list.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('integrations.log.event')}</Table.Th>
                <Table.Th>{t('integrations.log.when')}</Table.Th>
                <Table.Th>{t('integrations.log.result')}</Table.Th>
                <Table.Th>{t('integrations.log.attempts')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((delivery) => (
                <DeliveryRow
                  key={delivery.id}
                  brandId={brandId}
                  endpoint={endpoint}
                  delivery={delivery}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMore
        hasNextPage={deliveries.hasNextPage}
        isFetchingNextPage={deliveries.isFetchingNextPage}
        fetchNextPage={deliveries.fetchNextPage}
      />
    </Stack>
  );
}

function DeliveryRow({
  brandId,
  endpoint,
  delivery,
}: {
  brandId: string;
  endpoint: WebhookEndpoint;
  delivery: WebhookDelivery;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const replay = useReplay(brandId, endpoint.id);
  const detailsId = `delivery-${delivery.id}`;
  const code = delivery.last_status_code;

  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>
          <Text size="sm" ff="monospace">
            {delivery.event_type}
          </Text>
          {delivery.replay_of_id ? (
            <Text size="xs" c="dimmed">
              {t('integrations.log.replay')}
            </Text>
          ) : null}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{formatDateTime(delivery.created_at, i18n.language)}</Text>
        </Table.Td>
        <Table.Td>
          <Stack gap={2} align="flex-start">
            <Badge color={deliveryStatusColor(delivery.status)} variant="light">
              {delivery.status !== 'pending'
                ? t(`integrations.log.status.${delivery.status}`)
                : delivery.attempt_count === 0
                  ? t('integrations.log.queued')
                  : t('integrations.log.retrying')}
            </Badge>
            <Text size="xs" c="dimmed">
              {code === null
                ? delivery.attempt_count > 0
                  ? t('integrations.log.noAnswer')
                  : t('integrations.log.notSent')
                : t('integrations.log.httpStatus', { code })}
            </Text>
            {delivery.next_attempt_at ? (
              <Text size="xs" c="dimmed">
                {t('integrations.log.nextAttempt', {
                  date: formatDateTime(delivery.next_attempt_at, i18n.language),
                })}
              </Text>
            ) : null}
          </Stack>
        </Table.Td>
        <Table.Td>
          <Button
            size="compact-xs"
            variant="subtle"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            onClick={() => setOpen((value) => !value)}
          >
            {t('integrations.log.attemptCount', { n: delivery.attempt_count })}
          </Button>
        </Table.Td>
        <Table.Td>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconRepeat size={14} aria-hidden />}
            disabled={!endpoint.enabled}
            loading={replay.isPending}
            aria-label={t('integrations.log.replayName', {
              event: delivery.event_type,
              date: formatDateTime(delivery.created_at, i18n.language),
            })}
            onClick={() =>
              replay.mutate(delivery.id, {
                onSuccess: () => notifySuccess(t('integrations.log.replayed')),
                onError: notifyError,
              })
            }
          >
            {t('integrations.log.replayButton')}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open ? (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={5} p={0}>
            <Stack gap="xs" p="sm">
              {delivery.attempts.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('integrations.log.noAttempts')}
                </Text>
              ) : (
                <Table withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('integrations.log.attemptedAt')}</Table.Th>
                      <Table.Th>{t('integrations.log.answer')}</Table.Th>
                      <Table.Th>{t('integrations.log.duration')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {delivery.attempts.map((attempt) => (
                      <Table.Tr key={attempt.attempted_at}>
                        <Table.Td>{formatDateTime(attempt.attempted_at, i18n.language)}</Table.Td>
                        <Table.Td>
                          {attempt.status_code !== null
                            ? t('integrations.log.httpStatus', { code: attempt.status_code })
                            : (attempt.error ?? t('integrations.log.noAnswer'))}
                        </Table.Td>
                        <Table.Td>
                          {t('integrations.log.milliseconds', { n: attempt.duration_ms })}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {t('integrations.log.eventId')}
                </Text>
                <Code>{delivery.event_id}</Code>
              </Group>
            </Stack>
          </Table.Td>
        </Table.Tr>
      ) : null}
    </Fragment>
  );
}
