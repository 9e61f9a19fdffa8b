import {
  cardBrandName,
  cardChoice,
  cardExpiry,
  cardName,
  cardSummaryName,
  choiceOf,
  initialPaymentValue,
  isPaymentComplete,
  valueOf,
  type SavedCard,
} from './paymentChoice';

const visa: SavedCard = {
  id: 'pm_visa',
  brand: 'visa',
  last4: '4242',
  exp_month: 3,
  exp_year: 2034,
};
const jcb: SavedCard = { id: 'pm_jcb', brand: 'jcb', last4: '0000', exp_month: 12, exp_year: 2031 };
const cards = [visa, jcb];

describe('the card picker’s value', () => {
  it('checks the radio of a saved card, of "Not Use Credit Card", or none', () => {
    expect(
      choiceOf({ payment_method: 'card', payment_method_id: 'pm_jcb' }, cards, false, true),
    ).toBe('card:pm_jcb');
    expect(choiceOf({ payment_method: 'offline' }, cards, false, true)).toBe('offline');
    expect(choiceOf(null, cards, false, true)).toBeNull();
  });

  it('checks nothing for a card that is not saved (any more), or an offline not offered', () => {
    expect(
      choiceOf({ payment_method: 'card', payment_method_id: 'pm_gone' }, cards, false, true),
    ).toBeNull();
    expect(choiceOf({ payment_method: 'card' }, cards, false, true)).toBeNull();
    expect(choiceOf({ payment_method: 'offline' }, cards, false, false)).toBeNull();
  });

  it('keeps "Set a New Card" checked while its form is open', () => {
    expect(choiceOf(null, cards, true, true)).toBe('new');
    expect(choiceOf({ payment_method: 'offline' }, cards, true, true)).toBe('new');
  });

  it('turns a checked radio into the order form’s value', () => {
    expect(valueOf(cardChoice('pm_visa'))).toEqual({
      payment_method: 'card',
      payment_method_id: 'pm_visa',
    });
    expect(valueOf('offline')).toEqual({ payment_method: 'offline' });
    expect(valueOf('new')).toBeNull();
  });

  it('starts with the first saved card, else offline when offered, else nothing', () => {
    expect(initialPaymentValue(cards, true)).toEqual({
      payment_method: 'card',
      payment_method_id: 'pm_visa',
    });
    expect(initialPaymentValue([], true)).toEqual({ payment_method: 'offline' });
    expect(initialPaymentValue([], false)).toBeNull();
  });

  it('is complete only with a saved card or an offered offline', () => {
    expect(
      isPaymentComplete({ payment_method: 'card', payment_method_id: 'pm_visa' }, cards, false),
    ).toBe(true);
    expect(isPaymentComplete({ payment_method: 'offline' }, cards, true)).toBe(true);
    expect(isPaymentComplete({ payment_method: 'offline' }, cards, false)).toBe(false);
    expect(isPaymentComplete({ payment_method: 'card' }, cards, true)).toBe(false);
    expect(isPaymentComplete(null, cards, true)).toBe(false);
  });

  it('names cards the same way in every language', () => {
    expect(cardName(visa)).toBe('Visa •••• 4242');
    expect(cardSummaryName({ brand: 'mastercard', last4: '4444' })).toBe('Mastercard •••• 4444');
    expect(cardName(jcb)).toBe('JCB •••• 0000');
    expect(cardBrandName('amex')).toBe('American Express');
    expect(cardBrandName('newbrand')).toBe('Newbrand');
    expect(cardExpiry(visa)).toBe('03/34');
    expect(cardExpiry(jcb)).toBe('12/31');
  });
});
