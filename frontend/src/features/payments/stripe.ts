import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, type Schemas } from '../../lib/api';
import { i18n } from '../../lib/i18n';
import { unwrap } from '../../lib/problem';

/*
 * Stripe.js is never bundled: the server says where to load it from (`GET /payments/config`,
 * the real https://js.stripe.com/v3/ or a local fake in development), and the page loads it
 * once as a <script>. Only what Showroom uses is typed here.
 */

export type PaymentConfig = Schemas['PaymentConfig'];

/** What Stripe.js answers when something fails (a decline, an invalid card, a network error). */
export interface StripeError {
  message?: string;
  code?: string;
  decline_code?: string;
  type?: string;
}

/** The `change` event of a card Element (the fake Stripe.js sends none). */
export interface StripeCardChange {
  empty?: boolean;
  complete?: boolean;
  error?: StripeError;
}

export interface StripeCardElement {
  mount(domElement: HTMLElement): void;
  destroy(): void;
  on(event: 'change', handler: (event?: StripeCardChange) => void): void;
  focus?(): void;
}

export interface StripeElements {
  create(type: 'card', options?: { hidePostalCode?: boolean }): StripeCardElement;
}

export interface StripeSetupIntent {
  id: string;
  status: string;
  /** The saved PaymentMethod (an id, unless expanded). */
  payment_method: string | { id: string } | null;
}

export interface StripePaymentIntent {
  id: string;
  status: string;
}

export interface StripeSetupResult {
  setupIntent?: StripeSetupIntent;
  error?: StripeError | null;
}

export interface StripePaymentResult {
  paymentIntent?: StripePaymentIntent;
  error?: StripeError | null;
}

export interface Stripe {
  elements(): StripeElements;
  confirmCardSetup(
    clientSecret: string,
    data: { payment_method: { card: StripeCardElement } },
  ): Promise<StripeSetupResult>;
  /** 3-D Secure for an intent the server confirmed (see {@link completeCardAction}). */
  handleCardAction?(clientSecret: string): Promise<StripePaymentResult>;
  handleNextAction?(options: { clientSecret: string }): Promise<StripePaymentResult>;
  confirmCardPayment?(clientSecret: string): Promise<StripePaymentResult>;
}

type StripeFactory = (publishableKey: string) => Stripe;

declare global {
  interface Window {
    Stripe?: StripeFactory;
  }
}

/** Stripe.js could not be loaded (blocked, offline, or the server has no cards). */
export class StripeLoadError extends Error {
  constructor() {
    super(i18n.t('payments.errors.stripeLoad'));
    this.name = 'StripeLoadError';
  }
}

const scripts = new Map<string, Promise<StripeFactory>>();

/**
 * Loads Stripe.js from `url` once per page: later calls share the same promise. A failed load
 * is forgotten, so that trying again (a Retry button) loads it afresh.
 */
export function loadStripeJs(url: string): Promise<StripeFactory> {
  const loading = scripts.get(url);
  if (loading) return loading;
  const promise = new Promise<StripeFactory>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = () => {
      if (typeof window.Stripe === 'function') resolve(window.Stripe);
      else reject(new StripeLoadError());
    };
    script.onerror = () => {
      script.remove();
      reject(new StripeLoadError());
    };
    document.head.appendChild(script);
  });
  scripts.set(url, promise);
  promise.catch(() => scripts.delete(url));
  return promise;
}

const instances = new Map<string, Promise<Stripe>>();

/** The page's one Stripe object for the server's key, or a {@link StripeLoadError}. */
export function loadStripe(config: PaymentConfig): Promise<Stripe> {
  const { card_payments_available: available, js_url: url, publishable_key: key } = config;
  if (!available || !url || !key) return Promise.reject(new StripeLoadError());
  const cacheKey = `${url} ${key}`;
  const existing = instances.get(cacheKey);
  if (existing) return existing;
  const promise = loadStripeJs(url).then((factory) => factory(key));
  instances.set(cacheKey, promise);
  promise.catch(() => instances.delete(cacheKey));
  return promise;
}

/** Forgets loaded scripts and Stripe objects (tests). */
export function resetStripeForTests(): void {
  scripts.clear();
  instances.clear();
}

export const paymentsKeys = {
  config: ['payments', 'config'] as const,
  stripe: (config: PaymentConfig) =>
    ['payments', 'stripe', config.js_url, config.publishable_key] as const,
  cards: (orgId: string) => ['buyer-organizations', 'one', orgId, 'payment-methods'] as const,
};

export const paymentConfigQuery = queryOptions({
  queryKey: paymentsKeys.config,
  queryFn: () => unwrap(api.GET('/api/v1/payments/config')),
  staleTime: Infinity,
});

export function usePaymentConfig() {
  return useQuery(paymentConfigQuery);
}

/** Stripe.js, loaded once the server's configuration says cards can be used. */
export function useStripe(config: PaymentConfig | undefined) {
  return useQuery({
    queryKey: config ? paymentsKeys.stripe(config) : ['payments', 'stripe', null],
    queryFn: () => (config ? loadStripe(config) : Promise.reject(new StripeLoadError())),
    enabled: Boolean(config?.card_payments_available),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    // A Stripe object is not data: keep the very same one.
    structuralSharing: false,
  });
}

/**
 * Lets the buyer's bank confirm a payment (3-D Secure) for an intent the server created and
 * confirmed. Showroom's server confirms automatically, so Stripe.js's `handleNextAction` fits;
 * `handleCardAction` (manual confirmation) and `confirmCardPayment` (older or fake Stripe.js)
 * are the fallbacks.
 */
export function completeCardAction(
  stripe: Stripe,
  clientSecret: string,
): Promise<StripePaymentResult> {
  if (stripe.handleNextAction) return stripe.handleNextAction({ clientSecret });
  if (stripe.handleCardAction) return stripe.handleCardAction(clientSecret);
  if (stripe.confirmCardPayment) return stripe.confirmCardPayment(clientSecret);
  return Promise.resolve({ error: { message: i18n.t('payments.errors.stripeLoad') } });
}

/** The message to show for a Stripe.js error. */
export function stripeErrorMessage(error: StripeError | null | undefined): string {
  return error?.message || i18n.t('payments.errors.cardFailed');
}
