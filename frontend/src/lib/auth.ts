import createClient from 'openapi-fetch';

import type { paths } from '../api/schema';
import { fetchClaimingEarly } from './earlyRequests';
import { unwrap } from './problem';

type Listener = () => void;
type SessionState = 'unknown' | 'signed-in' | 'signed-out';

const AUTH_PATH = '/api/v1/auth/';

export interface AuthSessionOptions {
  /** Where the API is; the SPA is served from the same origin. */
  baseUrl: string;
  /** Called when a request needed a session and none could be refreshed. */
  onExpired?: () => void;
}

/**
 * The browser's session with the API. The access token lives in memory only; the refresh token
 * is an HttpOnly cookie (path /api/v1/auth) that the browser sends on its own. On start and on
 * any 401 the session is refreshed once; concurrent callers share one refresh request.
 */
export class AuthSession {
  private token: string | null = null;
  private state: SessionState = 'unknown';
  private refreshing: Promise<string | null> | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly options: AuthSessionOptions;
  private readonly client: ReturnType<typeof createClient<paths>>;

  constructor(options: AuthSessionOptions) {
    this.options = options;
    // The client for auth endpoints carries no bearer token and never refreshes itself. The
    // first refresh finds its answer on the way: the entry sends it (main.tsx).
    this.client = createClient<paths>({
      baseUrl: options.baseUrl,
      credentials: 'same-origin',
      fetch: fetchClaimingEarly,
    });
  }

  onExpired(handler: () => void): void {
    this.options.onExpired = handler;
  }

  get accessToken(): string | null {
    return this.token;
  }

  get isAuthenticated(): boolean {
    return this.token !== null;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setToken(token: string | null): void {
    const changed = token !== this.token;
    this.token = token;
    this.state = token === null ? 'signed-out' : 'signed-in';
    if (changed) this.listeners.forEach((listener) => listener());
  }

  /** Exchanges the refresh cookie for a new access token; one request at a time. */
  refresh(): Promise<string | null> {
    this.refreshing ??= this.client
      .POST('/api/v1/auth/refresh')
      .then(({ data }) => data?.access_token ?? null)
      .catch(() => null)
      .then((token) => {
        this.setToken(token);
        return token;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /** True when there is a session: the one in memory, or one the refresh cookie restores. */
  async ensure(): Promise<boolean> {
    if (this.token !== null) return true;
    if (this.state === 'signed-out') return false;
    return (await this.refresh()) !== null;
  }

  async login(email: string, password: string): Promise<void> {
    const tokens = await unwrap(
      this.client.POST('/api/v1/auth/token', {
        body: { username: email, password },
        bodySerializer: (body) => new URLSearchParams(body),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
    this.setToken(tokens.access_token);
  }

  async logout(): Promise<void> {
    try {
      await this.client.POST('/api/v1/auth/logout');
    } finally {
      this.setToken(null);
    }
  }

  /**
   * The `fetch` of the API client: adds the bearer token and, on a 401, refreshes the session
   * once and repeats the request. When no session can be had, reports it and returns the 401.
   */
  fetch = async (request: Request): Promise<Response> => {
    const isAuthCall = new URL(request.url).pathname.startsWith(AUTH_PATH);
    const retry = isAuthCall ? null : request.clone();
    const sentWith = this.token;
    const response = await globalThis.fetch(withBearer(request, sentWith));
    if (response.status !== 401 || retry === null) return response;

    // Another request may already have refreshed the session while this one was out.
    const current = this.token;
    const token = current !== null && current !== sentWith ? current : await this.refresh();
    if (token === null) {
      this.options.onExpired?.();
      return response;
    }
    return globalThis.fetch(withBearer(retry, token));
  };
}

function withBearer(request: Request, token: string | null): Request {
  if (token === null) return request;
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}
