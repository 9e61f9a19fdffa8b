import {
  Alert,
  Anchor,
  Button,
  Group,
  Radio,
  Select,
  Stack,
  Stepper,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LoadingState } from '../../components/QueryState';
import { formatMoney } from '../../lib/money';
import { ApiError, fieldPath } from '../../lib/problem';
import { AddressFormModal } from '../buyer/AddressFormModal';
import {
  CardPicker,
  loadStripe,
  paymentConfigQuery,
  placeOrder as placeWithCard,
  type PaymentValue,
} from '../payments';
import type { Address, AddressKind } from '../buyer/addressForm';
import {
  cartKeys,
  checkoutQuery,
  placeOrder,
  previewOrder,
  sendOrder,
  type Cart,
  type CartAccess,
  type Checkout,
  type OrderForm,
  type OrderPreview,
  type PlacedOrder,
} from './cartApi';
import { cartCodeMessage, cartErrorMessage } from './cartErrors';
import { AttemptKey, lineErrors, type LineError } from './cartForm';
import { OrderPreviewView } from './OrderPreviewView';

const COMMENT = 0;
const DETAILS = 1;
const PREVIEW = 2;
const DONE = 3;

function addressLabel(address: Address): string {
  return [address.recipient, address.line1, address.city, address.country]
    .filter(Boolean)
    .join(', ');
}

/**
 * The order form of a cart: comment → Next → payment method, billing and delivery address,
 * shipping fee → Next → preview → Place an order → the order number. Everything typed stays
 * while the buyer goes back and forth, and when the API refuses.
 */
export function OrderFlow({
  access,
  cart,
  orgId,
  locale,
  onLineErrors,
  onPlaced,
  onCancel,
}: {
  access: CartAccess;
  cart: Cart;
  /** The buyer organization ordering (for its address book). */
  orgId: string;
  locale: string;
  onLineErrors: (errors: LineError[]) => void;
  onPlaced?: (order: PlacedOrder) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const checkout = useQuery(checkoutQuery(access, cart.id, locale));
  // Once loaded, a failed refetch (the cart changed under the buyer) keeps the form and what
  // was typed: the refusal is shown by the step that met it.
  if (checkout.data === undefined) {
    if (checkout.isPending) return <LoadingState />;
    return (
      <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
        <Stack gap="xs" align="flex-start">
          <span>{cartErrorMessage(checkout.error)}</span>
          <Button size="xs" variant="light" color="red" onClick={() => void checkout.refetch()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <OrderSteps
      access={access}
      cart={cart}
      orgId={orgId}
      locale={locale}
      checkout={checkout.data}
      refetch={async () => (await checkout.refetch()).data}
      onLineErrors={onLineErrors}
      onPlaced={onPlaced}
      onCancel={onCancel}
    />
  );
}

type FieldErrors = Partial<Record<keyof OrderForm, string>>;

function OrderSteps({
  access,
  cart,
  orgId,
  locale,
  checkout,
  refetch,
  onLineErrors,
  onPlaced,
  onCancel,
}: {
  access: CartAccess;
  cart: Cart;
  orgId: string;
  locale: string;
  checkout: Checkout;
  refetch: () => Promise<Checkout | undefined>;
  onLineErrors: (errors: LineError[]) => void;
  onPlaced?: (order: PlacedOrder) => void;
  onCancel?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(COMMENT);
  const [form, setForm] = useState<OrderForm>(() => ({
    comment: '',
    payment_method: checkout.payment_methods[0]?.code ?? 'offline',
    billing_address_id: checkout.default_billing_address_id,
    delivery_address_id: checkout.default_delivery_address_id,
  }));
  // The card step's choice (`card_step`): a saved card or "Not Use Credit Card"; null until chosen.
  const [paymentChoice, setPaymentChoice] = useState<PaymentValue | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [preview, setPreview] = useState<OrderPreview | null>(null);
  const [placed, setPlaced] = useState<PlacedOrder | null>(null);
  const [refusedLines, setRefusedLines] = useState<LineError[]>([]);
  const [addressModal, setAddressModal] = useState<{
    kind: AddressKind;
    address: Address | null;
  } | null>(null);
  const attempt = useRef(new AttemptKey());
  const headingRef = useRef<HTMLHeadingElement>(null);

  const set = (change: Partial<OrderForm>) => {
    setForm((current) => ({ ...current, ...change }));
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([key]) => !(key in change))),
    );
  };

  const goTo = (next: number) => {
    setStep(next);
    setFormError(null);
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  /** A refusal: field errors next to their fields, line errors next to the lines. */
  const refused = (error: unknown) => {
    const fields: FieldErrors = {};
    if (error instanceof ApiError) {
      for (const each of error.problem.errors ?? []) {
        const path = fieldPath(each.loc);
        if (
          path === 'billing_address_id' ||
          path === 'delivery_address_id' ||
          path === 'payment_method' ||
          path === 'comment'
        ) {
          fields[path] ??= cartCodeMessage(each.type, each.msg);
        }
      }
      const lines = lineErrors(error.problem.errors ?? []).map((line) => ({
        ...line,
        message: cartCodeMessage(line.code, line.message),
      }));
      setRefusedLines(lines);
      onLineErrors(lines);
    }
    setErrors(fields);
    if (fields.comment) setStep(COMMENT);
    else if (Object.keys(fields).length > 0) setStep(DETAILS);
    setFormError(cartErrorMessage(error));
  };

  const offlineOffered = checkout.payment_methods.some((each) => each.code === 'offline');
  /** What is sent: with the card step, its choice decides the payment method (and card). */
  const sent: OrderForm =
    checkout.card_step && paymentChoice
      ? {
          ...form,
          payment_method: paymentChoice.payment_method,
          payment_method_id:
            paymentChoice.payment_method === 'card'
              ? (paymentChoice.payment_method_id ?? null)
              : null,
        }
      : form;

  const validateDetails = (): boolean => {
    const found: FieldErrors = {};
    if (checkout.card_step && !paymentChoice) {
      found.payment_method = t('payments.picker.required');
    }
    if (checkout.require_address) {
      if (!form.billing_address_id) found.billing_address_id = t('cart.checkout.addressRequired');
      if (!form.delivery_address_id) {
        found.delivery_address_id = t('cart.checkout.addressRequired');
      }
    }
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  const previewing = useMutation({
    mutationFn: () => previewOrder(access, cart.id, sent, locale),
    onSuccess: (data) => {
      setPreview(data);
      setRefusedLines([]);
      onLineErrors([]);
      goTo(PREVIEW);
    },
    onError: refused,
  });

  const placing = useMutation({
    mutationFn: () => {
      if (sent.payment_method !== 'card') {
        return placeOrder(access, cart.id, sent, attempt.current.for(sent), locale);
      }
      // By card: every attempt has its own key; 3-D Secure goes through Stripe.js.
      return placeWithCard(
        ({ idempotencyKey, payment_intent_id }) =>
          sendOrder(
            access,
            cart.id,
            { ...sent, payment_intent_id: payment_intent_id ?? null },
            idempotencyKey,
            locale,
          ),
        {
          stripe: async () => loadStripe(await queryClient.query(paymentConfigQuery)),
        },
      );
    },
    onSuccess: async (order) => {
      attempt.current.finish();
      setPlaced(order);
      setRefusedLines([]);
      onLineErrors([]);
      goTo(DONE);
      onPlaced?.(order);
      await queryClient.invalidateQueries({ queryKey: cartKeys.all });
    },
    onError: async (error) => {
      // An answer ends the attempt; a lost connection may be retried with the same key.
      if (error instanceof ApiError && error.status !== 503) attempt.current.finish();
      refused(error);
      await queryClient.invalidateQueries({ queryKey: cartKeys.all });
    },
  });

  // The shipping fee for the chosen delivery address, as the preview computes it (before a card
  // is chosen, as if paid offline when that is offered).
  const shippingForm: OrderForm =
    checkout.card_step && !paymentChoice && offlineOffered
      ? { ...form, payment_method: 'offline', payment_method_id: null }
      : sent;
  const shipping = useQuery({
    queryKey: [...cartKeys.all, 'shipping', cart.id, cart.updated_at, shippingForm, locale],
    queryFn: () => previewOrder(access, cart.id, shippingForm, locale),
    enabled: step === DETAILS,
    retry: false,
  });

  const errorsBySku = useMemo(() => {
    const map = new Map<string, string>();
    for (const line of refusedLines) {
      const item = cart.items.find((each) => each.id === line.itemId);
      const sku = line.skuIndex === null ? undefined : item?.skus[line.skuIndex];
      if (sku) map.set(sku.sku_id, line.message);
    }
    return map;
  }, [refusedLines, cart.items]);

  const money = (amount: number) => formatMoney(amount, checkout.amounts.currency, i18n.language);
  const stepTitles = [
    t('cart.checkout.stepComment'),
    t('cart.checkout.stepDetails'),
    t('cart.checkout.stepPreview'),
  ];
  const heading = (index: number) => (
    <Title order={3} size="h4" ref={headingRef} tabIndex={-1} mt="md" mb="sm">
      {stepTitles[index]}
    </Title>
  );

  const closeAddressModal = async () => {
    const opened = addressModal;
    setAddressModal(null);
    if (!opened) return;
    const field = opened.kind === 'billing' ? 'billing_address_id' : 'delivery_address_id';
    const listed = (data: Checkout) =>
      opened.kind === 'billing' ? data.billing_addresses : data.delivery_addresses;
    const before = new Set(listed(checkout).map((each) => each.id));
    const next = await refetch();
    if (!next) return;
    const created = listed(next).find((each) => !before.has(each.id));
    if (created) set({ [field]: created.id });
  };

  const addressField = (kind: AddressKind) => {
    const field = kind === 'billing' ? 'billing_address_id' : 'delivery_address_id';
    const addresses = kind === 'billing' ? checkout.billing_addresses : checkout.delivery_addresses;
    const selected = addresses.find((each) => each.id === form[field]) ?? null;
    return (
      <Stack gap="xs">
        <Select
          label={t(`cart.checkout.${kind}Address`)}
          placeholder={
            addresses.length === 0 ? t('cart.checkout.noSavedAddress') : t('common.choose')
          }
          data={addresses.map((each) => ({ value: each.id, label: addressLabel(each) }))}
          value={form[field] ?? null}
          onChange={(value) => set({ [field]: value })}
          clearable={!checkout.require_address}
          withAsterisk={checkout.require_address}
          error={errors[field]}
        />
        <Group gap="xs">
          {selected ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => setAddressModal({ kind, address: selected })}
            >
              {t(`cart.checkout.edit.${kind}`)}
            </Button>
          ) : null}
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAddressModal({ kind, address: null })}
          >
            {t(`buyer.addresses.create.${kind}`)}
          </Button>
        </Group>
      </Stack>
    );
  };

  const choosesPayment = checkout.card_step || checkout.payment_methods.length > 1;
  const payment = checkout.payment_methods.find((each) => each.code === form.payment_method);

  const ordersHref = `/buyer/${orgId}/orders`;

  return (
    <Stack gap="md">
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={stepTitles[COMMENT]}>
          {heading(COMMENT)}
          {checkout.comment.mode === 'free_text' ? (
            <Textarea
              label={t('cart.checkout.comment')}
              description={t('cart.checkout.commentHelp')}
              autosize
              minRows={3}
              maxLength={2000}
              value={form.comment}
              onChange={(event) => set({ comment: event.currentTarget.value })}
              error={errors.comment}
            />
          ) : checkout.comment.mode === 'presets' ? (
            <Select
              label={t('cart.checkout.comment')}
              description={t('cart.checkout.commentPresetHelp')}
              placeholder={t('common.choose')}
              data={checkout.comment.presets}
              value={form.comment || null}
              onChange={(value) => set({ comment: value ?? '' })}
              clearable
              error={errors.comment}
            />
          ) : (
            <Text size="sm">{t('cart.checkout.commentOff')}</Text>
          )}
        </Stepper.Step>
        <Stepper.Step label={stepTitles[DETAILS]}>
          {heading(DETAILS)}
          <Stack gap="md">
            {checkout.card_step ? (
              <CardPicker
                orgId={orgId}
                value={paymentChoice}
                onChange={(value) => {
                  setPaymentChoice(value);
                  setErrors((current) =>
                    Object.fromEntries(
                      Object.entries(current).filter(([key]) => key !== 'payment_method'),
                    ),
                  );
                }}
                offline={offlineOffered}
                error={errors.payment_method}
              />
            ) : choosesPayment ? (
              <Radio.Group
                label={t('cart.checkout.paymentMethod')}
                value={form.payment_method}
                onChange={(value) => set({ payment_method: value })}
                error={errors.payment_method}
              >
                <Stack gap="xs" mt="xs">
                  {checkout.payment_methods.map((each) => (
                    <Radio key={each.code} value={each.code} label={each.label} />
                  ))}
                </Stack>
              </Radio.Group>
            ) : (
              <Text size="sm">
                <Text span fw={600}>
                  {t('cart.checkout.paymentMethod')}:
                </Text>{' '}
                {payment?.label ?? t('cart.checkout.offline')}
                {errors.payment_method ? (
                  <Text c="red" size="sm" role="alert">
                    {errors.payment_method}
                  </Text>
                ) : null}
              </Text>
            )}
            {addressField('billing')}
            {addressField('delivery')}
            <Text size="sm" aria-live="polite">
              <Text span fw={600}>
                {t('cart.checkout.shipping')}:
              </Text>{' '}
              <span data-testid="shipping-fee">
                {shipping.data
                  ? money(shipping.data.amounts.shipping_amount)
                  : shipping.isFetching
                    ? t('common.loading')
                    : t('cart.checkout.shippingLater')}
              </span>
            </Text>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={stepTitles[PREVIEW]}>
          {heading(PREVIEW)}
          {preview ? <OrderPreviewView preview={preview} errorsBySku={errorsBySku} /> : null}
        </Stepper.Step>
        <Stepper.Completed>
          {placed ? (
            <Alert
              mt="md"
              color="green"
              icon={<IconCircleCheck aria-hidden />}
              title={t('cart.checkout.placedTitle')}
              role="status"
            >
              <Stack gap="xs">
                <Text>
                  {t('cart.checkout.placedText')}{' '}
                  <Text span fw={700} data-testid="order-number">
                    {placed.number}
                  </Text>
                </Text>
                <Group gap="md">
                  <Anchor href={`${ordersHref}/${placed.id}`}>
                    {t('cart.checkout.viewOrder', { number: placed.number })}
                  </Anchor>
                  <Anchor href={ordersHref}>{t('cart.checkout.allOrders')}</Anchor>
                </Group>
              </Stack>
            </Alert>
          ) : null}
        </Stepper.Completed>
      </Stepper>

      {formError ? (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {formError}
        </Alert>
      ) : null}

      <Group justify="space-between">
        {step === COMMENT && onCancel ? (
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : step > COMMENT && step < DONE ? (
          <Button
            variant="default"
            onClick={() => goTo(step - 1)}
            disabled={placing.isPending || previewing.isPending}
          >
            {t('common.back')}
          </Button>
        ) : (
          <span />
        )}
        {step === COMMENT ? (
          <Button onClick={() => goTo(DETAILS)}>{t('common.next')}</Button>
        ) : null}
        {step === DETAILS ? (
          <Button
            loading={previewing.isPending}
            onClick={() => {
              if (validateDetails()) previewing.mutate();
            }}
          >
            {t('common.next')}
          </Button>
        ) : null}
        {step === PREVIEW ? (
          <Button loading={placing.isPending} onClick={() => placing.mutate()}>
            {t('cart.checkout.place')}
          </Button>
        ) : null}
        {step === DONE && onCancel ? <Button onClick={onCancel}>{t('common.close')}</Button> : null}
      </Group>

      <AddressFormModal
        orgId={orgId}
        kind={addressModal?.kind ?? 'billing'}
        address={addressModal?.address ?? null}
        defaultCountry={checkout.buyer.country}
        opened={addressModal !== null}
        onClose={() => void closeAddressModal()}
      />
    </Stack>
  );
}
