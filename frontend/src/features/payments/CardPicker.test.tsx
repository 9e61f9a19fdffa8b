import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';

import { json, mockApi, renderWithProviders } from '../../test/render';
import { CardPicker } from './CardPicker';
import type { PaymentValue, SavedCard } from './paymentChoice';
import { resetStripeForTests, type Stripe, type StripeSetupResult } from './stripe';

const ORG = '7b0c5a4e-1d7e-4a8e-9a53-3b1d0c6a2f11';
const BASE = `/api/v1/buyer-organizations/${ORG}/payment-methods`;
const visa: SavedCard = {
  id: 'pm_visa',
  brand: 'visa',
  last4: '4242',
  exp_month: 12,
  exp_year: 2034,
};
const jcb: SavedCard = { id: 'pm_jcb', brand: 'jcb', last4: '0005', exp_month: 1, exp_year: 2030 };

/** A fake Stripe.js: its card Element is one text box; confirmCardSetup answers `result`. */
function installFakeStripe(result: StripeSetupResult) {
  const confirmCardSetup = vi.fn(() => Promise.resolve(result));
  const stripe = {
    elements: () => ({
      create: () => ({
        mount: (target: HTMLElement) => {
          const input = document.createElement('input');
          input.setAttribute('aria-label', 'Card number');
          target.appendChild(input);
        },
        destroy: () => undefined,
        on: () => undefined,
      }),
    }),
    confirmCardSetup,
  } as unknown as Stripe;
  const append = document.head.appendChild.bind(document.head);
  vi.spyOn(document.head, 'appendChild').mockImplementation(<T extends Node>(node: T): T => {
    append(node);
    if (node instanceof HTMLScriptElement) {
      window.Stripe = () => stripe;
      queueMicrotask(() => node.dispatchEvent(new Event('load')));
    }
    return node;
  });
  return confirmCardSetup;
}

function Harness({
  initial,
  offline,
  onValue,
}: {
  initial: PaymentValue | null;
  offline: boolean;
  onValue: (value: PaymentValue | null) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <CardPicker
      orgId={ORG}
      value={value}
      offline={offline}
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

function api(cards: SavedCard[], saved?: SavedCard) {
  const list = [...cards];
  return mockApi({
    'GET /api/v1/payments/config': () =>
      json({
        card_payments_available: true,
        publishable_key: 'pk_test',
        js_url: 'https://stripe.test/v3/',
      }),
    [`GET ${BASE}`]: () => json(list),
    [`POST ${BASE}/setup-intent`]: () =>
      json({ setup_intent_id: 'seti_1', client_secret: 'seti_1_secret_x' }),
    [`POST ${BASE}`]: () => {
      if (saved) list.push(saved);
      return json(saved, 201);
    },
  });
}

afterEach(() => {
  resetStripeForTests();
  delete window.Stripe;
});

describe('CardPicker', () => {
  it('offers the saved cards, a new card and "Not Use Credit Card"', async () => {
    api([visa, jcb]);
    const onValue = vi.fn();
    renderWithProviders(
      <Harness
        initial={{ payment_method: 'card', payment_method_id: 'pm_visa' }}
        offline
        onValue={onValue}
      />,
    );

    const group = await screen.findByRole('radiogroup', { name: 'Payment method' });
    expect(group).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Visa •••• 4242' })).toBeChecked();
    expect(screen.getByText('Expires 12/34')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: 'JCB •••• 0005' }));
    expect(onValue).toHaveBeenLastCalledWith({
      payment_method: 'card',
      payment_method_id: 'pm_jcb',
    });
    await userEvent.click(screen.getByRole('radio', { name: /Not Use Credit Card/ }));
    expect(onValue).toHaveBeenLastCalledWith({ payment_method: 'offline' });
  });

  it('hides "Not Use Credit Card" when the checkout does not offer it', async () => {
    api([visa]);
    renderWithProviders(<Harness initial={null} offline={false} onValue={vi.fn()} />);

    await screen.findByRole('radio', { name: 'Visa •••• 4242' });
    expect(screen.queryByRole('radio', { name: /Not Use Credit Card/ })).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Set a New Card' })).toBeInTheDocument();
  });

  it('sets a new card inline, and selects it once saved', async () => {
    const saved: SavedCard = { ...visa, id: 'pm_new', last4: '1881' };
    const seen = api([], saved);
    const confirmCardSetup = installFakeStripe({
      setupIntent: { id: 'seti_1', status: 'succeeded', payment_method: 'pm_new' },
    });
    const onValue = vi.fn();
    renderWithProviders(<Harness initial={null} offline onValue={onValue} />);

    await userEvent.click(await screen.findByRole('radio', { name: 'Set a New Card' }));
    expect(onValue).toHaveBeenLastCalledWith(null);
    expect(await screen.findByRole('group', { name: 'Card' })).toBeInTheDocument();
    await screen.findByRole('textbox', { name: 'Card number' });
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));

    await waitFor(() =>
      expect(onValue).toHaveBeenLastCalledWith({
        payment_method: 'card',
        payment_method_id: 'pm_new',
      }),
    );
    expect(confirmCardSetup).toHaveBeenCalledWith('seti_1_secret_x', expect.anything());
    expect(await screen.findByRole('radio', { name: 'Visa •••• 1881' })).toBeChecked();
    expect(screen.queryByRole('group', { name: 'Card' })).not.toBeInTheDocument();
    const register = seen.find(
      (request) => request.method === 'POST' && request.url.endsWith(BASE),
    );
    expect(await register?.json()).toEqual({ payment_method_id: 'pm_new' });
  });

  it('shows a decline next to the card field and saves nothing', async () => {
    const seen = api([]);
    installFakeStripe({ error: { message: 'Your card was declined.', code: 'card_declined' } });
    const onValue = vi.fn();
    renderWithProviders(<Harness initial={null} offline onValue={onValue} />);

    await userEvent.click(await screen.findByRole('radio', { name: 'Set a New Card' }));
    await screen.findByRole('textbox', { name: 'Card number' });
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));

    const alert = await screen.findByText('Your card was declined.');
    expect(screen.getByRole('group', { name: 'Card' })).toHaveAccessibleDescription(
      expect.stringContaining('Your card was declined.'),
    );
    expect(alert).toHaveAttribute('role', 'alert');
    expect(onValue).toHaveBeenLastCalledWith(null);
    expect(seen.some((request) => request.method === 'POST' && request.url.endsWith(BASE))).toBe(
      false,
    );
  });
});
