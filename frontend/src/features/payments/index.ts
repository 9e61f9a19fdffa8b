// The card payment pieces the checkout uses (DOMAIN.md §6 step 5).
export { CardForm, CardsUnavailable, type CardFormProps } from './CardForm';
export { CardPicker, type CardPickerProps } from './CardPicker';
export { cardsQuery } from './cards';
export {
  cardBrandName,
  cardName,
  cardSummaryName,
  initialPaymentValue,
  isPaymentComplete,
  type PaymentValue,
  type SavedCard,
} from './paymentChoice';
export {
  CardActionError,
  placeOrder,
  type PlaceAnswer,
  type PlaceAttempt,
  type PlaceOptions,
} from './placeWithCard';
export { loadStripe, paymentConfigQuery, usePaymentConfig, type Stripe } from './stripe';
