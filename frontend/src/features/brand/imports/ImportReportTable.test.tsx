import { screen, within } from '@testing-library/react';

import { renderWithProviders } from '../../../test/render';
import { ImportReportTable } from './ImportReportTable';

describe('ImportReportTable', () => {
  it('lists each problem by spreadsheet row and column, in row order', () => {
    renderWithProviders(
      <ImportReportTable
        errors={[
          { row: 27, column: 'price:WSP:JPY', message: 'Not a price: JPY has 0 decimal places.' },
          { row: 1, column: 'colour', message: 'Unknown column; download the template.' },
          { row: 5, column: 'name:en', message: 'Enter the product name.' },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: '3 problems' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual([
      'Header',
      '5',
      '27',
    ]);
    expect(rows[2]).toHaveTextContent('price:WSP:JPY');
    expect(rows[2]).toHaveTextContent('Not a price: JPY has 0 decimal places.');
    expect(within(table).getByRole('columnheader', { name: 'Column' })).toBeInTheDocument();
  });
});
