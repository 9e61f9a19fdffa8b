import { useQuery } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { json, mockApi, renderWithProviders } from '../../../test/render';
import { brandOrderQuery } from '../../orders/data';
import type { BrandOrder } from '../../orders/OrderParts';
import { OrderActions } from './OrderActions';

const BRAND = '0b6a2f8e-3c1d-4e5f-8a9b-0c1d2e3f4a5b';

function order(status: BrandOrder['status']): BrandOrder {
  return { id: 'f2a1c3d4-0000-4000-8000-000000000001', number: 'ORD-000007', status } as BrandOrder;
}

/** The order page's part that matters here: the order from the API, and its actions. */
function Harness() {
  const current = useQuery(brandOrderQuery(BRAND, order('placed').id));
  return current.data ? <OrderActions brandId={BRAND} order={current.data} /> : null;
}

describe('OrderActions', () => {
  it('shows only the actions the status allows', () => {
    const { unmount } = renderWithProviders(
      <OrderActions brandId={BRAND} order={order('placed')} />,
    );
    const group = screen.getByRole('group', { name: 'Order actions' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Confirm', 'Reject', 'Return to cart']);
    unmount();
    renderWithProviders(<OrderActions brandId={BRAND} order={order('completed')} />);
    expect(screen.queryByRole('group', { name: 'Order actions' })).toBeNull();
    expect(screen.getByText(/This order is closed/)).toBeInTheDocument();
  });

  it('explains returning to the cart before doing it, and sends the note', async () => {
    const user = userEvent.setup();
    const seen = mockApi({
      [`POST /api/v1/brands/${BRAND}/orders/${order('placed').id}/return-to-cart`]: () =>
        json({ ...order('returned_to_cart'), events: [] }),
    });
    renderWithProviders(<OrderActions brandId={BRAND} order={order('placed')} />);
    await user.click(screen.getByRole('button', { name: 'Return to cart' }));
    const dialog = screen.getByRole('dialog', { name: 'Return order ORD-000007 to the cart?' });
    expect(dialog).toHaveTextContent('its lines go back into the buyer’s cart');
    expect(seen).toHaveLength(0);
    await user.type(within(dialog).getByRole('textbox'), 'Sizes changed');
    await user.click(within(dialog).getByRole('button', { name: 'Return to cart' }));
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(await seen[0]?.json()).toEqual({ note: 'Sizes changed' });
  });

  it('shows a 409 with the order’s fresh status', async () => {
    const user = userEvent.setup();
    let status: BrandOrder['status'] = 'placed';
    const path = `/api/v1/brands/${BRAND}/orders/${order('placed').id}`;
    mockApi({
      [`GET ${path}`]: () => json(order(status)),
      [`POST ${path}/confirm`]: () => {
        // Someone else rejected it meanwhile.
        status = 'rejected';
        return json(
          {
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'order.transition_invalid',
            detail: 'An order that is rejected cannot be confirmed.',
          },
          409,
        );
      },
    });
    renderWithProviders(<Harness />);
    await user.click(await screen.findByRole('button', { name: 'Confirm' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This action is no longer possible');
    expect(alert).toHaveTextContent('it is now “Rejected”');
    expect(screen.queryByRole('group', { name: 'Order actions' })).toBeNull();
  });
});
