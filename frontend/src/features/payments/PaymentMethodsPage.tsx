import { Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCreditCard, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { notifyError, notifySuccess } from '../../components/notify';
import { EmptyListState, ErrorState, LoadingState } from '../../components/QueryState';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/problem';
import { CardForm, CardsUnavailable } from './CardForm';
import { cardsQuery } from './cards';
import { cardExpiry, cardName, type SavedCard } from './paymentChoice';
import { paymentsKeys, usePaymentConfig } from './stripe';

const route = getRouteApi('/_authenticated/buyer/$orgId/payment-methods');

/** **Payment methods**: the organization's saved credit cards; set a new one, remove one. */
export function PaymentMethodsPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const config = usePaymentConfig();

  let body;
  if (config.isPending) body = <LoadingState />;
  else if (config.isError) {
    body = <ErrorState error={config.error} onRetry={() => void config.refetch()} />;
  } else if (!config.data.card_payments_available) body = <CardsUnavailable />;
  else body = <SavedCards orgId={orgId} />;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2}>{t('payments.page.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('payments.page.help')}
        </Text>
      </Stack>
      {body}
    </Stack>
  );
}

function SavedCards({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cards = useQuery(cardsQuery(orgId));
  const [adding, setAdding] = useState(false);

  const remove = useMutation({
    mutationFn: (card: SavedCard) =>
      unwrap(
        api.DELETE('/api/v1/buyer-organizations/{org_id}/payment-methods/{method_id}', {
          params: { path: { org_id: orgId, method_id: card.id } },
        }),
      ),
    onSuccess: async (_, card) => {
      queryClient.setQueryData(paymentsKeys.cards(orgId), (old: SavedCard[] | undefined) =>
        old?.filter((each) => each.id !== card.id),
      );
      await queryClient.invalidateQueries({ queryKey: paymentsKeys.cards(orgId) });
      notifySuccess(t('payments.page.removed', { card: cardName(card) }));
    },
    onError: notifyError,
  });

  const confirmRemove = (card: SavedCard) =>
    modals.openConfirmModal({
      title: t('payments.page.removeTitle'),
      children: <Text size="sm">{t('payments.page.removeText', { card: cardName(card) })}</Text>,
      labels: { confirm: t('payments.page.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(card),
    });

  const items = cards.data ?? [];
  const addButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
      {t('payments.newCard')}
    </Button>
  );

  return (
    <Stack gap="md">
      {items.length > 0 ? <Group justify="flex-end">{addButton}</Group> : null}
      {cards.isPending ? <LoadingState /> : null}
      {cards.isError ? (
        <ErrorState error={cards.error} onRetry={() => void cards.refetch()} />
      ) : null}
      {cards.isSuccess && items.length === 0 ? (
        <EmptyListState
          title={t('payments.page.empty')}
          description={t('payments.page.emptyHelp')}
          action={addButton}
        />
      ) : null}
      {items.length > 0 ? (
        <SimpleGrid
          cols={{ base: 1, sm: 2, md: 3 }}
          component="ul"
          aria-label={t('payments.page.listLabel')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {items.map((card) => (
            <Card key={card.id} withBorder component="li" aria-label={cardName(card)}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <IconCreditCard size={28} aria-hidden />
                <Stack gap={2}>
                  <Text fw={600}>{cardName(card)}</Text>
                  <Text size="sm" c="dimmed">
                    {t('payments.card.expires', { date: cardExpiry(card) })}
                  </Text>
                </Stack>
              </Group>
              <Group mt="sm">
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  loading={remove.isPending && remove.variables.id === card.id}
                  onClick={() => confirmRemove(card)}
                  aria-label={t('payments.page.removeName', { card: cardName(card) })}
                >
                  {t('payments.page.remove')}
                </Button>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      ) : null}
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('payments.newCard')}
        size="md"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {adding ? (
          <CardForm
            orgId={orgId}
            onCancel={() => setAdding(false)}
            onSaved={(card) => {
              setAdding(false);
              notifySuccess(t('payments.page.saved', { card: cardName(card) }));
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
