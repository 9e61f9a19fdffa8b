import { Group, SimpleGrid, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { AnchorLink } from '../../../components/links';
import { ErrorState, LoadingState } from '../../../components/QueryState';
import { usePageTitle } from '../../../lib/usePageTitle';
import { buyerOrderQuery } from '../../orders/data';
import {
  LineTexts,
  OrderComment,
  OrderHeader,
  OrderHistory,
  OrderLines,
  OrderSummary,
  TransactionDetails,
} from '../../orders/OrderParts';
import { uniqueTexts } from '../../orders/lines';

const route = getRouteApi('/_authenticated/buyer/$orgId/orders/$orderId');

/** One order as the buyer placed it, internal notes included, with its status history. */
export function BuyerOrderPage() {
  const { t } = useTranslation();
  const { orgId, orderId } = route.useParams();
  const order = useQuery(buyerOrderQuery(orgId, orderId));
  usePageTitle(order.data ? t('orders.detail.title', { number: order.data.number }) : null);

  return (
    <Stack gap="lg">
      <Group>
        <AnchorLink
          to="/buyer/$orgId/orders"
          params={{ orgId }}
          size="sm"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          <IconArrowLeft size={16} aria-hidden />
          {t('orders.back')}
        </AnchorLink>
      </Group>
      {order.isPending ? <LoadingState /> : null}
      {order.isError ? (
        <ErrorState error={order.error} onRetry={() => void order.refetch()} />
      ) : null}
      {order.data ? (
        <>
          <OrderHeader order={order.data} party="brand" />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <OrderSummary amounts={order.data.amounts} />
            <OrderHistory events={order.data.events} />
          </SimpleGrid>
          <TransactionDetails order={order.data} />
          <OrderLines lines={order.data.lines} currency={order.data.amounts.currency} />
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
            <LineTexts
              id="order-notes"
              title={t('orders.detail.notes')}
              help={t('orders.detail.notesHelp')}
              empty={t('orders.detail.noNotes')}
              entries={uniqueTexts(order.data.lines, (line) =>
                'note_to_buyer_company' in line ? line.note_to_buyer_company : '',
              )}
            />
            <LineTexts
              id="order-messages"
              title={t('orders.detail.messages')}
              empty={t('orders.detail.noMessages')}
              entries={uniqueTexts(order.data.lines, (line) => line.message_to_brand)}
            />
            <OrderComment comment={order.data.comment} />
          </SimpleGrid>
        </>
      ) : null}
    </Stack>
  );
}
