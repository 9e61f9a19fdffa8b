import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { json, mockApi, renderWithProviders } from '../../../test/render';
import type { WebhookDelivery, WebhookEndpoint } from './model';
import { Webhooks } from './WebhooksPage';

const BRAND = '0b6a2f8e-3c1d-4e5f-8a9b-0c1d2e3f4a5b';
const URL = `/api/v1/brands/${BRAND}/webhook-endpoints`;
const SECRET = 'whsec_Jt7mD1qXo0bN4lVe9cKz2sR8uHfYaP5gWiT3nE6jQy';

function endpoint(overrides: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return {
    id: 'e1e2e3e4-0000-4000-8000-000000000001',
    url: 'https://erp.example.com/hooks',
    description: '',
    events: ['order.placed', 'stock.changed'],
    enabled: true,
    secret_hint: '…6jQy',
    pending_deliveries: 0,
    created_at: '2026-12-01T09:00:00Z',
    updated_at: '2026-12-01T09:00:00Z',
    ...overrides,
  };
}

function delivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: 'd1d2d3d4-0000-4000-8000-000000000001',
    event_id: 'f1f2f3f4-0000-4000-8000-000000000001',
    event_type: 'order.placed',
    status: 'pending',
    attempt_count: 2,
    last_status_code: 500,
    last_error: 'HTTP 500',
    next_attempt_at: '2026-12-01T09:05:00Z',
    replay_of_id: null,
    created_at: '2026-12-01T09:00:00Z',
    completed_at: null,
    payload: {},
    attempts: [
      {
        attempted_at: '2026-12-01T09:00:01Z',
        status_code: null,
        duration_ms: 5001,
        error: 'No answer within 5 s',
        response_excerpt: '',
      },
      {
        attempted_at: '2026-12-01T09:01:02Z',
        status_code: 500,
        duration_ms: 42,
        error: 'HTTP 500',
        response_excerpt: 'oops',
      },
    ],
    ...overrides,
  };
}

describe('Webhooks', () => {
  it('adds an endpoint with the chosen events and shows its secret once', async () => {
    const user = userEvent.setup();
    let endpoints: WebhookEndpoint[] = [];
    const seen = mockApi({
      [`GET ${URL}`]: () => json({ items: endpoints, next_cursor: null }),
      [`POST ${URL}`]: () => {
        endpoints = [endpoint()];
        return json({ ...endpoint(), secret: SECRET }, 201);
      },
    });
    renderWithProviders(<Webhooks brandId={BRAND} />);
    expect(await screen.findByText('No webhook endpoints yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add an endpoint' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a webhook endpoint' });
    const url = within(dialog).getByRole('textbox', { name: /URL/ });
    await user.clear(url);
    await user.type(url, 'https://erp.example.com/hooks');
    // order.placed is ticked for a start; add stock.changed.
    expect(within(dialog).getByRole('checkbox', { name: /order\.placed/ })).toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: /stock\.changed/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));

    const added = await screen.findByRole('dialog', { name: 'Endpoint added' });
    const post = seen.find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({
      url: 'https://erp.example.com/hooks',
      description: '',
      events: ['order.placed', 'stock.changed'],
      enabled: true,
    });
    expect(within(added).getByText(SECRET)).toBeInTheDocument();
    await user.click(within(added).getByRole('button', { name: 'Done' }));
    expect(await screen.findByText('https://erp.example.com/hooks')).toBeInTheDocument();
    expect(screen.queryByText(SECRET)).toBeNull();
  });

  it('asks for at least one event and shows the server’s field errors', async () => {
    const user = userEvent.setup();
    const seen = mockApi({
      [`GET ${URL}`]: () => json({ items: [], next_cursor: null }),
      [`POST ${URL}`]: () =>
        json(
          {
            type: 'about:blank',
            title: 'Unprocessable Entity',
            status: 422,
            code: 'webhook.url_not_public',
            detail: 'Webhook URLs must reach a public address.',
            errors: [
              {
                loc: ['body', 'url'],
                msg: 'Webhook URLs must reach a public address.',
                type: 'webhook.url_not_public',
              },
            ],
          },
          422,
        ),
    });
    renderWithProviders(<Webhooks brandId={BRAND} />);
    await user.click(await screen.findByRole('button', { name: 'Add an endpoint' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a webhook endpoint' });
    await user.click(within(dialog).getByRole('checkbox', { name: /order\.placed/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    expect(dialog).toHaveTextContent('Choose at least one event.');
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.click(within(dialog).getByRole('checkbox', { name: /order\.updated/ }));
    const url = within(dialog).getByRole('textbox', { name: /URL/ });
    await user.clear(url);
    await user.type(url, 'https://10.0.0.1/hooks');
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    expect(
      await within(dialog).findByText('Webhook URLs must reach a public address.'),
    ).toBeVisible();
    expect(url).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the delivery log with answers and replays a delivery', async () => {
    const user = userEvent.setup();
    const seen = mockApi({
      [`GET ${URL}`]: () =>
        json({ items: [endpoint({ pending_deliveries: 1 })], next_cursor: null }),
      [`GET ${URL}/${endpoint().id}/deliveries`]: () =>
        json({ items: [delivery()], next_cursor: null }),
      [`POST ${URL}/${endpoint().id}/deliveries/${delivery().id}/replay`]: () =>
        json(
          delivery({ id: 'd9', attempt_count: 0, attempts: [], replay_of_id: delivery().id }),
          202,
        ),
    });
    renderWithProviders(<Webhooks brandId={BRAND} />);
    expect(await screen.findByText('Not yet delivered: 1')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delivery log' }));
    const log = await screen.findByRole('dialog', { name: /Delivery log/ });
    expect(await within(log).findByText('order.placed')).toBeInTheDocument();
    expect(log).toHaveTextContent('Retrying');
    expect(log).toHaveTextContent('HTTP 500');

    const toggle = within(log).getByRole('button', { name: 'Attempts: 2' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(log).getByText('No answer within 5 s')).toBeVisible();
    expect(within(log).getByText('5001 ms')).toBeVisible();

    await user.click(within(log).getByRole('button', { name: /Replay order\.placed of/ }));
    await vi.waitFor(() =>
      expect(seen.filter((r) => r.method === 'POST' && r.url.endsWith('/replay'))).toHaveLength(1),
    );
  });
});
