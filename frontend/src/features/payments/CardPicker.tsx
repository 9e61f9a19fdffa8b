import { Paper, Radio, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState } from '../../components/QueryState';
import { CardForm } from './CardForm';
import { cardsQuery } from './cards';
import {
  cardChoice,
  cardExpiry,
  cardName,
  choiceOf,
  NEW_CARD,
  OFFLINE,
  valueOf,
  type PaymentValue,
} from './paymentChoice';
import { usePaymentConfig } from './stripe';

export interface CardPickerProps {
  /** The buyer organization that orders. */
  orgId: string;
  /** `{payment_method, payment_method_id?}`, or null while nothing usable is chosen. */
  value: PaymentValue | null;
  onChange: (value: PaymentValue | null) => void;
  /** The checkout offers "Not Use Credit Card" (`offline` among its `payment_methods`). */
  offline: boolean;
  /** A problem with the choice to show under the group (e.g. from the order form). */
  error?: string;
}

/**
 * The checkout's payment step: the organization's saved cards, "Set a New Card" (its form opens
 * inline; the saved card becomes the choice) and, when offered, "Not Use Credit Card".
 */
export function CardPicker({ orgId, value, onChange, offline, error }: CardPickerProps) {
  const { t } = useTranslation();
  const config = usePaymentConfig();
  const cardsAvailable = config.data?.card_payments_available ?? false;
  const cards = useQuery({ ...cardsQuery(orgId), enabled: cardsAvailable });
  const [settingNewCard, setSettingNewCard] = useState(false);

  if (config.isPending || (cardsAvailable && cards.isPending)) return <LoadingState />;
  if (config.isError) {
    return <ErrorState error={config.error} onRetry={() => void config.refetch()} />;
  }
  if (cards.isError) return <ErrorState error={cards.error} onRetry={() => void cards.refetch()} />;

  const saved = cards.data ?? [];
  const choice = choiceOf(value, saved, settingNewCard, offline);

  return (
    <Radio.Group
      label={t('payments.picker.label')}
      value={choice}
      error={error}
      onChange={(next) => {
        setSettingNewCard(next === NEW_CARD);
        onChange(valueOf(next));
      }}
    >
      <Stack gap="sm" mt="xs">
        {saved.map((card) => (
          <Radio
            key={card.id}
            value={cardChoice(card.id)}
            label={cardName(card)}
            description={t('payments.card.expires', { date: cardExpiry(card) })}
          />
        ))}
        {cardsAvailable ? <Radio value={NEW_CARD} label={t('payments.newCard')} /> : null}
        {cardsAvailable && settingNewCard ? (
          <Paper withBorder p="md" ml="xl">
            <CardForm
              orgId={orgId}
              onCancel={() => setSettingNewCard(false)}
              onSaved={(card) => {
                setSettingNewCard(false);
                onChange({ payment_method: 'card', payment_method_id: card.id });
              }}
            />
          </Paper>
        ) : null}
        {offline ? (
          <Radio
            value={OFFLINE}
            label={t('payments.picker.offline')}
            description={t('payments.picker.offlineHelp')}
          />
        ) : null}
      </Stack>
    </Radio.Group>
  );
}
