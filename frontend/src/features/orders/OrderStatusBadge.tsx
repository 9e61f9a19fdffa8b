import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { statusLabel } from './labels';
import { statusColor, type OrderStatus } from './status';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor(status)} variant="light" style={{ flexShrink: 0 }}>
      {statusLabel(t, status)}
    </Badge>
  );
}
