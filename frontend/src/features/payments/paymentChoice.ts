import type { Schemas } from '../../lib/api';

export type SavedCard = Schemas['CardRead'];

/** The payment step's answer, as the order form sends it. */
export interface PaymentValue {
  payment_method: 'card' | 'offline';
  /** `card`: one of the organization's saved cards. */
  payment_method_id?: string;
}

/** The radio a picker shows checked: a saved card, "Set a New Card", or "Not Use Credit Card". */
export type PickerChoice = `card:${string}` | 'new' | 'offline';

export const NEW_CARD: PickerChoice = 'new';
export const OFFLINE: PickerChoice = 'offline';

export function cardChoice(cardId: string): PickerChoice {
  return `card:${cardId}`;
}

/**
 * The checked radio for a value. A card that is not (or no longer) among the saved ones checks
 * nothing; "Set a New Card" stays checked while its form is open.
 */
export function choiceOf(
  value: PaymentValue | null,
  cards: readonly SavedCard[],
  settingNewCard: boolean,
  offlineOffered: boolean,
): PickerChoice | null {
  if (settingNewCard) return NEW_CARD;
  if (!value) return null;
  if (value.payment_method === 'offline') return offlineOffered ? OFFLINE : null;
  const card = cards.find((each) => each.id === value.payment_method_id);
  return card ? cardChoice(card.id) : null;
}

/** The value a checked radio stands for; "Set a New Card" stands for none until it is saved. */
export function valueOf(choice: string): PaymentValue | null {
  if (choice === OFFLINE) return { payment_method: 'offline' };
  if (choice.startsWith('card:')) {
    return { payment_method: 'card', payment_method_id: choice.slice('card:'.length) };
  }
  return null;
}

/** The value to start with: the first saved card, else "Not Use Credit Card" when offered. */
export function initialPaymentValue(
  cards: readonly SavedCard[],
  offlineOffered: boolean,
): PaymentValue | null {
  const [first] = cards;
  if (first) return { payment_method: 'card', payment_method_id: first.id };
  return offlineOffered ? { payment_method: 'offline' } : null;
}

/** Whether the value can be sent: a saved card of the organization, or an offered offline. */
export function isPaymentComplete(
  value: PaymentValue | null,
  cards: readonly SavedCard[],
  offlineOffered: boolean,
): value is PaymentValue {
  return choiceOf(value, cards, false, offlineOffered) !== null;
}

const BRANDS: Record<string, string> = {
  amex: 'American Express',
  diners: 'Diners Club',
  discover: 'Discover',
  eftpos_au: 'eftpos',
  jcb: 'JCB',
  mastercard: 'Mastercard',
  unionpay: 'UnionPay',
  visa: 'Visa',
};

/** "Visa", "JCB"… (brand names are the same in every language). */
export function cardBrandName(brand: string): string {
  return BRANDS[brand.toLowerCase()] ?? brand.charAt(0).toUpperCase() + brand.slice(1);
}

/** "Visa •••• 4242": how a card is named in labels. */
export function cardName(card: SavedCard): string {
  return `${cardBrandName(card.brand)} •••• ${card.last4}`;
}

/** "Visa •••• 4242" for the card of a preview or an order (`{brand, last4}`). */
export function cardSummaryName(card: { brand: string; last4: string }): string {
  return `${cardBrandName(card.brand)} •••• ${card.last4}`;
}

/** "12/34". */
export function cardExpiry(card: SavedCard): string {
  return `${String(card.exp_month).padStart(2, '0')}/${String(card.exp_year % 100).padStart(2, '0')}`;
}
