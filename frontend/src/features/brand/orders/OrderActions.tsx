import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconCheck,
  IconCircleCheck,
  IconTruckDelivery,
  IconX,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { notifyError, notifySuccess } from '../../../components/notify';
import { ApiError, errorMessage } from '../../../lib/problem';
import { changeOrder, orderKeys } from '../../orders/data';
import { actionLabel, statusLabel } from '../../orders/labels';
import type { BrandOrder } from '../../orders/OrderParts';
import { allowedActions, needsConfirmation, type OrderAction } from '../../orders/status';

const ICONS: Record<OrderAction, ReactNode> = {
  confirm: <IconCheck size={16} aria-hidden />,
  ship: <IconTruckDelivery size={16} aria-hidden />,
  complete: <IconCircleCheck size={16} aria-hidden />,
  reject: <IconX size={16} aria-hidden />,
  'return-to-cart': <IconArrowBackUp size={16} aria-hidden />,
};

/**
 * The brand's buttons for an order: only those its status allows. Reject and Return to cart
 * say what they do in a modal first. A 409 (someone else moved the order) is shown above the
 * buttons, and the order is reloaded so the buttons match its status again.
 */
export function OrderActions({ brandId, order }: { brandId: string; order: BrandOrder }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<OrderAction | null>(null);
  // What the modal shows: kept while it closes, so its title does not change mid-transition.
  const [shown, setShown] = useState<OrderAction>('reject');
  const [note, setNote] = useState('');
  /** A 409: the status moved on (shown with the fresh status), or another refusal's text. */
  const [conflict, setConflict] = useState<{ stale: boolean; message: string } | null>(null);
  const actions = allowedActions(order.status);

  const change = useMutation({
    mutationFn: ({ action, note: text }: { action: OrderAction; note: string }) =>
      changeOrder(brandId, order.id, action, text.trim()),
    onSuccess: (updated, { action }) => {
      setConflict(null);
      setAsking(null);
      setNote('');
      queryClient.setQueryData(orderKeys.brandOne(brandId, order.id), updated);
      notifySuccess(t(`orders.actions.done.${action}`, { number: order.number }));
    },
    onError: async (error) => {
      setAsking(null);
      if (error instanceof ApiError && error.status === 409) {
        // Reload the order first, so the message names its status as it is now.
        await queryClient.refetchQueries({ queryKey: orderKeys.brandOne(brandId, order.id) });
        setConflict({
          stale: error.code === 'order.transition_invalid',
          message: errorMessage(error),
        });
      } else {
        notifyError(error);
      }
    },
    onSettled: () =>
      // The list and the order itself: fresh status, events and buttons.
      queryClient.invalidateQueries({ queryKey: orderKeys.brand(brandId) }),
  });

  const run = (action: OrderAction) => {
    if (needsConfirmation(action)) {
      setNote('');
      setShown(action);
      setAsking(action);
    } else {
      change.mutate({ action, note: '' });
    }
  };

  return (
    <Stack gap="sm">
      {conflict ? (
        <Alert
          color="red"
          role="alert"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('orders.actions.conflictTitle')}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setConflict(null)}
        >
          <Text size="sm">
            {conflict.stale
              ? t('orders.actions.conflictText', { status: statusLabel(t, order.status) })
              : conflict.message}
          </Text>
        </Alert>
      ) : null}
      {actions.length > 0 ? (
        <Group gap="sm" role="group" aria-label={t('orders.actions.label')}>
          {actions.map((action) => (
            <Button
              key={action}
              variant={needsConfirmation(action) ? 'default' : 'filled'}
              color={action === 'reject' ? 'red' : undefined}
              leftSection={ICONS[action]}
              loading={change.isPending && change.variables.action === action}
              disabled={change.isPending && change.variables.action !== action}
              onClick={() => run(action)}
            >
              {actionLabel(t, action)}
            </Button>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('orders.actions.none')}
        </Text>
      )}
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={
          shown === 'reject'
            ? t('orders.actions.rejectTitle', { number: order.number })
            : t('orders.actions.returnTitle', { number: order.number })
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text size="sm">
            {shown === 'reject' ? t('orders.actions.rejectText') : t('orders.actions.returnText')}
          </Text>
          <Textarea
            label={t('orders.actions.note')}
            description={t('orders.actions.noteHelp')}
            value={note}
            maxLength={2000}
            rows={3}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color={shown === 'reject' ? 'red' : undefined}
              leftSection={ICONS[shown]}
              loading={change.isPending}
              onClick={() => change.mutate({ action: shown, note })}
            >
              {actionLabel(t, shown)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
