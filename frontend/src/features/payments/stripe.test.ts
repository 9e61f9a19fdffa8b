import {
  loadStripe,
  loadStripeJs,
  resetStripeForTests,
  StripeLoadError,
  type Stripe,
} from './stripe';

const URL_ = 'https://stripe.test/v3/';

function injected(): HTMLScriptElement[] {
  return [...document.head.querySelectorAll<HTMLScriptElement>(`script[src="${URL_}"]`)];
}

afterEach(() => {
  resetStripeForTests();
  for (const script of injected()) script.remove();
  delete window.Stripe;
});

describe('loading Stripe.js', () => {
  it('injects one script however often it is asked for, and makes one Stripe object', async () => {
    const stripe = {} as Stripe;
    const factory = vi.fn(() => stripe);
    const config = { card_payments_available: true, js_url: URL_, publishable_key: 'pk_test' };

    const first = loadStripe(config);
    const second = loadStripe(config);
    expect(injected()).toHaveLength(1);
    window.Stripe = factory;
    injected()[0]?.dispatchEvent(new Event('load'));

    await expect(first).resolves.toBe(stripe);
    await expect(second).resolves.toBe(stripe);
    expect(factory).toHaveBeenCalledTimes(1);
    expect(factory).toHaveBeenCalledWith('pk_test');
  });

  it('fails clearly when the script cannot load, and tries afresh next time', async () => {
    const failed = loadStripeJs(URL_);
    injected()[0]?.dispatchEvent(new Event('error'));
    await expect(failed).rejects.toBeInstanceOf(StripeLoadError);
    await expect(failed).rejects.toThrow('The secure card field could not be loaded');
    expect(injected()).toHaveLength(0);

    const again = loadStripeJs(URL_);
    expect(injected()).toHaveLength(1);
    window.Stripe = vi.fn();
    injected()[0]?.dispatchEvent(new Event('load'));
    await expect(again).resolves.toBe(window.Stripe);
  });

  it('does not load anything when the server takes no cards', async () => {
    await expect(
      loadStripe({ card_payments_available: false, js_url: null, publishable_key: null }),
    ).rejects.toBeInstanceOf(StripeLoadError);
    expect(injected()).toHaveLength(0);
  });
});
