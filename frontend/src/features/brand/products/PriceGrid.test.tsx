import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';

import { renderWithProviders } from '../../../test/render';
import { PriceGrid, type GridTerm } from './PriceGrid';
import { validatePrices, type PriceTexts } from './productForm';

const terms: GridTerm[] = [
  { id: 'wsp', code: 'WSP', name: { en: 'Wholesale price' } },
  { id: 'rrp', code: 'RRP', name: { en: 'Recommended retail price' } },
];

function Harness({ onValues }: { onValues: (values: PriceTexts) => void }) {
  const [values, setValues] = useState<PriceTexts>({ 'wsp:JPY': '5800' });
  const errors = validatePrices(values, terms, ['JPY', 'USD']);
  return (
    <PriceGrid
      caption="Prices"
      terms={terms}
      currencies={['JPY', 'USD']}
      values={values}
      errors={errors}
      termName={(term) => term.name.en ?? ''}
      onChange={(key, text) => {
        const next = { ...values, [key]: text };
        setValues(next);
        onValues(next);
      }}
    />
  );
}

describe('PriceGrid', () => {
  it('has a row per Transaction Term and a column per currency, each cell labelled', () => {
    renderWithProviders(<Harness onValues={() => undefined} />);
    expect(screen.getByRole('table', { name: 'Prices' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'JPY' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'USD' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: /WSP/ })).toHaveTextContent('Wholesale price');
    expect(screen.getByRole('textbox', { name: 'WSP price in JPY' })).toHaveValue('5800');
    expect(screen.getByRole('textbox', { name: 'RRP price in USD' })).toHaveValue('');
    expect(screen.getAllByRole('textbox')).toHaveLength(4);
  });

  it('takes amounts in major units and shows a currency-specific error', async () => {
    const onValues = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<Harness onValues={onValues} />);
    const usd = screen.getByRole('textbox', { name: 'WSP price in USD' });
    await user.type(usd, '38.505');
    expect(usd).toHaveAttribute('aria-invalid', 'true');
    expect(usd).toHaveAccessibleDescription('USD amounts have at most 2 decimals.');
    await user.type(usd, '{Backspace}');
    expect(usd).not.toHaveAttribute('aria-invalid', 'true');
    expect(onValues).toHaveBeenLastCalledWith({ 'wsp:JPY': '5800', 'wsp:USD': '38.50' });
  });

  it('says to add a Transaction Term first when there is none', () => {
    renderWithProviders(
      <PriceGrid
        caption="Prices"
        terms={[]}
        currencies={['JPY']}
        values={{}}
        termName={() => ''}
        onChange={() => undefined}
      />,
    );
    expect(screen.getByText('Add a Transaction Term in Settings first.')).toBeInTheDocument();
  });
});
