import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { Schemas } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { OrderStatusBadge } from './OrderStatusBadge';

export type OrderListItem = Schemas['OrderListItem'];

/**
 * An orders list: number (a link to the order), placed on, the other party (the brand for a
 * buyer, the buyer for a brand), catalog, status, quantity and total.
 */
export function OrdersTable({
  items,
  party,
  numberCell,
}: {
  items: OrderListItem[];
  party: 'brand' | 'buyer';
  numberCell: (order: OrderListItem) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={t('orders.listLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('orders.columns.number')}</Table.Th>
            <Table.Th scope="col">{t('orders.columns.placedAt')}</Table.Th>
            <Table.Th scope="col">
              {party === 'brand' ? t('orders.columns.brand') : t('orders.columns.buyer')}
            </Table.Th>
            <Table.Th scope="col">{t('orders.columns.catalog')}</Table.Th>
            <Table.Th scope="col">{t('orders.columns.status')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('orders.columns.quantity')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('orders.columns.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((order) => (
            <Table.Tr key={order.id}>
              <Table.Th scope="row" fw={600}>
                {numberCell(order)}
              </Table.Th>
              <Table.Td>
                <Text size="sm">{formatDateTime(order.created_at, i18n.language)}</Text>
              </Table.Td>
              <Table.Td>{party === 'brand' ? order.brand_name : order.buyer_name}</Table.Td>
              <Table.Td>{order.catalog_name}</Table.Td>
              <Table.Td>
                <OrderStatusBadge status={order.status} />
              </Table.Td>
              <Table.Td ta="end">{order.total_quantity.toLocaleString(i18n.language)}</Table.Td>
              <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(order.total, order.currency, i18n.language)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
