import dayjs from 'dayjs';

import type { Schemas } from '../../../lib/api';
import { i18n } from '../../../lib/i18n';
import { parsePercent } from '../../../lib/money';
import {
  ApiError,
  fieldErrorMessage,
  fieldPath,
  mapProblem,
  type FieldResolver,
  type MappedProblem,
} from '../../../lib/problem';
import { emailAddress, requiredText } from '../../../lib/validation';
import { fromPicker, toPicker, type PaymentMethod } from '../catalogs/catalogForm';
import type { TransactionTerm } from '../data';

export type Link = Schemas['LinkRead'];
export type LinkKind = Schemas['LinkKind'];
export type LinkStatus = Schemas['LinkStatus'];
export type BuyerKind = Schemas['BuyerKind'];
export type BackgroundType = Schemas['BackgroundType'];
export type BillingTerm = Schemas['BillingTerm'];

export const LINK_KINDS: readonly LinkKind[] = ['instant', 'dynamic', 'customer'];
export const BACKGROUND_TYPES: readonly BackgroundType[] = ['empty', 'image', 'video'];
export const MAX_CONTACTS = 5;
export const PASSCODE_MIN = 4;
export const PASSCODE_MAX = 64;

/** What each kind of link offers, as the manual and DOMAIN.md §5 list it. */
export const KIND_RULES: Record<
  LinkKind,
  {
    /** Exactly one catalog (a Select), else several (a MultiSelect). */
    singleCatalog: boolean;
    chinaOnly: boolean;
    useAsCatalog: boolean;
    requireAddress: boolean;
    /** Passcode, languages, currencies, terms: the link's own; customer links use the customer's. */
    ownTerms: boolean;
  }
> = {
  instant: {
    singleCatalog: true,
    chinaOnly: true,
    useAsCatalog: true,
    requireAddress: false,
    ownTerms: true,
  },
  dynamic: {
    singleCatalog: false,
    chinaOnly: true,
    useAsCatalog: false,
    requireAddress: false,
    ownTerms: true,
  },
  customer: {
    singleCatalog: false,
    chinaOnly: false,
    useAsCatalog: true,
    requireAddress: true,
    ownTerms: false,
  },
};

export interface ContactValues {
  name: string;
  email: string;
  phone: string;
  note: string;
}

export interface LinkTermsValues {
  transaction_term_id: string;
  /** Rate % (rate terms such as WSP/RRP) or discount % (discount terms), as typed. */
  condition: string;
  billing_term: BillingTerm;
  deposit_percent: string;
  apply_tax_to_price: boolean;
  display_transaction_terms: boolean;
}

export interface LinkValues {
  kind: LinkKind;
  china_only: boolean;
  use_as_catalog: boolean;
  name: string;
  target_buyer_type: BuyerKind;
  require_address: boolean;
  description: string;
  catalog_ids: string[];
  /** The pickers' local "YYYY-MM-DD HH:mm:ss", or null. */
  release_at: string | null;
  expires_at: string | null;
  passcode_on: boolean;
  /** A new passcode; on an existing link with one, empty keeps the current passcode. */
  passcode: string;
  languages: string[];
  currencies: string[];
  terms: LinkTermsValues;
  video_url: string;
  background_type: BackgroundType;
  background_media_id: string | null;
  background_video_url: string;
  lookbook_ids: string[];
  contacts: ContactValues[];
  shipping_rate_group_id: string;
  /** Off: the catalogs' own ways to pay. */
  override_payment_methods: boolean;
  payment_methods: PaymentMethod[];
}

export interface LinkDefaults {
  /** The brand's languages and currencies, the default first. */
  languages: readonly string[];
  currencies: readonly string[];
  termId: string;
}

export function emptyTerms(termId = ''): LinkTermsValues {
  return {
    transaction_term_id: termId,
    condition: '',
    billing_term: 'without_deposit',
    deposit_percent: '',
    apply_tax_to_price: false,
    display_transaction_terms: false,
  };
}

export function emptyContact(): ContactValues {
  return { name: '', email: '', phone: '', note: '' };
}

/** A new link of a kind: the brand's default language and currency, its first term. */
export function emptyLink(kind: LinkKind, defaults: LinkDefaults): LinkValues {
  const own = KIND_RULES[kind].ownTerms;
  return {
    kind,
    china_only: false,
    use_as_catalog: false,
    name: '',
    target_buyer_type: 'organization',
    require_address: false,
    description: '',
    catalog_ids: [],
    release_at: null,
    expires_at: null,
    passcode_on: false,
    passcode: '',
    languages: own ? defaults.languages.slice(0, 1) : [],
    currencies: own ? defaults.currencies.slice(0, 1) : [],
    terms: emptyTerms(own ? defaults.termId : ''),
    video_url: '',
    background_type: 'empty',
    background_media_id: null,
    background_video_url: '',
    lookbook_ids: [],
    contacts: [],
    shipping_rate_group_id: '',
    override_payment_methods: false,
    payment_methods: [],
  };
}

function isPaymentMethod(value: string): value is PaymentMethod {
  return value === 'card' || value === 'offline';
}

export function linkToForm(link: Link): LinkValues {
  return {
    kind: link.kind,
    china_only: link.china_only,
    use_as_catalog: link.use_as_catalog,
    name: link.name,
    target_buyer_type: link.target_buyer_type,
    require_address: link.require_address,
    description: link.description,
    catalog_ids: link.catalogs.map((catalog) => catalog.id),
    release_at: toPicker(link.release_at),
    expires_at: toPicker(link.expires_at),
    passcode_on: link.passcode_enabled,
    passcode: '',
    languages: [...link.languages],
    currencies: [...link.currencies],
    terms: link.terms
      ? {
          transaction_term_id: link.terms.transaction_term_id,
          condition: link.terms.condition,
          billing_term: link.terms.billing_term,
          deposit_percent: link.terms.deposit_percent ?? '',
          apply_tax_to_price: link.terms.apply_tax_to_price,
          display_transaction_terms: link.terms.display_transaction_terms,
        }
      : emptyTerms(),
    video_url: link.video_url ?? '',
    background_type: link.background_type,
    background_media_id: link.background_media_id,
    background_video_url: link.background_video_url ?? '',
    lookbook_ids: [...link.lookbook_ids],
    contacts: link.contacts.map((contact) => ({ ...contact })),
    shipping_rate_group_id: link.shipping_rate_group_id ?? '',
    override_payment_methods: link.payment_methods !== null,
    payment_methods: (link.payment_methods ?? []).filter(isPaymentMethod),
  };
}

const HTTP_URL = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;

function urlError(value: string, required: boolean): string | null {
  const text = value.trim();
  if (!text) return required ? i18n.t('validation.required') : null;
  return HTTP_URL.test(text) ? null : i18n.t('links.validation.url');
}

/** The rules of a condition: a rate is above 0 and at most 100, a discount 0 to under 100. */
export function conditionError(
  condition: string,
  term: TransactionTerm | undefined,
): string | null {
  const parsed = parsePercent(condition);
  if (parsed === null) return i18n.t('validation.percent');
  const value = Number(parsed);
  if (term?.kind === 'discount') {
    return value < 100 ? null : i18n.t('links.validation.discountRange');
  }
  return value > 0 ? null : i18n.t('links.validation.rateRange');
}

/**
 * What the API would refuse, found before sending. `hasPasscode`: the link already has one (so
 * an empty passcode field keeps it).
 */
export function validateLink(
  values: LinkValues,
  terms: readonly TransactionTerm[],
  hasPasscode = false,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const rules = KIND_RULES[values.kind];
  const name = requiredText(values.name);
  if (name) errors.name = name;
  else if (values.name.trim().length > 200) errors.name = i18n.t('links.validation.tooLong');
  if (values.description.length > 4000) errors.description = i18n.t('links.validation.tooLong');

  if (rules.singleCatalog ? values.catalog_ids.length !== 1 : values.catalog_ids.length === 0) {
    errors.catalog_ids = rules.singleCatalog
      ? i18n.t('links.validation.oneCatalog')
      : i18n.t('validation.chooseOne');
  }
  if (
    values.release_at &&
    values.expires_at &&
    !dayjs(values.expires_at).isAfter(dayjs(values.release_at))
  ) {
    errors.expires_at = i18n.t('links.validation.expiryBeforeRelease');
  }

  if (rules.ownTerms) {
    if (values.passcode_on) {
      const passcode = values.passcode.trim();
      if (passcode === '' && !hasPasscode) {
        errors.passcode = i18n.t('links.validation.passcodeLength', { min: PASSCODE_MIN });
      } else if (
        passcode !== '' &&
        (passcode.length < PASSCODE_MIN || passcode.length > PASSCODE_MAX)
      ) {
        errors.passcode = i18n.t('links.validation.passcodeLength', { min: PASSCODE_MIN });
      }
    }
    if (values.languages.length === 0) errors.languages = i18n.t('validation.chooseOne');
    if (values.currencies.length === 0) errors.currencies = i18n.t('validation.chooseOne');
    const term = terms.find((each) => each.id === values.terms.transaction_term_id);
    if (!values.terms.transaction_term_id) {
      errors['terms.transaction_term_id'] = i18n.t('validation.required');
    }
    const condition = conditionError(values.terms.condition, term);
    if (condition) errors['terms.condition'] = condition;
    if (values.terms.billing_term === 'with_deposit') {
      const deposit = parsePercent(values.terms.deposit_percent);
      if (deposit === null || Number(deposit) <= 0) {
        errors['terms.deposit_percent'] = i18n.t('links.validation.depositRange');
      }
    }
  }

  const video = urlError(values.video_url, false);
  if (video) errors.video_url = video;
  if (values.background_type === 'image' && !values.background_media_id) {
    errors.background_media_id = i18n.t('links.validation.chooseImage');
  }
  if (values.background_type === 'video') {
    const background = urlError(values.background_video_url, true);
    if (background) errors.background_video_url = background;
  }
  if (values.contacts.length > MAX_CONTACTS) {
    errors.contacts = i18n.t('links.validation.tooManyContacts', { max: MAX_CONTACTS });
  }
  values.contacts.forEach((contact, index) => {
    const missing = requiredText(contact.name);
    if (missing) errors[`contacts.${index}.name`] = missing;
    if (contact.email.trim()) {
      const email = emailAddress(contact.email);
      if (email) errors[`contacts.${index}.email`] = email;
    }
  });
  if (values.override_payment_methods && values.payment_methods.length === 0) {
    errors.payment_methods = i18n.t('validation.chooseOne');
  }
  return errors;
}

function termsRequest(terms: LinkTermsValues): Schemas['LinkTerms'] {
  const withDeposit = terms.billing_term === 'with_deposit';
  return {
    transaction_term_id: terms.transaction_term_id,
    condition: parsePercent(terms.condition) ?? terms.condition,
    billing_term: terms.billing_term,
    deposit_percent: withDeposit
      ? (parsePercent(terms.deposit_percent) ?? terms.deposit_percent)
      : null,
    apply_tax_to_price: terms.apply_tax_to_price,
    display_transaction_terms: terms.display_transaction_terms,
  };
}

type LinkFields = Omit<Schemas['LinkCreate'], 'kind'>;

/** The fields every kind sends, and those of its kind only (the API refuses the others). */
function linkFields(values: LinkValues): LinkFields {
  const rules = KIND_RULES[values.kind];
  const background = values.background_type;
  const body: LinkFields = {
    name: values.name.trim(),
    description: values.description.trim(),
    catalog_ids: rules.singleCatalog ? values.catalog_ids.slice(0, 1) : [...values.catalog_ids],
    // Off where the kind has no such switch (the API refuses them on).
    china_only: rules.chinaOnly && values.china_only,
    use_as_catalog: rules.useAsCatalog && values.use_as_catalog,
    require_address: rules.requireAddress && values.require_address,
    target_buyer_type: values.target_buyer_type,
    release_at: fromPicker(values.release_at),
    expires_at: fromPicker(values.expires_at),
    video_url: values.video_url.trim() || null,
    background_type: background,
    background_media_id: background === 'image' ? values.background_media_id : null,
    background_video_url: background === 'video' ? values.background_video_url.trim() : null,
    lookbook_ids: [...values.lookbook_ids],
    contacts: values.contacts.map((contact) => ({
      name: contact.name.trim(),
      email: contact.email.trim(),
      phone: contact.phone.trim(),
      note: contact.note.trim(),
    })),
    shipping_rate_group_id: values.shipping_rate_group_id || null,
    payment_methods: values.override_payment_methods ? [...values.payment_methods] : null,
  };
  if (rules.ownTerms) {
    body.languages = [...values.languages];
    body.currencies = [...values.currencies];
    body.terms = termsRequest(values.terms);
  }
  return body;
}

/** "Create a New Link": a passcode only when it is on. */
export function linkCreateRequest(values: LinkValues): Schemas['LinkCreate'] {
  const body: Schemas['LinkCreate'] = { kind: values.kind, ...linkFields(values) };
  if (KIND_RULES[values.kind].ownTerms && values.passcode_on) {
    body.passcode = values.passcode.trim();
  }
  return body;
}

/**
 * Saving an existing link: a typed passcode replaces the current one, turning it off sends
 * `passcode: null`, and leaving it on with the field empty keeps the current one.
 */
export function linkUpdateRequest(values: LinkValues, hadPasscode: boolean): Schemas['LinkUpdate'] {
  const body: Schemas['LinkUpdate'] = linkFields(values);
  if (KIND_RULES[values.kind].ownTerms) {
    const typed = values.passcode.trim();
    if (values.passcode_on && typed) body.passcode = typed;
    else if (!values.passcode_on && hadPasscode) body.passcode = null;
  }
  return body;
}

/**
 * Where the API's field errors show: the list pickers take their items' errors
 * (`languages.1` → `languages`), a missing terms block shows on the Transaction Term.
 */
export const linkFieldResolver: FieldResolver = (path) => {
  const [head = '', second, third] = path.split('.');
  const whole = ['catalog_ids', 'languages', 'currencies', 'lookbook_ids', 'payment_methods'];
  if (whole.includes(head)) return head;
  if (head === 'terms') {
    const fields = ['transaction_term_id', 'condition', 'billing_term', 'deposit_percent'];
    return second && fields.includes(second) ? `terms.${second}` : 'terms.transaction_term_id';
  }
  if (head === 'contacts') {
    if (second === undefined) return 'contacts';
    const fields = ['name', 'email', 'phone', 'note'];
    return third && fields.includes(third) ? `contacts.${second}.${third}` : null;
  }
  const plain = [
    'name',
    'description',
    'china_only',
    'use_as_catalog',
    'target_buyer_type',
    'require_address',
    'release_at',
    'expires_at',
    'passcode',
    'video_url',
    'background_type',
    'background_media_id',
    'background_video_url',
    'shipping_rate_group_id',
  ];
  return plain.includes(path) ? path : null;
};

/** The editor's fields, in the order the brand manual numbers them for each kind. */
export type FieldId =
  | 'chinaOnly'
  | 'useAsCatalog'
  | 'name'
  | 'targetBuyerType'
  | 'requireAddress'
  | 'description'
  | 'catalogs'
  | 'releaseAt'
  | 'expiresAt'
  | 'passcode'
  | 'languages'
  | 'currencies'
  | 'billingTerm'
  | 'transactionTerm'
  | 'applyTax'
  | 'displayTerms'
  | 'video'
  | 'background'
  | 'lookbooks'
  | 'contacts';

const SHARED_TAIL: FieldId[] = ['video', 'background', 'lookbooks', 'contacts'];
const OWN_TERMS: FieldId[] = ['billingTerm', 'transactionTerm', 'applyTax', 'displayTerms'];

export const FIELD_ORDER: Record<LinkKind, FieldId[]> = {
  instant: [
    'chinaOnly',
    'useAsCatalog',
    'name',
    'targetBuyerType',
    'description',
    'catalogs',
    'releaseAt',
    'expiresAt',
    'passcode',
    'languages',
    'currencies',
    ...OWN_TERMS,
    ...SHARED_TAIL,
  ],
  dynamic: [
    'languages',
    'chinaOnly',
    'name',
    'targetBuyerType',
    'description',
    'catalogs',
    'releaseAt',
    'expiresAt',
    'passcode',
    'currencies',
    ...OWN_TERMS,
    ...SHARED_TAIL,
  ],
  customer: [
    'name',
    'useAsCatalog',
    'requireAddress',
    'releaseAt',
    'expiresAt',
    'catalogs',
    'description',
    ...SHARED_TAIL,
  ],
};

export function linkStatusColor(status: LinkStatus): string {
  return status === 'open' ? 'green' : status === 'void' ? 'orange' : 'gray';
}

/** A file name from a link name: "SS26 / Tokyo" → "ss26-tokyo-qr.png". */
export function qrFileName(name: string): string {
  const base = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'link'}-qr.png`;
}

/** Server error types of the links API that read better in the UI language. */
export const LINK_ERROR_TYPES = [
  'link.one_catalog',
  'link.kind_mismatch',
  'link.expiry_before_release',
  'link.not_enabled',
  'deposit_without_billing',
] as const;

const LINK_ERROR_KEYS: Record<(typeof LINK_ERROR_TYPES)[number], string> = {
  'link.one_catalog': 'links.serverErrors.oneCatalog',
  'link.kind_mismatch': 'links.serverErrors.kindMismatch',
  'link.expiry_before_release': 'links.serverErrors.expiryBeforeRelease',
  'link.not_enabled': 'links.serverErrors.notEnabled',
  deposit_without_billing: 'links.serverErrors.depositWithoutBilling',
};

// Keys picked from the server's error types cannot be checked against the catalog's types.
const translate = i18n.t.bind(i18n) as unknown as (key: string) => string;

function isLinkErrorType(type: string): type is (typeof LINK_ERROR_TYPES)[number] {
  return (LINK_ERROR_TYPES as readonly string[]).includes(type);
}

/** {@link mapProblem} for the link form, with the links API's own error types in words. */
export function mapLinkProblem(error: unknown): MappedProblem {
  const mapped = mapProblem(error, linkFieldResolver);
  if (!(error instanceof ApiError)) return mapped;
  const fieldErrors: Record<string, string> = {};
  for (const item of error.problem.errors ?? []) {
    const path = fieldPath(item.loc);
    const field = path === null ? null : linkFieldResolver(path);
    if (field === null || field in fieldErrors) continue;
    fieldErrors[field] = isLinkErrorType(item.type)
      ? translate(LINK_ERROR_KEYS[item.type])
      : fieldErrorMessage(item);
  }
  return { ...mapped, fieldErrors };
}
