import { ApiError } from '../../lib/problem';
import { CardActionError, placeOrder, type PlaceAnswer, type PlaceAttempt } from './placeWithCard';
import type { Stripe, StripePaymentResult } from './stripe';

interface Order {
  id: string;
}

function answer(status: number, body: unknown): PlaceAnswer<Order> {
  const response = new Response(null, { status });
  return status < 400 ? { data: body as Order, response } : { error: body, response };
}

function requiresAction(intent: string) {
  return {
    type: 'about:blank',
    title: 'Payment Required',
    status: 402,
    code: 'payment.requires_action',
    detail: "Confirm the payment with your card's bank, then place the order again.",
    payment_action: { payment_intent_id: intent, client_secret: `${intent}_secret_abc` },
  };
}

const declined = {
  type: 'about:blank',
  title: 'Payment Required',
  status: 402,
  code: 'payment.card_declined',
  detail: 'The card was declined; try another card.',
};

/** A fake Stripe.js whose 3-D Secure answers each call with the next result. */
function fakeStripe(...results: StripePaymentResult[]) {
  const handleCardAction = vi.fn((_secret: string) =>
    Promise.resolve(results.shift() ?? { paymentIntent: { id: 'pi', status: 'x' } }),
  );
  return { stripe: { handleCardAction } as unknown as Stripe, handleCardAction };
}

/** A fake `send` answering each attempt with the next answer, recording the attempts. */
function fakeSend(...answers: PlaceAnswer<Order>[]) {
  const attempts: PlaceAttempt[] = [];
  const send = (attempt: PlaceAttempt) => {
    attempts.push(attempt);
    const next = answers.shift();
    if (!next) throw new Error('No more answers');
    return Promise.resolve(next);
  };
  return { send, attempts };
}

function keys() {
  let n = 0;
  return () => `key-${++n}`;
}

describe('placeOrder', () => {
  it('returns the order when the card needs no confirmation, without loading Stripe.js', async () => {
    const { send, attempts } = fakeSend(answer(201, { id: 'order-1' }));
    const stripe = vi.fn();

    await expect(placeOrder(send, { stripe, newKey: keys() })).resolves.toEqual({ id: 'order-1' });
    expect(attempts).toEqual([{ idempotencyKey: 'key-1' }]);
    expect(stripe).not.toHaveBeenCalled();
  });

  it('confirms 3-D Secure, then places again with the intent and a new idempotency key', async () => {
    const { send, attempts } = fakeSend(
      answer(402, requiresAction('pi_123')),
      answer(201, { id: 'order-2' }),
    );
    const fake = fakeStripe({ paymentIntent: { id: 'pi_123', status: 'requires_capture' } });

    const order = await placeOrder(send, {
      stripe: () => Promise.resolve(fake.stripe),
      newKey: keys(),
    });

    expect(order).toEqual({ id: 'order-2' });
    expect(fake.handleCardAction).toHaveBeenCalledWith('pi_123_secret_abc');
    expect(attempts).toEqual([
      { idempotencyKey: 'key-1' },
      { idempotencyKey: 'key-2', payment_intent_id: 'pi_123' },
    ]);
  });

  it('makes fresh random idempotency keys by default', async () => {
    const { send, attempts } = fakeSend(
      answer(402, requiresAction('pi_1')),
      answer(201, { id: 'order' }),
    );
    const fake = fakeStripe();

    await placeOrder(send, { stripe: () => Promise.resolve(fake.stripe) });

    const [first, second] = attempts.map((each) => each.idempotencyKey);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(first).not.toBe(second);
  });

  it('throws the decline as an ApiError (the cart is intact)', async () => {
    const { send } = fakeSend(answer(402, declined));
    const fake = fakeStripe();

    const placing = placeOrder(send, { stripe: () => Promise.resolve(fake.stripe) });

    await expect(placing).rejects.toBeInstanceOf(ApiError);
    await expect(placing).rejects.toMatchObject({
      status: 402,
      code: 'payment.card_declined',
      message: 'The card was declined; try another card.',
    });
    expect(fake.handleCardAction).not.toHaveBeenCalled();
  });

  it('throws a decline that comes after the confirmation', async () => {
    const { send, attempts } = fakeSend(answer(402, requiresAction('pi_9')), answer(402, declined));
    const fake = fakeStripe();

    await expect(
      placeOrder(send, { stripe: () => Promise.resolve(fake.stripe), newKey: keys() }),
    ).rejects.toMatchObject({ code: 'payment.card_declined' });
    expect(attempts).toHaveLength(2);
  });

  it('throws a CardActionError with Stripe’s message when the bank does not confirm', async () => {
    const { send, attempts } = fakeSend(answer(402, requiresAction('pi_5')));
    const fake = fakeStripe({
      error: { message: 'Authentication failed.', code: 'payment_intent_authentication_failure' },
    });

    const placing = placeOrder(send, { stripe: () => Promise.resolve(fake.stripe) });

    await expect(placing).rejects.toBeInstanceOf(CardActionError);
    await expect(placing).rejects.toMatchObject({
      message: 'Authentication failed.',
      code: 'payment_intent_authentication_failure',
    });
    expect(attempts).toHaveLength(1);
  });

  it('throws other refusals unchanged', async () => {
    const { send } = fakeSend(
      answer(409, { title: 'Conflict', status: 409, code: 'cart.changed', detail: 'Changed.' }),
    );

    await expect(placeOrder(send, { stripe: vi.fn() })).rejects.toMatchObject({
      status: 409,
      code: 'cart.changed',
    });
  });

  it('gives up after maxActions confirmations', async () => {
    const { send, attempts } = fakeSend(
      answer(402, requiresAction('pi_a')),
      answer(402, requiresAction('pi_b')),
    );
    const fake = fakeStripe();

    await expect(
      placeOrder(send, { stripe: () => Promise.resolve(fake.stripe), maxActions: 1 }),
    ).rejects.toMatchObject({ code: 'payment.requires_action' });
    expect(attempts).toHaveLength(2);
    expect(fake.handleCardAction).toHaveBeenCalledTimes(1);
  });

  it('prefers handleNextAction, and falls back to confirmCardPayment', async () => {
    const next = vi.fn(() => Promise.resolve({ paymentIntent: { id: 'pi_n', status: 'ok' } }));
    const first = fakeSend(answer(402, requiresAction('pi_n')), answer(201, { id: 'o' }));
    await placeOrder(first.send, {
      stripe: () => Promise.resolve({ handleNextAction: next } as unknown as Stripe),
    });
    expect(next).toHaveBeenCalledWith({ clientSecret: 'pi_n_secret_abc' });

    const confirm = vi.fn(() => Promise.resolve({ paymentIntent: { id: 'pi_c', status: 'ok' } }));
    const second = fakeSend(answer(402, requiresAction('pi_c')), answer(201, { id: 'o' }));
    await placeOrder(second.send, {
      stripe: () => Promise.resolve({ confirmCardPayment: confirm } as unknown as Stripe),
    });
    expect(confirm).toHaveBeenCalledWith('pi_c_secret_abc');
  });
});
