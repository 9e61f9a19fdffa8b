import { ApiError } from '../../../lib/problem';
import type { TransactionTerm } from '../data';
import {
  emptyContact,
  emptyLink,
  FIELD_ORDER,
  linkCreateRequest,
  linkFieldResolver,
  linkToForm,
  linkUpdateRequest,
  mapLinkProblem,
  qrFileName,
  validateLink,
  type Link,
  type LinkKind,
  type LinkValues,
} from './linkForm';

const WSP: TransactionTerm = {
  id: 'term-wsp',
  code: 'WSP',
  name: { en: 'Wholesale price' },
  kind: 'rate',
  position: 0,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};
const SALE: TransactionTerm = { ...WSP, id: 'term-sale', code: 'SALE', kind: 'discount' };
const TERMS = [WSP, SALE];
const DEFAULTS = { languages: ['en', 'ja'], currencies: ['JPY', 'USD'], termId: WSP.id };

function filled(kind: LinkKind, changes: Partial<LinkValues> = {}): LinkValues {
  const values = emptyLink(kind, DEFAULTS);
  return {
    ...values,
    name: '  SS26 for shops ',
    catalog_ids: kind === 'instant' ? ['cat-1'] : ['cat-1', 'cat-2'],
    terms: { ...values.terms, condition: '60' },
    ...changes,
  };
}

const stored: Link = {
  id: 'link-1',
  kind: 'instant',
  status: 'open',
  url: 'http://127.0.0.1/l/abc',
  token: 'abc',
  name: 'SS26',
  description: '',
  catalogs: [{ id: 'cat-1', code: 'SS26', name: { en: 'Spring' } }],
  china_only: true,
  use_as_catalog: false,
  target_buyer_type: 'personal',
  require_address: false,
  release_at: null,
  expires_at: '2026-12-15T09:30:00Z',
  passcode_enabled: true,
  languages: ['en'],
  currencies: ['JPY'],
  terms: {
    transaction_term_id: WSP.id,
    condition: '60',
    billing_term: 'with_deposit',
    deposit_percent: '30',
    apply_tax_to_price: true,
    display_transaction_terms: true,
  },
  video_url: null,
  background_type: 'video',
  background_media_id: null,
  background_video_url: 'https://example.com/v.mp4',
  lookbook_ids: [],
  contacts: [{ name: 'Kenji', email: 'k@example.com', phone: '', note: '' }],
  shipping_rate_group_id: null,
  payment_methods: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe('a new link', () => {
  it('starts on the default language, currency and first term, except customer links', () => {
    const instant = emptyLink('instant', DEFAULTS);
    expect(instant.languages).toEqual(['en']);
    expect(instant.currencies).toEqual(['JPY']);
    expect(instant.terms.transaction_term_id).toBe(WSP.id);
    const customer = emptyLink('customer', DEFAULTS);
    expect(customer.languages).toEqual([]);
    expect(customer.currencies).toEqual([]);
    expect(customer.terms.transaction_term_id).toBe('');
  });

  it('lists the fields in the order of the manual, per kind', () => {
    expect(FIELD_ORDER.instant.slice(0, 3)).toEqual(['chinaOnly', 'useAsCatalog', 'name']);
    expect(FIELD_ORDER.dynamic).not.toContain('useAsCatalog');
    expect(FIELD_ORDER.dynamic[0]).toBe('languages');
    expect(FIELD_ORDER.customer).toEqual(
      expect.arrayContaining(['requireAddress', 'useAsCatalog', 'catalogs']),
    );
    for (const field of ['passcode', 'languages', 'currencies', 'chinaOnly', 'transactionTerm']) {
      expect(FIELD_ORDER.customer).not.toContain(field);
    }
    expect(FIELD_ORDER.instant).not.toContain('requireAddress');
  });
});

describe('building the request', () => {
  it('sends an instant link with one catalog, its passcode and its own terms', () => {
    const body = linkCreateRequest(
      filled('instant', {
        catalog_ids: ['cat-1'],
        passcode_on: true,
        passcode: '  open-sesame ',
        china_only: true,
        use_as_catalog: true,
        terms: {
          transaction_term_id: WSP.id,
          condition: '６０',
          billing_term: 'with_deposit',
          deposit_percent: '30%',
          apply_tax_to_price: true,
          display_transaction_terms: true,
        },
      }),
    );
    expect(body).toMatchObject({
      kind: 'instant',
      name: 'SS26 for shops',
      catalog_ids: ['cat-1'],
      china_only: true,
      use_as_catalog: true,
      require_address: false,
      passcode: 'open-sesame',
      languages: ['en'],
      currencies: ['JPY'],
      terms: {
        transaction_term_id: WSP.id,
        condition: '60',
        billing_term: 'with_deposit',
        deposit_percent: '30',
        apply_tax_to_price: true,
        display_transaction_terms: true,
      },
      background_type: 'empty',
      background_media_id: null,
      background_video_url: null,
      payment_methods: null,
    });
  });

  it('sends a dynamic link with several catalogs, never as a catalog, no deposit without one', () => {
    const body = linkCreateRequest(
      filled('dynamic', {
        use_as_catalog: true,
        terms: { ...filled('dynamic').terms, deposit_percent: '20' },
      }),
    );
    expect(body.catalog_ids).toEqual(['cat-1', 'cat-2']);
    expect(body.use_as_catalog).toBe(false);
    expect(body.passcode).toBeUndefined();
    expect(body.terms?.deposit_percent).toBeNull();
  });

  it('sends a customer link without terms, passcode, languages, currencies or China-only', () => {
    const body = linkCreateRequest(
      filled('customer', {
        require_address: true,
        use_as_catalog: true,
        china_only: true,
        passcode_on: true,
        passcode: 'ignored',
        background_type: 'image',
        background_media_id: 'media-1',
        background_video_url: 'https://example.com/leftover',
        contacts: [{ name: ' Aoi ', email: ' a@example.com', phone: '', note: '' }],
      }),
    );
    expect(body).not.toHaveProperty('terms');
    expect(body).not.toHaveProperty('passcode');
    expect(body).not.toHaveProperty('languages');
    expect(body).not.toHaveProperty('currencies');
    expect(body).toMatchObject({
      kind: 'customer',
      china_only: false,
      require_address: true,
      use_as_catalog: true,
      background_type: 'image',
      background_media_id: 'media-1',
      background_video_url: null,
      contacts: [{ name: 'Aoi', email: 'a@example.com', phone: '', note: '' }],
    });
  });

  it('on edit keeps, replaces or turns off the passcode', () => {
    const values = linkToForm(stored);
    expect(values.passcode_on).toBe(true);
    expect(values.passcode).toBe('');
    expect(linkUpdateRequest(values, true)).not.toHaveProperty('passcode');
    expect(linkUpdateRequest({ ...values, passcode: ' 4321 ' }, true).passcode).toBe('4321');
    expect(linkUpdateRequest({ ...values, passcode_on: false }, true).passcode).toBeNull();
    expect(linkUpdateRequest({ ...values, passcode_on: false }, false)).not.toHaveProperty(
      'passcode',
    );
    expect(linkUpdateRequest(values, true)).not.toHaveProperty('kind');
  });

  it('reads a stored link back into the form', () => {
    const values = linkToForm(stored);
    expect(values).toMatchObject({
      catalog_ids: ['cat-1'],
      china_only: true,
      target_buyer_type: 'personal',
      terms: { billing_term: 'with_deposit', deposit_percent: '30', condition: '60' },
      background_type: 'video',
      background_video_url: 'https://example.com/v.mp4',
      override_payment_methods: false,
    });
    expect(linkUpdateRequest(values, true)).toMatchObject({
      expires_at: expect.stringMatching(/^2026-12-15T/) as unknown,
      background_video_url: 'https://example.com/v.mp4',
      terms: { deposit_percent: '30' },
    });
  });
});

describe('validation', () => {
  it('accepts a complete link of each kind', () => {
    expect(validateLink(filled('instant'), TERMS)).toEqual({});
    expect(validateLink(filled('dynamic'), TERMS)).toEqual({});
    expect(validateLink(filled('customer'), TERMS)).toEqual({});
  });

  it('wants a name and the right number of catalogs', () => {
    expect(validateLink(filled('instant', { name: ' ', catalog_ids: [] }), TERMS)).toEqual({
      name: 'Enter a value.',
      catalog_ids: 'Choose the season.',
    });
    expect(validateLink(filled('dynamic', { catalog_ids: [] }), TERMS)).toEqual({
      catalog_ids: 'Choose at least one.',
    });
  });

  it('wants the expiry after the release date', () => {
    const errors = validateLink(
      filled('customer', { release_at: '2026-03-01 10:00:00', expires_at: '2026-03-01 09:00:00' }),
      TERMS,
    );
    expect(errors).toEqual({ expires_at: 'The link must expire after its release date.' });
  });

  it('checks the passcode: 4 characters at least, optional on edit when one is set', () => {
    const on = filled('instant', { passcode_on: true, passcode: ' abc ' });
    expect(validateLink(on, TERMS).passcode).toBe('Enter a passcode of at least 4 characters.');
    expect(validateLink({ ...on, passcode: '' }, TERMS).passcode).toBeDefined();
    expect(validateLink({ ...on, passcode: '' }, TERMS, true)).toEqual({});
    expect(validateLink({ ...on, passcode: 'abcd' }, TERMS)).toEqual({});
    // Customer links have no passcode at all.
    expect(validateLink(filled('customer', { passcode_on: true }), TERMS)).toEqual({});
  });

  it('wants languages, currencies and terms on instant and dynamic links', () => {
    const values = filled('dynamic', {
      languages: [],
      currencies: [],
      terms: { ...filled('dynamic').terms, transaction_term_id: '', condition: 'abc' },
    });
    expect(validateLink(values, TERMS)).toEqual({
      languages: 'Choose at least one.',
      currencies: 'Choose at least one.',
      'terms.transaction_term_id': 'Enter a value.',
      'terms.condition': 'Enter a percentage from 0 to 100, such as 10 or 62.5.',
    });
  });

  it('reads the condition as a rate for WSP/RRP and as a discount otherwise', () => {
    const rate = (condition: string) =>
      validateLink(filled('instant', { terms: { ...filled('instant').terms, condition } }), TERMS);
    expect(rate('0')['terms.condition']).toBe('A rate is above 0 and at most 100 %.');
    expect(rate('100')).toEqual({});
    const discount = (condition: string) =>
      validateLink(
        filled('instant', {
          terms: { ...filled('instant').terms, transaction_term_id: SALE.id, condition },
        }),
        TERMS,
      );
    expect(discount('0')).toEqual({});
    expect(discount('100')['terms.condition']).toBe('A discount is from 0 to under 100 %.');
  });

  it('wants a deposit above 0 with the billing term With Deposit', () => {
    const values = filled('instant', {
      terms: { ...filled('instant').terms, billing_term: 'with_deposit', deposit_percent: '0' },
    });
    expect(validateLink(values, TERMS)).toEqual({
      'terms.deposit_percent': 'Enter a deposit above 0 and at most 100 %.',
    });
  });

  it('checks the background, video URLs, contacts and payment overrides', () => {
    const values = filled('customer', {
      video_url: 'youtube',
      background_type: 'image',
      contacts: [{ ...emptyContact(), email: 'nope' }],
      override_payment_methods: true,
    });
    expect(validateLink(values, TERMS)).toEqual({
      video_url: 'Enter a web address starting with https://.',
      background_media_id: 'Choose an image.',
      'contacts.0.name': 'Enter a value.',
      'contacts.0.email': 'Enter an e-mail address such as name@example.com.',
      payment_methods: 'Choose at least one.',
    });
    expect(
      validateLink(filled('customer', { background_type: 'video' }), TERMS).background_video_url,
    ).toBe('Enter a value.');
    const six = Array.from({ length: 6 }, () => ({ ...emptyContact(), name: 'A' }));
    expect(validateLink(filled('customer', { contacts: six }), TERMS).contacts).toBe(
      'At most 5 contacts.',
    );
  });
});

describe('server errors', () => {
  it('land on the fields of the form', () => {
    expect(linkFieldResolver('languages.1')).toBe('languages');
    expect(linkFieldResolver('catalog_ids')).toBe('catalog_ids');
    expect(linkFieldResolver('terms')).toBe('terms.transaction_term_id');
    expect(linkFieldResolver('terms.condition')).toBe('terms.condition');
    expect(linkFieldResolver('contacts.2.email')).toBe('contacts.2.email');
    expect(linkFieldResolver('passcode')).toBe('passcode');
    expect(linkFieldResolver('kind')).toBeNull();
  });

  it('are worded by their type, and the rest goes to the form alert', () => {
    const error = new ApiError(422, {
      type: 'about:blank',
      title: 'Invalid input',
      status: 422,
      code: 'validation_failed',
      errors: [
        { loc: ['body', 'catalog_ids'], msg: 'exactly one', type: 'link.one_catalog' },
        { loc: ['body', 'terms', 'condition'], msg: 'out of range', type: 'range' },
        { loc: ['body', 'languages', 0], msg: 'fr is not enabled', type: 'link.not_enabled' },
        { loc: ['body', 'kind'], msg: 'bad kind', type: 'enum' },
      ],
    });
    const mapped = mapLinkProblem(error);
    expect(mapped.fieldErrors).toEqual({
      catalog_ids: 'An Instant Order Link has exactly one season.',
      'terms.condition': 'This value is out of range.',
      languages: 'Enable it in the brand settings first.',
    });
    expect(mapped.formError?.details).toEqual(['bad kind']);
  });
});

describe('qrFileName', () => {
  it('makes a file name from the link name', () => {
    expect(qrFileName('SS26 / Tokyo')).toBe('ss26-tokyo-qr.png');
    expect(qrFileName('春夏 2026')).toBe('春夏-2026-qr.png');
    expect(qrFileName('///')).toBe('link-qr.png');
  });
});
