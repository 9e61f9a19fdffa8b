import type { TFunction } from 'i18next';

/** Fields the log names in words; any other shows its column name, spaced out. */
const NAMED_FIELDS = [
  'status',
  'name',
  'token',
  'passcode_hash',
  'amount',
  'condition',
  'role',
  'transaction_term_id',
  'currency',
  'currencies',
  'billing_term',
  'deposit_percent',
  'apply_tax_to_price',
  'release_at',
  'expires_at',
  'languages',
  'card_payments_enabled',
  'offline_payment_accepted',
  'delivery_date_allowed',
  'notification_emails',
  'rate',
  'products',
  'rows',
] as const;

type NamedField = (typeof NAMED_FIELDS)[number];

function isNamed(field: string): field is NamedField {
  return (NAMED_FIELDS as readonly string[]).includes(field);
}

export function fieldLabel(t: TFunction, field: string): string {
  if (isNamed(field)) return t(`audit.fields.${field}`);
  const spaced = field.replace(/_id$/, '').replaceAll('_', ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A before or after value as a reader wants it: "—" for nothing, lists joined, yes / no. */
export function valueLabel(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  if (Array.isArray(value)) {
    return value.length === 0 ? '—' : value.map((each) => valueLabel(t, each)).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, each]) => `${key}: ${valueLabel(t, each)}`)
      .join(', ');
  }
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}
