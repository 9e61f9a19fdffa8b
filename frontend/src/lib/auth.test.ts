import { AuthSession } from './auth';

const BASE = 'http://localhost:3000';

function tokenResponse(token: string): Response {
  return new Response(
    JSON.stringify({ access_token: token, token_type: 'bearer', expires_in: 900 }),
    {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    },
  );
}

function unauthorized(): Response {
  return new Response(
    JSON.stringify({ title: 'Unauthorized', status: 401, code: 'auth.not_authenticated' }),
    { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** A fetch stand-in whose refresh answers only when the test says so. */
function controlledRefresh() {
  const refreshes: ((response: Response) => void)[] = [];
  const calls: Request[] = [];
  const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation((input) => {
    const request = input as Request;
    calls.push(request);
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/refresh') {
      return new Promise<Response>((resolve) => refreshes.push(resolve));
    }
    const auth = request.headers.get('Authorization');
    return Promise.resolve(
      auth === 'Bearer fresh' ? new Response('{"ok":true}', { status: 200 }) : unauthorized(),
    );
  });
  return { refreshes, calls, fetchMock };
}

const refreshCalls = (calls: Request[]) =>
  calls.filter((request) => new URL(request.url).pathname === '/api/v1/auth/refresh');

describe('AuthSession refresh', () => {
  it('shares one refresh request among concurrent callers', async () => {
    const { refreshes, calls } = controlledRefresh();
    const session = new AuthSession({ baseUrl: BASE });

    const all = Promise.all([session.refresh(), session.refresh(), session.ensure()]);
    await vi.waitFor(() => expect(refreshes).toHaveLength(1));
    refreshes[0]?.(tokenResponse('fresh'));

    expect(await all).toEqual(['fresh', 'fresh', true]);
    expect(refreshCalls(calls)).toHaveLength(1);
    expect(session.accessToken).toBe('fresh');
  });

  it('sends the refresh cookie: the request is same-origin with credentials', async () => {
    const { refreshes, calls } = controlledRefresh();
    const session = new AuthSession({ baseUrl: BASE });
    const pending = session.refresh();
    await vi.waitFor(() => expect(refreshes).toHaveLength(1));
    refreshes[0]?.(tokenResponse('fresh'));
    await pending;
    const [request] = refreshCalls(calls);
    expect(request?.method).toBe('POST');
    expect(request?.credentials).toBe('same-origin');
  });

  it('refreshes once for simultaneous 401s and repeats each request with the new token', async () => {
    const { refreshes, calls } = controlledRefresh();
    const session = new AuthSession({ baseUrl: BASE });

    const answers = Promise.all([
      session.fetch(new Request(`${BASE}/api/v1/me`)),
      session.fetch(new Request(`${BASE}/api/v1/brands`)),
      session.fetch(
        new Request(`${BASE}/api/v1/buyer-organizations`, {
          method: 'POST',
          body: JSON.stringify({ name: { en: 'Aoi' } }),
        }),
      ),
    ]);
    await vi.waitFor(() => expect(refreshes).toHaveLength(1));
    refreshes[0]?.(tokenResponse('fresh'));

    const responses = await answers;
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(refreshCalls(calls)).toHaveLength(1);
    const retried = calls.filter(
      (request) => request.headers.get('Authorization') === 'Bearer fresh',
    );
    expect(retried.map((request) => new URL(request.url).pathname)).toEqual([
      '/api/v1/me',
      '/api/v1/brands',
      '/api/v1/buyer-organizations',
    ]);
    // The repeated POST still carries its body.
    expect(await retried[2]?.text()).toBe('{"name":{"en":"Aoi"}}');
  });

  it('reports an ended session once the refresh fails, and answers with the 401', async () => {
    const { refreshes } = controlledRefresh();
    const onExpired = vi.fn();
    const session = new AuthSession({ baseUrl: BASE, onExpired });

    const answer = session.fetch(new Request(`${BASE}/api/v1/me`));
    await vi.waitFor(() => expect(refreshes).toHaveLength(1));
    refreshes[0]?.(unauthorized());

    expect((await answer).status).toBe(401);
    expect(onExpired).toHaveBeenCalledTimes(1);
    expect(session.isAuthenticated).toBe(false);
    // Known to be logged out: no second refresh just to learn that again.
    expect(await session.ensure()).toBe(false);
    expect(refreshes).toHaveLength(1);
  });

  it('never refreshes for the auth endpoints themselves (a wrong password is a 401)', async () => {
    const { calls } = controlledRefresh();
    const session = new AuthSession({ baseUrl: BASE });
    const answer = await session.fetch(
      new Request(`${BASE}/api/v1/auth/token`, { method: 'POST', body: 'username=a&password=b' }),
    );
    expect(answer.status).toBe(401);
    expect(refreshCalls(calls)).toHaveLength(0);
  });

  it('logs in with a form-encoded body and keeps the token in memory', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(tokenResponse('issued'));
    const session = new AuthSession({ baseUrl: BASE });
    const listener = vi.fn();
    session.subscribe(listener);

    await session.login('aoi@example.com', 'secret123');

    const request = fetchMock.mock.calls[0]?.[0] as Request;
    expect(new URL(request.url).pathname).toBe('/api/v1/auth/token');
    expect(request.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(await request.text()).toBe('username=aoi%40example.com&password=secret123');
    expect(session.accessToken).toBe('issued');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(localStorage.length).toBe(0);
  });

  it('adds the bearer token to API requests once there is one', async () => {
    const { refreshes, calls } = controlledRefresh();
    const session = new AuthSession({ baseUrl: BASE });
    const restored = session.ensure();
    await vi.waitFor(() => expect(refreshes).toHaveLength(1));
    refreshes[0]?.(tokenResponse('fresh'));
    await restored;

    const answer = await session.fetch(new Request(`${BASE}/api/v1/me`));
    expect(answer.status).toBe(200);
    expect(calls.at(-1)?.headers.get('Authorization')).toBe('Bearer fresh');
  });
});
