/**
 * Requests the entry (main.tsx) sends before the app's code has arrived, each handed once to
 * the same request when the app makes it: the first page's data is on its way while the app's
 * JavaScript downloads and runs, instead of being asked for only afterwards.
 *
 * Only an optimisation: a request the app makes that matches none (or one started too long
 * ago) goes to the network as usual, and an early answer nobody claims is left unread.
 */

interface Early {
  response: Promise<Response>;
  sentAt: number;
}

const sent = new Map<string, Early>();

// An unclaimed answer older than this may be out of date: the app asks again.
const FRESH_MS = 30_000;

/** Method, path, query (in any order) and link grant: what tells two such requests apart. */
function keyOf(method: string, url: URL, linkGrant: string | null): string {
  const query = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${method} ${url.pathname}?${new URLSearchParams(query).toString()} ${linkGrant ?? ''}`;
}

export interface EarlyRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | undefined>;
  /** Sent as `X-Link-Grant`. */
  linkGrant?: string;
}

function urlOf(path: string, query: Record<string, string | undefined>): URL {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url;
}

/**
 * Sends a request now, for the app to claim. With `then`, a copy of a successful answer's JSON
 * is handed to it first, for the entry's own next requests: the app sees the answer only
 * afterwards, so that those requests are on their way before it would ask for them itself.
 */
export function sendEarly(
  { method, path, query = {}, linkGrant }: EarlyRequest,
  then?: (body: unknown) => void,
): void {
  const url = urlOf(path, query);
  let response = fetch(url, {
    method,
    credentials: 'same-origin',
    headers: linkGrant ? { 'X-Link-Grant': linkGrant } : {},
  });
  if (then) {
    response = response.then(async (answer) => {
      // The entry's trouble (a body that is not JSON, a failing callback) is not the app's:
      // it reads the answer itself and reports what is wrong with it.
      try {
        then(answer.ok ? await answer.clone().json() : null);
      } catch {
        // nothing to do: the app asks for what the entry could not
      }
      return answer;
    });
  }
  sent.set(keyOf(method, url, linkGrant ?? null), { response, sentAt: Date.now() });
  // Unclaimed, a failure is nobody's business; claimed, the app sees it as its own.
  response.catch(() => undefined);
}

/** The early answer to this request, once; undefined when there is none (fetch it then). */
export function claimEarly(request: Request): Promise<Response> | undefined {
  if (sent.size === 0) return undefined;
  const key = keyOf(request.method, new URL(request.url), request.headers.get('X-Link-Grant'));
  const early = sent.get(key);
  if (!early) return undefined;
  sent.delete(key);
  return Date.now() - early.sentAt < FRESH_MS ? early.response : undefined;
}

/** `fetch` for API clients: the early answer if there is one, else the network. */
export function fetchClaimingEarly(request: Request): Promise<Response> {
  return claimEarly(request) ?? globalThis.fetch(request);
}
