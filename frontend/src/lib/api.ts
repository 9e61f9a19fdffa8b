import createClient from 'openapi-fetch';

import type { components, paths } from '../api/schema';
import { AuthSession } from './auth';

export type Schemas = components['schemas'];

const baseUrl = window.location.origin;

/** The one session of this browser tab (see {@link AuthSession}). */
export const session = new AuthSession({ baseUrl });

/** The typed API client, generated from openapi/openapi.json. Use with `unwrap` from ./problem. */
export const api = createClient<paths>({
  baseUrl,
  credentials: 'same-origin',
  fetch: session.fetch,
});
