import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';

import { renderWithProviders } from '../test/render';
import { moveItem } from './sortable';
import { SortableList } from './SortableList';

function Harness({ onReorder }: { onReorder: (items: string[]) => void }) {
  const [items, setItems] = useState(['Jacket', 'Shirt', 'Scarf']);
  return (
    <SortableList
      label="Products in this catalog"
      items={items}
      getId={(item) => item}
      getLabel={(item) => item}
      onReorder={(next) => {
        setItems(next);
        onReorder(next);
      }}
      renderItem={(item) => <span>{item}</span>}
    />
  );
}

function order() {
  const list = screen.getByRole('list', { name: 'Products in this catalog' });
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.getAttribute('aria-label'));
}

describe('moveItem', () => {
  it('moves one item and clamps to the list', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, -5)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('SortableList', () => {
  it('moves items with the keyboard through the move buttons and announces it', async () => {
    const onReorder = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<Harness onReorder={onReorder} />);
    expect(order()).toEqual(['Jacket', 'Shirt', 'Scarf']);

    // The first item cannot go up; the last cannot go down.
    expect(screen.getByRole('button', { name: 'Move Jacket up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Scarf down' })).toBeDisabled();

    screen.getByRole('button', { name: 'Move Jacket down' }).focus();
    await user.keyboard('{Enter}');
    expect(order()).toEqual(['Shirt', 'Jacket', 'Scarf']);
    expect(onReorder).toHaveBeenLastCalledWith(['Shirt', 'Jacket', 'Scarf']);
    expect(screen.getByText('Jacket moved to position 2 of 3.')).toBeInTheDocument();
    // The focus follows the moved item, so pressing again moves it on.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Move Jacket down' })).toHaveFocus(),
    );
    await user.keyboard(' ');
    expect(order()).toEqual(['Shirt', 'Scarf', 'Jacket']);
    // At the end, the focus goes to the button that still works.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Move Jacket up' })).toHaveFocus(),
    );
    await user.keyboard('{Enter}{Enter}');
    await waitFor(() => expect(order()).toEqual(['Jacket', 'Shirt', 'Scarf']));
  });

  it('gives every item a drag handle that screen readers can find', () => {
    renderWithProviders(<Harness onReorder={() => undefined} />);
    const handle = screen.getByRole('button', { name: 'Drag Shirt' });
    expect(handle).toHaveAttribute('aria-roledescription', 'sortable');
    expect(handle).toHaveAttribute('tabindex', '0');
  });
});
