import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { json, mockApi, renderWithProviders } from '../../test/render';
import { openLink } from './landing';
import { PasscodeGate } from './LinkGates';
import { readGrant, saveGrant } from './grants';
import type { LinkLanding } from './storeApi';

const later = new Date(Date.now() + 3_600_000).toISOString();

const landing: LinkLanding = {
  state: 'passcode_required',
  kind: 'instant',
  name: 'SS26 for shops',
  description: '',
  brand: {
    id: 'b',
    name: 'Kumo Knit',
    description: '',
    logo_url: null,
    main_visual_url: null,
    website_url: null,
  },
  background: { type: 'empty', image_url: null, video_url: null },
  contacts: [{ name: 'Kenji Mori', email: 'kenji@example.com', phone: '', note: '' }],
  release_at: null,
  expires_at: null,
  languages: ['en'],
  currencies: ['JPY'],
  target_buyer_type: 'organization',
  use_as_catalog: false,
  require_address: false,
  video_url: null,
  terms: null,
  catalogs: [],
  lookbooks: [],
  grant: null,
  customer: null,
};

describe('openLink', () => {
  beforeEach(() => sessionStorage.clear());

  it('sends the kept grant and keeps a fresh one', async () => {
    saveGrant('tok', { grant: 'kept', expires_at: later });
    const seen = mockApi({
      'GET /api/v1/order-links/tok': () =>
        json({ ...landing, state: 'available', grant: { grant: 'fresh', expires_at: later } }),
    });
    const opened = await openLink('tok', 'ja');
    expect(seen[0]?.headers.get('X-Link-Grant')).toBe('kept');
    expect(new URL(seen[0]?.url ?? '').searchParams.get('locale')).toBe('ja');
    expect(opened.grant).toBe('fresh');
    expect(readGrant('tok')?.grant).toBe('fresh');
  });

  it('forgets a kept grant the link no longer honours', async () => {
    saveGrant('tok', { grant: 'stale', expires_at: later });
    mockApi({ 'GET /api/v1/order-links/tok': () => json(landing) });
    const opened = await openLink('tok', 'en');
    expect(opened.grant).toBeNull();
    expect(readGrant('tok')).toBeNull();
  });
});

describe('PasscodeGate', () => {
  beforeEach(() => sessionStorage.clear());

  it('sends the passcode as typed and keeps the grant', async () => {
    const seen = mockApi({
      'POST /api/v1/order-links/tok/access': () => json({ grant: 'g1', expires_at: later }),
    });
    renderWithProviders(<PasscodeGate token="tok" landing={landing} />);
    expect(screen.getByRole('heading', { name: 'Enter the passcode' })).toBeVisible();
    expect(screen.getByText('kenji@example.com')).toBeVisible();
    await userEvent.type(screen.getByRole('textbox', { name: 'Passcode' }), 'spring26 ');
    await userEvent.click(screen.getByRole('button', { name: 'Open the link' }));
    await vi.waitFor(() => expect(readGrant('tok')?.grant).toBe('g1'));
    expect(await seen[0]?.json()).toEqual({ passcode: 'spring26 ' });
  });

  it('says when the passcode is wrong, and how long to wait after too many tries', async () => {
    let tries = 0;
    mockApi({
      'POST /api/v1/order-links/tok/access': () => {
        tries += 1;
        return tries === 1
          ? json(
              {
                type: 'about:blank',
                title: 'Unprocessable',
                status: 422,
                code: 'link.passcode_wrong',
                errors: [{ loc: ['body', 'passcode'], msg: 'wrong', type: 'wrong' }],
              },
              422,
            )
          : json(
              {
                type: 'about:blank',
                title: 'Too many',
                status: 429,
                code: 'link.too_many_attempts',
              },
              429,
              { 'Retry-After': '600' },
            );
      },
    });
    renderWithProviders(<PasscodeGate token="tok" landing={landing} />);
    const input = screen.getByRole('textbox', { name: 'Passcode' });
    await userEvent.type(input, 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Open the link' }));
    expect(await screen.findByText('The passcode is not correct.')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Open the link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many wrong attempts. Wait 10 minutes and try again.',
    );
  });
});
