import { Group, List, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { TermsSummary } from '../../components/TermsSummary';
import type { Schemas } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { formatMoney, formatPercent } from '../../lib/money';
import { useCountryName } from '../../lib/queries';
import { cardSummaryName } from '../payments/paymentChoice';
import { actorSideLabel, formatDay, paymentMethodLabel, statusLabel } from './labels';
import { OrderStatusBadge } from './OrderStatusBadge';
import { statusColor } from './status';

export type BrandOrder = Schemas['OrderRead'];
export type BuyerOrder = Schemas['BuyerOrderRead'];
type AnyOrder = BrandOrder | BuyerOrder;
export type Line = Schemas['OrderLineRead'] | Schemas['BuyerOrderLineRead'];

/** A titled card of the detail page. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** Number, status, placed date and the other party, above everything else. */
export function OrderHeader({ order, party }: { order: AnyOrder; party: 'brand' | 'buyer' }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap="sm" align="center">
        <Title order={2}>{t('orders.detail.title', { number: order.number })}</Title>
        <OrderStatusBadge status={order.status} />
      </Group>
      <Text c="dimmed" size="sm">
        {[
          party === 'brand' ? order.brand_name : order.buyer.name,
          order.catalog_name,
          t('orders.detail.placedOn', { date: formatDateTime(order.created_at, i18n.language) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}

/** Total quantity, subtotal, shipping, tax per rate, total and (with a deposit) its split. */
export function OrderSummary({ amounts }: { amounts: AnyOrder['amounts'] }) {
  const { t, i18n } = useTranslation();
  const money = (minor: number) => formatMoney(minor, amounts.currency, i18n.language);
  const rows: [string, string, boolean?][] = [
    [t('orders.detail.totalQuantity'), amounts.total_quantity.toLocaleString(i18n.language)],
    [t('orders.detail.subtotal'), money(amounts.subtotal)],
    [t('orders.detail.shipping'), money(amounts.shipping_amount)],
    ...amounts.tax_lines.map((line): [string, string] => [
      t('orders.detail.taxLine', {
        name: line.name,
        rate: formatPercent(line.rate, i18n.language),
      }),
      money(line.tax_amount),
    ]),
    [t('orders.detail.total'), money(amounts.total), true],
  ];
  if (amounts.deposit > 0) {
    rows.push([t('orders.detail.deposit'), money(amounts.deposit)]);
    rows.push([t('orders.detail.balance'), money(amounts.balance)]);
  }
  return (
    <Section id="order-summary" title={t('orders.detail.summary')}>
      <Table verticalSpacing={6} withRowBorders={false} data-testid="order-summary">
        <Table.Tbody>
          {rows.map(([label, value, strong]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={strong ? 700 : 500}>
                {label}
              </Table.Th>
              <Table.Td ta="end" fw={strong ? 700 : undefined} style={{ whiteSpace: 'nowrap' }}>
                {value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function Address({ address }: { address: AnyOrder['billing_address'] }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  if (!address) return <Text c="dimmed">{t('orders.detail.noAddress')}</Text>;
  const lines = [
    address.recipient,
    address.line1,
    address.line2,
    [address.city, address.state, address.postal_code].filter(Boolean).join(', '),
    countryName(address.country),
    address.phone,
  ].filter(Boolean);
  return (
    <Text component="address" style={{ fontStyle: 'normal' }} size="sm">
      {lines.map((line, index) => (
        <span key={index}>
          {line}
          <br />
        </span>
      ))}
    </Text>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600} component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** Buyer, brand, catalog, payment method, addresses and the terms of the order. */
export function TransactionDetails({ order }: { order: AnyOrder }) {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const { buyer } = order;
  return (
    <Section id="order-transaction" title={t('orders.detail.transaction')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
        <Field label={t('orders.detail.buyer')}>
          {buyer.name}
          <br />
          {countryName(buyer.country)}
          {buyer.customer_code ? (
            <>
              <br />
              {t('orders.detail.customerCode')}: {buyer.customer_code}
            </>
          ) : null}
        </Field>
        <Field label={t('orders.detail.contact')}>
          {buyer.representative ? (
            <>
              {buyer.representative}
              <br />
            </>
          ) : null}
          {buyer.contact_email || buyer.email}
          {buyer.phone ? (
            <>
              <br />
              {buyer.phone}
            </>
          ) : null}
        </Field>
        <Field label={t('orders.detail.brand')}>{order.brand_name}</Field>
        <Field label={t('orders.detail.catalog')}>{order.catalog_name}</Field>
        <Field label={t('orders.detail.paymentMethod')}>
          {paymentMethodLabel(t, order.payment_method)}
          {order.payment ? (
            <>
              <br />
              <span data-testid="order-payment">
                {t('payments.order.summary', {
                  status: t(`payments.status.${order.payment.status}`),
                  card: cardSummaryName(order.payment.card),
                  amount: formatMoney(order.payment.amount, order.payment.currency, i18n.language),
                })}
              </span>
            </>
          ) : null}
        </Field>
        <div />
        <Field label={t('orders.detail.billingAddress')}>
          <Address address={order.billing_address} />
        </Field>
        <Field label={t('orders.detail.deliveryAddress')}>
          <Address address={order.delivery_address} />
        </Field>
      </SimpleGrid>
      {order.terms ? <TermsSummary terms={order.terms} caption={t('orders.detail.terms')} /> : null}
    </Section>
  );
}

function lineName(line: Line): string {
  return [line.product_name, line.sku_label || line.sku_code].filter(Boolean).join(' — ');
}

/** The ordered lines: product, SKU, options, delivery date, prices. */
export function OrderLines({ lines, currency }: { lines: Line[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const money = (minor: number) => formatMoney(minor, currency, i18n.language);
  return (
    <Section id="order-lines" title={t('orders.detail.lines')}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" aria-labelledby="order-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('orders.detail.product')}</Table.Th>
              <Table.Th scope="col">{t('orders.detail.sku')}</Table.Th>
              <Table.Th scope="col">{t('orders.detail.options')}</Table.Th>
              <Table.Th scope="col">{t('orders.detail.deliveryDate')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('orders.detail.unitPrice')}
              </Table.Th>
              <Table.Th scope="col" ta="end">
                {t('orders.detail.quantity')}
              </Table.Th>
              <Table.Th scope="col" ta="end">
                {t('orders.detail.amount')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => (
              <Table.Tr key={`${line.sku_id ?? line.sku_code}-${index}`}>
                <Table.Th scope="row" fw={500}>
                  <Text size="sm" fw={600}>
                    {line.product_name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {line.model_number}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <Text size="sm">{line.sku_label}</Text>
                  <Text size="xs" c="dimmed">
                    {line.sku_code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {line.options.length > 0 ? (
                    <List size="sm" listStyleType="none" spacing={0}>
                      {line.options.map((option, at) => (
                        <List.Item key={at}>
                          {option.labels.join(' / ')} × {option.quantity}
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  {line.desired_delivery_date
                    ? formatDay(line.desired_delivery_date, i18n.language)
                    : '—'}
                </Table.Td>
                <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                  {money(line.unit_price)}
                </Table.Td>
                <Table.Td ta="end">
                  {line.quantity.toLocaleString(i18n.language)}
                  {line.backordered_quantity > 0 ? (
                    <Text size="xs" c="orange">
                      {t('orders.detail.backordered', { count: line.backordered_quantity })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                  {money(line.amount)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

/** The lines' texts of one kind (messages to the brand, internal notes), by product and SKU. */
export function LineTexts({
  id,
  title,
  help,
  empty,
  entries,
}: {
  id: string;
  title: string;
  help?: string;
  empty: string;
  entries: { line: Line; text: string }[];
}) {
  const shown = entries.filter((entry) => entry.text.trim() !== '');
  return (
    <Section id={id} title={title}>
      {help ? (
        <Text size="sm" c="dimmed">
          {help}
        </Text>
      ) : null}
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {shown.map(({ line, text }, index) => (
            <li key={index}>
              <Text size="xs" c="dimmed">
                {lineName(line)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {text}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}

export function OrderComment({ comment }: { comment: string }) {
  const { t } = useTranslation();
  return (
    <Section id="order-comment" title={t('orders.detail.comment')}>
      <Text size="sm" c={comment ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
        {comment || t('orders.detail.noComment')}
      </Text>
    </Section>
  );
}

/** Every status change, oldest first: status, who (and on which side), when, the note. */
export function OrderHistory({ events }: { events: AnyOrder['events'] }) {
  const { t, i18n } = useTranslation();
  const ordered = [...events].sort((a, b) => a.created_at.localeCompare(b.created_at));
  return (
    <Section id="order-history" title={t('orders.detail.history')}>
      <Timeline
        active={ordered.length - 1}
        bulletSize={22}
        lineWidth={2}
        aria-labelledby="order-history"
        component="ol"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {ordered.map((event, index) => (
          <Timeline.Item
            key={`${event.created_at}-${index}`}
            component="li"
            color={statusColor(event.status)}
            bullet={<IconCircleCheck size={14} aria-hidden />}
            title={statusLabel(t, event.status)}
          >
            <Text size="sm">
              {t('orders.detail.by', {
                name: event.actor_name,
                side: actorSideLabel(t, event.actor_side),
              })}
            </Text>
            <Text size="xs" c="dimmed">
              <time dateTime={event.created_at}>
                {formatDateTime(event.created_at, i18n.language)}
              </time>
            </Text>
            {event.note ? (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {event.note}
              </Text>
            ) : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Section>
  );
}
