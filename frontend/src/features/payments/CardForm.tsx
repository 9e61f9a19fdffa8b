import { Alert, Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorState, LoadingState } from '../../components/QueryState';
import { api } from '../../lib/api';
import { ApiError, errorMessage, unwrap } from '../../lib/problem';
import { rememberCard } from './cards';
import type { SavedCard } from './paymentChoice';
import {
  stripeErrorMessage,
  usePaymentConfig,
  useStripe,
  type Stripe,
  type StripeCardElement,
  type StripeError,
} from './stripe';

/** Stripe.js refused the card (declined, invalid, 3-D Secure failed). Nothing was saved. */
class CardSetupError extends Error {
  constructor(error: StripeError | null | undefined) {
    super(stripeErrorMessage(error));
    this.name = 'CardSetupError';
  }
}

export interface CardFormProps {
  orgId: string;
  /** The card is saved to the organization. */
  onSaved: (card: SavedCard) => void;
  onCancel?: () => void;
}

/**
 * "Set a New Card": Stripe's card field (number, MM/YY, CVC) and **Register**. The card goes
 * to Stripe directly (a SetupIntent), then is saved to the organization. No `<form>` element:
 * the checkout may already be one.
 */
export function CardForm(props: CardFormProps) {
  const { t } = useTranslation();
  const config = usePaymentConfig();
  const stripe = useStripe(config.data);

  if (config.isPending) return <LoadingState />;
  if (config.isError) {
    return <ErrorState error={config.error} onRetry={() => void config.refetch()} />;
  }
  if (!config.data.card_payments_available) return <CardsUnavailable />;
  if (stripe.isPending) return <LoadingState label={t('payments.form.loading')} />;
  if (stripe.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
        <Stack gap="sm" align="flex-start">
          <span>{stripe.error.message}</span>
          <Button size="xs" variant="light" color="red" onClick={() => void stripe.refetch()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <CardFields stripe={stripe.data} {...props} />;
}

/** Said wherever a card could be set, when this server takes no cards. */
export function CardsUnavailable() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" icon={<IconInfoCircle aria-hidden />} title={t('payments.unavailable')}>
      {t('payments.unavailableHelp')}
    </Alert>
  );
}

function CardFields({ stripe, orgId, onSaved, onCancel }: CardFormProps & { stripe: Stripe }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const container = useRef<HTMLDivElement>(null);
  const element = useRef<StripeCardElement | null>(null);
  const [cardError, setCardError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    const target = container.current;
    if (!target) return undefined;
    const card = stripe.elements().create('card', { hidePostalCode: true });
    card.mount(target);
    card.on('change', (event) => {
      setCardError(event?.error ? stripeErrorMessage(event.error) : null);
      setFormError(null);
    });
    element.current = card;
    return () => {
      element.current = null;
      card.destroy();
    };
  }, [stripe]);

  const save = useMutation({
    mutationFn: async () => {
      const card = element.current;
      if (!card) throw new CardSetupError(null);
      const setup = await unwrap(
        api.POST('/api/v1/buyer-organizations/{org_id}/payment-methods/setup-intent', {
          params: { path: { org_id: orgId } },
        }),
      );
      const result = await stripe.confirmCardSetup(setup.client_secret, {
        payment_method: { card },
      });
      if (result.error || !result.setupIntent) throw new CardSetupError(result.error);
      const method = result.setupIntent.payment_method;
      const methodId = typeof method === 'string' ? method : method?.id;
      if (!methodId) throw new CardSetupError(null);
      return unwrap(
        api.POST('/api/v1/buyer-organizations/{org_id}/payment-methods', {
          params: { path: { org_id: orgId } },
          body: { payment_method_id: methodId },
        }),
      );
    },
    onMutate: () => {
      setCardError(null);
      setFormError(null);
    },
    onSuccess: async (card) => {
      await rememberCard(queryClient, orgId, card);
      onSaved(card);
    },
    onError: (error) => {
      // About the card (a decline): next to the field. Anything else: above the buttons.
      if (error instanceof CardSetupError) setCardError(error.message);
      else if (error instanceof ApiError && error.status === 402) setCardError(errorMessage(error));
      else setFormError(errorMessage(error));
    },
  });

  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text id={labelId} component="span" size="sm" fw={500}>
          {t('payments.form.card')}
        </Text>
        <Text id={hintId} component="span" size="xs" c="dimmed">
          {t('payments.form.cardHint')}
        </Text>
        <Box
          ref={container}
          role="group"
          aria-labelledby={labelId}
          aria-describedby={cardError ? `${errorId} ${hintId}` : hintId}
          aria-busy={save.isPending}
          data-invalid={cardError ? true : undefined}
          style={{
            border: `1px solid ${cardError ? 'var(--mantine-color-error)' : 'var(--mantine-color-default-border)'}`,
            borderRadius: 'var(--mantine-radius-sm)',
            padding: '10px 12px',
            minHeight: 40,
            background: 'var(--mantine-color-body)',
          }}
        />
        {cardError ? (
          <Text id={errorId} size="sm" c="red" role="alert">
            {cardError}
          </Text>
        ) : null}
      </Stack>
      {formError ? (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {formError}
        </Alert>
      ) : null}
      <Group justify="space-between" gap="sm">
        <Group gap={4} c="dimmed">
          <IconLock size={14} aria-hidden />
          <Text size="xs">{t('payments.form.secure')}</Text>
        </Group>
        <Group gap="sm">
          {onCancel ? (
            <Button variant="default" onClick={onCancel} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            aria-describedby={save.isPending ? `${id}-progress` : undefined}
          >
            {t('payments.form.register')}
          </Button>
        </Group>
      </Group>
      <Text id={`${id}-progress`} size="sm" c="dimmed" role="status" aria-live="polite">
        {save.isPending ? t('payments.form.saving') : ''}
      </Text>
    </Stack>
  );
}
