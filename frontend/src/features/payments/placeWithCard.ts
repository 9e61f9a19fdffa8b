import { toApiError } from '../../lib/problem';
import { completeCardAction, stripeErrorMessage, type Stripe, type StripeError } from './stripe';

/** What each attempt adds to the order request. */
export interface PlaceAttempt {
  /** A fresh `Idempotency-Key` for this attempt. */
  idempotencyKey: string;
  /** After 3-D Secure: the intent the buyer has just confirmed (body `payment_intent_id`). */
  payment_intent_id?: string;
}

/** An openapi-fetch answer (`api.POST(...)`), or anything shaped like it. */
export interface PlaceAnswer<T> {
  data?: T;
  error?: unknown;
  response: Pick<Response, 'ok' | 'status' | 'statusText' | 'headers'>;
}

export interface PlaceOptions {
  /** Stripe.js, loaded only when the card asks for confirmation. */
  stripe: () => Promise<Stripe>;
  /** Makes idempotency keys (default: a random UUID). */
  newKey?: () => string;
  /** How many confirmations to go through before giving up (default 3). */
  maxActions?: number;
}

/** The buyer's bank did not confirm the payment (3-D Secure failed or was cancelled). */
export class CardActionError extends Error {
  readonly stripeError: StripeError | null;

  constructor(error: StripeError | null | undefined) {
    super(stripeErrorMessage(error));
    this.name = 'CardActionError';
    this.stripeError = error ?? null;
  }

  get code(): string {
    return this.stripeError?.code ?? 'payment.action_failed';
  }
}

function randomKey(): string {
  return crypto.randomUUID();
}

/**
 * Places an order, going through the card's 3-D Secure when the server answers 402
 * `payment.requires_action`: Stripe.js confirms the intent with the buyer's bank, then the order
 * is placed again with `payment_intent_id` and a new idempotency key.
 *
 * `send` makes one request (`POST /carts/{id}/orders`) with what the attempt adds. Resolves with
 * the placed order; rejects with the {@link ApiError} of any other refusal (402
 * `payment.card_declined` included: the cart is intact) or a {@link CardActionError}.
 *
 * ```ts
 * const order = await placeOrder(
 *   ({ idempotencyKey, payment_intent_id }) =>
 *     api.POST('/api/v1/carts/{cart_id}/orders', {
 *       params: { path: { cart_id }, header: { 'Idempotency-Key': idempotencyKey } },
 *       body: { ...form, payment_method: 'card', payment_method_id, payment_intent_id },
 *     }),
 *   { stripe: () => loadStripe(config) },
 * );
 * ```
 */
export async function placeOrder<T>(
  send: (attempt: PlaceAttempt) => Promise<PlaceAnswer<T>>,
  { stripe, newKey = randomKey, maxActions = 3 }: PlaceOptions,
): Promise<T> {
  let attempt: PlaceAttempt = { idempotencyKey: newKey() };
  for (let actions = 0; ; actions += 1) {
    const { data, error, response } = await send(attempt);
    if (response.ok) return data as T;
    const problem = toApiError(response as Response, error);
    const action = problem.problem.payment_action;
    if (
      problem.status !== 402 ||
      problem.code !== 'payment.requires_action' ||
      !action ||
      actions >= maxActions
    ) {
      throw problem;
    }
    const result = await completeCardAction(await stripe(), action.client_secret);
    if (result.error || !result.paymentIntent) throw new CardActionError(result.error);
    attempt = { idempotencyKey: newKey(), payment_intent_id: action.payment_intent_id };
  }
}
