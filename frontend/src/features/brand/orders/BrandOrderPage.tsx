import { Group, SimpleGrid, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { AnchorLink } from '../../../components/links';
import { ErrorState, LoadingState } from '../../../components/QueryState';
import { usePageTitle } from '../../../lib/usePageTitle';
import { brandOrderQuery } from '../../orders/data';
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
import { OrderActions } from './OrderActions';

const route = getRouteApi('/_authenticated/brand/$brandId/orders/$orderId');

/** One order as the brand sees it (never the buyer's internal notes), with its actions. */
export function BrandOrderPage() {
  const { t } = useTranslation();
  const { brandId, orderId } = route.useParams();
  const order = useQuery(brandOrderQuery(brandId, orderId));
  usePageTitle(order.data ? t('orders.detail.title', { number: order.data.number }) : null);

  return (
    <Stack gap="lg">
      <Group>
        <AnchorLink
          to="/brand/$brandId/orders"
          params={{ brandId }}
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
          <OrderHeader order={order.data} party="buyer" />
          <OrderActions brandId={brandId} order={order.data} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <OrderSummary amounts={order.data.amounts} />
            <OrderHistory events={order.data.events} />
          </SimpleGrid>
          <TransactionDetails order={order.data} />
          <OrderLines lines={order.data.lines} currency={order.data.amounts.currency} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
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
