import { claimEarly, fetchClaimingEarly, sendEarly } from './earlyRequests';

const ORIGIN = window.location.origin;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('early requests', () => {
  it('hands an early answer once to the same request, whatever the order of its query', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(json({ n: 1 }));
    sendEarly({ method: 'GET', path: '/api/v1/once', query: { locale: 'en', currency: 'JPY' } });
    expect(fetchMock).toHaveBeenCalledTimes(1);

    const request = new Request(`${ORIGIN}/api/v1/once?currency=JPY&locale=en`);
    const early = claimEarly(request);
    expect(early).toBeDefined();
    await expect((await early)?.json()).resolves.toEqual({ n: 1 });
    // Claimed: the next such request goes to the network.
    expect(claimEarly(new Request(`${ORIGIN}/api/v1/once?currency=JPY&locale=en`))).toBeUndefined();
  });

  it('tells requests apart by method, path, query and link grant', () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(json({}));
    sendEarly({ method: 'GET', path: '/api/v1/apart', query: { locale: 'en' }, linkGrant: 'g1' });
    const url = `${ORIGIN}/api/v1/apart?locale=en`;
    expect(claimEarly(new Request(url))).toBeUndefined();
    expect(claimEarly(new Request(url, { headers: { 'X-Link-Grant': 'g2' } }))).toBeUndefined();
    expect(claimEarly(new Request(`${url}&currency=USD`))).toBeUndefined();
    expect(
      claimEarly(new Request(url, { method: 'POST', headers: { 'X-Link-Grant': 'g1' } })),
    ).toBeUndefined();
    expect(claimEarly(new Request(url, { headers: { 'X-Link-Grant': 'g1' } }))).toBeDefined();
  });

  it('gives the entry a copy of the answer before the app sees it, and the app its body', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(json({ grant: 'g' }));
    const seen: unknown[] = [];
    sendEarly({ method: 'GET', path: '/api/v1/landing' }, (body) => seen.push(body));
    const answer = await fetchClaimingEarly(new Request(`${ORIGIN}/api/v1/landing`));
    expect(seen).toEqual([{ grant: 'g' }]);
    await expect(answer.json()).resolves.toEqual({ grant: 'g' });
  });

  it('reads no copy of a failed answer, and leaves the failure to the app', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(json({ code: 'link.not_found' }, 404));
    const then = vi.fn();
    sendEarly({ method: 'GET', path: '/api/v1/missing' }, then);
    const answer = await fetchClaimingEarly(new Request(`${ORIGIN}/api/v1/missing`));
    expect(then).toHaveBeenCalledWith(null);
    expect(answer.status).toBe(404);
  });

  it('goes to the network for a request nobody sent early', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(json({ fresh: true }));
    const request = new Request(`${ORIGIN}/api/v1/never-sent`);
    const answer = await fetchClaimingEarly(request);
    expect(fetchMock).toHaveBeenCalledWith(request);
    await expect(answer.json()).resolves.toEqual({ fresh: true });
  });
});
