import { screen, within } from '@testing-library/react';

import { renderWithProviders } from '../../test/render';
import { ConnectedBrandCard, type ConnectedBrand } from './ConnectedBrandCard';

const brand: ConnectedBrand = {
  brand_id: '1b0c8a52-5f1e-4a53-9d3c-3d1f1a2b3c4d',
  name: { en: 'Kumo Knit', ja: 'クモニット' },
  description: { en: 'Knitwear from Osaka.' },
  default_language: 'en',
  logo_url: null,
  customer_code: 'C00007',
  terms: {
    transaction_term: 'WSP',
    transaction_term_kind: 'rate',
    condition: '60',
    currency: 'JPY',
    billing_term: 'with_deposit',
    deposit_percent: '30',
  },
  catalogs: [
    {
      id: 'a1',
      name: { en: 'Spring/Summer 2026' },
      description: {},
      status: 'open',
      main_visual_url: null,
      release_at: '2026-01-10T00:00:00Z',
      order_deadline: '2026-03-31T09:00:00Z',
      ordering_open: true,
    },
    {
      id: 'a2',
      name: { en: 'Autumn/Winter 2025' },
      description: {},
      status: 'open',
      main_visual_url: null,
      release_at: '2025-06-01T00:00:00Z',
      order_deadline: '2025-08-31T09:00:00Z',
      ordering_open: false,
    },
  ],
};

describe('ConnectedBrandCard', () => {
  it('shows the brand, my customer code and terms, and its catalogs as cards', () => {
    renderWithProviders(
      <ul>
        <ConnectedBrandCard brand={brand} />
      </ul>,
    );
    const card = screen.getByRole('listitem', { name: 'Kumo Knit' });
    expect(card).toHaveTextContent('Your customer code: C00007');
    expect(card).toHaveTextContent('Knitwear from Osaka.');
    const terms = within(card).getByRole('table', { name: 'Your terms' });
    expect(terms).toHaveTextContent('60% of WSP');
    expect(terms).toHaveTextContent('With Deposit (Deposit Condition: 30%)');

    const open = within(card).getByRole('listitem', { name: 'Spring/Summer 2026' });
    expect(open).toHaveTextContent('Order deadline:');
    expect(open).not.toHaveTextContent('Ordering closed');
    // No link yet: catalog pages come with ordering.
    expect(within(card).queryByRole('link')).not.toBeInTheDocument();
  });

  it('says "Ordering closed" for a catalog past its order deadline', () => {
    renderWithProviders(
      <ul>
        <ConnectedBrandCard brand={brand} />
      </ul>,
    );
    const closed = screen.getByRole('listitem', { name: 'Autumn/Winter 2025' });
    expect(closed).toHaveTextContent('Ordering closed');
    expect(closed).not.toHaveTextContent('Order deadline:');
  });
});
