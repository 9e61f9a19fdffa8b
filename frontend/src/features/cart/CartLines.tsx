import { Badge, Button, Card, Group, Image, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconPhoto, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { formatDate } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import type { Cart, CartItem } from './cartApi';
import { cartCodeMessage } from './cartErrors';
import { problemsBySku, type LineError } from './cartForm';
import type { CartMode } from './AddToCartModal';

const plainList = { listStyle: 'none', padding: 0, margin: 0 } as const;

/** A problem next to the line it is about. */
function ProblemText({ code, message }: { code: string; message: string }) {
  return (
    <Text size="sm" c="red" role="alert" data-testid="line-problem">
      <IconAlertTriangle size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
      {cartCodeMessage(code, message)}
    </Text>
  );
}

/** The items of a cart with their SKUs, options, dates, notes and amounts, and the totals. */
export function CartLines({
  cart,
  mode,
  onEdit,
  onRemove,
  removing,
  errors = [],
}: {
  cart: Cart;
  mode: CartMode;
  onEdit?: (item: CartItem) => void;
  onRemove?: (item: CartItem) => void;
  removing?: string | null;
  /** Errors of a refused checkout, pointing at lines. */
  errors?: readonly LineError[];
}) {
  const { t, i18n } = useTranslation();
  const money = (amount: number) => formatMoney(amount, cart.currency, i18n.language);
  return (
    <Stack gap="md">
      <Stack gap="md" component="ul" aria-label={t(`cart.${mode}.items`)} style={plainList}>
        {cart.items.map((item) => {
          const { bySku, general } = problemsBySku(item.problems);
          const mine = errors.filter((error) => error.itemId === item.id);
          return (
            <Card key={item.id} withBorder component="li" aria-label={item.name} padding="md">
              <Stack gap="sm">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    {item.image_url ? (
                      <Image src={item.image_url} alt="" w={64} h={64} radius="sm" fit="cover" />
                    ) : (
                      <Group w={64} h={64} justify="center" bg="gray.1">
                        <IconPhoto size={24} color="gray" aria-hidden />
                      </Group>
                    )}
                    <Stack gap={2}>
                      <Title order={3} size="h5">
                        {item.name}
                      </Title>
                      <Text size="xs" c="dimmed">
                        {item.model_number}
                      </Text>
                    </Stack>
                  </Group>
                  <Stack gap={2} align="flex-end">
                    <Text fw={700} data-testid="item-amount">
                      {money(item.amount)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('cart.quantityCount', { count: item.quantity })}
                    </Text>
                  </Stack>
                </Group>
                {general.map((problem, index) => (
                  <ProblemText key={index} code={problem.code} message={problem.message} />
                ))}
                {mine
                  .filter((error) => error.skuIndex === null)
                  .map((error, index) => (
                    <ProblemText key={`e${index}`} code={error.code} message={error.message} />
                  ))}
                <Table.ScrollContainer minWidth={520}>
                  <Table aria-label={t('cart.skusOf', { name: item.name })} verticalSpacing={4}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('store.sku')}</Table.Th>
                        <Table.Th scope="col" ta="end">
                          {cart.tax_inclusive
                            ? t('store.priceTaxIncluded')
                            : t('store.priceColumn')}
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
                      {item.skus.map((sku, index) => {
                        const problems = bySku.get(index) ?? [];
                        const refused = mine.filter((error) => error.skuIndex === index);
                        return (
                          <Table.Tr key={sku.sku_id}>
                            <Table.Th scope="row" fw={500}>
                              <Stack gap={2}>
                                <span>{sku.label || sku.code}</span>
                                <Text size="xs" c="dimmed" ff="monospace">
                                  {sku.code}
                                </Text>
                                {sku.options.map((option, j) => (
                                  <Text size="xs" key={j}>
                                    {t('cart.optionRow', {
                                      labels: option.labels.join(' / '),
                                      count: option.quantity,
                                    })}
                                  </Text>
                                ))}
                                {problems.map((problem, j) => (
                                  <ProblemText
                                    key={`p${j}`}
                                    code={problem.code}
                                    message={problem.message}
                                  />
                                ))}
                                {refused.map((error, j) => (
                                  <ProblemText
                                    key={`r${j}`}
                                    code={error.code}
                                    message={error.message}
                                  />
                                ))}
                              </Stack>
                            </Table.Th>
                            <Table.Td ta="end">
                              {sku.display_price === null
                                ? t('store.price.none')
                                : money(sku.display_price)}
                            </Table.Td>
                            <Table.Td ta="end" data-testid="sku-quantity">
                              {sku.quantity}
                            </Table.Td>
                            <Table.Td ta="end">
                              {sku.amount === null ? '—' : money(sku.amount)}
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Stack gap={4}>
                  {item.desired_delivery_date ? (
                    <Text size="sm">
                      <Text span fw={600}>
                        {t('cart.form.deliveryDate')}:
                      </Text>{' '}
                      {formatDate(item.desired_delivery_date, i18n.language)}
                    </Text>
                  ) : null}
                  {item.note_to_buyer_company ? (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      <Text span fw={600}>
                        {t('cart.form.note')}:
                      </Text>{' '}
                      {item.note_to_buyer_company}
                    </Text>
                  ) : null}
                  {item.message_to_brand ? (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      <Text span fw={600}>
                        {t('cart.form.message')}:
                      </Text>{' '}
                      {item.message_to_brand}
                    </Text>
                  ) : null}
                </Stack>
                {onEdit || onRemove ? (
                  <Group justify="flex-end" gap="xs">
                    {onEdit ? (
                      <Button
                        variant="light"
                        size="xs"
                        leftSection={<IconPencil size={14} aria-hidden />}
                        onClick={() => onEdit(item)}
                      >
                        {t(`cart.${mode}.editItem`)}
                      </Button>
                    ) : null}
                    {onRemove ? (
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        leftSection={<IconTrash size={14} aria-hidden />}
                        loading={removing === item.id}
                        onClick={() => onRemove(item)}
                      >
                        {t('cart.remove')}
                      </Button>
                    ) : null}
                  </Group>
                ) : null}
              </Stack>
            </Card>
          );
        })}
      </Stack>
      <Card withBorder padding="md">
        <Group justify="space-between">
          <Text>
            {t('cart.totalQuantity')}:{' '}
            <Text span fw={700} data-testid="cart-total-quantity">
              {cart.total_quantity}
            </Text>
          </Text>
          <Text>
            {t('cart.subtotal')}:{' '}
            <Text span fw={700} data-testid="cart-subtotal">
              {money(cart.subtotal)}
            </Text>
          </Text>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {t('cart.subtotalHelp')}
        </Text>
      </Card>
      {cart.problems.length > 0 ? (
        <Stack gap={4}>
          {cart.problems.map((problem, index) => (
            <Badge key={index} color="orange" variant="light" size="lg" radius="sm">
              {cartCodeMessage(problem.code, problem.message)}
            </Badge>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
