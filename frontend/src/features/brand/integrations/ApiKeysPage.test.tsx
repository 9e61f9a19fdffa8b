import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { json, mockApi, renderWithProviders } from '../../../test/render';
import { ApiKeys } from './ApiKeysPage';
import type { ApiKey } from './model';

const BRAND = '0b6a2f8e-3c1d-4e5f-8a9b-0c1d2e3f4a5b';
const URL = `/api/v1/brands/${BRAND}/api-keys`;
const SECRET = 'sk_4fJ2kq9VxYb7Rm3aT0pLwE8sNcHdUuZi1oGvXyQe5Bk';

function key(overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    name: 'ERP',
    prefix: SECRET.slice(0, 16),
    scopes: ['orders:write', 'catalog:read'],
    created_at: '2026-12-01T09:00:00Z',
    last_used_at: null,
    revoked_at: null,
    ...overrides,
  };
}

describe('API keys', () => {
  it('creates a key with the chosen access and shows its secret once, with a copy button', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    let keys: ApiKey[] = [];
    const seen = mockApi({
      [`GET ${URL}`]: () => json({ items: keys, next_cursor: null }),
      [`POST ${URL}`]: () => {
        keys = [key({ scopes: ['orders:write'] })];
        return json({ ...keys[0], secret: SECRET }, 201);
      },
    });
    renderWithProviders(<ApiKeys brandId={BRAND} />);
    expect(await screen.findByText('No API keys yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create an API key' }));

    const dialog = screen.getByRole('dialog', { name: 'Create an API key' });
    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), '  ERP ');
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Give access to at least one area.',
    );
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);

    const orders = within(dialog).getByRole('radiogroup', { name: /Orders/ });
    await user.click(within(orders).getByRole('radio', { name: 'Read and write' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));

    const created = await screen.findByRole('dialog', { name: 'API key created' });
    const post = seen.find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({ name: 'ERP', scopes: ['orders:write'] });
    expect(within(created).getByText(SECRET)).toBeInTheDocument();
    expect(created).toHaveTextContent('it is shown this once');
    await user.click(within(created).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(await within(created).findByRole('button', { name: 'Copied' })).toBeInTheDocument();

    await user.click(within(created).getByRole('button', { name: 'Done' }));
    const row = (await screen.findByText('ERP')).closest('tr');
    expect(row).not.toBeNull();
    expect(row).toHaveTextContent('Orders: Read and write');
    expect(row).toHaveTextContent('Never');
    expect(screen.queryByText(SECRET)).toBeNull();
  });

  it('revokes a key only after confirmation', async () => {
    const user = userEvent.setup();
    let keys = [key()];
    const seen = mockApi({
      [`GET ${URL}`]: () => json({ items: keys, next_cursor: null }),
      [`DELETE ${URL}/${key().id}`]: () => {
        keys = [key({ revoked_at: '2026-12-02T10:00:00Z' })];
        return new Response(null, { status: 204 });
      },
    });
    renderWithProviders(<ApiKeys brandId={BRAND} />);
    const row = (await screen.findByText('ERP')).closest('tr');
    expect(row).toHaveTextContent('Catalog: Read');
    await user.click(await screen.findByRole('button', { name: 'Revoke the API key ERP' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke the API key “ERP”?' });
    expect(dialog).toHaveTextContent('stop working at once');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(seen.filter((r) => r.method === 'DELETE')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Revoke the API key ERP' }));
    await user.click(
      within(screen.getByRole('dialog', { name: /Revoke the API key/ })).getByRole('button', {
        name: 'Revoke',
      }),
    );
    expect(await screen.findByText(/^Revoked /)).toBeInTheDocument();
    expect(seen.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Revoke the API key ERP' })).toBeNull();
  });
});
