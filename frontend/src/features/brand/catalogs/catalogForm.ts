import dayjs from 'dayjs';

import type { Schemas } from '../../../lib/api';
import { requiredText } from '../../../lib/validation';
import type { Catalog } from '../data';
import type { CatalogStatus } from '../shared/labels';
import { checkDefaultText, textsRequest, textsToForm, type Texts } from '../shared/localizedForm';

export type PaymentMethod = 'card' | 'offline';

export interface CatalogValues {
  code: string;
  name: Texts;
  description: Texts;
  status: CatalogStatus;
  /** The pickers' local "YYYY-MM-DD HH:mm:ss", or null. */
  release_at: string | null;
  order_deadline: string | null;
  shipping_rate_group_id: string;
  payment_methods: PaymentMethod[];
  lookbook_ids: string[];
  main_visual_id: string | null;
  video_url: string;
}

const PICKER_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** An instant from the API (UTC) as the date-time pickers show it, in this browser's zone. */
export function toPicker(instant: string | null | undefined): string | null {
  return instant ? dayjs(instant).format(PICKER_FORMAT) : null;
}

/** A picker's local date-time as RFC 3339 with this browser's offset (the API answers in UTC). */
export function fromPicker(value: string | null): string | null {
  return value ? dayjs(value).format('YYYY-MM-DDTHH:mm:ssZ') : null;
}

/** A new catalog offers every way to pay the brand accepts. */
export function emptyCatalog(
  languages: readonly string[],
  paymentMethods: readonly PaymentMethod[],
): CatalogValues {
  return {
    code: '',
    name: textsToForm({}, languages),
    description: textsToForm({}, languages),
    status: 'closed',
    release_at: null,
    order_deadline: null,
    shipping_rate_group_id: '',
    payment_methods: [...paymentMethods],
    lookbook_ids: [],
    main_visual_id: null,
    video_url: '',
  };
}

function isPaymentMethod(value: string): value is PaymentMethod {
  return value === 'card' || value === 'offline';
}

export function catalogToForm(catalog: Catalog, languages: readonly string[]): CatalogValues {
  return {
    code: catalog.code,
    name: textsToForm(catalog.name, languages),
    description: textsToForm(catalog.description, languages),
    status: catalog.status,
    release_at: toPicker(catalog.release_at),
    order_deadline: toPicker(catalog.order_deadline),
    shipping_rate_group_id: catalog.shipping_rate_group_id ?? '',
    payment_methods: catalog.payment_methods.filter(isPaymentMethod),
    lookbook_ids: [...catalog.lookbook_ids],
    main_visual_id: catalog.main_visual_id,
    video_url: catalog.video_url ?? '',
  };
}

export function validateCatalog(
  values: CatalogValues,
  defaultLanguage: string,
  messages: { deadlineBeforeRelease: string; choosePayment: string },
): Record<string, string> {
  const errors: Record<string, string> = {};
  const code = requiredText(values.code);
  if (code) errors.code = code;
  checkDefaultText(errors, values.name, defaultLanguage, 'name');
  if (
    values.release_at &&
    values.order_deadline &&
    !dayjs(values.order_deadline).isAfter(dayjs(values.release_at))
  ) {
    errors.order_deadline = messages.deadlineBeforeRelease;
  }
  if (values.payment_methods.length === 0) errors.payment_methods = messages.choosePayment;
  return errors;
}

export function catalogRequest(
  values: CatalogValues,
  languages: readonly string[],
): Schemas['CatalogUpdate'] & Schemas['CatalogCreate'] {
  return {
    code: values.code.trim(),
    name: textsRequest(values.name, languages),
    description: textsRequest(values.description, languages),
    status: values.status,
    release_at: fromPicker(values.release_at),
    order_deadline: fromPicker(values.order_deadline),
    shipping_rate_group_id: values.shipping_rate_group_id || null,
    payment_methods: values.payment_methods,
    lookbook_ids: values.lookbook_ids,
    main_visual_id: values.main_visual_id,
    video_url: values.video_url.trim() || null,
  };
}
