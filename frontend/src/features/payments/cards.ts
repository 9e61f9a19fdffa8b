import { queryOptions, type QueryClient } from '@tanstack/react-query';

import { api } from '../../lib/api';
import { unwrap } from '../../lib/problem';
import type { SavedCard } from './paymentChoice';
import { paymentsKeys } from './stripe';

/** The organization's saved cards. */
export function cardsQuery(orgId: string) {
  return queryOptions({
    queryKey: paymentsKeys.cards(orgId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/buyer-organizations/{org_id}/payment-methods', {
          params: { path: { org_id: orgId } },
        }),
      ),
  });
}

/** Shows a card just saved at once (pickers can select it), then refreshes the list. */
export async function rememberCard(
  queryClient: QueryClient,
  orgId: string,
  card: SavedCard,
): Promise<void> {
  queryClient.setQueryData(paymentsKeys.cards(orgId), (cards: SavedCard[] | undefined) =>
    cards?.some((each) => each.id === card.id) ? cards : [...(cards ?? []), card],
  );
  await queryClient.invalidateQueries({ queryKey: paymentsKeys.cards(orgId) });
}
