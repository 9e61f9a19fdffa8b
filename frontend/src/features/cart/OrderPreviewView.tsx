import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { TermsSummary } from '../../components/TermsSummary';
import type { Schemas } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { formatMoney, formatPercent } from '../../lib/money';
import { cardSummaryName } from '../payments/paymentChoice';
import type { OrderPreview } from './cartApi';

type AddressSnapshot = Schemas['AddressSnapshot'];

export function AddressLines({ address }: { address: AddressSnapshot | null }) {
  const { t } = useTranslation();
  if (!address) return <Text size="sm">{t('cart.checkout.noAddress')}</Text>;
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
      {[
        address.recipient,
        `${address.postal_code} ${address.state} ${address.city}`.trim(),
        address.line1,
        address.line2,
        address.country,
        address.phone,
      ]
        .filter(Boolean)
        .join('\n')}
    </Text>
  );
}

/** The order summary, transaction details and order details of an order about to be placed. */
export function OrderPreviewView({
  preview,
  errorsBySku,
}: {
  preview: OrderPreview;
  /** Refusals of the placement per SKU id. */
  errorsBySku?: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const { amounts } = preview;
  const money = (amount: number) => formatMoney(amount, amounts.currency, i18n.language);
  const summary: [string, string][] = [
    [t('cart.totalQuantity'), String(amounts.total_quantity)],
    [t('cart.subtotal'), money(amounts.subtotal)],
    [t('cart.checkout.shipping'), money(amounts.shipping_amount)],
    ...amounts.tax_lines.map((line): [string, string] => [
      t('cart.checkout.taxLine', {
        name: line.name,
        rate: formatPercent(line.rate, i18n.language),
      }),
      money(line.tax_amount),
    ]),
    [t('cart.checkout.total'), money(amounts.total)],
    ...(amounts.deposit > 0
      ? ([
          [t('cart.checkout.deposit'), money(amounts.deposit)],
          [t('cart.checkout.balance'), money(amounts.balance)],
        ] as [string, string][])
      : []),
  ];
  return (
    <Stack gap="lg">
      <Stack gap="xs" component="section" aria-labelledby="preview-summary">
        <Title order={3} size="h4" id="preview-summary">
          {t('cart.checkout.orderSummary')}
        </Title>
        <Table aria-labelledby="preview-summary" withTableBorder>
          <Table.Tbody>
            {summary.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" fw={500}>
                  {label}
                </Table.Th>
                <Table.Td ta="end" data-testid={`summary-${label}`}>
                  {value}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="preview-transaction">
        <Title order={3} size="h4" id="preview-transaction">
          {t('cart.checkout.transactionDetails')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Card withBorder padding="sm">
            <Text fw={600} size="sm">
              {t('cart.checkout.buyer')}
            </Text>
            <Text size="sm">{preview.buyer.name}</Text>
            <Text size="sm" c="dimmed">
              {preview.buyer.email}
            </Text>
          </Card>
          <Card withBorder padding="sm">
            <Text fw={600} size="sm">
              {t('cart.checkout.billingAddress')}
            </Text>
            <AddressLines address={preview.billing_address} />
          </Card>
          <Card withBorder padding="sm">
            <Text fw={600} size="sm">
              {t('cart.checkout.deliveryAddress')}
            </Text>
            <AddressLines address={preview.delivery_address} />
          </Card>
        </SimpleGrid>
        <Text size="sm">
          <Text span fw={600}>
            {t('cart.checkout.paymentMethod')}:
          </Text>{' '}
          {preview.payment_method === 'card' ? t('cart.checkout.card') : t('cart.checkout.offline')}
        </Text>
        {preview.payment_method === 'card' && preview.card && preview.card_amount !== null ? (
          <Text size="sm" data-testid="card-charge">
            {t(
              amounts.deposit > 0 && preview.card_amount === amounts.deposit
                ? 'cart.checkout.chargedDeposit'
                : 'cart.checkout.charged',
              { card: cardSummaryName(preview.card), amount: money(preview.card_amount) },
            )}
          </Text>
        ) : null}
        {preview.terms ? (
          <TermsSummary terms={preview.terms} caption={t('store.transactionTerms')} />
        ) : null}
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="preview-details">
        <Title order={3} size="h4" id="preview-details">
          {t('cart.checkout.orderDetails')}
        </Title>
        <Text size="sm" c="dimmed">
          {preview.brand_name} · {preview.catalog_name}
        </Text>
        <Table.ScrollContainer minWidth={640}>
          <Table aria-labelledby="preview-details" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cart.checkout.product')}</Table.Th>
                <Table.Th scope="col">{t('store.sku')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('store.priceColumn')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('cart.quantity')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('cart.amount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.lines.map((line, index) => {
                const refused = line.sku_id ? errorsBySku?.get(line.sku_id) : undefined;
                return (
                  <Table.Tr key={`${line.sku_id ?? ''}-${index}`}>
                    <Table.Td>
                      <Stack gap={2}>
                        <Text size="sm" fw={600}>
                          {line.product_name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {line.model_number}
                        </Text>
                        {line.desired_delivery_date ? (
                          <Text size="xs">
                            {t('cart.form.deliveryDate')}:{' '}
                            {formatDate(line.desired_delivery_date, i18n.language)}
                          </Text>
                        ) : null}
                        {line.message_to_brand ? (
                          <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                            {t('cart.form.message')}: {line.message_to_brand}
                          </Text>
                        ) : null}
                        {line.note_to_buyer_company ? (
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                            {t('cart.form.note')}: {line.note_to_buyer_company}
                          </Text>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <Text size="sm">{line.sku_label || line.sku_code}</Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {line.sku_code}
                        </Text>
                        {line.options.map((option, j) => (
                          <Text size="xs" key={j}>
                            {t('cart.optionRow', {
                              labels: option.labels.join(' / '),
                              count: option.quantity,
                            })}
                          </Text>
                        ))}
                        {refused ? (
                          <Text size="sm" c="red" role="alert" data-testid="line-problem">
                            {refused}
                          </Text>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td ta="end">{money(line.unit_price)}</Table.Td>
                    <Table.Td ta="end">{line.quantity}</Table.Td>
                    <Table.Td ta="end">{money(line.amount)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={600}>
            {t('cart.checkout.comment')}:
          </Text>{' '}
          {preview.comment || t('cart.checkout.noComment')}
        </Text>
      </Stack>
    </Stack>
  );
}
