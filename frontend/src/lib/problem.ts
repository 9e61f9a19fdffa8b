import type { components } from '../api/schema';
import { i18n } from './i18n';

export type Problem = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];

/** An answer of the API that is not a success, with its RFC 9457 problem document. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds from `Retry-After` (429, 503), when the server sent it. */
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get code(): string {
    return this.problem.code;
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.status === 'number' && typeof record.code === 'string';
}

export function toApiError(response: Response, body: unknown): ApiError {
  const retryAfter = Number(response.headers.get('Retry-After'));
  const problem: Problem = isProblem(body)
    ? body
    : {
        type: 'about:blank',
        title: response.statusText,
        status: response.status,
        code: 'http_error',
      };
  return new ApiError(
    response.status,
    problem,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call and returns its data, or throws an {@link ApiError}. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response, error);
  return data as T;
}

/**
 * Where a problem's field error belongs in a form: `loc` without its leading "body", joined
 * with dots the way Mantine form names nested values (`["body","name","ja"]` → `name.ja`,
 * `["body","emails",1]` → `emails.1`). Errors about the query or the path are not form fields.
 */
export function fieldPath(loc: readonly (string | number)[]): string | null {
  const [where, ...rest] = loc;
  if (where !== 'body' || rest.length === 0) return null;
  return rest.join('.');
}

/** Tells which form field shows an error for an API field path, or null when none does. */
export type FieldResolver = (path: string) => string | null;

/**
 * A resolver for a form whose fields are named like the API's. Patterns are exact paths or end
 * in `.*` for one more segment (`name.*` takes `name.ja`, `emails.*` takes `emails.1`).
 * `rename` maps an API field onto a differently named form field (`{ username: 'email' }`).
 */
export function formFields(
  patterns: readonly string[],
  rename: Readonly<Record<string, string>> = {},
): FieldResolver {
  return (path) => {
    const [head = '', ...tail] = path.split('.');
    const renamed = [rename[head] ?? head, ...tail].join('.');
    const matches = patterns.some((pattern) => {
      if (!pattern.endsWith('.*')) return renamed === pattern;
      const prefix = pattern.slice(0, -1);
      const rest = renamed.slice(prefix.length);
      return renamed.startsWith(prefix) && rest.length > 0 && !rest.includes('.');
    });
    return matches ? renamed : null;
  };
}

export interface MappedProblem {
  /** Messages per form field path, ready for `form.setErrors`. */
  fieldErrors: Record<string, string>;
  /** What no field shows: the problem's message and the messages of unmapped field errors. */
  formError: { message: string; details: string[] } | null;
}

/** Spreads a problem over a form: field errors inline, everything else in one message. */
export function mapProblem(error: unknown, resolve: FieldResolver): MappedProblem {
  if (!(error instanceof ApiError)) {
    return { fieldErrors: {}, formError: { message: errorMessage(error), details: [] } };
  }
  const fieldErrors: Record<string, string> = {};
  const details: string[] = [];
  for (const item of error.problem.errors ?? []) {
    const path = fieldPath(item.loc);
    const field = path === null ? null : resolve(path);
    const message = fieldErrorMessage(item);
    if (field === null) details.push(message);
    else fieldErrors[field] ??= message;
  }
  const mappedAll = Object.keys(fieldErrors).length > 0 && details.length === 0;
  const message = errorMessage(error);
  return {
    fieldErrors,
    formError: mappedAll
      ? null
      : { message, details: [...new Set(details)].filter((detail) => detail !== message) },
  };
}

// Keys built from the server's codes cannot be checked against the catalog's types.
const translateDynamic = i18n.t.bind(i18n) as unknown as (
  key: string,
  options?: Record<string, unknown>,
) => string;

function translated(key: string, fallback: string, options: Record<string, unknown> = {}): string {
  return i18n.exists(key) ? translateDynamic(key, options) : fallback;
}

/** A field error in the UI language (by its `type`), else the server's text. */
export function fieldErrorMessage(item: FieldError): string {
  return translated(`problem.field.${item.type}`, item.msg);
}

/** One sentence for any error: by the problem's `code`, then its status, then its detail. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return i18n.t('problem.network');
  const { problem, status, retryAfter } = error;
  const minutes = retryAfter ? Math.max(1, Math.ceil(retryAfter / 60)) : 1;
  const byStatus: Record<number, string> = {
    403: 'problem.status.403',
    404: 'problem.status.404',
    429: 'problem.status.429',
    503: 'problem.status.503',
  };
  const fallback = problem.detail ?? problem.title;
  const statusKey = byStatus[status];
  const statusText = statusKey ? translated(statusKey, fallback, { minutes }) : fallback;
  return translated(`problem.code.${problem.code}`, statusText, { minutes });
}
